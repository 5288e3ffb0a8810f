// A finished run as one Every Eval Ever aggregate record (scores.json): every metric of every suite.
import type { Metric } from '../suite.ts';
import { aggregateRecordSchema, type AggregateRecord, type EvaluationResult } from './aggregate-schema.ts';
import { collectionFor, evaluationIdFor, modelPathParts, samplesPathFor } from './datastore.ts';
import { EEE_SCHEMA_VERSION, type ModelInfo, type SourceData, type StringMap } from './eee-common.ts';
import { generationConfig } from './generation-details.ts';
import type { ModelIdentity, RunSummary, SuiteRunSummary } from './inputs.ts';

export {
  aggregateRecordSchema,
  type AggregateRecord,
  type EvaluationResult,
  type MetricConfig,
} from './aggregate-schema.ts';

/** Builds and validates the record; a record that does not match the schema is a bug, so this throws. */
export function aggregateRecord(summary: RunSummary): AggregateRecord {
  const collection = collectionFor(summary.suites.map((s) => s.suite));
  const skipped: string[] = [];
  const results: EvaluationResult[] = [];
  for (const suite of summary.suites) {
    for (const metric of suite.metrics) {
      if (Number.isFinite(metric.value)) results.push(evaluationResult(summary, suite, metric));
      else skipped.push(`${metric.evaluation_name}:${metric.metric_id}`);
    }
  }
  const finished = summary.suites.map((s) => s.finished_at).sort().at(-1);
  const simulated = summary.model.simulated;
  const sourceDetails: StringMap = { run_id: summary.run_id, simulated: String(simulated) };
  if (summary.reference !== null) sourceDetails.reference = summary.reference;
  if (skipped.length > 0) sourceDetails.non_finite_metrics = skipped.join(',');
  const record: AggregateRecord = {
    schema_version: EEE_SCHEMA_VERSION,
    evaluation_id: evaluationIdFor(summary.model.id, summary.run_id),
    // the evaluation happened when the responses were generated; only the retrieval moves with a re-score
    evaluation_timestamp: summary.created_at,
    retrieved_timestamp: epochSeconds(finished),
    source_metadata: {
      source_name: simulated ? 'Parity run against a SIMULATED model (not a real model)' : 'Parity reproduction run',
      source_type: 'evaluation_run',
      source_organization_name: 'Parity',
      evaluator_relationship: 'third_party',
      additional_details: sourceDetails,
    },
    eval_library: {
      name: summary.harness.name,
      version: summary.harness.version,
      additional_details: {
        git_revision: summary.harness.git_revision ?? 'unknown',
        config_hash: summary.config_hash,
      },
    },
    model_info: modelInfo(summary.model),
    evaluation_results: results,
    detailed_evaluation_results: {
      format: 'jsonl',
      file_path: samplesPathFor(collection, summary.model.id, summary.run_id),
      hash_algorithm: 'sha256',
      checksum: summary.samples_file.sha256,
      total_rows: summary.samples_file.rows,
    },
  };
  return aggregateRecordSchema.parse(record);
}

function epochSeconds(iso: string | undefined): string {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return String(Math.floor((Number.isFinite(ms) ? ms : Date.now()) / 1000));
}

export function modelInfo(model: ModelIdentity): ModelInfo {
  const local = /^(localhost|127\.|\[?::1\]?|0\.0\.0\.0)/.test(model.endpoint_host);
  const simulatedName = /simulated/i.test(model.name) ? model.name : `${model.name} (simulated)`;
  return {
    name: model.simulated ? simulatedName : model.name,
    id: model.id,
    developer: modelPathParts(model.id).developer,
    inference_platform: model.simulated ? 'simulated endpoint' : model.endpoint_host,
    additional_details: {
      deployment_type: local || model.simulated ? 'self_deployed' : 'externally_managed',
      model_availability: 'unknown',
      endpoint_model: model.endpoint_model,
      simulated: String(model.simulated),
    },
  };
}

/** The headline result's id is the suite id, so every samples.jsonl row can point at it. */
export function evaluationResultId(suite: SuiteRunSummary, metric: Metric): string {
  if (metric.headline) return suite.suite;
  const params = Object.entries(metric.parameters)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
  return `${metric.evaluation_name}#${metric.metric_id}${params === '' ? '' : `(${params})`}`;
}

function sourceData(suite: SuiteRunSummary): SourceData {
  const bench = suite.catalogue;
  const details: StringMap = { revision: suite.dataset.revision, sha256: JSON.stringify(suite.dataset.sha256) };
  if (suite.dataset.origin === 'local') {
    return { dataset_name: bench.title, source_type: 'other', additional_details: { ...details, origin: 'local file' } };
  }
  if (bench.hf_repo === null) {
    return { dataset_name: bench.title, source_type: 'url', url: [bench.url], additional_details: details };
  }
  return { dataset_name: bench.title, source_type: 'hf_dataset', hf_repo: bench.hf_repo, additional_details: details };
}

function evaluationResult(summary: RunSummary, suite: SuiteRunSummary, metric: Metric): EvaluationResult {
  const u = metric.uncertainty;
  const se = u?.standard_error;
  const ci = u?.confidence_interval;
  const metricDetails: StringMap = { headline: String(metric.headline), suite: suite.suite };
  for (const [key, value] of Object.entries(metric.details ?? {})) {
    metricDetails[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return {
    evaluation_result_id: evaluationResultId(suite, metric),
    evaluation_name: metric.evaluation_name,
    source_data: sourceData(suite),
    evaluation_timestamp: suite.generated_at,
    metric_config: {
      evaluation_description: `${suite.title}: ${metric.metric_name}`,
      metric_id: metric.metric_id,
      metric_name: metric.metric_name,
      metric_unit: metric.unit,
      metric_parameters: metric.parameters,
      lower_is_better: metric.lower_is_better,
      score_type: 'continuous',
      min_score: metric.min_score,
      max_score: metric.max_score,
      additional_details: metricDetails,
    },
    score_details: {
      score: metric.value,
      ...(u === undefined
        ? {}
        : {
            uncertainty: {
              ...(se !== undefined && Number.isFinite(se.value) ? { standard_error: se } : {}),
              ...(ci !== undefined && Number.isFinite(ci.lower) && Number.isFinite(ci.upper)
                ? { confidence_interval: ci }
                : {}),
              num_samples: u.num_samples,
              ...(u.num_bootstrap_samples === undefined ? {} : { num_bootstrap_samples: u.num_bootstrap_samples }),
            },
          }),
    },
    generation_config: generationConfig(summary, suite),
  };
}
