// One run as the HTML page shows it: identity, every metric, tokens and cost, errors, settings and
// protocol facts. Read from the run directory (scores.json, spec.json), so any run can be rendered again.
import { z } from 'zod';
import { benchmarkTitle } from '../../compare/columns.ts';
import { metricLabel } from '../../compare/compare.ts';
import { benchmarkOfResult, type RunInfo } from '../../compare/runs.ts';
import type { EvaluationResult } from '../../results/aggregate-schema.ts';
import type { MetricLine, RunDetails, SuiteDetails } from './page-data.ts';
import type { SamplesData } from './samples-data.ts';

const pricingSchema = z.looseObject({
  model: z.looseObject({ pricing: z.strictObject({ input_per_mtok: z.number(), output_per_mtok: z.number() }).optional() }),
});

function metricLine(result: EvaluationResult): MetricLine {
  const u = result.score_details.uncertainty;
  const ci = u?.confidence_interval;
  const se = u?.standard_error;
  return {
    evaluation_name: result.evaluation_name,
    metric: metricLabel(result),
    headline: result.metric_config.additional_details?.headline === 'true',
    value: result.score_details.score,
    ci: ci === undefined ? null : { lower: ci.lower, upper: ci.upper },
    standard_error: se === undefined ? null : `${se.value.toFixed(result.metric_config.metric_unit === 'percent' ? 2 : 4)}${se.method === undefined ? '' : ` (${se.method})`}`,
    num_samples: u?.num_samples ?? null,
    unit: result.metric_config.metric_unit ?? '',
  };
}

function parseCounts(text: string | undefined): Record<string, number> {
  if (text === undefined) return {};
  try {
    const parsed = z.record(z.string(), z.number()).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function settingsOf(result: EvaluationResult): [string, string][] {
  const args = Object.entries(result.generation_config?.generation_args ?? {}).map(([k, v]): [string, string] => [`generation_args.${k}`, typeof v === 'string' ? v : JSON.stringify(v)]);
  const details = Object.entries(result.generation_config?.additional_details ?? {});
  const source = Object.entries(result.source_data).filter(([, v]) => typeof v === 'string').map(([k, v]): [string, string] => [`source_data.${k}`, String(v)]);
  return [...args, ...details, ...source];
}

export function runDetails(info: RunInfo, samples: SamplesData | null): RunDetails {
  const scores = info.scores;
  const parsedPricing = info.spec === null ? null : pricingSchema.safeParse(info.spec.config);
  const pricing = parsedPricing?.success ? (parsedPricing.data.model.pricing ?? null) : null;
  const suites: SuiteDetails[] = [];
  for (const bench of info.benchmarks) {
    const results = scores?.evaluation_results.filter((r) => benchmarkOfResult(r, info.catalogue) === bench) ?? [];
    const head = results.find((r) => r.metric_config.additional_details?.headline === 'true') ?? results[0];
    const details = head?.generation_config?.additional_details ?? {};
    const usage = samples?.usage.get(bench) ?? { samples: 0, prompt_tokens: 0, completion_tokens: 0, reasoning_tokens: 0 };
    suites.push({
      benchmark: bench,
      title: benchmarkTitle(bench, info.catalogue),
      samples_per_item: details['samples_per_item'] ?? '—',
      items: details['items'] ?? '—',
      scored_samples: details['scored_samples'] ?? '—',
      error_samples: info.error_samples[bench] ?? 0,
      errors_by_kind: parseCounts(details['errors_by_kind']),
      error_examples: samples?.errorExamples.get(bench) ?? {},
      usage,
      cost_usd: pricing === null ? null : (usage.prompt_tokens / 1e6) * pricing.input_per_mtok + (usage.completion_tokens / 1e6) * pricing.output_per_mtok,
      settings: head === undefined ? [] : settingsOf(head),
    });
  }
  const facts: [string, string][] = [
    ['model', `${info.model} (${info.model_id})`],
    ['run', info.run_id],
    ['directory', info.dir],
    ['status', info.status_note === null ? info.status : `${info.status}: ${info.status_note}`],
    ['started', info.created_at],
    ['finished', info.finished_at ?? '—'],
  ];
  if (scores !== null) {
    facts.push(['endpoint model', scores.model_info.additional_details?.endpoint_model ?? '—']);
    facts.push(['inference platform', scores.model_info.inference_platform ?? '—']);
    facts.push(['harness', `${scores.eval_library.name} ${scores.eval_library.version}, git ${scores.eval_library.additional_details?.git_revision ?? 'unknown'}`]);
    facts.push(['config hash', scores.eval_library.additional_details?.config_hash ?? '—']);
    facts.push(['samples file', `${scores.detailed_evaluation_results?.total_rows ?? '?'} rows, sha256 ${scores.detailed_evaluation_results?.checksum ?? '?'}`]);
  }
  if (scores === null && samples !== null) facts.push(['journal', `${samples.journalResponses} samples answered so far (journal.jsonl); they are scored when the run is finished`]);
  if (info.spec !== null) facts.push(['config file', info.spec.config_file], ['protocol hash', info.spec.protocol_hash], ['flags', JSON.stringify(info.spec.flags)]);
  return {
    run_id: info.run_id,
    dir: info.dir,
    model: info.model,
    model_id: info.model_id,
    status: info.status,
    status_note: info.status_note,
    facts,
    metrics: scores?.evaluation_results.map(metricLine) ?? [],
    suites,
    pricing: pricing === null ? null : `$${pricing.input_per_mtok} per million input tokens, $${pricing.output_per_mtok} per million output tokens`,
  };
}
