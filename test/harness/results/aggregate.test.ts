import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateRecord, aggregateRecordSchema } from '../../../harness/results/aggregate.ts';
import { SAMPLES_PATH_PATTERN } from '../../../harness/results/aggregate-schema.ts';
import { readAggregateFile, writeScoresFile } from '../../../harness/results/files.ts';
import { runSummary, aimeSuite, MODEL } from '../../fixtures/results/run-summary.ts';

describe('aggregateRecord', () => {
  it('writes one result per metric of every suite, with what each metric is', () => {
    const record = aggregateRecord(runSummary());
    expect(record.source_metadata.source_type).toBe('evaluation_run');
    expect(record.schema_version).toBe('0.3.0');
    expect(record.evaluation_results.map((r) => `${r.evaluation_name}:${r.metric_config.metric_id}`)).toEqual([
      'aime25:avg_at_k',
      'aime25:pass_at_k',
      'aime25/contest=I:avg_at_k',
      'arena-hard-v2:arena_hard.win_rate',
    ]);
    const head = record.evaluation_results[0];
    expect(head?.evaluation_result_id).toBe('aime25');
    expect(head?.metric_config).toMatchObject({
      metric_parameters: { k: 4 },
      lower_is_better: false,
      min_score: 0,
      max_score: 100,
      metric_unit: 'percent',
      additional_details: { headline: 'true' },
    });
    expect(head?.score_details.uncertainty).toMatchObject({
      standard_error: { value: 5, method: 'clustered by problem' },
      confidence_interval: { lower: 52.7, upper: 72.3, confidence_level: 0.95 },
      num_samples: 120,
    });
  });

  it('records the parameters actually sent and what else moves a score', () => {
    const head = aggregateRecord(runSummary()).evaluation_results[0];
    expect(head?.generation_config?.generation_args).toEqual({ temperature: 0.7, top_p: 0.8, top_k: 20, max_tokens: 38912 });
    expect(head?.generation_config?.additional_details).toMatchObject({
      'generation.presence_penalty': '1.5',
      'generation.min_p': '0',
      'dataset.revision': 'abc123',
      prompt_template_hash: 'sha256:aaaa',
      extractor: 'last-boxed-integer',
      deviations: '[]',
      harness_version: '0.1.0',
      error_samples: '2',
      errors_by_kind: '{"timeout":2}',
      simulated: 'false',
    });
    const arena = aggregateRecord(runSummary()).evaluation_results[3];
    expect(arena?.generation_config?.additional_details?.judge_model).toBe('openai/gpt-4.1');
    expect(arena?.source_data.source_type).toBe('other');
  });

  it('points at the samples file in the datastore layout, with its checksum and row count', () => {
    const record = aggregateRecord(runSummary());
    const detailed = record.detailed_evaluation_results;
    expect(detailed?.file_path).toMatch(SAMPLES_PATH_PATTERN);
    // two suites: the multi-suite collection
    expect(detailed?.file_path.startsWith('data/parity/Qwen/Qwen3-235B-A22B-Instruct-2507/')).toBe(true);
    expect(detailed).toMatchObject({ checksum: 'a'.repeat(64), total_rows: 868, hash_algorithm: 'sha256' });
    const single = aggregateRecord(runSummary({ suites: [aimeSuite()] }));
    expect(single.detailed_evaluation_results?.file_path.startsWith('data/aime25/Qwen/')).toBe(true);
    // same run, same uuid: re-scoring names the same files
    expect(aggregateRecord(runSummary()).detailed_evaluation_results?.file_path).toBe(detailed?.file_path);
  });

  it('labels a simulated model in the record itself', () => {
    const record = aggregateRecord(runSummary({ model: { ...MODEL, name: 'demo', simulated: true } }));
    expect(record.model_info.name).toBe('demo (simulated)');
    expect(record.model_info.additional_details.simulated).toBe('true');
    expect(record.source_metadata.source_name).toMatch(/SIMULATED/);
  });

  it('leaves out metrics without a finite value and says so', () => {
    const suite = aimeSuite();
    const first = suite.metrics[0];
    if (first === undefined) throw new Error('fixture');
    suite.metrics = [{ ...first, value: Number.NaN }];
    const record = aggregateRecord(runSummary({ suites: [suite] }));
    expect(record.evaluation_results).toHaveLength(0);
    expect(record.source_metadata.additional_details?.non_finite_metrics).toBe('aime25:avg_at_k');
  });

  it('round-trips through scores.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parity-scores-'));
    const record = aggregateRecord(runSummary());
    const path = await writeScoresFile(dir, record);
    expect(await readAggregateFile(path)).toEqual([record]);
    expect(aggregateRecordSchema.parse(JSON.parse(await readFile(path, 'utf8')))).toEqual(record);
  });

  it('rejects a record with an extra top-level field on write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parity-scores-'));
    const bad = { ...aggregateRecord(runSummary()), extra: 1 };
    await expect(writeScoresFile(dir, bad)).rejects.toThrow(/scores\.json: \(root\): Unrecognized key/);
  });
});
