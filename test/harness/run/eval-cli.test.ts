// The eval CLI end to end, in child processes: demo, resume after kill -9, error samples, fail-fast, re-score.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatedCorrect } from '../../../harness/sim/server.ts';
import { PROMPT_TEMPLATE } from '../../../suites/aime25/prompt.ts';
import { ROOT, runCli, startCli } from '../../helpers/cli.ts';
import { startFakeEndpoint, type FakeEndpoint, type FakeReply } from '../../helpers/fake-endpoint.ts';
import { referenceRecord } from '../../fixtures/results/reference-builder.ts';

const GOLD: Record<string, number> = { one: 7, two: 42, three: 100, four: 24 };
const goldFor = (prompt: string): number => {
  const word = /Fixture (\w+)/.exec(prompt)?.[1] ?? '';
  return GOLD[word] ?? -1;
};
const right = (prompt: string): FakeReply => ({ kind: 'answer', content: `so \\boxed{${goldFor(prompt)}}` });

let endpoints: FakeEndpoint[] = [];
afterEach(async () => {
  await Promise.all(endpoints.map((e) => e.close()));
  endpoints = [];
});

async function fake(reply: (req: { prompt: string; index: number }) => FakeReply): Promise<FakeEndpoint> {
  const e = await startFakeEndpoint(reply);
  endpoints.push(e);
  return e;
}

function config(baseUrl: string, extra = ''): { file: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'parity-eval-'));
  const out = join(dir, 'runs');
  const file = join(dir, 'c.yaml');
  writeFileSync(
    file,
    `model:
  name: Fake Model
  id: test/fake
  endpoint: { base_url: "${baseUrl}", model: fake }
runner: { concurrency: 4, timeout_s: 5, max_retries: 1 }
suites:
  aime25:
    samples: 3
    dataset: { path: ${join(ROOT, 'test/fixtures/aime25/problems.jsonl')} }
output: ${out}
${extra}`,
  );
  return { file, out };
}

const onlyRun = (out: string): string => {
  const runs = readdirSync(out);
  expect(runs).toHaveLength(1);
  return join(out, runs[0] ?? '');
};
const jsonl = (path: string): Array<Record<string, unknown>> =>
  readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const headline = (runDir: string): number => {
  const scores = JSON.parse(readFileSync(join(runDir, 'scores.json'), 'utf8'));
  const result = scores.evaluation_results.find((r: { metric_config: { metric_id: string } }) => r.metric_config.metric_id === 'avg_at_k');
  return result.score_details.score;
};

