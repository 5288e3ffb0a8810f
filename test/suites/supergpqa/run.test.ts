// SuperGPQA through the runner: a canned model behind msw, answers whose scores were worked out by hand.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../harness/config/load.ts';
import { createRunLogger } from '../../../harness/log.ts';
import { createRunDir } from '../../../harness/run/run-dir.ts';
import { executeRun, resolvePlanDatasets } from '../../../harness/run/run.ts';
import { finalizeRun } from '../../../harness/run/finalize.ts';
import { planSuites, protocolHash } from '../../../harness/run/settings.ts';
import { BENCHMARKS, SUITES } from '../../../suites/index.ts';

const FIXTURE = join(import.meta.dirname, '../../fixtures/supergpqa/questions.jsonl');

// uuid -> canned response. Official extractor: 6 correct, 4 incorrect ("answer: j" stays lower-case and
// "I think" on the last line yields "I"), 2 misses; 6 / 12 = 50%.
const CANNED: Record<string, string> = {
  '3f0c6a1e9b2d4c57a8e1f0b2c3d4e5f6': 'For an ideal gas the internal energy depends only on temperature.\nAnswer: C',
  '7a9d2b4c6e8f0a1b3c5d7e9f1a2b3c4d': 'Efficiency is 1 - 300/600 = 0.5, so W = 600 J.\nanswer: j',
  b1c2d3e4f5a60718293a4b5c6d7e8f90: '1024 = 146 * 7 + 2. The answer is (A).',
  c0ffee00112233445566778899aabbcc: 'Light reflected from both surfaces of the film interferes.\nI think the colours come from that.',
  d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9: 'Comparing inertia with viscosity, the answer is Reynolds number.',
  e1f2a3b4c5d6e7f8091a2b3c4d5e6f70: 'R = 10 * 10 / (10 + 10) = 5 ohm.\n\n**Answer: F**',
  f0e1d2c3b4a5968778695a4b3c2d1e0f: 'Not sure about this one.',
  '0a1b2c3d4e5f60718293a4b5c6d7e8f9': 'Egyptian farming depended on the annual flood.\nAnswer: $\\boxed{G}$',
  '1b2c3d4e5f60718293a4b5c6d7e8f90a': 'Marathon was fought in 490 BCE.\nAnswer: B',
  '2c3d4e5f60718293a4b5c6d7e8f90a1b': 'Voltage-gated sodium channels open first.\nAnswer: H\n\nI hope this helps.',
  '3d4e5f60718293a4b5c6d7e8f90a1b2c': 'The correct option is I.',
  '4e5f60718293a4b5c6d7e8f90a1b2c3d': '',
};

// the prompt carries the question text; map it back to the uuid
const byQuestion = new Map<string, string>(
  readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const row: { uuid: string; question: string } = JSON.parse(line);
      return [row.question, row.uuid];
    }),
);

const prompts: string[] = [];
const server = setupServer(
  http.post('http://canned.test/v1/chat/completions', async ({ request }) => {
    const body: unknown = await request.json();
    const messages = typeof body === 'object' && body !== null && 'messages' in body && Array.isArray(body.messages) ? body.messages : [];
    const first: unknown = messages[0];
    const prompt = typeof first === 'object' && first !== null && 'content' in first && typeof first.content === 'string' ? first.content : '';
    prompts.push(prompt);
    const uuid = [...byQuestion.entries()].find(([question]) => prompt.includes(question))?.[1] ?? '';
    const content = CANNED[uuid] ?? 'unknown question';
    return HttpResponse.json({
      id: 'c',
      object: 'chat.completion',
      created: 0,
      model: 'canned',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
      usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
    });
  }),
);

let dir = '';
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  dir = await mkdtemp(join(tmpdir(), 'supergpqa-run-'));
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('supergpqa through the runner', () => {
  it('sends the official prompt, scores each answer and aggregates to the hand-computed numbers', async () => {
    const configFile = join(dir, 'config.yaml');
    await writeFile(
      configFile,
      `model:\n  name: canned\n  id: test/canned\n  endpoint: { base_url: "http://canned.test/v1", model: canned }\n` +
        `suites:\n  supergpqa:\n    dataset: { path: ${FIXTURE} }\noutput: ${dir}\n`,
    );
    const loaded = loadConfig(configFile, SUITES);
    const overrides = { suites: null, limit: null, samples: null, concurrency: null, output: null };
    const plans = planSuites(loaded, overrides);
    expect(plans[0]?.generation).toEqual({ temperature: 0, max_tokens: 4096 });
    const datasets = await resolvePlanDatasets(loaded, plans);
    const runDir = createRunDir(dir, 'run');
    const summary = await executeRun(
      { loaded, plans, overrides, runId: 'run', runDir, createdAt: new Date().toISOString(), protocolHash: protocolHash(loaded, plans), flags: { unsafeLocalExec: false }, mode: 'generate', sim: null, log: createRunLogger(null), stderr: process.stderr },
      datasets,
      new AbortController().signal,
    );
    const chunks: string[] = [];
    const result = await finalizeRun(summary, { check: false, tolerance: null, stdout: { write: (c: string) => chunks.push(c) }, resumeCommand: 'resume', catalogue: BENCHMARKS });
    expect(result.exitCode).toBe(0);

    expect(prompts).toHaveLength(12);
    expect(prompts[0]).toMatch(/^Answer the following multiple choice question\. There is only one correct answer\. The last line of your response should be in the format 'Answer: \$LETTER' \(without quotes\), where LETTER is one of A, B, C, D, E, F, G, H, I, or J\.\n\n/);
    expect(prompts[0]?.endsWith('\n')).toBe(true);

    const suite = summary.suites[0];
    const metric = (name: string, id: string) => suite?.metrics.find((m) => m.evaluation_name === name && m.metric_id === id);
    expect(metric('supergpqa', 'accuracy')?.value).toBeCloseTo(50, 10);
    expect(metric('supergpqa', 'accuracy')?.headline).toBe(true);
    expect(metric('supergpqa/difficulty=easy', 'accuracy')?.value).toBeCloseTo(100, 10);
    expect(metric('supergpqa/difficulty=hard', 'accuracy')?.value).toBeCloseTo(25, 10);
    expect(metric('supergpqa', 'miss_rate')?.value).toBeCloseTo(100 / 6, 10);

    const rows = (await readFile(join(runDir, 'samples.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(12);
    const lower = rows.find((r) => r.sample_id === '7a9d2b4c6e8f0a1b3c5d7e9f1a2b3c4d');
    expect(lower.answer_attribution[0].extracted_value).toBe('j');
    expect(lower.evaluation.is_correct).toBe(false);
    const report = await readFile(join(runDir, 'report.md'), 'utf8');
    expect(report).toMatch(/supergpqa\/difficulty=hard/);
  });
});
