import { describe, expect, it } from 'vitest';
import { SAMPLES_PATH_PATTERN } from '../../../harness/results/aggregate-schema.ts';
import { BENCHMARKS } from '../../../suites/index.ts';
import { collectionFor, modelPathParts, portableName, runUuid, samplesPathFor } from '../../../harness/results/datastore.ts';

const benchmarkOf = (name: string) => BENCHMARKS.of(name);

describe('datastore paths', () => {
  it('names a one-suite run by its benchmark and a multi-suite run by its source', () => {
    expect(collectionFor(['livecodebench'])).toBe('livecodebench');
    expect(collectionFor(['aime25', 'aime25'])).toBe('aime25');
    expect(collectionFor(['aime25', 'supergpqa'])).toBe('parity');
  });

  it('derives a stable version-4-shaped uuid per run', () => {
    expect(runUuid('run-a')).toBe(runUuid('run-a'));
    expect(runUuid('run-a')).not.toBe(runUuid('run-b'));
    expect(runUuid('run-a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps path components portable', () => {
    expect(modelPathParts('openai/azure/gpt-4o')).toEqual({ developer: 'openai', model: 'azure_gpt-4o' });
    expect(modelPathParts('local-model')).toEqual({ developer: 'unknown', model: 'local-model' });
    expect(portableName('data')).toBe('data_');
    expect(portableName('a:b?.')).toBe('a_b_');
    expect(portableName('..')).toBe('unknown');
    expect(samplesPathFor('aime25', 'Qwen/Qwen3-235B-A22B', 'r1')).toMatch(SAMPLES_PATH_PATTERN);
  });
});

describe('benchmark names', () => {
  it('maps suite ids and published titles to one benchmark, keeping slices', () => {
    expect(benchmarkOf('AIME25')).toEqual({ suite: 'aime25', slice: null });
    expect(benchmarkOf("AIME'25")).toEqual({ suite: 'aime25', slice: null });
    expect(benchmarkOf('Arena-Hard-Auto v2.0')).toEqual({ suite: 'arena-hard-v2', slice: null });
    expect(benchmarkOf('arena-hard-v2/category=hard_prompt')).toEqual({ suite: 'arena-hard-v2', slice: 'category=hard_prompt' });
    expect(benchmarkOf('livebench')).toEqual({ suite: 'livebench', slice: null });
    expect(benchmarkOf('MMLU-Pro')).toBeNull();
  });
});
