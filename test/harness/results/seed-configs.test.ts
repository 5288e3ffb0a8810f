// The seed's model configs: valid against the config contract, and each joins its reference table.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deepMerge, isRecord } from '../../../harness/config/merge.ts';
import { configSchema } from '../../../harness/config/schema.ts';
import { readAggregateFile } from '../../../harness/results/files.ts';
import { SUITES } from '../../../suites/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIGS = ['qwen3-max', 'qwen3-235b-a22b-instruct-2507', 'deepseek-v3.1', 'kimi-k2', 'claude-opus-4', 'local-vllm', 'qwen3-omni-30b-a3b-instruct', 'qwen3-vl-235b-a22b-instruct'];

function readMerged(file: string): Record<string, unknown> {
  const doc: unknown = parse(readFileSync(file, 'utf8'));
  if (!isRecord(doc)) throw new Error(`${file}: not a mapping`);
  const { extends: base, ...own } = doc;
  return typeof base === 'string' ? deepMerge(readMerged(join(dirname(file), base)), own) : own;
}

describe('seed configs', () => {
  for (const name of CONFIGS) {
    it(`${name}.yaml is a valid config whose model joins its reference table`, async () => {
      const config = configSchema.parse(readMerged(join(ROOT, 'configs', `${name}.yaml`)));
      for (const suite of Object.keys(config.suites)) expect([...SUITES.keys()]).toContain(suite);
      expect(config.suites['arena-hard-v2'] === undefined || config.judge !== undefined).toBe(true);
      expect(config.model.simulated).toBe(false);
      if (config.reference === undefined) throw new Error('every seed config names its reference');
      const records = await readAggregateFile(join(ROOT, config.reference));
      expect(records.map((r) => r.model_info.name)).toContain(config.model.name);
    });
  }

  it('the Qwen3-VL config uses the report\'s Instruct settings, which its reference records', async () => {
    const config = configSchema.parse(readMerged(join(ROOT, 'configs', 'qwen3-vl-235b-a22b-instruct.yaml')));
    expect(config.model.generation).toEqual({ temperature: 0.7, top_p: 0.8, presence_penalty: 1.5, max_tokens: 32768, extra_body: { top_k: 20, repetition_penalty: 1.0 } });
    if (config.reference === undefined) throw new Error('the Qwen3-VL config names its reference');
    const [record] = await readAggregateFile(join(ROOT, config.reference));
    for (const result of record?.evaluation_results ?? []) {
      expect(result.generation_config?.generation_args).toEqual({ temperature: 0.7, top_p: 0.8, top_k: 20, max_tokens: 32768 });
      expect(result.generation_config?.additional_details?.['generation.presence_penalty']).toBe('1.5');
    }
    expect(record?.evaluation_results).toHaveLength(5);
  });

  it('the Qwen3-Omni config streams, as Model Studio requires for Qwen-Omni', () => {
    const config = configSchema.parse(readMerged(join(ROOT, 'configs', 'qwen3-omni-30b-a3b-instruct.yaml')));
    expect(config.model.endpoint.stream).toBe(true);
    expect(config.model.generation).toEqual({ max_tokens: 16384 });
  });

  it('the Qwen3-235B-A22B-Instruct-2507 config uses the model card settings', () => {
    const config = configSchema.parse(readMerged(join(ROOT, 'configs', 'qwen3-235b-a22b-instruct-2507.yaml')));
    expect(config.model.generation).toEqual({ temperature: 0.7, top_p: 0.8, max_tokens: 16384, extra_body: { top_k: 20, min_p: 0 } });
    expect(config.suites.aime25).toMatchObject({ generation: { max_tokens: 38912 } });
  });
});
