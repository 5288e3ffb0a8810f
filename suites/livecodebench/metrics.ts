// pass@1 (unbiased estimator per problem, unweighted mean over problems), overall and by difficulty.
import type { JsonValue } from '../../harness/json.ts';
import { passAtKMetric, tallyByItem } from '../../harness/scoring/per-item.ts';
import { groupBy } from '../../harness/stats/summary.ts';
import type { Metric, ScoredSample } from '../../harness/suite.ts';
import { VERDICTS } from './grade.ts';
import type { Options } from './options.ts';

function verdictCounts(samples: readonly ScoredSample[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(VERDICTS.map((v) => [v, 0]));
  for (const s of samples) counts[s.score.verdict] = (counts[s.score.verdict] ?? 0) + 1;
  return counts;
}

/** pass@k for one slice; the window is a dataset fact (protocol details), not a metric parameter. */
function slicePassAtK(name: string, label: string, samples: readonly ScoredSample[], k: number, headline: boolean, details: Record<string, JsonValue>): Metric | null {
  const metric = passAtKMetric(tallyByItem(samples), { evaluation_name: name, headline, k, metric_name: `LiveCodeBench pass@${k}${label}` });
  return metric ? { ...metric, details: { problems: new Set(samples.map((s) => s.item_id)).size, ...details } } : null;
}

export function aggregateMetrics(samples: readonly ScoredSample[], _options: Options): Metric[] {
  if (samples.length === 0) return [];
  const metrics: Metric[] = [];
  const push = (m: Metric | null): void => {
    if (m) metrics.push(m);
  };
  push(slicePassAtK('livecodebench', '', samples, 1, true, { verdicts: verdictCounts(samples) }));
  const byDifficulty = groupBy(samples, (s) => s.score.groups?.['difficulty'] ?? 'unknown');
  const order = ['easy', 'medium', 'hard', ...[...byDifficulty.keys()].filter((d) => !['easy', 'medium', 'hard'].includes(d))];
  for (const difficulty of order) {
    const group = byDifficulty.get(difficulty);
    if (group) push(slicePassAtK(`livecodebench/difficulty=${difficulty}`, ` (${difficulty})`, group, 1, false, { verdicts: verdictCounts(group) }));
  }
  // pass@5 and pass@10 only where every problem has that many samples (passAtKMetric returns null otherwise)
  for (const k of [5, 10]) push(slicePassAtK('livecodebench', '', samples, k, false, {}));
  const total = samples.length;
  const timeLimits = samples.filter((s) => s.score.verdict === 'time_limit').length;
  metrics.push({
    evaluation_name: 'livecodebench',
    metric_id: 'time_limit_samples',
    metric_name: 'samples stopped by a time limit (protocol 6 s per test)',
    parameters: { total_samples: total },
    value: timeLimits,
    unit: 'count',
    lower_is_better: true,
    min_score: 0,
    max_score: total,
    headline: false,
  });
  return metrics;
}
