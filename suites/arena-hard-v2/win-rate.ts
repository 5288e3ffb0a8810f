// Win rate against the baseline without style control (show_result.py print_leaderboard).
import { type Battle, displayName } from './battles.ts';
import { type BootstrapSummary, bootstrapMeans, seededRandom, summarizeByMean } from './bootstrap.ts';

/**
 * Per model: 100 resamples of its own battle rows, each averaged; the score is the mean of those
 * means with the 5%/95% quantiles. The baseline gets 0.5 (-0 / +0), as upstream appends it.
 */
export function plainWinRates(
  battles: readonly Battle[],
  baseline: string,
  opts: { rounds: number; seed: number },
): Record<string, BootstrapSummary> {
  const byModel = new Map<string, number[]>();
  for (const b of battles) {
    const name = displayName(b.model);
    const list = byModel.get(name);
    if (list) list.push(b.outcome);
    else byModel.set(name, [b.outcome]);
  }
  const random = seededRandom(opts.seed);
  const result: Record<string, BootstrapSummary> = {};
  for (const name of [...byModel.keys()].sort()) {
    result[name] = summarizeByMean(bootstrapMeans(byModel.get(name) ?? [], opts.rounds, random));
  }
  result[displayName(baseline)] = { score: 0.5, lower: 0.5, upper: 0.5, rounds: opts.rounds };
  return result;
}
