// The flags `compare` and `report` share: run directories, --reference, --tolerance and --accept-deviation,
// checked once so both commands refuse the same bad input with the same words.
import { acceptDeviationArg } from '../compare/accept.ts';
import { toleranceArg } from '../compare/run-compare.ts';

/** parseArgs options of the shared flags; each command spreads its own beside them. */
export const COMPARISON_OPTIONS = {
  reference: { type: 'string' },
  tolerance: { type: 'string' },
  'accept-deviation': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export type ComparisonArgs = { runs: string[]; reference: string | undefined; tolerance: number; acceptDeviations: string[] };

type SharedValues = { reference?: string | undefined; tolerance?: string | undefined; 'accept-deviation'?: string[] | undefined };

/** The shared flags checked, or the message for exit 2 (the caller appends its usage). */
export function comparisonArgs(values: SharedValues, positionals: string[]): ComparisonArgs | { error: string } {
  if (positionals.length === 0) return { error: 'expected one or more run directories' };
  const tolerance = toleranceArg(values.tolerance);
  if (tolerance === null) return { error: `--tolerance must be a non-negative number of points, got "${values.tolerance ?? ''}"` };
  const accept = acceptDeviationArg(values['accept-deviation']);
  if (!accept.ok) return { error: accept.message };
  return { runs: positionals, reference: values.reference, tolerance, acceptDeviations: accept.patterns };
}
