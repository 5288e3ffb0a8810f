// The protocol facts of one result, as a flat map, and how a run's facts differ from a reference's.
// A reference states a fact, marks it "unknown", or says nothing (then it constrains nothing).
import type { EvaluationResult } from '../results/aggregate-schema.ts';
import { DETAIL_KEYS } from '../results/generation-details.ts';
import { deviationList, isAccepted } from './accept.ts';

export type Facts = Map<string, string>;
export type FactDifference = { field: string; run: string; reference: string };
/** accepted: the run's deviations that differ from the reference's and were set aside with --accept-deviation */
export type FactComparison = { differs: FactDifference[]; unknown: string[]; accepted: string[] };

export const UNKNOWN = 'unknown';

const EXACT_KEYS = new Set<string>([
  'metric_id',
  'metric_unit',
  DETAIL_KEYS.datasetVersion,
  DETAIL_KEYS.datasetWindow,
  DETAIL_KEYS.judgeModel,
  DETAIL_KEYS.extractor,
  DETAIL_KEYS.promptTemplateHash,
  DETAIL_KEYS.deviations,
]);
const PREFIXES = ['metric_parameters.', DETAIL_KEYS.generationPrefix, 'protocol.'];

export function isFactKey(key: string): boolean {
  return EXACT_KEYS.has(key) || PREFIXES.some((p) => key.startsWith(p));
}

const GENERATION_ARG_KEYS = ['temperature', 'top_p', 'top_k', 'max_tokens'] as const;

export function resultFacts(result: EvaluationResult): Facts {
  const facts: Facts = new Map();
  const config = result.metric_config;
  if (config.metric_id !== undefined) facts.set('metric_id', config.metric_id);
  if (config.metric_unit !== undefined) facts.set('metric_unit', config.metric_unit);
  for (const [key, value] of Object.entries(config.metric_parameters ?? {})) {
    facts.set(`metric_parameters.${key}`, String(value));
  }
  const args = result.generation_config?.generation_args ?? {};
  for (const key of GENERATION_ARG_KEYS) {
    const value = args[key];
    if (value !== undefined && value !== null) facts.set(`${DETAIL_KEYS.generationPrefix}${key}`, String(value));
  }
  // Structured fields win; details add the rest and may mark a structured fact as unknown.
  for (const [key, value] of Object.entries(result.generation_config?.additional_details ?? {})) {
    if (isFactKey(key) && !facts.has(key)) facts.set(key, value);
  }
  return facts;
}

function normalise(field: string, value: string): string {
  const v = value.trim().toLowerCase();
  // "pass@1" is the display spelling of the canonical id pass_at_k; k is compared as a parameter
  if (field === 'metric_id') return v.replace(/^pass@\d+$/, 'pass_at_k');
  if (field === DETAIL_KEYS.datasetVersion) return v.replace(/release/g, '').replace(/[^a-z0-9]/g, '').replace(/^v/, '');
  if (field === DETAIL_KEYS.datasetWindow) return v.replace(/[^a-z0-9]/g, '');
  // a judge is named by its model; the provider prefix of an id does not change it
  if (field === DETAIL_KEYS.judgeModel) return v.slice(v.lastIndexOf('/') + 1);
  return v;
}

export function sameFact(field: string, a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return Math.abs(x - y) < 1e-9;
  return normalise(field, a) === normalise(field, b);
}

/**
 * Differences name the field; facts the reference marks unknown, or that the run does not record,
 * are listed as unknown rather than matched. Deviations always count: published numbers are taken
 * to follow the official protocol unless the reference names its own deviations. A deviation of the
 * run that the reference does not name, and that a pattern in `acceptDeviations` matches, is set aside
 * and listed in `accepted`; nothing else can be set aside.
 */
export function compareFacts(run: Facts, reference: Facts, acceptDeviations: readonly string[] = []): FactComparison {
  const differs: FactDifference[] = [];
  const unknown: string[] = [];
  const accepted: string[] = [];
  for (const [field, refValue] of reference) {
    if (field === DETAIL_KEYS.deviations) continue;
    if (refValue.trim().toLowerCase() === UNKNOWN) {
      unknown.push(field);
      continue;
    }
    const runValue = run.get(field);
    // a sampling setting the source states but the run did not send ran at the server's default
    if (runValue === undefined && field.startsWith(DETAIL_KEYS.generationPrefix)) differs.push({ field, run: 'not sent (server default)', reference: refValue });
    else if (runValue === undefined) unknown.push(`${field} (not recorded by the run)`);
    else if (!sameFact(field, runValue, refValue)) differs.push({ field, run: runValue, reference: refValue });
  }
  const refDeviations = reference.get(DETAIL_KEYS.deviations);
  if (refDeviations !== undefined && refDeviations.trim().toLowerCase() === UNKNOWN) {
    unknown.push(DETAIL_KEYS.deviations);
  } else {
    const theirs = deviationList(refDeviations);
    const ours = deviationList(run.get(DETAIL_KEYS.deviations));
    // only the run's own deviations can be accepted; one the reference names and the run lacks still differs
    accepted.push(...ours.filter((d) => !theirs.includes(d) && isAccepted(acceptDeviations, d)));
    const counted = ours.filter((d) => !accepted.includes(d));
    if (counted.join('\n') !== theirs.join('\n')) {
      differs.push({
        field: DETAIL_KEYS.deviations,
        run: counted.length === 0 ? 'none' : counted.join(', '),
        reference: theirs.length === 0 ? 'none (official protocol)' : theirs.join(', '),
      });
    }
  }
  return { differs, unknown, accepted };
}
