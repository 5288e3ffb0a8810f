// Reproduced vs published: one row per (model, benchmark, metric) of the run, with a verdict.
import type { AggregateRecord, EvaluationResult } from '../results/aggregate-schema.ts';
import type { BenchmarkCatalogue, BenchmarkSlice } from '../results/benchmarks.ts';
import { DETAIL_KEYS } from '../results/generation-details.ts';
import { Z95 } from '../stats/summary.ts';
import { compareFacts, resultFacts, sameFact, type FactDifference, UNKNOWN } from './facts.ts';
import type { ComparisonRowData } from './output-schema.ts';

export type { Verdict } from './output-schema.ts';

/** One (model, benchmark, metric) of a run against its published number; stated as zod in output-schema.ts. */
export type ComparisonRow = ComparisonRowData;

export type CompareOptions = {
  tolerance: number;
  /** the names each benchmark goes by, from the suite registry */
  catalogue: BenchmarkCatalogue;
  /** --accept-deviation patterns: run deviations they match do not make a row not comparable */
  acceptDeviations?: readonly string[];
};

type Candidate = { record: AggregateRecord; result: EvaluationResult };

export function sameModel(a: AggregateRecord, b: AggregateRecord): boolean {
  // a simulated run is labelled "<name> (simulated)"; it still joins, and is then marked not comparable
  const name = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ \(simulated\)$/, '');
  return name(a.model_info.name) === name(b.model_info.name) || a.model_info.id.toLowerCase() === b.model_info.id.toLowerCase();
}

function sameSlice(a: BenchmarkSlice, b: BenchmarkSlice): boolean {
  return a.suite === b.suite && (a.slice ?? '').toLowerCase() === (b.slice ?? '').toLowerCase();
}

export function metricLabel(result: EvaluationResult): string {
  const id = result.metric_config.metric_id ?? result.metric_config.metric_name ?? 'score';
  const params = Object.entries(result.metric_config.metric_parameters ?? {}).map(([k, v]) => `${k}=${String(v)}`);
  return params.length === 0 ? id : `${id}(${params.join(',')})`;
}

function isHeadline(result: EvaluationResult, slice: BenchmarkSlice | null): boolean {
  const flag = result.metric_config.additional_details?.headline;
  return flag === undefined ? slice !== null && slice.slice === null : flag === 'true';
}

/**
 * The reference result a run result is compared with. A secondary metric needs a reference of the
 * same metric; the headline falls back to the benchmark's published number, so a different metric
 * shows up as "not comparable" rather than vanishing.
 */
function pick(result: EvaluationResult, headline: boolean, candidates: Candidate[]): Candidate | null {
  const runFacts = resultFacts(result);
  const scored = candidates.map((c) => {
    const refFacts = resultFacts(c.result);
    const refId = refFacts.get('metric_id');
    const runId = runFacts.get('metric_id');
    const idMatch = refId !== undefined && runId !== undefined && refId !== UNKNOWN && sameFact('metric_id', runId, refId);
    const paramsOk = !compareFacts(runFacts, refFacts).differs.some((d) => d.field.startsWith('metric_parameters.'));
    return { c, rank: idMatch && paramsOk ? 2 : idMatch ? 1 : 0, idMatch, paramsOk };
  });
  const best = scored.sort((a, b) => b.rank - a.rank)[0];
  if (best === undefined) return null;
  if (headline) return best.c;
  return best.idMatch && best.paramsOk ? best.c : null;
}

function standardErrorOf(result: EvaluationResult): number | null {
  const u = result.score_details.uncertainty;
  if (u?.standard_error !== undefined) return u.standard_error.value;
  const ci = u?.confidence_interval;
  if (ci !== undefined && (ci.confidence_level ?? 0.95) === 0.95) return (ci.upper - ci.lower) / (2 * Z95);
  return null;
}

/**
 * What makes a run's number a different measurement whatever the reference states: a simulated model,
 * only the first items of the benchmark (--limit), or a local dataset file that is not the pinned one.
 */
function coverageDifferences(run: AggregateRecord, result: EvaluationResult): FactDifference[] {
  const out: FactDifference[] = [];
  const details = result.generation_config?.additional_details ?? {};
  if (run.source_metadata.additional_details?.simulated === 'true') out.push({ field: 'model', run: 'simulated endpoint', reference: 'the real model' });
  if (details['dataset.subset'] === 'true') out.push({ field: 'dataset.items', run: `first ${details['items'] ?? '?'} items (--limit)`, reference: 'the whole benchmark' });
  const revision = details[DETAIL_KEYS.datasetRevision];
  if (revision?.startsWith('local:')) out.push({ field: DETAIL_KEYS.datasetRevision, run: `${revision} (not the pinned file)`, reference: 'the published dataset' });
  return out;
}

