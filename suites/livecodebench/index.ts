// LiveCodeBench code generation: official chat prompt, last fenced block, sandboxed grading, pass@1.
import { environmentDetails, environmentDeviations, openGradingSession, type GradingSession } from '../../harness/code-grading/index.ts';
import { defaultPoolSize, findExecutable } from '../../harness/sandbox/index.ts';
import type { RunFlags, Suite } from '../../harness/suite.ts';
import { datasetSpec, HUB_REVISION, loadProblems, localFiles, windowFiles, type Problem } from './dataset.ts';
import { EXTRACTOR_ID, extractCode } from './extract.ts';
import { gradeProgram, MEMORY_LIMIT_BYTES } from './grade.ts';
import { aggregateMetrics } from './metrics.ts';
import { optionsSchema, type Options } from './options.ts';
import { buildRequest, promptTemplateHash } from './prompt.ts';
import { simulatedAnswer } from './simulate.ts';
import { decodeTestCases, type TestCase } from '../../harness/code-grading/test-cases.ts';

export type { Problem } from './dataset.ts';
export type { Options } from './options.ts';

/** Samples of one problem are scored close together: a few decoded test sets are kept, not all of them. */
const recentTests = new Map<Problem, TestCase[]>();
const RECENT_LIMIT = 4;

function allTests(problem: Problem): TestCase[] {
  const cached = recentTests.get(problem);
  if (cached) return cached;
  const tests = [...problem.public_tests, ...decodeTestCases(problem.private_test_cases, `${problem.question_id} private_test_cases`)];
  recentTests.set(problem, tests);
  for (const key of recentTests.keys()) {
    if (recentTests.size <= RECENT_LIMIT) break;
    recentTests.delete(key);
  }
  return tests;
}

/**
 * Libraries upstream's grading environment has that programs import: lcb_runner imports numpy in its
 * grader (and installs torch and vllm, which bring it), so `import numpy` passes there.
 */
const GRADER_MODULES = ['numpy'] as const;

/** The session of each run, so the run's protocol facts can name its sandbox environment. */
const sessions = new WeakMap<RunFlags, GradingSession>();

/** Unsafe local execution only happens when bwrap is absent and the user opted in. */
function runsUnsandboxed(flags: RunFlags | undefined): boolean {
  return !!flags?.unsafeLocalExec && findExecutable('bwrap') === null;
}

export const suite: Suite<Problem, Options, GradingSession> = {
  id: 'livecodebench',
  title: 'LiveCodeBench (code generation)',
  catalogue: {
    title: 'LiveCodeBench',
    hf_repo: 'livecodebench/code_generation_lite',
    url: 'https://huggingface.co/datasets/livecodebench/code_generation_lite',
    aliases: ['LCB'],
  },
  optionsSchema,
  // lcb_runner defaults: --n 10, --temperature 0.2, --top_p 0.95, --max_tokens 2000, penalties 0, no stop
  // (OpenAI runner). Reasoning models need far more tokens: configs set their own max_tokens.
  defaults: {
    samples: 10,
    generation: { temperature: 0.2, top_p: 0.95, max_tokens: 2000, frequency_penalty: 0, presence_penalty: 0 },
  },
  dataset: (options) => datasetSpec(options),
  localLayout: (path, options) => localFiles(path, options),
  load: (files, options) => loadProblems(files, options),
  itemId: (item) => item.question_id,
  reference: () => null,
  request: (item) => buildRequest(item.question_content, item.starter_code),
  async score(item, completion, ctx) {
    const groups = { difficulty: item.difficulty };
    const code = extractCode(completion.content);
    if (code === null) {
      return { value: 0, verdict: 'no_code', extracted: null, groups, details: { truncated: completion.truncated } };
    }
    const tests = allTests(item);
    const outcome = await gradeProgram(
      ctx.session.pool,
      code,
      { fn_name: item.fn_name, inputs: tests.map((t) => t.input), outputs: tests.map((t) => t.output) },
      { testTimeoutS: ctx.options.test_timeout_s, ...(ctx.options.sample_timeout_s !== undefined ? { sampleTimeoutS: ctx.options.sample_timeout_s } : {}) },
      ctx.signal,
    );
    return {
      value: outcome.verdict === 'pass' ? 1 : 0,
      verdict: outcome.verdict,
      extracted: code,
      groups,
      details: { ...outcome.details, executor: ctx.session.pool.mode.kind, python: ctx.session.pool.mode.python, truncated: completion.truncated },
    };
  },
  aggregate: (samples, ctx) => aggregateMetrics(samples, ctx.options),
  protocol(options: Options, flags?: RunFlags) {
    const files = windowFiles(options);
    const session = flags ? sessions.get(flags) : undefined;
    return {
      prompt_template_hash: promptTemplateHash(),
      extractor: EXTRACTOR_ID,
      deviations: [...(runsUnsandboxed(flags) ? ['unsafe-local-exec'] : []), ...(session ? environmentDeviations(session.environment, GRADER_MODULES) : [])],
      details: {
        ...(session ? environmentDetails(session.environment) : {}),
        window: { release: options.release, start_date: options.start_date, end_date: options.end_date },
        window_rule: 'start_date <= contest_date <= end_date, both at 00:00:00, naive (lcb_runner)',
        dataset_revision: HUB_REVISION,
        files_read: files.read,
        files_not_downloaded: files.skipped,
        prompt_style: 'lcb_runner LMStyle.OpenAIChat (system + user)',
        grader: 'lcb_runner testing_util @28fef95 behaviour: module preamble, wrapped stdin program, mocked stdin, exact-Decimal tokens, reused Solution',
        test_timeout_s: options.test_timeout_s,
        sample_timeout: options.sample_timeout_s ?? '(test_timeout_s + 1) * tests + 5 s',
        memory_limit_bytes: MEMORY_LIMIT_BYTES,
        metric: 'pass@1 = mean over problems of c/n',
      },
    };
  },
  simulate: (item, correct) => simulatedAnswer(item, allTests(item), correct),
  scoreConcurrency: () => defaultPoolSize(),
  async setup(_options, flags) {
    const session = await openGradingSession({ unsafeLocalExec: flags.unsafeLocalExec, modules: GRADER_MODULES, size: defaultPoolSize() });
    sessions.set(flags, session);
    return { value: session, close: () => session.close() };
  },
};

