import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Completion, DatasetFiles, JudgeCall, SampleRequest, ScoredSample } from '../../../harness/suite.ts';
import { type Item, suite } from '../../../suites/arena-hard-v2/index.ts';
import { CREATIVE_WRITING_SYSTEM, HARD_PROMPT_SYSTEM } from '../../../suites/arena-hard-v2/prompts.ts';
import { answerRecordSchema, judgmentRecordSchema, optionsSchema } from '../../../suites/arena-hard-v2/schema.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/arena-hard-v2');
const options = optionsSchema.parse({ bootstrap_rounds: 20 });
const session = { judge: { name: 'gpt-4.1', id: 'gpt-4.1-2025-04-14' } };

function completion(content: string): Completion {
  return { content, reasoning: null, finish_reason: 'stop', truncated: false, truncated_in_thinking: false, usage: null };
}

/** A canned judge: verdicts per (uid, game), recording every call. */
function cannedJudge(verdicts: Record<string, [string, string]>) {
  const calls: { key: string; request: SampleRequest }[] = [];
  const judge: JudgeCall = async (key, request) => {
    calls.push({ key, request });
    const [uid, game] = key.split('/');
    const pair = verdicts[uid ?? ''] ?? ['', ''];
    const text = game === 'game1' ? pair[0] : pair[1];
    return completion(`Let me write my own answer first.\n\n${text}`);
  };
  return { judge, calls };
}

function userText(request: SampleRequest | undefined): string {
  return request?.kind === 'chat' ? (request.messages[1]?.content ?? '') : '';
}
function systemText(request: SampleRequest | undefined): string {
  return request?.kind === 'chat' ? (request.messages[0]?.content ?? '') : '';
}

let items: Item[] = [];
beforeAll(async () => {
  const files: DatasetFiles = { paths: suite.localLayout?.(FIXTURES, options) ?? {}, origin: 'local', revision: 'local', sha256: {} };
  for await (const item of suite.load(files, options)) items.push(item);
});

function itemAt(i: number): Item {
  const item = items[i];
  if (!item) throw new Error(`fixture item ${i} missing`);
  return item;
}

const ctx = (judge: JudgeCall | null) => ({ judge, signal: new AbortController().signal, options, session });

