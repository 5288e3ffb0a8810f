// The coding tasks (LCB_generation, coding_completion): a sandbox pool per run, LiveBench's extraction
// and its vendored LiveCodeBench grader, with the sandbox's Python recorded in the protocol facts.
import { environmentDetails, environmentDeviations, openGradingSession, type GradingSession } from '../../../harness/code-grading/index.ts';
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

/**
 * One sandbox pool serves both coding tasks of a run: the suite creates the factory once per task,
 * so creations share a session that closes with the last of them.
 */
export function codingScorerFactory(options: CodingScorerOptions = {}): ScorerFactory {
  type Shared = { session: Promise<GradingSession>; users: number; unsafeLocalExec: boolean };
  let shared: Shared | null = null;
  const acquire = (unsafeLocalExec: boolean): Shared => {
    if (shared === null || shared.unsafeLocalExec !== unsafeLocalExec) {
      const session = openGradingSession({
        unsafeLocalExec,
        modules: CODING_GRADER_MODULES,
        size: options.poolSize ?? defaultPoolSize(),
        ...(options.hidePaths ? { hidePaths: options.hidePaths } : {}),
      });
      const entry: Shared = { session, users: 0, unsafeLocalExec };
      // a failed start is not kept for the next run
      session.catch(() => {
        if (shared === entry) shared = null;
      });
      shared = entry;
    }
    shared.users += 1;
    return shared;
  };
  return {
    async create(resources: CodingResources): Promise<CreatedScorer> {
      const unsafeLocalExec = resources.unsafeLocalExec ?? false;
      const entry = acquire(unsafeLocalExec);
      const session = await entry.session;
      let closed = false;
      const unsandboxed = session.pool.mode.kind === 'unsafe-local';
      return {
        scorer: async (question, answer, scoring) => {
          const grade = await gradeCodingAnswer(session.pool, question, answer, scoring.signal);
          return { score: grade.score, extracted: grade.extracted, details: grade.details };
        },
        close: async () => {
          if (closed) return;
          closed = true;
          entry.users -= 1;
          if (entry.users > 0) return;
          if (shared === entry) shared = null;
          await session.close();
        },
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