function row(run: AggregateRecord, result: EvaluationResult, candidates: Candidate[], opts: CompareOptions): ComparisonRow {
  const slice = opts.catalogue.of(result.evaluation_name);
  const headline = isHeadline(result, slice);
  const score = result.score_details.score;
  const se = standardErrorOf(result);
  const ci = result.score_details.uncertainty?.confidence_interval ?? null;
  const details = result.generation_config?.additional_details ?? {};
  const sampled = details['dataset.sampled_items'];
  const base: ComparisonRow = {
    model: run.model_info.name,
    benchmark: slice?.suite ?? result.evaluation_name,
    evaluation_name: result.evaluation_name,
    metric: metricLabel(result),
    headline,
    unit: result.metric_config.metric_unit ?? '',
    coverage: sampled === undefined ? null : `subset ${sampled} of ${details['dataset.population_items'] ?? '?'}`,
    reproduced: {
      value: score,
      standard_error: se,
      ci: ci === null ? (se === null ? null : { lower: score - Z95 * se, upper: score + Z95 * se }) : { lower: ci.lower, upper: ci.upper },
      num_samples: result.score_details.uncertainty?.num_samples ?? null,
    },
    published: null,
    delta: null,
    se_apart: null,
    verdict: 'no reference',
    differs: [],
    unknown: [],
    accepted_deviations: [],
  };
  const chosen = pick(result, headline, candidates);
  if (chosen === null) return base;
  const refDetails = chosen.result.score_details.details ?? {};
  const published = {
    value: chosen.result.score_details.score,
    source: chosen.record.source_metadata.source_name ?? chosen.record.source_metadata.source_organization_name,
    source_url: refDetails.source_url ?? null,
    note: refDetails.note ?? null,
  };
  const facts = compareFacts(resultFacts(result), resultFacts(chosen.result), opts.acceptDeviations ?? []);
  const differs = [...coverageDifferences(run, result), ...facts.differs];
  // accepted deviations are listed whatever the verdict: a reader sees what the opt-in set aside
  const accepted_deviations = facts.accepted;
  if (differs.length > 0) return { ...base, published, verdict: 'not comparable', differs, unknown: facts.unknown, accepted_deviations };
  const delta = score - published.value;
  const inCi = base.reproduced.ci !== null && published.value >= base.reproduced.ci.lower && published.value <= base.reproduced.ci.upper;
  const consistent = inCi || Math.abs(delta) <= opts.tolerance;
  return {
    ...base,
    published,
    delta,
    se_apart: se !== null && se > 0 ? Math.abs(delta) / se : null,
    verdict: consistent ? 'consistent' : 'diverges',
    unknown: facts.unknown,
    accepted_deviations,
  };
}

export function compareRecords(run: AggregateRecord, references: AggregateRecord[], opts: CompareOptions): ComparisonRow[] {
  const candidates: Candidate[] = references
    .filter((ref) => sameModel(run, ref))
    .flatMap((record) => record.evaluation_results.map((result) => ({ record, result })));
  const rows: ComparisonRow[] = [];
  for (const result of run.evaluation_results) {
    const slice = opts.catalogue.of(result.evaluation_name);
    const headline = isHeadline(result, slice);
    const inSlice = (want: BenchmarkSlice) =>
      candidates.filter((c) => {
        const other = opts.catalogue.of(c.result.evaluation_name);
        return other !== null && sameSlice(want, other);
      });
    let matching = slice === null ? [] : inSlice(slice);
    // a suite may name its headline slice ("<id>/category=<name>"); tables publish it as the benchmark
    if (slice !== null && headline && matching.length === 0) matching = inSlice({ suite: slice.suite, slice: null });
    // breakdown slices appear only where something was published for them
    if (slice !== null && slice.slice !== null && !headline && matching.length === 0) continue;
    rows.push(row(run, result, matching, opts));
  }
  return rows;
}

/** 0 when nothing diverges, 1 when something does. */
export function compareExitCode(rows: readonly ComparisonRow[]): 0 | 1 {
  return rows.some((r) => r.verdict === 'diverges') ? 1 : 0;
}
