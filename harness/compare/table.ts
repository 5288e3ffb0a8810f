// Comparison rows as a Markdown table (terminal and report.md share it).
import type { ComparisonRowData as ComparisonRow } from './output-schema.ts';

export function formatNumber(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value);
  return unit === 'percent' ? value.toFixed(1) : value.toFixed(3);
}

export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [
    `| ${header.map(cell).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

function reproducedText(row: ComparisonRow): string {
  const v = formatNumber(row.reproduced.value, row.unit);
  const ci = row.reproduced.ci;
  const text = ci === null ? v : `${v} [${formatNumber(ci.lower, row.unit)}, ${formatNumber(ci.upper, row.unit)}]`;
  return row.coverage === null ? text : `${text} (${row.coverage})`;
}

export function verdictText(row: ComparisonRow): string {
  switch (row.verdict) {
    case 'diverges':
      return row.se_apart === null ? 'diverges' : `diverges (${row.se_apart.toFixed(1)} SE apart)`;
    case 'not comparable':
      return `not comparable: ${row.differs.map((d) => `${d.field} (run ${d.run}, published ${d.reference})`).join('; ')}`;
    default:
      return row.verdict;
  }
}

/** Unknown generation settings collapse into one entry, so the column stays readable. */
export function unknownText(row: ComparisonRow): string {
  const generation = row.unknown.filter((u) => u.startsWith('generation.'));
  const rest = row.unknown.filter((u) => !u.startsWith('generation.'));
  const parts = generation.length > 0 ? [...rest, `generation settings (${generation.map((g) => g.slice('generation.'.length)).join(', ')})`] : rest;
  return parts.join('; ');
}

export function comparisonTable(rows: readonly ComparisonRow[]): string {
  if (rows.length === 0) return '_No results to compare._';
  return markdownTable(
    ['model', 'benchmark', 'metric', 'reproduced [95% CI]', 'published', 'Δ', 'verdict', 'unknown protocol facts'],
    rows.map((r) => [
      r.model,
      r.evaluation_name,
      r.metric,
      reproducedText(r),
      r.published === null ? '—' : formatNumber(r.published.value, r.unit),
      r.delta === null ? '—' : `${r.delta >= 0 ? '+' : ''}${formatNumber(r.delta, r.unit)}`,
      verdictText(r),
      unknownText(r) || '—',
    ]),
  );
}