describe('score', () => {
  it('sends game 1 with the baseline as A and game 2 with the model as A', async () => {
    const { judge, calls } = cannedJudge({ a1b2c3d4e5f60718: ['[[B>A]]', '[[A>B]]'] });
    const item = itemAt(0);
    const result = await suite.score(item, completion('MODEL ANSWER'), ctx(judge));
    expect(calls).toHaveLength(2);
    const game1 = calls.find((c) => c.key.includes('/game1/'));
    const game2 = calls.find((c) => c.key.includes('/game2/'));
    expect(systemText(game1?.request)).toBe(HARD_PROMPT_SYSTEM);
    expect(userText(game1?.request)).toBe(
      `<|User Prompt|>\n${item.question.prompt}\n\n<|The Start of Assistant A's Answer|>\n${item.baseline.answer}\n<|The End of Assistant A's Answer|>\n\n<|The Start of Assistant B's Answer|>\nMODEL ANSWER\n<|The End of Assistant B's Answer|>`,
    );
    expect(userText(game2?.request)).toContain("<|The Start of Assistant A's Answer|>\nMODEL ANSWER\n<|The End of Assistant A's Answer|>");
    expect(result.verdict).toBe('win');
    expect(result.value).toBe(1);
    expect(result.extracted).toBe('B>A | A>B');
    expect(result.groups).toEqual({ category: 'hard_prompt', subcategory: 'coding' });
  });

  it('uses the creative-writing system prompt for creative_writing', async () => {
    const { judge, calls } = cannedJudge({ '9a8b7c6d5e4f3021': ['[[A>>B]]', '[[A=B]]'] });
    const result = await suite.score(itemAt(2), completion('a poem'), ctx(judge));
    expect(systemText(calls[0]?.request)).toBe(CREATIVE_WRITING_SYSTEM);
    // game 2 tie -> 0.5, game 1 baseline strongly better -> 0, 0, 0
    expect(result.value).toBeCloseTo(0.5 / 4, 12);
    expect(result.verdict).toBe('loss');
  });

  it('keeps template fields in the question literal', async () => {
    const { judge, calls } = cannedJudge({});
    await suite.score(itemAt(1), completion('x'), ctx(judge));
    expect(userText(calls[0]?.request)).toContain('Template braces like {ANSWER_A} must stay literal.');
  });

  it('uses keys that are stable per (uid, game, answer) and differ between answers', async () => {
    const first = cannedJudge({});
    await suite.score(itemAt(0), completion('same'), ctx(first.judge));
    await suite.score(itemAt(0), completion('same'), ctx(first.judge));
    await suite.score(itemAt(0), completion('other'), ctx(first.judge));
    const keys = first.calls.map((c) => c.key);
    expect(keys[0]).toMatch(/^a1b2c3d4e5f60718\/game[12]\//);
    expect(new Set(keys.slice(0, 2)).size).toBe(2);
    expect(new Set(keys.slice(0, 4)).size).toBe(2);
    expect(new Set(keys).size).toBe(4);
  });

  it('drops the record when a verdict is missing or unknown', async () => {
    const { judge } = cannedJudge({ a1b2c3d4e5f60718: ['no verdict here', '[[A>B]]'], '0f1e2d3c4b5a6978': ['[[A>B]]', '[C]'] });
    const missing = await suite.score(itemAt(0), completion('m'), ctx(judge));
    expect(missing.verdict).toBe('dropped');
    const unknown = await suite.score(itemAt(1), completion('m'), ctx(judge));
    expect(unknown.verdict).toBe('dropped');
    expect(unknown.extracted).toBe('A>B | null');
  });

  it('refuses to score without a judge', async () => {
    await expect(Promise.resolve().then(() => suite.score(itemAt(0), completion('m'), ctx(null)))).rejects.toThrow(/judge:/);
  });
});

describe('judge estimate', () => {
  it('counts two games with the baseline answer but not the unknown model answer', () => {
    const hard = suite.judgeEstimate?.(itemAt(0), options);
    const creative = suite.judgeEstimate?.(itemAt(2), options);
    expect(hard?.requests).toBe(2);
    const baselineTokens = itemAt(0).baseline.metadata.token_len;
    expect(hard?.prompt_tokens).toBeGreaterThan(2 * (baselineTokens + 300));
    // hard_prompt asks the judge for its own answer first, creative_writing does not
    expect(hard?.completion_tokens).toBe(2 * (baselineTokens + 500));
    expect(creative?.completion_tokens).toBe(1000);
  });
});

describe('aggregate and artefacts', () => {
  const verdicts: Record<string, [string, string]> = {
    a1b2c3d4e5f60718: ['[[B>>A]]', '[[A>B]]'],
    '0f1e2d3c4b5a6978': ['[[A>B]]', '[[A=B]]'],
    '9a8b7c6d5e4f3021': ['[[A=B]]', '[[B>A]]'],
    '1122334455667788': ['nothing', '[[A>B]]'],
  };
  let samples: ScoredSample[] = [];
  let dir = '';
  beforeAll(async () => {
    const { judge } = cannedJudge(verdicts);
    samples = [];
    for (const item of items) {
      const score = await suite.score(item, completion(`## Answer\n\n**Bold** reply to ${item.question.uid}`), ctx(judge));
      samples.push({ item_id: suite.itemId(item), sample_index: 0, score });
    }
    dir = await mkdtemp(join(tmpdir(), 'ah-run-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports each category with and without style control, one headline, and dropped records', () => {
    const metrics = suite.aggregate(samples, { options, samplesPerItem: 1 });
    const winRates = metrics.filter((m) => m.metric_id === 'arena_hard.win_rate');
    expect(winRates.map((m) => m.parameters)).toEqual([
      { category: 'hard_prompt', style_control: false, judge: 'gpt-4.1', baseline: 'o3-mini-2025-01-31' },
      { category: 'hard_prompt', style_control: true, judge: 'gpt-4.1', baseline: 'o3-mini-2025-01-31' },
      { category: 'creative_writing', style_control: false, judge: 'gpt-4.1', baseline: 'gemini-2.0-flash-001' },
      { category: 'creative_writing', style_control: true, judge: 'gpt-4.1', baseline: 'gemini-2.0-flash-001' },
    ]);
    const headline = metrics.filter((m) => m.headline);
    expect(headline).toHaveLength(1);
    expect(headline[0]?.parameters).toMatchObject({ category: 'hard_prompt', style_control: true });
    // hard_prompt rows: game 2 A>B -> [1], game 1 B>>A flipped -> [1, 1, 1]; then [0.5] and [0]: exact mean 4.5 / 6
    const hardPlain = winRates[0];
    expect(Math.abs((hardPlain?.value ?? 0) - 75)).toBeLessThan(8);
    expect(hardPlain?.uncertainty?.num_samples).toBe(2);
    const dropped = metrics.filter((m) => m.metric_id === 'arena_hard.dropped_records');
    expect(dropped.map((m) => [m.parameters.category, m.value])).toEqual([
      ['hard_prompt', 0],
      ['creative_writing', 1],
    ]);
  });

  it('records the fit and offers the upstream L-BFGS fit', () => {
    const upstream = optionsSchema.parse({ bootstrap_rounds: 20, fit: 'upstream' });
    const a = suite.aggregate(samples, { options, samplesPerItem: 1 }).find((m) => m.parameters.style_control === true);
    const b = suite.aggregate(samples, { options: upstream, samplesPerItem: 1 }).find((m) => m.parameters.style_control === true);
    expect(a?.details?.fit).toMatchObject({ method: 'converge', rounds: 20 });
    expect(b?.details?.fit).toMatchObject({ method: 'upstream', rounds: 20, max_iterations: 50 });
    expect(suite.protocol(options).deviations).toEqual(['style_control_fit_to_convergence']);
    expect(suite.protocol(upstream).deviations).toEqual([]);
  });

  it('is reproducible for a fixed seed', () => {
    const a = suite.aggregate(samples, { options, samplesPerItem: 1 });
    const b = suite.aggregate(samples, { options, samplesPerItem: 1 });
    expect(a.map((m) => m.value)).toEqual(b.map((m) => m.value));
  });

  it('writes answers and judgments in the upstream record formats', async () => {
    await suite.finish?.(samples, {
      options,
      samplesPerItem: 1,
      flags: { unsafeLocalExec: false, model: { name: 'my-model', id: 'org/my-model' }, judge: session.judge, runDir: dir },
    });
    const answers = (await readFile(join(dir, 'model_answer/my-model.jsonl'), 'utf8')).trim().split('\n').map((l) => answerRecordSchema.parse(JSON.parse(l)));
    expect(answers.map((a) => a.uid)).toEqual(['0f1e2d3c4b5a6978', '1122334455667788', '9a8b7c6d5e4f3021', 'a1b2c3d4e5f60718']);
    expect(answers[0]?.model).toBe('my-model');
    expect(answers[0]?.ans_id).toMatch(/^[2-9A-HJ-NP-Za-km-z]{22}$/);
    expect(answers[0]?.messages[1]).toEqual({ role: 'assistant', content: { answer: '## Answer\n\n**Bold** reply to 0f1e2d3c4b5a6978' } });
    expect(answers[0]?.metadata?.header_count.h2).toBe(1);
    expect(answers[0]?.metadata?.bold_count['**']).toBe(1);

    const lines = (await readFile(join(dir, 'model_judgment/gpt-4.1/my-model.jsonl'), 'utf8')).trim().split('\n');
    const judgments = lines.map((l) => judgmentRecordSchema.parse(JSON.parse(l)));
    const hard = judgments.find((j) => j.uid === 'a1b2c3d4e5f60718');
    expect(hard).toMatchObject({ category: 'hard_prompt', judge: 'gpt-4.1', model: 'my-model', baseline: 'o3-mini-2025-01-31' });
    expect(hard?.games.map((g) => g?.score)).toEqual(['B>>A', 'A>B']);
    expect(hard?.games[0]?.prompt[0]?.content).toBe(HARD_PROMPT_SYSTEM);
    expect(hard?.games[1]?.prompt[1]?.content).toContain("Assistant A's Answer|>\n## Answer");
    expect(judgments.find((j) => j.uid === '1122334455667788')?.games[0]?.score).toBeNull();
  });
});
