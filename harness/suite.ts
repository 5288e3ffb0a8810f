// The one contract between the engine and a benchmark. The runner knows nothing else about a suite.
import type { z } from 'zod';
import type { GenerationParams } from './config/schema.ts';
import type { JsonValue } from './json.ts';

/** How published tables and the datastore name a benchmark. Each suite carries its own entry. */
export type CatalogueEntry = {
  /** the title reference records use as evaluation_name */
  title: string;
  /** the official dataset repository on the Hugging Face Hub; null when split over several repos */
  hf_repo: string | null;
  /** where the dataset is published */
  url: string;
  /** other spellings seen in published tables (compared after normalising case and punctuation) */
  aliases: readonly string[];
};

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/** What one sample asks of an endpoint: a chat conversation, or a raw prompt for base models. */
export type SampleRequest =
  | { kind: 'chat'; messages: ChatMessage[] }
  | { kind: 'completion'; prompt: string };

export type Usage = {
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number | null;
};

/** A successful response, normalised. `content` never contains the reasoning. */
export type Completion = {
  content: string;
  reasoning: string | null;
  finish_reason: string | null;
  /** stopped by the token limit */
  truncated: boolean;
  /** stopped by the token limit while still thinking: `content` is empty or partial */
  truncated_in_thinking: boolean;
  usage: Usage | null;
};

/** One graded sample. `value` feeds the metrics; `verdict` is the suite's label (correct, miss, pass, ...). */
export type SampleScore = {
  value: number;
  verdict: string;
  extracted: string | null;
  /** slices this sample belongs to, e.g. { difficulty: 'hard', discipline: 'Science' } */
  groups?: Record<string, string>;
  details?: Record<string, JsonValue>;
  /**
   * Set when the suite's scorer failed on this answer and the suite, as its benchmark does, gave it the
   * failure score in `value` instead of stopping the run. Counted apart from wrong answers in results.
   */
  scoring_error?: string;
};

export type ScoredSample = {
  item_id: string;
  sample_index: number;
  score: SampleScore;
};

export type Uncertainty = {
  standard_error?: { value: number; method: string };
  confidence_interval?: { lower: number; upper: number; confidence_level: number; method: string };
  num_samples: number;
  num_bootstrap_samples?: number;
};

/** One number a suite reports. `headline` marks the number published tables quote. */
export type Metric = {
  /** benchmark slice: the suite id, or "<suite id>/<key>=<value>" for a breakdown */
  evaluation_name: string;
  metric_id: string;
  metric_name: string;
  parameters: Record<string, string | number | boolean>;
  value: number;
  unit: 'percent' | 'ratio' | 'count';
  lower_is_better: boolean;
  min_score: number;
  max_score: number;
  headline: boolean;
  uncertainty?: Uncertainty;
  details?: Record<string, JsonValue>;
};

/** A file on the Hugging Face Hub, pinned. */
export type HubFile = {
  repo: string;
  file: string;
  revision: string;
  sha256?: string;
  size?: number;
};

/** What a suite reads: logical name -> hub file. A local `dataset.path` replaces the download. */
export type DatasetSpec = { files: Record<string, HubFile> };

/** Local paths for each logical file, after download or override. */
export type DatasetFiles = {
  paths: Record<string, string>;
  origin: 'hub' | 'local';
  /** revision label and checksums actually read, for results */
  revision: string;
  sha256: Record<string, string>;
};

/** Everything that moves a score besides sampling parameters; written into results, compared by `compare`. */
export type ProtocolFacts = {
  prompt_template_hash: string;
  extractor: string;
  /** named deviations from the official protocol; empty when faithful */
  deviations: string[];
  details: Record<string, JsonValue>;
};

/** A second endpoint call made while scoring (an LLM judge). Journaled and rate-limited like generation. */
export type JudgeCall = (key: string, request: SampleRequest) => Promise<Completion>;

export type ScoreContext = {
  judge: JudgeCall | null;
  signal: AbortSignal;
};

export type RunFlags = {
  unsafeLocalExec: boolean;
  model: { name: string; id: string };
  judge: { name: string; id: string } | null;
  /** run directory, for suites that write extra artefacts (judgments, answers) */
  runDir: string;
};

export type AggregateContext<Options> = { options: Options; samplesPerItem: number };

/** A benchmark, written as plain functions over its own Item, Options and (optional) Session types. */
export type Suite<Item, Options, Session = null> = {
  /** a plain string; the registry in suites/index.ts is the list of valid ids */
  id: string;
  /** display title for reports */
  title: string;
  /** the names published tables use for this benchmark, and where its data lives */
  catalogue: CatalogueEntry;
  /** suite-specific config keys (strict object); merged with the common keys by the config loader */
  optionsSchema: z.ZodType<Options>;
  defaults: { samples: number; generation: GenerationParams };
  dataset(options: Options): DatasetSpec;
  /** maps a local `dataset.path` to logical files; default: the one logical file */
  localLayout?(path: string, options: Options): Record<string, string>;
  load(files: DatasetFiles, options: Options): AsyncIterable<Item>;
  itemId(item: Item): string;
  /**
   * the stratum an item belongs to, for suites whose headline (or a published breakdown) is a mean of
   * per-stratum means: a --subset draw then takes each stratum in proportion. Optional.
   */
  strata?(item: Item, options: Options): string;
  /** gold answer as text, written into results; null when the suite has none (judged suites) */
  reference(item: Item): string | null;
  /** what the offline simulator answers for this item: a correct or a wrong response */
  simulate?(item: Item, correct: boolean, options: Options): string;
  request(item: Item, options: Options): SampleRequest;
  score(
    item: Item,
    completion: Completion,
    ctx: ScoreContext & { options: Options; session: Session },
  ): Promise<SampleScore> | SampleScore;
  aggregate(samples: readonly ScoredSample[], ctx: AggregateContext<Options>): Metric[];
  /** what a reader must know about these numbers, e.g. why there is no headline metric; shown with the scores */
  notes?(samples: readonly ScoredSample[], ctx: AggregateContext<Options>): string[];
  /** `flags` lets a suite name run-level deviations (e.g. unsafe-local-exec); runners may omit it */
  protocol(options: Options, flags?: RunFlags): ProtocolFacts;
  /** how many samples may be scored at once (code execution, judges); default 8 */
  scoreConcurrency?(options: Options, flags: RunFlags): number;
  /** suites scored by an LLM judge: the config then needs a top-level `judge:`; these defaults sit under its generation */
  judge?: { generation: GenerationParams; default_model: string };
  /** judge requests one item will cost, for --dry-run estimates (prompt tokens exclude the answer being judged) */
  judgeEstimate?(item: Item, options: Options): { requests: number; prompt_tokens: number; completion_tokens: number };
  /** called once before scoring starts, for pools (a sandbox) and artefact writers; closed after scoring */
  setup(options: Options, flags: RunFlags): Promise<SuiteSession<Session>>;
  /** called after all samples are scored and aggregated, e.g. to write upstream-format artefacts */
  finish?(samples: readonly ScoredSample[], ctx: AggregateContext<Options> & { flags: RunFlags }): Promise<void>;
};

export type SuiteSession<Session> = { value: Session; close(): Promise<void> };

/** For suites that need no session. */
export async function noSession(): Promise<SuiteSession<null>> {
  return { value: null, close: async () => {} };
}
