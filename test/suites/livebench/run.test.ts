// LiveBench through the runner: canned answers behind msw, fixtures in LiveBench's layout, and task,
// category and overall numbers worked out by hand.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../harness/config/load.ts';
import { createRunLogger } from '../../../harness/log.ts';
import { finalizeRun } from '../../../harness/run/finalize.ts';
import { dryRun } from '../../../harness/run/dry-run.ts';
import { createRunDir } from '../../../harness/run/run-dir.ts';
import { executeRun, resolvePlanDatasets } from '../../../harness/run/run.ts';
import { planSuites, protocolHash } from '../../../harness/run/settings.ts';
import { defineSuite, type SuiteDefinition } from '../../../harness/suite-runtime.ts';
import { CATEGORIES, TASKS_BY_CATEGORY, type Category } from '../../../suites/livebench/categories.ts';
import { HUB_FILES } from '../../../suites/livebench/hub-files.ts';
import { createLiveBenchSuite } from '../../../suites/livebench/index.ts';
import { TASK_SCORERS } from '../../../suites/livebench/scorers/registry.ts';
import type { ScorerFactory, TaskScorer } from '../../../suites/livebench/scorers/types.ts';
import { BENCHMARKS, SUITES } from '../../../suites/index.ts';

const LOCAL = join(import.meta.dirname, '../../fixtures/livebench/local');
const HUB = join(import.meta.dirname, '../../fixtures/livebench/hub');
const FIXTURE_REVISION = 'f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1';

