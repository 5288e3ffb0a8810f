// Every committed reference table loads, validates and holds the published numbers.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AggregateRecord } from '../../../harness/results/aggregate.ts';
import { BENCHMARKS } from '../../../suites/index.ts';
import { readAggregateFile } from '../../../harness/results/files.ts';

const benchmarkOf = (name: string) => BENCHMARKS.of(name);

const DIR = fileURLToPath(new URL('../../../results/reference/', import.meta.url));

// The seed's tables (issue text): model -> suite -> published value.
const QWEN3_MAX: Record<string, Record<string, number>> = {
  'Qwen3-Max-Instruct-Preview': { supergpqa: 64.6, aime25: 80.6, livecodebench: 57.5, 'arena-hard-v2': 86.1, livebench: 79.3 },
  'Qwen3-235B-A22B': { supergpqa: 62.6 },
  'DeepSeek-V3.1': { supergpqa: 59.8, aime25: 49.8, 'arena-hard-v2': 61.5, livebench: 71.3 },
  'Kimi K2': { 'arena-hard-v2': 66.1 },
  'Claude Opus 4': { livebench: 74.6 },
};
const QWEN3_2507: Record<string, Record<string, number>> = {
  'Deepseek-V3-0324': { supergpqa: 57.3, aime25: 46.6, livebench: 66.9, livecodebench: 45.2, 'arena-hard-v2': 45.6 },
  'GPT-4o-0327': { supergpqa: 51.0, aime25: 26.7, livebench: 63.7, livecodebench: 35.8, 'arena-hard-v2': 61.9 },
  'Claude Opus 4': { supergpqa: 56.5, aime25: 33.9, livebench: 74.6, livecodebench: 44.6, 'arena-hard-v2': 51.5 },
  'Kimi K2': { supergpqa: 57.2, aime25: 49.5, livebench: 76.4, livecodebench: 48.9, 'arena-hard-v2': 66.1 },
  'Qwen3-235B-A22B': { supergpqa: 48.2, aime25: 24.7, livebench: 62.5, livecodebench: 32.9, 'arena-hard-v2': 52.0 },
  'Qwen3-235B-A22B-Instruct-2507': { supergpqa: 62.6, aime25: 70.3, livebench: 75.4, livecodebench: 51.8, 'arena-hard-v2': 79.2 },
};

function table(records: AggregateRecord[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const record of records) {
    expect(out[record.model_info.name], `one record per model: ${record.model_info.name}`).toBeUndefined();
    const row: Record<string, number> = {};
    for (const result of record.evaluation_results) {
      const bench = benchmarkOf(result.evaluation_name);
      expect(bench, result.evaluation_name).not.toBeNull();
      if (bench !== null) row[bench.suite] = result.score_details.score;
    }
    out[record.model_info.name] = row;
  }
  return out;
}

describe('results/reference', () => {
  it('every file loads and validates as documentation records with sourced numbers', async () => {
    const files = (await readdir(DIR)).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['qwen3-235b-a22b-instruct-2507.json', 'qwen3-max-instruct-preview.json', 'qwen3-omni-30b-a3b-instruct.json', 'qwen3-vl-235b-a22b-instruct.json']);
    for (const file of files) {
      const records = await readAggregateFile(join(DIR, file));
      for (const record of records) {
        expect(record.source_metadata.source_type).toBe('documentation');
        for (const result of record.evaluation_results) {
          expect(result.score_details.details?.source_url).toMatch(/^https:\/\//);
          expect(result.score_details.details?.note?.length).toBeGreaterThan(10);
          expect(result.metric_config.metric_unit).toBe('percent');
          // one decimal, as published
          expect(Math.round(result.score_details.score * 10) / 10).toBe(result.score_details.score);
        }
      }
    }
  });

  it('holds the Qwen3-Max-Instruct-Preview comparison exactly, with absent cells absent', async () => {
    expect(table(await readAggregateFile(join(DIR, 'qwen3-max-instruct-preview.json')))).toEqual(QWEN3_MAX);
  });

  it('holds the Qwen3-235B-A22B-Instruct-2507 card table exactly', async () => {
    expect(table(await readAggregateFile(join(DIR, 'qwen3-235b-a22b-instruct-2507.json')))).toEqual(QWEN3_2507);
  });

  it('holds the Qwen3-Omni technical report cell exactly (the Instruct model has one of the five)', async () => {
    expect(table(await readAggregateFile(join(DIR, 'qwen3-omni-30b-a3b-instruct.json')))).toEqual({ 'Qwen3-Omni-30B-A3B-Instruct': { aime25: 65.0 } });
  });

  it('holds the Qwen3-VL technical report Table 5 cells exactly', async () => {
    expect(table(await readAggregateFile(join(DIR, 'qwen3-vl-235b-a22b-instruct.json')))).toEqual({
      'Qwen3-VL-235B-A22B-Instruct': { supergpqa: 60.4, aime25: 74.7, livebench: 74.8, livecodebench: 54.3, 'arena-hard-v2': 77.4 },
    });
  });

  it('marks unstated protocol details as unknown and records stated ones', async () => {
    const records = await readAggregateFile(join(DIR, 'qwen3-235b-a22b-instruct-2507.json'));
    const own = records.find((r) => r.model_info.name === 'Qwen3-235B-A22B-Instruct-2507');
    const result = (suite: string) => own?.evaluation_results.find((r) => benchmarkOf(r.evaluation_name)?.suite === suite);
    expect(result('supergpqa')?.generation_config?.additional_details?.['metric_parameters.aggregate']).toBe('unknown');
    expect(result('arena-hard-v2')?.generation_config?.additional_details?.judge_model).toBe('gpt-4.1');
    expect(result('livecodebench')?.generation_config?.additional_details?.['dataset.window']).toBe('2025-02-01..2025-05-01');
    expect(result('livebench')?.generation_config?.additional_details?.['dataset.version']).toBe('2024-11-25');
  });
});
