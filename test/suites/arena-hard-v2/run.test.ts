// The whole suite through the runner: a canned model and a canned judge behind msw.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../harness/config/load.ts';
import { createRunLogger } from '../../../harness/log.ts';
import { createRunDir } from '../../../harness/run/run-dir.ts';
import { executeRun, resolvePlanDatasets } from '../../../harness/run/run.ts';
import { planSuites, protocolHash } from '../../../harness/run/settings.ts';
import { defineSuite } from '../../../harness/suite-runtime.ts';
import { suite } from '../../../suites/arena-hard-v2/index.ts';
import { judgmentRecordSchema } from '../../../suites/arena-hard-v2/schema.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/arena-hard-v2');
const registry = new Map([[suite.id, defineSuite(suite)]]);

function chat(content: string) {
  return {
    id: 'c',
    object: 'chat.completion',
    created: 0,
    model: 'm',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 },
  };
}

type Body = { messages: { role: string; content: string }[] };
function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && 'messages' in value && Array.isArray(value.messages);
}

const judgeBodies: Body[] = [];
const server = setupServer(
  // the model answers with a markdown heading, and thinks first: the thinking must not reach the judge
  http.post('http://model.test/v1/chat/completions', async ({ request }) => {
    const body: unknown = await request.json();
    const prompt = isBody(body) ? (body.messages[0]?.content ?? '') : '';
    return HttpResponse.json(chat(`<think>secret plan</think>## Reply\n\nAnswer to: ${prompt.slice(0, 20)}`));
  }),
  // the judge prefers whichever position holds the model's answer, strongly on hard_prompt
  http.post('http://judge.test/v1/chat/completions', async ({ request }) => {
    const body: unknown = await request.json();
    if (!isBody(body)) return HttpResponse.json({ error: { message: 'bad body' } }, { status: 400 });
    judgeBodies.push(body);
    const system = body.messages[0]?.content ?? '';
    const user = body.messages[1]?.content ?? '';
    const modelIsA = user.includes("<|The Start of Assistant A's Answer|>\n## Reply");
    const strong = system.includes('generating your own answer');
    const verdict = modelIsA ? (strong ? 'A>>B' : 'A>B') : strong ? 'B>>A' : 'B>A';
    return HttpResponse.json(chat(`My answer first. Final verdict: [[${verdict}]]`));
  }),
);

let dir = '';
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  dir = await mkdtemp(join(tmpdir(), 'ah-e2e-'));
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('arena-hard-v2 through the runner', () => {
  it('generates, judges, aggregates and writes upstream artefacts', async () => {
    const configFile = join(dir, 'config.yaml');
    await writeFile(
      configFile,
      [
        'model:',
        '  name: canned-model',
        '  id: org/canned-model',
        '  endpoint: { base_url: "http://model.test/v1", model: canned }',
        'judge:',
        '  name: gpt-4.1',
        '  id: gpt-4.1',
        '  endpoint: { base_url: "http://judge.test/v1", model: gpt-4.1 }',
        'runner: { concurrency: 2, max_retries: 0 }',
        `output: ${JSON.stringify(join(dir, 'runs'))}`,
        'suites:',
        '  arena-hard-v2:',
        `    dataset: { path: ${JSON.stringify(FIXTURES)} }`,
        '    bootstrap_rounds: 10',
        '',
      ].join('\n'),
    );
    const loaded = loadConfig(configFile, registry);
    const overrides = { suites: null, limit: null, samples: null, concurrency: null, output: null };
    const plans = planSuites(loaded, overrides);
    expect(plans[0]?.judgeGeneration).toMatchObject({ temperature: 0, max_tokens: 16000 });
    const datasets = await resolvePlanDatasets(loaded, plans);
    const runDir = createRunDir(join(dir, 'runs'), 'r1');
    const run = (mode: 'generate' | 'score') =>
      executeRun(
        {
          loaded,
          plans,
          overrides,
          runId: 'r1',
          runDir,
          createdAt: '2025-11-01T10:00:00.000Z',
          protocolHash: protocolHash(loaded, plans),
          flags: { unsafeLocalExec: false },
          mode,
          sim: null,
          log: createRunLogger(null),
          stderr: process.stderr,
        },
        datasets,
        new AbortController().signal,
      );
    const summary = await run('generate');
    const result = summary.suites[0];
    expect(result?.error_samples).toBe(0);
    expect(result?.scored_samples).toBe(4);
    expect(judgeBodies).toHaveLength(8);
    for (const body of judgeBodies) expect(JSON.stringify(body)).not.toContain('secret plan');

    const winRates = (result?.metrics ?? []).filter((m) => m.metric_id === 'arena_hard.win_rate');
    expect(winRates).toHaveLength(4);
    // the model wins every game, so every battle row is 1
    for (const m of winRates.filter((w) => w.parameters.style_control === false)) expect(m.value).toBe(100);
    expect((result?.metrics ?? []).filter((m) => m.headline).map((m) => m.parameters)).toEqual([
      { category: 'hard_prompt', style_control: true, judge: 'gpt-4.1', baseline: 'o3-mini-2025-01-31' },
    ]);

    const lines = (await readFile(join(runDir, 'model_judgment/gpt-4.1/canned-model.jsonl'), 'utf8')).trim().split('\n');
    const records = lines.map((l) => judgmentRecordSchema.parse(JSON.parse(l)));
    expect(records).toHaveLength(4);
    expect(records.find((r) => r.category === 'hard_prompt')?.games.map((g) => g?.score)).toEqual(['B>>A', 'A>>B']);
    const answers = await readFile(join(runDir, 'model_answer/canned-model.jsonl'), 'utf8');
    expect(answers).not.toContain('secret plan');
    expect(answers).toContain('"h2":1');

    // a re-score reads every judgment back from the journal and reproduces the numbers
    const rescored = await run('score');
    expect(judgeBodies).toHaveLength(8);
    expect(rescored.suites[0]?.metrics.map((m) => m.value)).toEqual(result?.metrics.map((m) => m.value));
  });
});
