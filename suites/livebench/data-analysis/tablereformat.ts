// tablereformat: LiveBench's scoring runs on pandas readers and their type inference, so it runs in a
// pool of Python workers (tablereformat.py) over the distribution's pandas rather than being re-implemented.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { projectPath } from '../../../harness/paths.ts';
import { startPythonWorkers } from '../../../harness/python/worker-pool.ts';
import { requireGroundTruth } from '../scorers/reasoning.ts';
import type { ScorerFactory, TaskScorer } from '../scorers/types.ts';

/** pandas pinned by LiveBench's pyproject.toml at a8f61ff */
export const REFERENCE_PANDAS = '2.2.2';
/** generous: a table of 50 rows reads in milliseconds; upstream has no limit at all */
export const TABLEREFORMAT_TIMEOUT_MS = 60_000;

/** The Debian modules the tablereformat workers import; every install list (CI, workflows, image) carries them. */
export const TABLEREFORMAT_REQUIREMENTS = [
  { module: 'pandas', debianPackage: 'python3-pandas' },
  { module: 'numpy', debianPackage: 'python3-numpy' },
  { module: 'lxml', debianPackage: 'python3-lxml' },
] as const;

const replySchema = z.object({ score: z.union([z.literal(0), z.literal(1)]), extracted: z.string(), stage: z.string() });

/**
 * Named differences from LiveBench's tablereformat scoring; the first applies only when the worker's pandas
 * is not the reference's. See suites/livebench/scorers/reasoning-data-analysis.md.
 */
export const TABLEREFORMAT_DEVIATIONS = {
  pandasVersion: 'tablereformat-pandas-not-2.2.2',
  endlessRetry: 'tablereformat-endless-header-retry-is-error',
  timeout: 'tablereformat-60s-limit',
} as const;

export const scoreTablereformat: ScorerFactory = {
  async create() {
    const pool = await startPythonWorkers({
      module: projectPath('suites', 'livebench', 'data-analysis', 'tablereformat.py'),
      size: Math.max(1, Math.min(2, availableParallelism())),
      requires: TABLEREFORMAT_REQUIREMENTS,
    });
    const scorer: TaskScorer = async (question, answer, resources) => {
      const questionText = question.turns[0];
      if (questionText === undefined) throw new Error(`livebench tablereformat question ${question.question_id} has no turns`);
      const result = await pool.call('score', [questionText, requireGroundTruth(question), answer], {
        timeoutMs: TABLEREFORMAT_TIMEOUT_MS,
        signal: resources.signal,
      });
      // upstream raises in these cases (a ground truth pandas cannot read, an answer that breaks the
      // recovery readers); the suite counts a thrown scorer as a scoring error scored 0
      if (!result.ok) throw new Error(`livebench tablereformat question ${question.question_id}: ${result.kind}: ${result.message.slice(0, 500)}`);
      const reply = replySchema.parse(result.value);
      return { score: reply.score, extracted: reply.extracted, details: { stage: reply.stage } };
    };
    const pandas = pool.environment.modules['pandas'] ?? 'unknown';
    return {
      scorer,
      close: () => pool.close(),
      facts: {
        tablereformat_python: pool.environment.executable,
        tablereformat_python_version: pool.environment.version,
        tablereformat_modules: pool.environment.modules,
        tablereformat_reference_pandas: REFERENCE_PANDAS,
        tablereformat_read_html_flavor: 'lxml (LiveBench depends on lxml, not on bs4/html5lib)',
        tablereformat_timeout_ms: TABLEREFORMAT_TIMEOUT_MS,
      },
      deviations: [
        ...(pandas === REFERENCE_PANDAS ? [] : [TABLEREFORMAT_DEVIATIONS.pandasVersion]),
        TABLEREFORMAT_DEVIATIONS.endlessRetry,
        TABLEREFORMAT_DEVIATIONS.timeout,
      ],
    };
  },
};
