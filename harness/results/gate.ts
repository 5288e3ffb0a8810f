// Checks the Every Eval Ever datastore applies after the JSON Schema (its merge gate), so an export
// is refused here rather than by the datastore: each score inside its declared bounds, finite numbers.
import type { AggregateRecord } from './aggregate-schema.ts';

function bound(value: number | string | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return typeof value === 'number' ? value : null;
}

/** Problems as "<json path>: <what is wrong>"; empty when the record passes. */
export function datastoreProblems(record: AggregateRecord): string[] {
  const problems: string[] = [];
  record.evaluation_results.forEach((result, i) => {
    const at = `evaluation_results[${i}]`;
    const score = result.score_details.score;
    const min = bound(result.metric_config.min_score);
    const max = bound(result.metric_config.max_score);
    if (!Number.isFinite(score)) problems.push(`${at}.score_details.score: must be a finite number`);
    if (min !== null && max !== null && min > max) problems.push(`${at}.metric_config: min_score ${min} is above max_score ${max}`);
    if (min !== null && score < min) problems.push(`${at}.score_details.score: ${score} is below min_score ${min}`);
    if (max !== null && score > max) problems.push(`${at}.score_details.score: ${score} is above max_score ${max}`);
    const u = result.score_details.uncertainty;
    const numbers: [string, number | undefined][] = [
      ['standard_error.value', u?.standard_error?.value],
      ['confidence_interval.lower', u?.confidence_interval?.lower],
      ['confidence_interval.upper', u?.confidence_interval?.upper],
      ['standard_deviation', u?.standard_deviation],
    ];
    for (const [name, value] of numbers) {
      if (value !== undefined && !Number.isFinite(value)) problems.push(`${at}.score_details.uncertainty.${name}: must be finite`);
    }
  });
  return problems;
}
