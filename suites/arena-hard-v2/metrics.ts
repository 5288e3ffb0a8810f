// aggregate(): per category, the win rate against the baseline with and without style control.
import type { AggregateContext, Metric, ScoredSample } from '../../harness/suite.ts';
import { type Battle, explode, styleFeatures } from './battles.ts';
import type { BootstrapSummary } from './bootstrap.ts';
import { CATEGORIES, type Category, type Options, type SampleDetails, sampleDetailsSchema } from './schema.ts';
import { styleControlledWinRates } from './style-control.ts';
import { plainWinRates } from './win-rate.ts';

/** Model name used inside the fit; only the difference to the baseline is reported. */
export const EVALUATED = 'evaluated-model';

export function readDetails(sample: ScoredSample): SampleDetails {
  const parsed = sampleDetailsSchema.safeParse(sample.score.details);
  if (!parsed.success) {
    throw new Error(
      `arena-hard-v2: sample ${sample.item_id}#${sample.sample_index} has no valid judge details (${parsed.error.issues[0]?.message ?? 'invalid'}). Re-score the run.`,
    );
  }
  return parsed.data;
}

export function battlesOf(details: readonly SampleDetails[], model: string): Battle[] {
  return details.flatMap((d) =>
    d.outcomes === null ? [] : explode(d.uid, model, d.outcomes, styleFeatures(d.answer_metadata, d.baseline_metadata)),
  );
}

function metric(
  category: Category,
  styleControl: boolean,
  judge: string,
  summary: BootstrapSummary,
  records: number,
  options: Options,
  details: Metric['details'],
): Metric {
  const method = styleControl
    ? `Bradley-Terry with style control (fit: ${options.fit}), median and 5%/95% of ${summary.rounds} bootstrap refits, seed ${options.seed}`
    : `mean and 5%/95% of ${summary.rounds} bootstrap means, seed ${options.seed}`;
  const metricDetails: Metric['details'] = details ?? {};
  return {
    evaluation_name: `arena-hard-v2/category=${category}/style_control=${styleControl}`,
    metric_id: 'arena_hard.win_rate',
    metric_name: `Win rate vs ${options.baselines[category]} (${category}, ${styleControl ? 'style control' : 'no style control'}, judge ${judge})`,
    parameters: { category, style_control: styleControl, judge, baseline: options.baselines[category] },
    value: summary.score * 100,
    unit: 'percent',
    lower_is_better: false,
    min_score: 0,
    max_score: 100,
    headline: false,
    uncertainty: {
      confidence_interval: { lower: summary.lower * 100, upper: summary.upper * 100, confidence_level: 0.9, method },
      num_samples: records,
      num_bootstrap_samples: summary.rounds,
    },
    details: metricDetails,
  };
}

export function aggregateArenaHard(samples: readonly ScoredSample[], ctx: AggregateContext<Options>): Metric[] {
  const { options } = ctx;
  const all = samples.map(readDetails);
  const metrics: Metric[] = [];
  for (const category of CATEGORIES) {
    if (!options.categories.includes(category)) continue;
    const details = all.filter((d) => d.category === category);
    if (details.length === 0) continue;
    const judge = details[0]?.judge ?? 'unknown';
    const kept = details.filter((d) => d.outcomes !== null);
    const dropped = details.length - kept.length;
    const battles = battlesOf(details, EVALUATED);
    const baseline = options.baselines[category];
    const common = { records: kept.length, dropped_records: dropped, battles: battles.length };
    if (battles.length > 0) {
      const plain = plainWinRates(battles, baseline, { rounds: options.bootstrap_rounds, seed: options.seed })[EVALUATED];
      if (plain) metrics.push(metric(category, false, judge, plain, kept.length, options, { ...common }));
      const styled = styleControlledWinRates(battles, baseline, { method: options.fit, rounds: options.bootstrap_rounds, seed: options.seed });
      const sc = styled.models[EVALUATED];
      if (sc) metrics.push(metric(category, true, judge, sc, kept.length, options, { ...common, coefficients: styled.coefficients, fit: styled.fit }));
    }
    metrics.push({
      evaluation_name: `arena-hard-v2/category=${category}`,
      metric_id: 'arena_hard.dropped_records',
      metric_name: `Records dropped for a missing or unknown verdict (${category})`,
      parameters: { category, judge },
      value: dropped,
      unit: 'count',
      lower_is_better: true,
      min_score: 0,
      max_score: details.length,
      headline: false,
      uncertainty: { num_samples: details.length },
    });
  }
  markHeadline(metrics, options);
  return metrics;
}

/** Exactly one headline: the configured variant, else the first win rate with the configured style setting. */
function markHeadline(metrics: Metric[], options: Options): void {
  const winRates = metrics.filter((m) => m.metric_id === 'arena_hard.win_rate');
  const wanted =
    winRates.find((m) => m.parameters.category === options.headline.category && m.parameters.style_control === options.headline.style_control) ??
    winRates.find((m) => m.parameters.style_control === options.headline.style_control) ??
    winRates[0];
  if (wanted) wanted.headline = true;
}
