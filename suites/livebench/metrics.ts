// Scored samples -> the suite's metrics: one per task, one per category, and the overall headline
// (only when all six categories were scored). Several samples of a question are averaged first, so
// the question stays the independent unit.
import { groupBy, mean, normalInterval } from '../../harness/stats/summary.ts';
import type { Metric, ScoredSample } from '../../harness/suite.ts';
import { combineTasks, taskEstimate, type Estimate, type LiveBenchResult, type TaskResult } from './aggregate.ts';
import { CATEGORIES, TASKS_BY_CATEGORY } from './categories.ts';

const NAME = 'livebench';

export type SampleResult = LiveBenchResult & {
  /** categories with some but not all of the run's tasks scored: they get no category number */
  incomplete: Array<{ category: string; missingTasks: string[] }>;
};

/**
 * Per-task results from samples whose groups carry category and task. A category gets a number only
 * when every one of its tasks in `runTasks` has scored samples: the mean over some of its tasks is not
 * LiveBench's category number (e.g. a pool that could not start left one task without scores).
 */
export function resultFromSamples(samples: readonly ScoredSample[], runTasks: readonly string[]): SampleResult {
  const tasks: TaskResult[] = [];
  const byTask = groupBy(samples, (s) => `${s.score.groups?.category ?? 'unknown'}\u0000${s.score.groups?.task ?? 'unknown'}`);
  for (const [key, group] of byTask) {
    const [category = 'unknown', task = 'unknown'] = key.split('\u0000');
    const perQuestion = [...groupBy(group, (s) => s.item_id).values()].map((g) => mean(g.map((s) => s.score.value)));
    tasks.push({ task, category, questions: perQuestion.length, ...taskEstimate(perQuestion) });
  }
  const incomplete: SampleResult['incomplete'] = [];
  for (const category of new Set(tasks.map((t) => t.category))) {
    const expected = CATEGORIES.find((c) => c === category);
    const wanted = expected === undefined ? [] : TASKS_BY_CATEGORY[expected].filter((t) => runTasks.includes(t));
    const missingTasks = wanted.filter((t) => !tasks.some((r) => r.task === t && r.category === category));
    if (missingTasks.length > 0) incomplete.push({ category, missingTasks });
  }
  const complete = tasks.filter((t) => !incomplete.some((i) => i.category === t.category));
  return { ...combineTasks(complete), tasks, incomplete };
}

function metric(evaluation_name: string, metric_id: string, metric_name: string, estimate: Estimate, samples: number, headline: boolean, details: Metric['details']): Metric {
  const base: Metric = {
    evaluation_name,
    metric_id,
    metric_name,
    parameters: {},
    value: estimate.value,
    unit: 'percent',
    lower_is_better: false,
    min_score: 0,
    // connections credits a repeated correct group again (LiveBench's quirk), so a question can score above 1
    max_score: Math.max(100, estimate.value),
    headline,
    uncertainty: { num_samples: samples },
    ...(details === undefined ? {} : { details }),
  };
  if (estimate.se === null) return base;
  const ci = normalInterval(estimate.value, estimate.se, { lower: 0, upper: Math.max(100, estimate.value) });
  return {
    ...base,
    uncertainty: {
      standard_error: { value: estimate.se, method: metric_id === 'mean_score' ? 'standard_error_of_mean' : 'stratified_from_task_standard_errors' },
      confidence_interval: { lower: ci.lower, upper: ci.upper, confidence_level: 0.95, method: 'normal' },
      num_samples: samples,
    },
  };
}

export function liveBenchMetrics(samples: readonly ScoredSample[], runTasks: readonly string[]): Metric[] {
  const result = resultFromSamples(samples, runTasks);
  const count = (pred: (s: ScoredSample) => boolean) => samples.filter(pred).length;
  const out: Metric[] = [];
  if (result.overall !== null) {
    const details = { categories: result.categories.map((c) => c.category) };
    out.push(metric(NAME, 'livebench.average', 'LiveBench overall (mean of the six category means)', result.overall, samples.length, true, details));
  }
  for (const c of result.categories) {
    const n = count((s) => s.score.groups?.category === c.category);
    out.push(metric(`${NAME}/category=${c.category}`, 'livebench.category_average', `LiveBench ${c.category} (mean of task means)`, c, n, false, { tasks: c.tasks }));
  }
  for (const t of result.tasks) {
    const n = count((s) => s.score.groups?.task === t.task && s.score.groups.category === t.category);
    out.push(metric(`${NAME}/task=${t.task}`, 'mean_score', `LiveBench ${t.task} (mean score)`, t, n, false, { category: t.category, questions: t.questions }));
  }
  return out;
}

/** Why there is no headline (the overall needs all six categories), and categories left without a number. */
export function liveBenchNotes(samples: readonly ScoredSample[], runTasks: readonly string[]): string[] {
  if (samples.length === 0) return [];
  const result = resultFromSamples(samples, runTasks);
  const notes = result.incomplete.map(
    (i) => `no ${i.category} number: ${i.missingTasks.join(', ')} got no scored sample (see the errors), and a category is the mean of all its tasks.`,
  );
  if (result.missing.length > 0) {
    notes.push(
      `no overall LiveBench number: it is the mean of all six category means, and ${result.missing.join(', ')} ${result.missing.length === 1 ? 'was' : 'were'} not scored in this run. Task and category numbers are reported; compare them only with published task and category cells.`,
    );
  }
  return notes;
}
