// What the runner hands to the results writers. The results module turns these into Every Eval Ever records.
import type { GenerationParams } from '../config/schema.ts';
import type { JsonValue } from '../json.ts';
import type { ReplicaStats } from '../endpoint/replicas.ts';
import type { ShardSummary } from '../run/run-dir.ts';
import type { Completion, DatasetFiles, Metric, ProtocolFacts, SampleRequest, SampleScore, CatalogueEntry, Usage } from '../suite.ts';
import type { SubsetDesign } from '../stats/subset.ts';

export type ModelIdentity = {
  name: string;
  id: string;
  /** endpoint model string and base URL host, never a key */
  endpoint_model: string;
  endpoint_host: string;
  simulated: boolean;
  /** USD per million tokens (model.pricing in the config), for the report's cost estimate */
  pricing?: { input_per_mtok: number; output_per_mtok: number };
};

/** Scored samples cut off by max_tokens, those cut off while still thinking (empty answer), and those the provider's content filter stopped. */
export type CutOffCounts = { by_length: number; in_thinking: number; content_filter: number };

/** Scored samples whose scorer failed and that the suite scored as its protocol scores a failure; the first message. */
export type ScoringErrorCounts = { count: number; example: string | null };

/** One scored sample, as the scoring step writes it (one row of samples.jsonl). */
export type InstanceInput = {
  run_id: string;
  suite: string;
  model: ModelIdentity;
  item_id: string;
  sample_index: number;
  request: SampleRequest;
  completion: Completion;
  /** gold answer as text, when the suite has one */
  reference: string | null;
  score: SampleScore;
  latency_ms: number | null;
  attempts: number;
  /** the suite's extractor id (ProtocolFacts.extractor), recorded as the answer's extraction method */
  extractor?: string;
};

export type SuiteRunSummary = {
  suite: string;
  title: string;
  /** the benchmark's names and data location, from the suite */
  catalogue: CatalogueEntry;
  metrics: Metric[];
  /** the suite's notes on its numbers (why a headline is missing, ...) */
  notes: string[];
  protocol: ProtocolFacts;
  dataset: DatasetFiles;
  /** exactly what was sent with each request, after config merging */
  generation: GenerationParams;
  samples_per_item: number;
  items: number;
  /** true when a limit stopped the run before the end of the dataset: the score covers the first `items` only */
  subset: boolean;
  /** a --subset run: how its items were drawn from the full set; metrics estimate the full-set value */
  sampled: SubsetDesign | null;
  scored_samples: number;
  /** samples with no response after all retries: kept out of every metric */
  error_samples: number;
  errors_by_kind: Record<string, number>;
  /** the first message of each error kind */
  error_examples: Record<string, string>;
  truncated: CutOffCounts;
  scoring_errors: ScoringErrorCounts;
  usage: Usage & { requests: number };
  judge: ModelIdentity | null;
  /** when the last of this suite's responses was generated (the journal's time): a re-score keeps it */
  generated_at: string;
  /** this process's scoring: a re-score moves these */
  started_at: string;
  finished_at: string;
};

export type RunSummary = {
  run_id: string;
  run_dir: string;
  model: ModelIdentity;
  harness: { name: 'parity'; version: string; git_revision: string | null };
  config_hash: string;
  /** when the run was started (spec.json created_at): the evaluation's time, whoever scores it later */
  created_at: string;
  reference: string | null;
  suites: SuiteRunSummary[];
  /** samples.jsonl of the run (all suites, in suite order), with its sha256 and row count */
  samples_file: { path: string; sha256: string; rows: number };
  flags: Record<string, JsonValue>;
  /** a merged run: the shards it was joined from */
  shards?: ShardSummary[];
  /** a model served by several replicas: how each one fared in this process */
  replicas?: ReplicaStats[];
};
