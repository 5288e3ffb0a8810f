import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiKeyFor, loadConfig } from '../../../harness/config/load.ts';
import { planSuites } from '../../../harness/run/settings.ts';
import { SUITES } from '../../../suites/index.ts';

const base = `model:
  name: Test Model
  id: test/model
  endpoint:
    base_url: http://127.0.0.1:9/v1
    api_key_env: TEST_KEY
    model: m
  generation:
    temperature: 0.7
    extra_body: { top_k: 20 }
suites:
  aime25:
    samples: 4
    generation: { max_tokens: 100 }
`;

function write(text: string, name = 'c.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'parity-config-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loadConfig', () => {
  it('loads a valid config and merges generation: suite defaults < model < suite config', () => {
    const loaded = loadConfig(write(base), SUITES);
    const [plan] = planSuites(loaded, { suites: null, limit: null, samples: null, concurrency: null, output: null });
    expect(plan?.samples).toBe(4);
    expect(plan?.generation).toEqual({ temperature: 0.7, max_tokens: 100, extra_body: { top_k: 20 } });
    expect(loaded.config.runner.concurrency).toBe(16);
    expect(loaded.config.output).toBe('results/runs');
  });

  it('rejects unknown keys, naming the file and the YAML path', () => {
    const path = write(base.replace('  generation:\n    temperature', '  generaton: {}\n  generation:\n    temperature'));
    expect(() => loadConfig(path, SUITES)).toThrow(/c\.yaml: invalid config\n {2}model: Unrecognized key: "generaton".*Remove it or check its spelling/s);
  });

  it('rejects a wrong type with the path', () => {
    const path = write(`${base}runner:\n  concurrency: many\n`);
    expect(() => loadConfig(path, SUITES)).toThrow(/runner\.concurrency: Invalid input: expected number/);
  });

  it('rejects an unknown suite and unknown suite keys', () => {
    expect(() => loadConfig(write(`${base}  mmlu: {}\n`), SUITES)).toThrow(/suites\.mmlu: unknown suite. Known suites: aime25/);
    expect(() => loadConfig(write(base.replace('    samples: 4', '    samples: 4\n    shots: 5')), SUITES)).toThrow(/suites\.aime25/);
  });

  it('rejects a key pasted where the env var name belongs', () => {
    const path = write(base.replace('api_key_env: TEST_KEY', 'api_key_env: sk-abc123-def'));
    expect(() => loadConfig(path, SUITES)).toThrow(/api_key_env: must be the NAME of an environment variable/);
  });

  it('merges extends: the child wins key by key', () => {
    const basePath = write(base, 'base.yaml');
    const child = join(basePath, '..', 'child.yaml');
    writeFileSync(child, 'extends: base.yaml\nmodel:\n  name: Child\nrunner:\n  concurrency: 3\n');
    const loaded = loadConfig(child, SUITES);
    expect(loaded.config.model.name).toBe('Child');
    expect(loaded.config.model.id).toBe('test/model');
    expect(loaded.config.runner.concurrency).toBe(3);
  });

  it('detects an extends cycle', () => {
    const a = write('extends: b.yaml\n', 'a.yaml');
    writeFileSync(join(a, '..', 'b.yaml'), 'extends: a.yaml\n');
    expect(() => loadConfig(a, SUITES)).toThrow(/extends: forms a cycle/);
  });

  it('finds configs/<name> and says where it looked when missing', () => {
    expect(loadConfig('demo.yaml', SUITES).config.model.simulated).toBe(true);
    expect(() => loadConfig('nope.yaml', SUITES)).toThrow(/nope\.yaml: config file not found \(also looked in configs\/\)/);
  });

  it('rejects a --suite that the config does not have', () => {
    const loaded = loadConfig(write(base), SUITES);
    expect(() => planSuites(loaded, { suites: ['supergpqa'], limit: null, samples: null, concurrency: null, output: null })).toThrow(/--suite supergpqa: .* has no suites\.supergpqa/);
  });
});

describe('apiKeyFor', () => {
  it('reports a missing key before any request, naming the variable but no value', () => {
    expect(() => apiKeyFor('MISSING_KEY_XYZ', 'c.yaml: model', {})).toThrow(/c\.yaml: model\.endpoint\.api_key_env: environment variable MISSING_KEY_XYZ is not set/);
  });
  it('allows keyless local endpoints', () => {
    expect(apiKeyFor(undefined, 'c.yaml: model', {})).toBeNull();
    expect(apiKeyFor('K', 'x', { K: ' secret ' })).toBe('secret');
  });
});
