// pass@1 (unbiased estimator per problem, unweighted mean over problems), overall and by difficulty.
import type { JsonValue } from '../../harness/json.ts';
import { passAtK } from '../../harness/stats/pass-at-k.ts';
import { clusteredStandardError, groupBy, mean, normalInterval, Z95 } from '../../harness/stats/summary.ts';
import type { Metric, ScoredSample } from '../../harness/suite.ts';
import { VERDICTS } from './grade.ts';
import type { Options } from './options.ts';

type ItemTally = { id: string; n: number; c: number; difficulty: string };

function tallies(samples: readonly ScoredSample[]): ItemTally[] {
  return [...groupBy(samples, (s) => s.item_id)].map(([id, rows]) => ({
    id,
    n: rows.length,
    c: rows.filter((r) => r.score.value >= 1).length,
    difficulty: rows[0]?.score.groups?.['difficulty'] ?? 'unknown',
  }));
}

function verdictCounts(samples: readonly ScoredSample[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(VERDICTS.map((v) => [v, 0]));
  for (const s of samples) counts[s.score.verdict] = (counts[s.score.verdict] ?? 0) + 1;
  return counts;
}

function passMetric(name: string, items: ItemTally[], k: number, headline: boolean, options: Options, details: Record<string, JsonValue>): Metric {
  const perItem = items.map((item) => passAtK(item.n, item.c, k));
  const value = mean(perItem);
  const se = clusteredStandardError(perItem);
  const ci = normalInterval(value, se);
  const counts = items.map((i) => i.n);
  return {
    evaluation_name: name,
    metric_id: `pass@${k}`,
    metric_name: `pass@${k} (unbiased estimator, mean over problems)`,
    parameters: {
      k,
      samples_per_item_min: Math.min(...counts),
      samples_per_item_max: Math.max(...counts),
      release: options.release,
      start_date: options.start_date,
      end_date: options.end_date,
    },
    value: value * 100,
    unit: 'percent',
    lower_is_better: false,
    min_score: 0,
    max_score: 100,
    headline,
    uncertainty: {
      standard_error: { value: se * 100, method: 'clustered by problem (sd of per-problem pass@k / sqrt(problems))' },
      confidence_interval: { lower: ci.lower * 100, upper: ci.upper * 100, confidence_level: 0.95, method: `normal (z=${Z95.toFixed(2)})` },
      num_samples: items.length,
    },
    details: { problems: items.length, ...details },
  };
}

export function aggregateMetrics(samples: readonly ScoredSample[], options: Options): Metric[] {
  const items = tallies(samples);
  if (items.length === 0) return [];
  const metrics: Metric[] = [passMetric('livecodebench', items, 1, true, options, { verdicts: verdictCounts(samples) })];
  const byDifficulty = groupBy(items, (i) => i.difficulty);
  for (const difficulty of ['easy', 'medium', 'hard', ...[...byDifficulty.keys()].filter((d) => !['easy', 'medium', 'hard'].includes(d))]) {
    const group = byDifficulty.get(difficulty);
    if (!group) continue;
    const ids = new Set(group.map((g) => g.id));
    const verdicts = verdictCounts(samples.filter((s) => ids.has(s.item_id)));
    metrics.push(passMetric(`livecodebench/difficulty=${difficulty}`, group, 1, false, options, { verdicts }));
  }
  const minN = Math.min(...items.map((i) => i.n));
  for (const k of [5, 10]) {
    if (k <= minN) metrics.push(passMetric('livecodebench', items, k, false, options, {}));
  }
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
