// --accept-deviation: the user's explicit judgement that a run's named deviation from a benchmark's
// official protocol does not move its score, so the row may get a verdict. It sets aside deviations only:
// every other fact that differs (metric, sampling settings, dataset, judge, extractor, coverage) still
// makes a row not comparable. A row that gets a verdict this way lists what was accepted.
import type { AggregateRecord } from '../results/aggregate-schema.ts';
import { DETAIL_KEYS } from '../results/generation-details.ts';

export const ACCEPT_DEVIATION_USAGE =
  '--accept-deviation PATTERN (repeatable) treats a run\'s named deviation as not making a row incomparable: ' +
  'PATTERN is the deviation\'s name, exactly, or with * for any text (e.g. \'AMPS_Hard: *\'). ' +
  'Only deviations can be accepted; a differing sampling setting, metric, dataset, judge or extractor never can.';

/**
 * `--accept-deviation` as given on a command line (every occurrence): the patterns, or why one is unusable.
 * An empty pattern would accept nothing while looking like an opt-in, so it is refused.
 */
export function acceptDeviationArg(values: readonly string[] | undefined): { ok: true; patterns: string[] } | { ok: false; message: string } {
  const patterns: string[] = [];
  for (const value of values ?? []) {
    const pattern = value.trim();
    if (pattern === '') {
      return { ok: false, message: `--accept-deviation needs a deviation name or a pattern with *, got "${value}"; e.g. --accept-deviation 'AMPS_Hard: *'` };
    }
    if (/^\*+$/.test(pattern)) {
      return { ok: false, message: `--accept-deviation "${value}" would accept every deviation; name the deviations to accept, e.g. 'AMPS_Hard: *'` };
    }
    if (!patterns.includes(pattern)) patterns.push(pattern);
  }
  return { ok: true, patterns };
}

function patternRegExp(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

/** A deviation name matches a pattern exactly, with each * standing for any text (also none). */
export function matchesDeviation(pattern: string, deviation: string): boolean {
  return patternRegExp(pattern).test(deviation);
}

export function isAccepted(patterns: readonly string[], deviation: string): boolean {
  return patterns.some((p) => matchesDeviation(p, deviation));
}

/** A deviations fact as recorded: a JSON list, or a comma-separated one; sorted. */
export function deviationList(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.map(String).sort();
  } catch {
    // a plain comma-separated list
  }
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .sort();
}

/** Every deviation a run records, over all its results. */
export function recordedDeviations(run: AggregateRecord): string[] {
  const all = new Set<string>();
  for (const result of run.evaluation_results) {
    for (const d of deviationList(result.generation_config?.additional_details?.[DETAIL_KEYS.deviations])) all.add(d);
  }
  return [...all].sort();
}

/** One warning per pattern that matches no deviation of the runs compared: most likely a typo. */
export function unmatchedPatternWarnings(patterns: readonly string[], deviations: readonly string[]): string[] {
  return patterns
    .filter((p) => !deviations.some((d) => matchesDeviation(p, d)))
    .map((p) =>
      deviations.length === 0
        ? `WARNING: --accept-deviation '${p}' matches no deviation: the runs compared record none. Check the pattern.`
        : `WARNING: --accept-deviation '${p}' matches no deviation of the runs compared (a typo?). They record: ${deviations.join(', ')}.`,
    );
}
