// generation_config of one result: the sampling parameters actually sent, and everything else that
// moves a score (dataset revision and window, prompt template, extractor, deviations, judge, harness).
// The key names here are what `compare` reads, in runs and in reference records alike.
import type { JsonValue } from '../json.ts';
import type { GenerationArgs } from './aggregate-schema.ts';
import type { StringMap } from './eee-common.ts';
import type { RunSummary, SuiteRunSummary } from './inputs.ts';

/** Keys of generation_config.additional_details that describe the protocol. */
export const DETAIL_KEYS = {
  datasetVersion: 'dataset.version',
  datasetWindow: 'dataset.window',
  datasetRevision: 'dataset.revision',
  promptTemplateHash: 'prompt_template_hash',
  extractor: 'extractor',
  deviations: 'deviations',
  judgeModel: 'judge_model',
  /** sampling parameters without a generation_args field: generation.<name> */
  generationPrefix: 'generation.',
} as const;

// protocol.details keys a suite may use for its dataset version and window, most specific first;
// a `window` object ({ release, start_date, end_date }) is read like top-level keys
const VERSION_KEYS = ['dataset_version', 'release_version', 'release', 'version'];
const WINDOW_KEYS = ['dataset_window', 'window'];

function text(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isRecord(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstString(details: Record<string, JsonValue>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = details[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return null;
}

/** The dataset version and window a suite records, e.g. release_v6 and "2025-02-01..2025-05-01". */
export function datasetVersionAndWindow(details: Record<string, JsonValue>): { version: string | null; window: string | null } {
  const nested = WINDOW_KEYS.map((k) => details[k]).find(isRecord);
  const flat: Record<string, JsonValue> = { ...(nested ?? {}), ...details };
  const version = firstString(flat, VERSION_KEYS);
  const explicit = firstString(flat, WINDOW_KEYS);
  if (explicit !== null) return { version, window: explicit };
  const start = flat.start_date;
  const end = flat.end_date;
  if (typeof start === 'string' || typeof end === 'string') {
    return { version, window: `${typeof start === 'string' ? start : ''}..${typeof end === 'string' ? end : ''}` };
  }
  return { version, window: null };
}

export function generationConfig(
  summary: RunSummary,
  suite: SuiteRunSummary,
): { generation_args: GenerationArgs; additional_details: StringMap } {
  const g = suite.generation;
  const args: GenerationArgs = {};
  const details: StringMap = {};
  if (g.temperature !== undefined) args.temperature = g.temperature;
  if (g.top_p !== undefined) args.top_p = g.top_p;
  if (g.max_tokens !== undefined) args.max_tokens = g.max_tokens;
  const prefix = DETAIL_KEYS.generationPrefix;
  if (g.presence_penalty !== undefined) details[`${prefix}presence_penalty`] = String(g.presence_penalty);
  if (g.frequency_penalty !== undefined) details[`${prefix}frequency_penalty`] = String(g.frequency_penalty);
  if (g.seed !== undefined) details[`${prefix}seed`] = String(g.seed);
  if (g.stop !== undefined) details[`${prefix}stop`] = JSON.stringify(g.stop);
  for (const [key, value] of Object.entries(g.extra_body ?? {})) {
    if (key === 'top_k' && typeof value === 'number') args.top_k = value;
    else details[`${prefix}${key}`] = text(value);
  }

  const protocol = suite.protocol;
  const { version, window } = datasetVersionAndWindow(protocol.details);
  if (version !== null) details[DETAIL_KEYS.datasetVersion] = version;
  if (window !== null) details[DETAIL_KEYS.datasetWindow] = window;
  details[DETAIL_KEYS.datasetRevision] = suite.dataset.revision;
  details['dataset.origin'] = suite.dataset.origin;
  details[DETAIL_KEYS.promptTemplateHash] = protocol.prompt_template_hash;
  details[DETAIL_KEYS.extractor] = protocol.extractor;
  details[DETAIL_KEYS.deviations] = JSON.stringify(protocol.deviations);
  for (const [key, value] of Object.entries(protocol.details)) details[`protocol.${key}`] = text(value);
  if (suite.judge !== null) {
    details[DETAIL_KEYS.judgeModel] = suite.judge.id;
    details['judge_endpoint_model'] = suite.judge.endpoint_model;
    details['judge_simulated'] = String(suite.judge.simulated);
  }

  details['samples_per_item'] = String(suite.samples_per_item);
  details['items'] = String(suite.items);
  details['dataset.subset'] = String(suite.subset);
  if (suite.sampled !== null) {
    // a random draw estimates the full-set value (unlike --limit): compare reads these
    details['dataset.sampled_items'] = String(suite.sampled.drawn);
    details['dataset.population_items'] = String(suite.sampled.population);
    details['dataset.sample_seed'] = String(suite.sampled.seed);
    details['dataset.sample_strata'] = suite.sampled.strata === null ? 'none' : JSON.stringify(suite.sampled.strata.map((s) => [s.name, s.drawn, s.population]));
  }
  details['scored_samples'] = String(suite.scored_samples);
  details['error_samples'] = String(suite.error_samples);
  details['errors_by_kind'] = JSON.stringify(suite.errors_by_kind);
  details['truncated_samples'] = String(suite.truncated.by_length);
  details['truncated_in_thinking_samples'] = String(suite.truncated.in_thinking);
  details['content_filter_samples'] = String(suite.truncated.content_filter);
  details['scoring_error_samples'] = String(suite.scoring_errors.count);
  if (suite.notes.length > 0) details['notes'] = JSON.stringify(suite.notes);
  if (suite.scoring_errors.example !== null) details['scoring_error_example'] = suite.scoring_errors.example;
  details['harness_version'] = summary.harness.version;
  details['harness_git_revision'] = summary.harness.git_revision ?? 'unknown';
  details['config_hash'] = summary.config_hash;
  details['run_id'] = summary.run_id;
  details['simulated'] = String(summary.model.simulated);
  for (const [key, value] of Object.entries(summary.flags)) details[`flag.${key}`] = text(value);
  return { generation_args: args, additional_details: details };
}
