// The sections of report.md that describe one run: metrics, usage and cost, errors, settings.
import { describeDesign } from '../stats/subset.ts';
import { formatNumber, markdownTable } from '../compare/table.ts';
import type { ModelIdentity, RunSummary, SuiteRunSummary } from '../results/inputs.ts';
import type { Metric } from '../suite.ts';

function params(metric: Metric): string {
  const entries = Object.entries(metric.parameters).map(([k, v]) => `${k}=${String(v)}`);
  return entries.length === 0 ? metric.metric_id : `${metric.metric_id}(${entries.join(',')})`;
}

function metricRow(metric: Metric): string[] {
  const u = metric.uncertainty;
  const ci = u?.confidence_interval;
  return [
    metric.evaluation_name,
    `${metric.metric_name} — ${params(metric)}`,
    formatNumber(metric.value, metric.unit),
    ci === undefined ? '—' : `[${formatNumber(ci.lower, metric.unit)}, ${formatNumber(ci.upper, metric.unit)}]`,
    u?.standard_error === undefined ? '—' : `${formatNumber(u.standard_error.value, metric.unit)} (${u.standard_error.method})`,
    u === undefined ? '—' : String(u.num_samples),
    metric.unit,
  ];
}

const METRIC_HEADER = ['evaluation', 'metric', 'value', '95% CI', 'standard error', 'n', 'unit'];

export function headlineSection(summary: RunSummary): string {
  const rows = summary.suites.flatMap((s) => s.metrics.filter((m) => m.headline).map(metricRow));
  const notes = summary.suites.flatMap((s) => s.notes.map((note) => `- ${s.title} (\`${s.suite}\`): ${note}`));
  const table = rows.length === 0 ? '_No metrics._' : markdownTable(METRIC_HEADER, rows);
  return `## Headline results\n\n${table}${notes.length === 0 ? '' : `\n\n${notes.join('\n')}`}`;
}

export function breakdownSection(summary: RunSummary): string {
  const parts = summary.suites.map((s) => {
    const rows = s.metrics.filter((m) => !m.headline).map(metricRow);
    const body = rows.length === 0 ? '_No further metrics._' : markdownTable(METRIC_HEADER, rows);
    return `### ${s.title} (\`${s.suite}\`)\n\n${body}`;
  });
  return `## Breakdowns\n\n${parts.join('\n\n')}`;
}

function cost(model: ModelIdentity, prompt: number, completion: number): string {
  if (model.pricing === undefined) return '—';
  const usd = (prompt / 1e6) * model.pricing.input_per_mtok + (completion / 1e6) * model.pricing.output_per_mtok;
  return `$${usd < 0.01 && usd > 0 ? usd.toFixed(4) : usd.toFixed(2)}`;
}

export function usageSection(summary: RunSummary): string {
  const rows = summary.suites.map((s) => [
    s.suite,
    String(s.usage.requests),
    String(s.usage.prompt_tokens),
    String(s.usage.completion_tokens),
    s.usage.reasoning_tokens === null ? '—' : String(s.usage.reasoning_tokens),
    cost(summary.model, s.usage.prompt_tokens, s.usage.completion_tokens),
  ]);
  const sum = (f: (s: SuiteRunSummary) => number) => summary.suites.reduce((acc, s) => acc + f(s), 0);
  const prompt = sum((s) => s.usage.prompt_tokens);
  const completion = sum((s) => s.usage.completion_tokens);
  rows.push([
    '**total**',
    String(sum((s) => s.usage.requests)),
    String(prompt),
    String(completion),
    String(sum((s) => s.usage.reasoning_tokens ?? 0)),
    cost(summary.model, prompt, completion),
  ]);
  const pricing = summary.model.pricing;
  const note =
    pricing === undefined
      ? 'No `model.pricing` in the config, so no cost estimate.'
      : `Cost at $${pricing.input_per_mtok} per million input tokens and $${pricing.output_per_mtok} per million output tokens (reasoning tokens are billed as output). Model generation only; judge calls are not included.`;
  return `## Tokens and cost\n\n${markdownTable(['suite', 'requests', 'prompt tokens', 'completion tokens', 'reasoning tokens', 'estimated cost (USD)'], rows)}\n\n${note}`;
}

export function errorSection(summary: RunSummary): string {
  const total = summary.suites.reduce((acc, s) => acc + s.error_samples, 0);
  if (total === 0) return '## Errors\n\nNo error samples.';
  const rows = summary.suites
    .filter((s) => s.error_samples > 0)
    .map((s) => [
      s.suite,
      String(s.error_samples),
      Object.entries(s.errors_by_kind)
        .map(([kind, n]) => `${kind}: ${n}`)
        .join(', ') || '—',
      Object.entries(s.error_examples)
        .map(([kind, message]) => `${kind}: ${message}`)
        .join('; ') || '—',
    ]);
  return `## Errors\n\n**${total} sample(s) got no response after all retries.** They are kept out of every metric; resume the run (\`--resume ${summary.run_id}\`) to retry them.\n\n${markdownTable(['suite', 'error samples', 'by kind', 'first message of each kind'], rows)}`;
}

function json(value: unknown): string {
  return `\`${JSON.stringify(value)}\``;
}

export function settingsSection(summary: RunSummary): string {
  const parts = summary.suites.map((s) => {
    const lines = [
      `- samples per item: ${s.samples_per_item}; items: ${s.items}; scored samples: ${s.scored_samples}`,
      `- items: ${s.sampled === null ? (s.subset ? 'the first ones only (--limit): not comparable with a full-set number' : 'all selected') : `${describeDesign(s.sampled)}, drawn at random: metrics estimate the full-set value and their intervals include the finite-population correction`}`,
      `- cut off by max_tokens: ${s.truncated.by_length} samples, ${s.truncated.in_thinking} of them while still thinking; stopped by the provider's content filter: ${s.truncated.content_filter} (all scored as given)`,
      `- scoring errors (the scorer failed; scored as the benchmark scores a failure): ${s.scoring_errors.count} samples${s.scoring_errors.example === null ? '' : `, e.g. ${s.scoring_errors.example}`}`,
      `- generation sent: ${json(s.generation)}`,
      `- dataset: ${s.dataset.origin}, revision \`${s.dataset.revision}\`, sha256 ${json(s.dataset.sha256)}`,
      `- prompt template hash: \`${s.protocol.prompt_template_hash}\`; extractor: \`${s.protocol.extractor}\``,
      `- deviations from the official protocol: ${s.protocol.deviations.length === 0 ? 'none' : s.protocol.deviations.map((d) => `**${d}**`).join(', ')}`,
      `- protocol details: ${json(s.protocol.details)}`,
      `- judge: ${s.judge === null ? 'none' : `${s.judge.name} (\`${s.judge.id}\`, endpoint model \`${s.judge.endpoint_model}\`)${s.judge.simulated ? ' — SIMULATED' : ''}`}`,
      `- started ${s.started_at}, finished ${s.finished_at}`,
    ];
    return `### ${s.title} (\`${s.suite}\`)\n\n${lines.join('\n')}`;
  });
  return `## Settings\n\nRun flags: ${json(summary.flags)}\n\n${parts.join('\n\n')}`;
}
