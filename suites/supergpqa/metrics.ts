// eval/eval.py's numbers: sample-wise accuracy (headline), per difficulty, per discipline, macro averages over
// subfield, field and discipline, and the miss rate. Fields and subfields are keyed "discipline/field[/subfield]",
// as eval.py keys them, so a field name shared by two disciplines counts twice.
import { percentOverItems, tallyByItem } from '../../harness/scoring/per-item.ts';
import { groupBy, mean } from '../../harness/stats/summary.ts';
import type { Metric, ScoredSample } from '../../harness/suite.ts';
import { DIFFICULTIES } from './dataset.ts';

const NAME = 'supergpqa';

function groupOf(sample: ScoredSample, key: string): string {
  return sample.score.groups?.[key] ?? 'unknown';
}

/** Accuracy over samples, with SE over items (binomial with one sample per item, clustered otherwise). */
function accuracy(samples: readonly ScoredSample[], evaluation_name: string, metric_name: string, headline: boolean): Metric {
  const perItem = tallyByItem(samples).map((t) => t.mean);
  return percentOverItems(perItem, { evaluation_name, headline, metric_id: 'accuracy', metric_name, parameters: {} }, samples.length);
}

/** Unweighted mean of per-category sample-wise accuracies, as eval.py's "Overall (subfield-wise)" rows. */
function macro(samples: readonly ScoredSample[], level: 'subfield' | 'field' | 'discipline'): Metric {
  const key = (s: ScoredSample): string => {
    const discipline = groupOf(s, 'discipline');
    if (level === 'discipline') return discipline;
    const field = `${discipline}/${groupOf(s, 'field')}`;
    return level === 'field' ? field : `${field}/${groupOf(s, 'subfield')}`;
  };
  const perCategory = [...groupBy(samples, key).values()].map((group) => mean(group.map((s) => s.score.value)));
  return {
    evaluation_name: NAME,
    metric_id: `accuracy_macro_${level}`,
    metric_name: `SuperGPQA accuracy (${level}-wise)`,
    parameters: {},
    value: mean(perCategory) * 100,
    unit: 'percent',
    lower_is_better: false,
    min_score: 0,
    max_score: 100,
    headline: false,
    uncertainty: { num_samples: samples.length },
    details: { categories: perCategory.length },
  };
}

function missRate(samples: readonly ScoredSample[]): Metric {
  const perItem = [...groupBy(samples, (s) => s.item_id).values()].map((group) =>
    mean(group.map((s) => (s.score.verdict === 'miss' ? 1 : 0))),
  );
  const base = { evaluation_name: NAME, headline: false, metric_id: 'miss_rate', metric_name: 'SuperGPQA miss rate (no answer extracted)', parameters: {} };
  return { ...percentOverItems(perItem, base, samples.length), lower_is_better: true };
}

export function superGpqaMetrics(samples: readonly ScoredSample[]): Metric[] {
  const metrics = [accuracy(samples, NAME, 'SuperGPQA accuracy (sample-wise)', true)];
  const byDifficulty = groupBy(samples, (s) => groupOf(s, 'difficulty'));
  for (const level of DIFFICULTIES) {
    const group = byDifficulty.get(level);
    if (group) metrics.push(accuracy(group, `${NAME}/difficulty=${level}`, `SuperGPQA accuracy, ${level}`, false));
  }
  const byDiscipline = groupBy(samples, (s) => groupOf(s, 'discipline'));
  for (const discipline of [...byDiscipline.keys()].sort()) {
    const group = byDiscipline.get(discipline) ?? [];
    metrics.push(accuracy(group, `${NAME}/discipline=${discipline}`, `SuperGPQA accuracy, ${discipline}`, false));
  }
  metrics.push(macro(samples, 'subfield'), macro(samples, 'field'), macro(samples, 'discipline'), missRate(samples));
  return metrics;
}