describe('npm run eval', () => {
  it('runs the offline demo with no key and matches the simulator’s known score', async () => {
    const out = mkdtempSync(join(tmpdir(), 'parity-demo-'));
    // as `npm run eval` runs it: bundled by the launcher, no loader thread
    const result = await runCli('harness/cli/eval.ts', ['--output', out], {}, 'launcher');
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/SIMULATED MODEL/);
    const runDir = onlyRun(out);
    for (const f of ['spec.json', 'journal.jsonl', 'samples.jsonl', 'scores.json', 'report.md', 'log.jsonl']) expect(existsSync(join(runDir, f))).toBe(true);
    const problems = readFileSync(join(ROOT, 'suites/aime25/demo/problems.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).problem);
    const perItem = problems.map((p: string) => {
      const prompt = PROMPT_TEMPLATE.replace('{problem}', p);
      let c = 0;
      for (let i = 0; i < 8; i++) if (simulatedCorrect(7, 0.7, prompt, i)) c += 1;
      return c / 8;
    });
    const expected = (100 * perItem.reduce((a: number, b: number) => a + b, 0)) / perItem.length;
    expect(headline(runDir)).toBeCloseTo(expected, 9);
    expect(readFileSync(join(runDir, 'report.md'), 'utf8')).toMatch(/SIMULATED/);
  });

  it('resumes after kill -9 without repeating or duplicating a finished sample', async () => {
    let healthy = false;
    const e = await fake((req) => (healthy || req.index < 5 ? right(req.prompt) : { kind: 'hang' }));
    const { file, out } = config(e.baseUrl);
    const { child, done } = startCli('harness/cli/eval.ts', ['--config', file]);
    const deadline = Date.now() + 20_000;
    let runDir = '';
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      if (!existsSync(out) || readdirSync(out).length === 0) continue;
      runDir = onlyRun(out);
      const j = join(runDir, 'journal.jsonl');
      if (existsSync(j) && jsonl(j).length >= 5) break;
    }
    child.kill('SIGKILL');
    await done;
    expect(jsonl(join(runDir, 'journal.jsonl'))).toHaveLength(5);
    // re-scoring the unfinished run calls nothing and says what is missing
    const partial = await runCli('harness/cli/score.ts', [runDir]);
    expect(partial.code).toBe(3);
    expect(partial.stdout).toMatch(/errors by kind: not_generated 7/);
    const before = e.requests.length;
    healthy = true;
    const runId = runDir.split('/').pop() ?? '';
    const resumed = await runCli('harness/cli/eval.ts', ['--config', file, '--resume', runId]);
    expect(resumed.code).toBe(0);
    const answered = e.requests.length - before;
    expect(answered).toBe(12 - 5);
    const keys = jsonl(join(runDir, 'journal.jsonl')).map((l) => l['key']);
    expect(new Set(keys).size).toBe(12);
    expect(keys).toHaveLength(12);
    const rows = jsonl(join(runDir, 'samples.jsonl'));
    expect(rows).toHaveLength(12);
    expect(headline(runDir)).toBe(100);
  });

  it('reports a failed sample as an error, not a wrong answer, exits non-zero, and a resume retries only it', async () => {
    let broken = true;
    const e = await fake((req) => (broken && goldFor(req.prompt) === 42 ? { kind: 'status', status: 500, body: { error: { message: 'upstream down' } } } : right(req.prompt)));
    const { file, out } = config(e.baseUrl);
    const first = await runCli('harness/cli/eval.ts', ['--config', file]);
    expect(first.code).toBe(3);
    // why, not only how many: the cause on the terminal at the first retry, and in the summary
    expect(first.stderr).toMatch(/Fake Model: retrying after transient \(500 upstream down\)/);
    expect(first.stdout).toMatch(/transient, e\.g\.: 500 upstream down/);
    expect(first.stdout).toMatch(/--config .*c\.yaml --resume /);
    const runDir = onlyRun(out);
    const scores = JSON.parse(readFileSync(join(runDir, 'scores.json'), 'utf8'));
    expect(JSON.stringify(scores)).toMatch(/"error_samples":"?3/);
    expect(headline(runDir)).toBe(100); // the 3 failed samples are kept out of the accuracy, not counted wrong
    expect(jsonl(join(runDir, 'samples.jsonl'))).toHaveLength(9);
    broken = false;
    const before = e.requests.length;
    const runId = runDir.split('/').pop() ?? '';
    const second = await runCli('harness/cli/eval.ts', ['--config', file, '--resume', runId]);
    expect(second.code).toBe(0);
    expect(e.requests.length - before).toBe(3);
    expect(jsonl(join(runDir, 'samples.jsonl'))).toHaveLength(12);
  });

  it('a resume keeps the run\'s recorded scope, refuses to change it, and names what changed in the config', async () => {
    const e = await fake((req) => right(req.prompt));
    const { file, out } = config(e.baseUrl);
    expect((await runCli('harness/cli/eval.ts', ['--config', file, '--limit', '2'])).code).toBe(0);
    const runId = onlyRun(out).split('/').pop() ?? '';
    const calls = e.requests.length;
    const again = await runCli('harness/cli/eval.ts', ['--config', file, '--resume', runId]);
    expect(again.code).toBe(0);
    expect(e.requests.length).toBe(calls); // still the first 2 items, all in the journal
    expect(jsonl(join(onlyRun(out), 'samples.jsonl'))).toHaveLength(6);
    const wider = await runCli('harness/cli/eval.ts', ['--config', file, '--resume', runId, '--limit', '3']);
    expect(wider.code).toBe(2);
    expect(wider.stderr).toMatch(/the run was started with --limit 2; a resume keeps it/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('samples: 3', 'samples: 3\n    generation: { temperature: 0.2 }'));
    const changed = await runCli('harness/cli/eval.ts', ['--config', file, '--resume', runId]);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toMatch(/no longer matches the run: generation for aime25 \(\{"max_tokens":38912\} -> \{"max_tokens":38912,"temperature":0\.2\}\)/);
  });

  it('fails fast on 401 with one message and no retries', async () => {
    const e = await fake(() => ({ kind: 'status', status: 401, body: { error: { message: 'Incorrect API key provided: sk-live-abcdefghijklmnop', type: 'invalid_request_error' } } }));
    const { file } = config(e.baseUrl);
    writeFileSync(file, readFileSync(file, 'utf8').replace('concurrency: 4', 'concurrency: 1'));
    const result = await runCli('harness/cli/eval.ts', ['--config', file]);
    expect(result.code).toBe(3);
    expect(e.requests).toHaveLength(1);
    expect(result.stderr.match(/401/g)?.length).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(/sk-live-abcdefghijklmnop/);
  });

  it('an endpoint that answers only streamed requests is reported once, with the fix', async () => {
    const e = await fake(() => ({ kind: 'status', status: 400, body: { error: { code: 'invalid_parameter_error', message: 'This model only support stream mode, please enable the stream parameter to access the model. ', type: 'invalid_request_error' } } }));
    const { file } = config(e.baseUrl);
    const result = await runCli('harness/cli/eval.ts', ['--config', file]);
    expect(result.code).toBe(3);
    const output = result.stdout + result.stderr;
    expect(output.match(/set stream: true in model\.endpoint \(judge\.endpoint for the judge\)/g)?.length).toBe(2); // the stop line and the summary's example
    expect(result.stderr.match(/only support stream mode/g)?.length).toBe(1);
    expect(e.requests.length).toBeLessThanOrEqual(4); // the requests already in flight, no retries
  });

  it('retries a malformed JSON body and then succeeds', async () => {
    const e = await fake((req) => (req.index === 0 ? { kind: 'raw', status: 200, text: '{"choices": [' } : right(req.prompt)));
    const { file } = config(e.baseUrl);
    const result = await runCli('harness/cli/eval.ts', ['--config', file]);
    expect(result.code).toBe(0);
    expect(e.requests).toHaveLength(13);
  });

  it('re-scores a finished run from its journal with no request, identical samples and scores but the retrieval time', async () => {
    const e = await fake((req) => right(req.prompt));
    const { file, out } = config(e.baseUrl);
    expect((await runCli('harness/cli/eval.ts', ['--config', file])).code).toBe(0);
    const runDir = onlyRun(out);
    const samplesBefore = readFileSync(join(runDir, 'samples.jsonl'));
    const scoresBefore = readFileSync(join(runDir, 'scores.json'), 'utf8');
    const calls = e.requests.length;
    await e.close();
    await new Promise((r) => setTimeout(r, 1100)); // retrieved_timestamp counts seconds
    const rescored = await runCli('harness/cli/score.ts', [runDir]);
    expect(rescored.code).toBe(0);
    expect(e.requests.length).toBe(calls);
    expect(readFileSync(join(runDir, 'samples.jsonl')).equals(samplesBefore)).toBe(true);
    const scoresAfter = readFileSync(join(runDir, 'scores.json'), 'utf8');
    const retrieved = (text: string): number => Number(/"retrieved_timestamp": "(\d+)"/.exec(text)?.[1]);
    expect(retrieved(scoresAfter)).toBeGreaterThan(retrieved(scoresBefore));
    const withoutRetrieval = (text: string): string => text.replace(/"retrieved_timestamp": "\d+"/, '');
    expect(withoutRetrieval(scoresAfter)).toBe(withoutRetrieval(scoresBefore));
    // the evaluation is dated by the run's start, not by the re-score
    const spec = JSON.parse(readFileSync(join(runDir, 'spec.json'), 'utf8'));
    expect(JSON.parse(scoresAfter).evaluation_timestamp).toBe(spec.created_at);
  });

  it('a streamed run journals and scores exactly what a non-streamed run of the same answers does', async () => {
    const reply = (prompt: string): FakeReply =>
      goldFor(prompt) === 7
        ? { kind: 'answer', content: '<think>still thinking about 3 + 4', finish_reason: 'length' }
        : { kind: 'answer', content: `so \\boxed{${goldFor(prompt) === 42 ? 41 : goldFor(prompt)}}`, reasoning: { field: 'reasoning_content', text: 'adding up' } };
    const e = await fake((req) => reply(req.prompt));
    const runOnce = async (stream: boolean): Promise<string> => {
      const { file, out } = config(e.baseUrl);
      writeFileSync(file, readFileSync(file, 'utf8').replace('model: fake }', `model: fake, stream: ${stream} }`));
      const result = await runCli('harness/cli/eval.ts', ['--config', file]);
      expect(result.code).toBe(0);
      return onlyRun(out);
    };
    const plain = await runOnce(false);
    const streamed = await runOnce(true);
    expect(e.requests.filter((r) => r.body['stream'] === true)).toHaveLength(12);
    const journal = (dir: string) =>
      jsonl(join(dir, 'journal.jsonl'))
        .map(({ at: _at, latency_ms: _latency, ...rest }) => rest)
        .sort((a, b) => String(a['key']).localeCompare(String(b['key'])));
    expect(journal(streamed)).toEqual(journal(plain));
    const samples = (dir: string) =>
      jsonl(join(dir, 'samples.jsonl')).map((row) => ({ ...row, evaluation_id: null, performance: null, metadata: { ...Object(row['metadata']), run_id: null } }));
    expect(samples(streamed)).toEqual(samples(plain));
    const scores = (dir: string) =>
      JSON.parse(readFileSync(join(dir, 'scores.json'), 'utf8')).evaluation_results.map((r: Record<string, unknown>) => [r['evaluation_result_id'], r['score_details']]);
    expect(scores(streamed)).toEqual(scores(plain));
    expect(headline(streamed)).toBe(50); // of four problems, one cut off while thinking and one wrong
  });

  it('counts answers cut off by max_tokens, while thinking, or by a content filter, and scores them as given', async () => {
    const e = await fake((req) =>
      goldFor(req.prompt) === 7
        ? { kind: 'answer', content: '<think>let me think about 3 + 4', finish_reason: 'length' }
        : goldFor(req.prompt) === 42
          ? { kind: 'answer', content: '', finish_reason: 'content_filter' }
          : right(req.prompt),
    );
    const { file, out } = config(e.baseUrl);
    const result = await runCli('harness/cli/eval.ts', ['--config', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 samples cut off by max_tokens \(3 while still thinking\)/);
    const runDir = onlyRun(out);
    const scores = JSON.parse(readFileSync(join(runDir, 'scores.json'), 'utf8'));
    const details = scores.evaluation_results[0].generation_config.additional_details;
    expect(details.truncated_in_thinking_samples).toBe('3');
    expect(details.content_filter_samples).toBe('3');
    expect(result.stdout).toMatch(/3 samples stopped by the provider's content filter/);
    expect(headline(runDir)).toBe(50);
    const row = jsonl(join(runDir, 'samples.jsonl')).find((r) => r['sample_id'] === 'f1');
    // the thinking is kept in its own field and never reaches the scored answer
    expect(row?.['output']).toMatchObject({ raw: [''], reasoning_trace: ['let me think about 3 + 4'] });
  });

  it('--dry-run counts requests and sends none', async () => {
    const e = await fake((req) => right(req.prompt));
    const { file, out } = config(e.baseUrl);
    const result = await runCli('harness/cli/eval.ts', ['--config', file, '--dry-run', '--limit', '2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/aime25: 2 items, 6 requests/);
    expect(e.requests).toHaveLength(0);
    expect(existsSync(out)).toBe(false);
  });

  it('--check never scores a local, unpinned dataset or a --limit subset against a published number', async () => {
    const e = await fake((req) => right(req.prompt));
    const { file } = config(e.baseUrl);
    const dir = join(file, '..');
    const cell = [{ benchmark: 'AIME25', score: 40, metric_id: 'avg_at_k', parameters: { k: 3 } }];
    writeFileSync(join(dir, 'ref.json'), JSON.stringify([referenceRecord('Fake Model', cell, 'test/fake')]));
    writeFileSync(file, `${readFileSync(file, 'utf8')}reference: ${join(dir, 'ref.json')}\n`);
    // 100 against a published 40 would diverge; the fixture file is not the pinned dataset, so it is not comparable
    const whole = await runCli('harness/cli/eval.ts', ['--config', file, '--check']);
    expect(whole.stdout).toMatch(/not comparable/);
    expect(whole.stdout).toMatch(/dataset\.revision/);
    expect(whole.code).toBe(0);
    const subset = await runCli('harness/cli/eval.ts', ['--config', file, '--check', '--limit', '2']);
    expect(subset.stdout).toMatch(/first 2 items \(--limit\)/);
    expect(subset.code).toBe(0);
  });

  it('--check --accept-deviation accepts deviations only, warns on a pattern that matches none, and refuses an empty one', async () => {
    const e = await fake((req) => right(req.prompt));
    const { file } = config(e.baseUrl);
    const dir = join(file, '..');
    writeFileSync(join(dir, 'ref.json'), JSON.stringify([referenceRecord('Fake Model', [{ benchmark: 'AIME25', score: 40, metric_id: 'avg_at_k', parameters: { k: 3 } }], 'test/fake')]));
    writeFileSync(file, `${readFileSync(file, 'utf8')}reference: ${join(dir, 'ref.json')}\n`);
    const empty = await runCli('harness/cli/eval.ts', ['--config', file, '--check', '--accept-deviation', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--accept-deviation needs a deviation name or a pattern with \*, got ""/);
    expect(e.requests).toHaveLength(0);
    // the local dataset file is a fact, not a deviation: no pattern makes the row comparable
    const result = await runCli('harness/cli/eval.ts', ['--config', file, '--check', '--accept-deviation', 'dataset*']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/not comparable: dataset\.revision/);
    expect(result.stdout).toContain("WARNING: --accept-deviation 'dataset*' matches no deviation: the runs compared record none. Check the pattern.");
  });

  it('--subset draws the same items for the same seed, records the draw and corrects the interval', async () => {
    const e = await fake((req) => (req.index % 3 === 0 ? { kind: 'answer', content: 'no idea' } : right(req.prompt)));
    const { file, out } = config(e.baseUrl);
    const first = await runCli('harness/cli/eval.ts', ['--config', file, '--subset', '2', '--subset-seed', '5']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/subset 2 of 4 \(seed 5\): metrics estimate the full-set value/);
    expect(e.requests).toHaveLength(6);
    const runDir = onlyRun(out);
    const scores = JSON.parse(readFileSync(join(runDir, 'scores.json'), 'utf8'));
    const head = scores.evaluation_results.find((r: { evaluation_result_id: string }) => r.evaluation_result_id === 'aime25');
    expect(head.generation_config.additional_details).toMatchObject({ 'dataset.sampled_items': '2', 'dataset.population_items': '4', 'dataset.sample_seed': '5', 'dataset.subset': 'false' });
    expect(head.score_details.uncertainty.standard_error.method).toMatch(/finite-population corrected for a subset 2 of 4 \(seed 5\)/);
    const spec = JSON.parse(readFileSync(join(runDir, 'spec.json'), 'utf8'));
    expect(spec.overrides).toMatchObject({ subset: 2, subsetSeed: 5 });
    const items = (dir: string) => new Set(jsonl(join(dir, 'journal.jsonl')).map((l) => String(l['key']).split('/')[1]));
    const { file: file2, out: out2 } = config(e.baseUrl);
    expect((await runCli('harness/cli/eval.ts', ['--config', file2, '--subset', '2', '--subset-seed', '5'])).code).toBe(0);
    expect(items(onlyRun(out2))).toEqual(items(runDir));
    // a resume keeps the draw; a different one is refused
    const runId = runDir.split('/').pop() ?? '';
    const changed = await runCli('harness/cli/eval.ts', ['--config', file, '--resume', runId, '--subset', '3']);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toMatch(/the run was started with --subset 2; a resume keeps it/);
    const both = await runCli('harness/cli/eval.ts', ['--config', file, '--subset', '2', '--limit', '2']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--limit and --subset cannot be combined/);
  });

  it('--check without a reference in the config is bad input, not a silent pass', async () => {
    const e = await fake((req) => right(req.prompt));
    const { file } = config(e.baseUrl);
    const result = await runCli('harness/cli/eval.ts', ['--config', file, '--check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/reference: is not set, so --check has nothing to compare with/);
    expect(e.requests).toHaveLength(0);
  });

  it('--help prints the usage and exits 0; an unusable output directory is bad input', async () => {
    const help = await runCli('harness/cli/eval.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/usage: npm run eval/);
    const e = await fake((req) => right(req.prompt));
    const { file } = config(e.baseUrl);
    const notADir = join(file, '..', 'a-file');
    writeFileSync(notADir, 'x');
    const result = await runCli('harness/cli/eval.ts', ['--config', file, '--output', notADir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot create the run directory there \(ENOTDIR\)/);
  });

  it('reports a missing API key before any request', async () => {
    const e = await fake((req) => right(req.prompt));
    const { file } = config(e.baseUrl);
    writeFileSync(file, readFileSync(file, 'utf8').replace('model: fake }', 'model: fake, api_key_env: PARITY_TEST_MISSING_KEY }'));
    const result = await runCli('harness/cli/eval.ts', ['--config', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PARITY_TEST_MISSING_KEY is not set/);
    expect(e.requests).toHaveLength(0);
  });
});
