// LiveBench's aggregation (show_livebench_result.py, research §4), shared by the suite and the leaderboard
// rebuild: a task is the mean of its question scores x100; a category is the unweighted mean of its task
// means; the overall number is the unweighted mean of the six category means, and exists only when all
// six were scored. Standard errors follow the construction: the strata (tasks, then categories) are
// independent, so SE(mean of k strata) = sqrt(sum SE_i^2) / k. A missing SE makes the combined SE missing.
import { CATEGORIES } from './categories.ts';

/** A value in percent with its standard error (null when it cannot be estimated, e.g. one question). */
export type Estimate = { value: number; se: number | null };

export type TaskResult = Estimate & { task: string; category: string; questions: number };
export type CategoryResult = Estimate & { category: string; tasks: string[] };
export type LiveBenchResult = {
  tasks: TaskResult[];
  categories: CategoryResult[];
  /** null unless every one of the six categories has a score */
  overall: Estimate | null;
  /** expected categories with no score, in their order */
  missing: string[];
};

/** Mean of question scores in [0, 1], x100, with the SE of a mean over independent questions. */
export function taskEstimate(scores: readonly number[]): Estimate {
  const n = scores.length;
  if (n === 0) throw new Error('a task needs at least one scored question');
  const mean = scores.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { value: mean * 100, se: null };
  const variance = scores.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1);
  return { value: mean * 100, se: (Math.sqrt(variance / n)) * 100 };
}

/** Unweighted mean of stratum estimates, with the SE of that mean for independent strata. */
export function meanOfStrata(parts: readonly Estimate[]): Estimate {
  const k = parts.length;
  if (k === 0) throw new Error('a mean of strata needs at least one stratum');
  const value = parts.reduce((sum, p) => sum + p.value, 0) / k;
  const ses = parts.map((p) => p.se);
  const se = ses.every((s): s is number => s !== null) ? Math.sqrt(ses.reduce((sum, s) => sum + s * s, 0)) / k : null;
  return { value, se };
}

/**
 * Category and overall numbers from per-task estimates (each task tagged with its category). The
 * overall is the mean over `expected` (LiveBench's six unless a leaderboard names its own) and needs
 * every one of them.
 */
export function combineTasks(tasks: readonly TaskResult[], expected: readonly string[] = CATEGORIES): LiveBenchResult {
  const categories: CategoryResult[] = [];
  for (const category of orderedCategories(tasks.map((t) => t.category), expected)) {
    const members = tasks.filter((t) => t.category === category).sort((a, b) => a.task.localeCompare(b.task));
    categories.push({ category, tasks: members.map((t) => t.task), ...meanOfStrata(members) });
  }
  const missing = expected.filter((c) => !categories.some((r) => r.category === c));
  const overall = missing.length === 0 ? meanOfStrata(categories.filter((c) => expected.includes(c.category))) : null;
  return { tasks: [...tasks], categories, overall, missing };
}

/** The expected categories in their order, then any other category name alphabetically. */
function orderedCategories(names: readonly string[], expected: readonly string[]): string[] {
  const distinct = [...new Set(names)];
  const known = expected.filter((c) => distinct.includes(c));
  return [...known, ...distinct.filter((n) => !known.includes(n)).sort()];
}
