// avg@k headline (Qwen: "sample 64 times and take the average accuracy"), pass@k secondary, no-boxed rate.
import { avgAtK, passAtKMetric, passKs, percentOverItems, tallyByItem } from '../../harness/scoring/per-item.ts';
import { mean } from '../../harness/stats/summary.ts';
import { groupBy } from '../../harness/stats/summary.ts';
import type { Metric, ScoredSample } from '../../harness/suite.ts';

export function aimeMetrics(samples: readonly ScoredSample[], samplesPerItem: number): Metric[] {
  const tallies = tallyByItem(samples);
  const k = samplesPerItem;
  const metrics: Metric[] = [
    avgAtK(tallies, { evaluation_name: 'aime25', headline: true, k, metric_name: `AIME25 avg@${k}` }),
  ];
  for (const pk of passKs(k)) {
    if (pk === 1 && k > 1) continue; // pass@1 equals avg@k exactly
    const metric = passAtKMetric(tallies, { evaluation_name: 'aime25', headline: false, k: pk, metric_name: `AIME25 pass@${pk}` });
    if (metric) metrics.push(metric);
  }
  const noBoxedByItem = [...groupBy(samples, (s) => s.item_id).values()].map((group) =>
    mean(group.map((s) => (s.score.verdict === 'no_boxed' ? 1 : 0))),
  );
  const noBoxed = percentOverItems(
    noBoxedByItem,
    { evaluation_name: 'aime25', headline: false, metric_id: 'no_answer_rate', metric_name: 'AIME25 samples without \\boxed{}', parameters: {} },
    samples.length,
  );
  metrics.push({ ...noBoxed, lower_is_better: true });
  return metrics;
}
