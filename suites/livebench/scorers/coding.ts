// The coding tasks (LCB_generation, coding_completion): a sandbox pool per run, LiveBench's extraction
// and its vendored LiveCodeBench grader, with the sandbox's Python recorded in the protocol facts.
import { environmentDetails, environmentDeviations, openGradingSession } from '../../../harness/code-grading/index.ts';
import { defaultPoolSize } from '../../../harness/sandbox/index.ts';
import { CODING_EXTRACTOR_ID } from '../coding/extract.ts';
import { gradeCodingAnswer, TEST_TIMEOUT_S } from '../coding/grade.ts';
import type { CreatedScorer, ScorerFactory, ScorerResources } from './types.ts';

/** LiveBench's grader imports numpy (and its requirements install it), so programs may import it. */
export const CODING_GRADER_MODULES = ['numpy'] as const;

export type CodingScorerOptions = {
  poolSize?: number;
  /** directories hidden from the sandbox (tests take numpy away this way) */
  hidePaths?: readonly string[];
};

/** `unsafeLocalExec` is the run flag; without bwrap and without it, creating the scorer fails with how to install bwrap. */
type CodingResources = ScorerResources & { unsafeLocalExec?: boolean };

export function codingScorerFactory(options: CodingScorerOptions = {}): ScorerFactory {
  return {
    async create(resources: CodingResources): Promise<CreatedScorer> {
      const session = await openGradingSession({
        unsafeLocalExec: resources.unsafeLocalExec ?? false,
        modules: CODING_GRADER_MODULES,
        size: options.poolSize ?? defaultPoolSize(),
        ...(options.hidePaths ? { hidePaths: options.hidePaths } : {}),
      });
      const unsandboxed = session.pool.mode.kind === 'unsafe-local';
      return {
        scorer: async (question, answer, scoring) => {
          const grade = await gradeCodingAnswer(session.pool, question, answer, scoring.signal);
          return { score: grade.score, extracted: grade.extracted, details: grade.details };
        },
        close: () => session.close(),
        facts: {
          ...environmentDetails(session.environment),
          coding_extractor: CODING_EXTRACTOR_ID,
          coding_grader: 'LiveBench a8f61ff lcb_runner testing_util.run_test: pyext module, line-wrapped stdin program, float allclose ladder',
          coding_test_timeout_s: TEST_TIMEOUT_S,
          coding_sample_timeout: '(6 + 1) * tests + 5 s',
          coding_executor: session.pool.mode.kind,
        },
        deviations: [...(unsandboxed ? ['unsafe-local-exec'] : []), ...environmentDeviations(session.environment, CODING_GRADER_MODULES)],
      };
    },
  };
}

export const scoreCoding: ScorerFactory = codingScorerFactory();