/** The registry with a LiveBench suite pinned to the fixture files (their own sha256 and size) at FIXTURE_REVISION. */
async function fixturePinnedSuites(): Promise<ReadonlyMap<string, SuiteDefinition>> {
  const pin = async (category: Category) => {
    const bytes = await readFile(join(HUB, `${category}.parquet`));
    return { ...HUB_FILES[category], revision: FIXTURE_REVISION, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  };
  const files = {
    coding: await pin('coding'),
    data_analysis: await pin('data_analysis'),
    instruction_following: await pin('instruction_following'),
    math: await pin('math'),
    reasoning: await pin('reasoning'),
    language: await pin('language'),
  };
  return new Map([...SUITES, ['livebench', defineSuite(createLiveBenchSuite(TASK_SCORERS, files))]]);
}

/** question text fragment -> canned answer */
let answers: Array<[string, string]> = [];
const requests: Array<{ messages: Array<{ role: string; content: string }>; temperature: unknown; max_tokens: unknown }> = [];

const server = setupServer(
  http.post('http://canned.test/v1/chat/completions', async ({ request }) => {
    const body: unknown = await request.json();
    const record = typeof body === 'object' && body !== null ? body : {};
    const messages = 'messages' in record && Array.isArray(record.messages) ? record.messages : [];
    const list = messages.map((m: unknown) => ({
      role: typeof m === 'object' && m !== null && 'role' in m ? String(m.role) : '',
      content: typeof m === 'object' && m !== null && 'content' in m ? String(m.content) : '',
    }));
    requests.push({ messages: list, temperature: 'temperature' in record ? record.temperature : undefined, max_tokens: 'max_tokens' in record ? record.max_tokens : undefined });
    const prompt = list.map((m) => m.content).join('\n');
    const content = answers.find(([fragment]) => prompt.includes(fragment))?.[1] ?? 'no canned answer';
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

const REASONING_AND_DATA_ANALYSIS: Array<[string, string]> = [
  ['Ana is at the park', 'Ana tells the truth, so...\n**no, yes, yes**'], // 1
  ['Dee is at the library', '**yes, yes, no**'], // 0
  ['Who is the filmmaker', 'So: <solution>1, filmmaking, doctor, journalist</solution>'], // 3 of 4: (0 + 0.75) / 2
  ['one drinks tea', '<think>tea or coffee?</think><solution>2, red, tea</solution>'], // 1
  ['How many pieces touch the top face', 'The answer is **three**.'], // word_to_number: 1
  ['cross-section through the middle', '**circle**'], // 0
  ["[['Ann'], ['Bo']]", 'Name'], // 1
  ['[[1999], [2004]]', 'Date'], // 0
  ['CSV Table A: a,b,c', "{'a': 'x', 'b': 'z'}"], // tp 1, fp 1, fn 1: F1 0.5
];

let dir = '';
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  dir = await mkdtemp(join(tmpdir(), 'livebench-run-'));
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  requests.length = 0;
});

async function run(name: string, suiteYaml: string, registry: ReadonlyMap<string, SuiteDefinition>) {
  const configFile = join(dir, `${name}.yaml`);
  await writeFile(configFile, `model:\n  name: canned\n  id: test/canned\n  endpoint: { base_url: "http://canned.test/v1", model: canned }\nsuites:\n  livebench:\n${suiteYaml}output: ${dir}\n`);
  const loaded = loadConfig(configFile, registry);
  const overrides = { suites: null, limit: null, samples: null, concurrency: null, output: null };
  const plans = planSuites(loaded, overrides);
  const datasets = await resolvePlanDatasets(loaded, plans);
  const runDir = createRunDir(dir, name);
  const summary = await executeRun(
    { loaded, plans, overrides, runId: name, runDir, createdAt: new Date().toISOString(), protocolHash: protocolHash(loaded, plans), flags: { unsafeLocalExec: false }, mode: 'generate', sim: null, log: createRunLogger(null), stderr: process.stderr },
    datasets,
    new AbortController().signal,
  );
  const chunks: string[] = [];
  const result = await finalizeRun(summary, { check: false, tolerance: null, stdout: { write: (c: string) => chunks.push(c) }, resumeCommand: 'resume', catalogue: BENCHMARKS });
  return { summary, result, runDir, table: chunks.join('') };
}

describe('livebench through the runner', () => {
  it('scores reasoning and data_analysis fixtures with the real scorers to the hand-computed numbers', async () => {
    answers = REASONING_AND_DATA_ANALYSIS;
    const { summary, result, runDir, table } = await run('real', `    dataset: { path: ${LOCAL} }\n    tasks: [web_of_lies_v2, zebra_puzzle, spatial, cta, tablejoin]\n`, SUITES);
    expect(result.exitCode).toBe(0);
    expect(requests).toHaveLength(9);
    // each turn one user message, no system message; LiveBench's defaults sent
    for (const r of requests) {
      expect(r.messages.map((m) => m.role)).toEqual(['user']);
      expect(r.temperature).toBe(0);
      expect(r.max_tokens).toBe(4096);
    }
    const suite = summary.suites[0];
    const value = (name: string) => suite?.metrics.find((m) => m.evaluation_name === name)?.value;
    expect(value('livebench/task=web_of_lies_v2')).toBeCloseTo(50, 10);
    expect(value('livebench/task=zebra_puzzle')).toBeCloseTo(68.75, 10);
    expect(value('livebench/task=spatial')).toBeCloseTo(50, 10);
    expect(value('livebench/task=cta')).toBeCloseTo(50, 10);
    expect(value('livebench/task=tablejoin')).toBeCloseTo(50, 10);
    expect(value('livebench/category=reasoning')).toBeCloseTo((50 + 68.75 + 50) / 3, 10);
    expect(value('livebench/category=data_analysis')).toBeCloseTo(50, 10);
    // reasoning SE: task SEs 50, 31.25, 50 (two questions each), combined as sqrt(sum SE^2) / 3
    const reasoning = suite?.metrics.find((m) => m.evaluation_name === 'livebench/category=reasoning');
    expect(reasoning?.uncertainty?.standard_error?.value).toBeCloseTo(Math.sqrt(50 ** 2 + 31.25 ** 2 + 50 ** 2) / 3, 10);
    // four categories missing: no headline, and the run says why
    expect(suite?.metrics.some((m) => m.headline)).toBe(false);
    expect(suite?.notes[0]).toMatch(/no overall LiveBench number.*coding, instruction_following, math, language were not scored/);
    expect(table).toMatch(/note: no overall LiveBench number/);
    const rows = (await readFile(join(runDir, 'samples.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const zebra = rows.find((r) => r.sample_id === 'zeb-1');
    expect(zebra.metadata['group.category']).toBe('reasoning');
    expect(zebra.metadata['group.task']).toBe('zebra_puzzle');
    expect(zebra.metadata['group.subtask']).toBe('zebra_puzzle');
    expect(zebra.evaluation.score).toBeCloseTo(0.375, 12);
    const report = await readFile(join(runDir, 'report.md'), 'utf8');
    expect(report).toMatch(/no overall LiveBench number/);
  });

  it('scores all 18 tasks with the real scorers (Python workers, sandbox) to the hand-computed overall', async () => {
    answers = [
      ['geometric mean of ${4, 9}$', 'The geometric mean is $\\boxed{6}$'], // 1
      ['greatest common divisor of $\\{12, 18\\}$', '$\\boxed{5}$'], // 0
      ['What is $1+1$', 'BBBBB'], // 1
      ['remainder when $2^{10}$', 'so the answer is 025'], // 0
      ['Match the formulae', 'Reasoning...\nAnswer: 1,2,4,3'], // edit distance 2 of 4: 0.5
      // IF: "-1" asks for a title only (all followed: 1); "-2" also for an end phrase ((0 + 1/2) / 2)
      ['double angular brackets', '<<A Title>>\nThe text.'],
      ['oak, elm, red', '<solution>oak, elm, ash, pine, red, blue, green, gold</solution>'], // 1
      ['cat, dog, one', '<solution>cat, dog, cow, one, pig, two, six, ten</solution>'], // 0
      ['randomly reordered', '<PLOT_SUMMARY>A cat sat on the mat. A bird flew away. A dog ran home.</PLOT_SUMMARY>'], // 1 - 2/3
      ['quikc brown fox', 'The quick brown fox jumps over the lazy dog.'], // 1
      ['sea shels', 'She sells sea shels by the sea shore.'], // 0
      ['print A+B', '```python\na, b = map(int, input().split())\nprint(a + b)\n```'], // 1
      ['print A*B', '```python\na, b = map(int, input().split())\nprint(a + b)\n```'], // 0
      ['print the larger', '```python\nprint(max(a, b))\n```'], // partial_solution + code passes: 1
      ['from TSV format to CSV', 'name,age\nAnn,30\nBo,41'], // 1
      ...REASONING_AND_DATA_ANALYSIS,
    ];
    const { summary, result } = await run('all', `    dataset: { path: ${LOCAL} }\n`, SUITES);
    expect(result.exitCode).toBe(0);
    const suite = summary.suites[0];
    expect(suite?.error_samples).toBe(0);
    expect(suite?.scoring_errors.count).toBe(0);
    const value = (name: string) => suite?.metrics.find((m) => m.evaluation_name === name)?.value;
    const tasks: Record<string, number> = {
      LCB_generation: 50, coding_completion: 100,
      cta: 50, tablejoin: 50, tablereformat: 100,
      paraphrase: 62.5, simplify: 62.5, story_generation: 62.5, summarize: 62.5,
      AMPS_Hard: 50, math_comp: 50, olympiad: 50,
      web_of_lies_v2: 50, zebra_puzzle: 68.75, spatial: 50,
      connections: 50, plot_unscrambling: 100 / 3, typos: 50,
    };
    for (const [task, expected] of Object.entries(tasks)) expect(value(`livebench/task=${task}`), task).toBeCloseTo(expected, 10);
    const categories = { coding: 75, data_analysis: 200 / 3, instruction_following: 62.5, math: 50, reasoning: 56.25, language: (100 + 100 / 3) / 3 };
    for (const [category, expected] of Object.entries(categories)) expect(value(`livebench/category=${category}`), category).toBeCloseTo(expected, 10);
    const overall = suite?.metrics.find((m) => m.headline);
    expect(overall?.evaluation_name).toBe('livebench');
    expect(overall?.value).toBeCloseTo(Object.values(categories).reduce((a, b) => a + b, 0) / 6, 10);
    expect(suite?.notes).toEqual([]);
  }, 180_000);

  it('downloads the pinned HF parquet files, verifies them and gives the same numbers as the local copy', async () => {
    answers = REASONING_AND_DATA_ANALYSIS;
    const served: string[] = [];
    server.use(
      http.get('https://huggingface.co/datasets/livebench/:category/resolve/:revision/data/test-00000-of-00001.parquet', async ({ params }) => {
        const category = String(params['category']);
        served.push(`${category}@${String(params['revision'])}`);
        return HttpResponse.arrayBuffer(new Uint8Array(await readFile(join(HUB, `${category}.parquet`))).buffer);
      }),
    );
    const saved = process.env['PARITY_CACHE_DIR'];
    process.env['PARITY_CACHE_DIR'] = join(dir, 'cache');
    try {
      const { summary, result } = await run('hub', `    tasks: [web_of_lies_v2, zebra_puzzle, spatial, cta, tablejoin]\n`, await fixturePinnedSuites());
      expect(result.exitCode).toBe(0);
      expect(served.sort()).toEqual([`data_analysis@${FIXTURE_REVISION}`, `reasoning@${FIXTURE_REVISION}`]);
      const suite = summary.suites[0];
      expect(suite?.dataset.revision).toBe(`livebench/data_analysis@${FIXTURE_REVISION} + livebench/reasoning@${FIXTURE_REVISION}`);
      expect(suite?.protocol.details['dataset_pin']).toBe('each file pinned by revision and sha256');
      const value = (name: string) => suite?.metrics.find((m) => m.evaluation_name === name)?.value;
      expect(value('livebench/category=reasoning')).toBeCloseTo((50 + 68.75 + 50) / 3, 10);
      expect(value('livebench/category=data_analysis')).toBeCloseTo(50, 10);
    } finally {
      if (saved === undefined) delete process.env['PARITY_CACHE_DIR'];
      else process.env['PARITY_CACHE_DIR'] = saved;
    }
  });

  it('asks the Hub for the pinned revisions and refuses a file whose sha256 differs, naming it', async () => {
    const asked: string[] = [];
    server.use(
      http.get('https://huggingface.co/datasets/livebench/:category/resolve/:revision/data/test-00000-of-00001.parquet', async ({ params }) => {
        asked.push(`${String(params['category'])}@${String(params['revision'])}`);
        // the fixture is not the published file: its checksum cannot match the pin
        return HttpResponse.arrayBuffer(new Uint8Array(await readFile(join(HUB, `${String(params['category'])}.parquet`))).buffer);
      }),
    );
    const saved = process.env['PARITY_CACHE_DIR'];
    process.env['PARITY_CACHE_DIR'] = join(dir, 'cache-real-pins');
    try {
      await expect(run('hub-real-pins', `    categories: [reasoning]\n`, SUITES)).rejects.toThrow(
        /livebench\/reasoning.*data\/test-00000-of-00001\.parquet[\s\S]*expected sha256 4204bb94c812690ef8ba5f4c1f10b5b1082ca0b7bc532166834f798aa56e2a3c/,
      );
      expect(asked).toEqual(['reasoning@6fc6498a5dfba553f69f4413feabade1f1a2d384']);
    } finally {
      if (saved === undefined) delete process.env['PARITY_CACHE_DIR'];
      else process.env['PARITY_CACHE_DIR'] = saved;
    }
  });

  it('--dry-run on configs/qwen3-max.yaml counts one request per LiveBench question of the Hub files', async () => {
    server.use(
      http.get(`https://huggingface.co/datasets/livebench/:category/resolve/${FIXTURE_REVISION}/data/test-00000-of-00001.parquet`, async ({ params }) =>
        HttpResponse.arrayBuffer(new Uint8Array(await readFile(join(HUB, `${String(params['category'])}.parquet`))).buffer),
      ),
    );
    const saved = process.env['PARITY_CACHE_DIR'];
    process.env['PARITY_CACHE_DIR'] = join(dir, 'cache-dry');
    try {
      const suites = await fixturePinnedSuites();
      const loaded = loadConfig(join(import.meta.dirname, '../../../configs/qwen3-max.yaml'), suites);
      const plans = planSuites(loaded, { suites: ['livebench'], limit: null, samples: null, concurrency: null, output: null });
      const rows = await dryRun(plans, await resolvePlanDatasets(loaded, plans), { model: { name: loaded.config.model.name, id: loaded.config.model.id }, judge: null });
      // the fixtures' Hub files hold 31 questions of release 2024-11-25 over the six categories (the real files: 1000)
      expect(rows).toMatchObject([{ suite: 'livebench', items: 31, requests: 31 }]);
      expect(plans[0]?.generation.max_tokens).toBe(32768);
    } finally {
      if (saved === undefined) delete process.env['PARITY_CACHE_DIR'];
      else process.env['PARITY_CACHE_DIR'] = saved;
    }
  });

  it('a throwing scorer scores 0 as a counted scoring error; factories are created once and closed; all six categories give the overall', async () => {
    // one question per task, all 18 tasks: the answer is the score the fake scorer gives
    const root = join(dir, 'all-tasks');
    const scoreOf = new Map<string, number>();
    for (const [ci, category] of CATEGORIES.entries()) {
      for (const [ti, task] of TASKS_BY_CATEGORY[category].entries()) {
        await mkdir(join(root, category, task), { recursive: true });
        const rows = [0, 1].map((k) => {
          const id = `${task}-${k}`;
          scoreOf.set(id, k === 0 ? ((ci + ti) % 5) / 4 : 1);
          return JSON.stringify({ question_id: id, category, task, turns: [`question ${id} please`], ground_truth: 'x', livebench_release_date: '2024-11-25', livebench_removal_date: '' });
        });
        await writeFile(join(root, category, task, 'question.jsonl'), `${rows.join('\n')}\n`);
      }
    }
    answers = [...scoreOf.entries()].map(([id, s]) => [`question ${id} please`, String(s)]);
    const fromAnswer: TaskScorer = (_q, answer) => ({ score: Number(answer), extracted: answer });
    const throwing: TaskScorer = (q, answer, resources) => {
      if (q.question_id === 'typos-1') throw new Error('the reference scorer raises here');
      return fromAnswer(q, answer, resources);
    };
    let created = 0;
    let closed = 0;
    const factory: ScorerFactory = {
      async create() {
        created += 1;
        return { scorer: fromAnswer, close: async () => void (closed += 1), facts: { interpreter: 'fake' }, deviations: ['fake deviation'] };
      },
    };
    const registry: Record<string, TaskScorer | ScorerFactory> = {};
    for (const category of CATEGORIES) for (const task of TASKS_BY_CATEGORY[category]) registry[task] = fromAnswer;
    registry['typos'] = throwing;
    registry['AMPS_Hard'] = factory;
    const suites = new Map([['livebench', defineSuite(createLiveBenchSuite(registry))]]);
    const { summary, result, table } = await run('fake', `    dataset: { path: ${root} }\n`, suites);
    expect(result.exitCode).toBe(0);
    expect([created, closed]).toEqual([1, 1]);
    const suite = summary.suites[0];
    expect(suite?.scoring_errors.count).toBe(1);
    expect(suite?.scoring_errors.example).toMatch(/typos-1.*the reference scorer raises here/);
    expect(table).toMatch(/1 samples scored as a failure because the scorer failed/);
    expect(suite?.protocol.deviations).toEqual(['AMPS_Hard: fake deviation']);
    // hand computation: task mean = (s0 + s1) / 2 * 100, typos-1 scored 0 instead of 1
    const taskMean = (task: string) => ((scoreOf.get(`${task}-0`) ?? NaN) + (task === 'typos' ? 0 : 1)) / 2 * 100;
    const categoryMeans = CATEGORIES.map((c) => TASKS_BY_CATEGORY[c].reduce((sum, t) => sum + taskMean(t), 0) / TASKS_BY_CATEGORY[c].length);
    const overall = suite?.metrics.find((m) => m.headline);
    expect(overall?.evaluation_name).toBe('livebench');
    expect(overall?.metric_id).toBe('livebench.average');
    expect(overall?.value).toBeCloseTo(categoryMeans.reduce((a, b) => a + b, 0) / 6, 10);
    expect(suite?.notes).toEqual([]);
    expect(suite?.metrics.find((m) => m.evaluation_name === 'livebench/task=typos')?.value).toBeCloseTo(taskMean('typos'), 10);
  });
});
