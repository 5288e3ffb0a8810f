// The GitHub workflow and the Kubernetes manifests for sharded runs: they parse, name only scripts that exist,
// and their exact shell commands, run here against a local endpoint, produce a merged run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cli.ts';
import { startFakeEndpoint, type FakeEndpoint } from '../../helpers/fake-endpoint.ts';
import { referenceRecord } from '../../fixtures/results/reference-builder.ts';

const WORKFLOW = join(ROOT, '.github/workflows/reproduce-full.yml');
const MANIFESTS = [join(ROOT, 'deploy/kubernetes/shards.yaml'), join(ROOT, 'deploy/kubernetes/merge.yaml')];
const scripts: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;

type Step = { id?: string; run?: string };
const workflow = parse(readFileSync(WORKFLOW, 'utf8'));
const steps = (job: string): Step[] => workflow.jobs[job].steps;
const runOf = (job: string, id: string): string => {
  const script = steps(job).find((s) => s.id === id)?.run;
  if (script === undefined) throw new Error(`${job}.${id} has no run step`);
  return script;
};
const manifests = MANIFESTS.flatMap((file) => parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => doc.toJS()));
const job = (name: string) => manifests.find((m) => m.kind === 'Job' && m.metadata.name === name);
const commandOf = (container: { command: string[] }): string => container.command[2] ?? '';

let endpoint: FakeEndpoint;
let dir: string;
let config: string;
beforeAll(async () => {
  endpoint = await startFakeEndpoint((req) => ({ kind: 'answer', content: /Fixture (one|three)/.test(req.prompt) ? '\\boxed{7}' : '\\boxed{1}' }));
  dir = mkdtempSync(join(tmpdir(), 'parity-deploy-'));
  writeFileSync(join(dir, 'ref.json'), JSON.stringify([referenceRecord('Deploy Model', [{ benchmark: 'AIME25', score: 50 }], 'test/deploy')]));
  config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    `model:
  name: Deploy Model
  id: test/deploy
  endpoint: { base_url: "${endpoint.baseUrl}", model: fake }
runner: { concurrency: 4, timeout_s: 5, max_retries: 1 }
suites:
  aime25:
    samples: 2
    dataset: { path: ${join(ROOT, 'test/fixtures/aime25/problems.jsonl')} }
reference: ${join(dir, 'ref.json')}
`,
  );
});
afterAll(async () => {
  await endpoint.close();
  rmSync(dir, { recursive: true, force: true });
});

// asynchronous: the endpoint answering these commands lives in this process
function sh(script: string, env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  const child = spawn('bash', ['-eo', 'pipefail', '-c', script], { cwd: ROOT, env: { ...process.env, ...env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, out })));
}

describe('reproduce-full workflow', () => {
  it('names only npm scripts that exist', () => {
    const runs = Object.keys(workflow.jobs).flatMap((name) => steps(name).flatMap((s) => (s.run ? [s.run] : [])));
    const used = runs.flatMap((r) => [...r.matchAll(/npm run (\S+)/g)].map((m) => m[1] ?? ''));
    expect(used).toEqual(expect.arrayContaining(['eval', 'merge', 'compare']));
    for (const name of used) expect(Object.keys(scripts)).toContain(name);
    expect(workflow.on.workflow_dispatch.inputs).toHaveProperty('shards');
  });

  it('its shard, merge and compare commands make one run from three shards', async () => {
    const env = { CONFIG: config, SUITES: '', SHARDS: '3', SHARDS_DIR: join(dir, 'gh-out'), RESULTS_DIR: join(dir, 'gh-results') };
    for (const index of ['0', '1', '2']) {
      const shard = await sh(runOf('shard', 'eval'), { ...env, INDEX: index });
      expect(shard.status, shard.out).toBe(0);
    }
    const merged = await sh(runOf('merge', 'merge'), env);
    expect(merged.status, merged.out).toBe(0);
    const compared = await sh(runOf('merge', 'compare'), env);
    expect(compared.status, compared.out).toBe(0);
    expect(compared.out).toMatch(/AIME25|aime25/);
    const runs = readdirSync(env.RESULTS_DIR);
    expect(runs).toHaveLength(1);
    const spec = JSON.parse(readFileSync(join(env.RESULTS_DIR, runs[0] ?? '', 'spec.json'), 'utf8'));
    expect(spec.shards).toHaveLength(3);
  });
});

describe('Kubernetes manifests', () => {
  it('an Indexed Job of SHARDS pods and a merge Job sharing one volume', () => {
    const shards = job('parity-shards');
    expect(shards.spec.completionMode).toBe('Indexed');
    const container = shards.spec.template.spec.containers[0];
    const count = container.env.find((e: { name: string }) => e.name === 'SHARDS').value;
    expect(shards.spec.completions).toBe(Number(count));
    expect(shards.spec.parallelism).toBe(Number(count));
    const merge = job('parity-merge');
    expect(merge.spec.template.spec.initContainers[0].env.find((e: { name: string }) => e.name === 'SHARDS').value).toBe(count);
    expect(manifests.some((m) => m.kind === 'PersistentVolumeClaim' && m.metadata.name === 'parity-runs')).toBe(true);
  });

  it('their pod commands run the shards, resume a restarted pod, wait and merge', async () => {
    const shardCommand = commandOf(job('parity-shards').spec.template.spec.containers[0]);
    const out = join(dir, 'k8s');
    const env = { SHARDS: '3', PARITY_CONFIG: config, OUT: out };
    for (const index of ['0', '1', '2']) {
      const pod = await sh(shardCommand, { ...env, JOB_COMPLETION_INDEX: index });
      expect(pod.status, pod.out).toBe(0);
    }
    // a restarted pod resumes its run: still one run in its directory, nothing sent again
    const requestsBefore = endpoint.requests.length;
    const again = await sh(shardCommand, { ...env, JOB_COMPLETION_INDEX: '1' });
    expect(again.status, again.out).toBe(0);
    expect(readdirSync(join(out, 'shard-1'))).toHaveLength(1);
    expect(endpoint.requests.length).toBe(requestsBefore);
    const merge = job('parity-merge').spec.template.spec;
    expect((await sh(commandOf(merge.initContainers[0]), env)).status).toBe(0);
    const merged = await sh(commandOf(merge.containers[0]), env);
    expect(merged.status, merged.out).toBe(0);
    expect(readdirSync(join(out, 'merged'))).toHaveLength(1);
  });
});
