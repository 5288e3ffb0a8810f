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

/** What a row's accepted deviations mean, for a footnote or a note: never shown without the names. */
export function acceptedText(deviations: readonly string[]): string {
  const them = deviations.length === 1 ? 'it does' : 'they do';
  return `deviations accepted with --accept-deviation (the user's judgement that ${them} not move the score; the official protocol was not followed): ${deviations.join(', ')}`;
}

/**
 * Marks for rows with accepted deviations: "†1", "†2", one per distinct set, and a footnote for each.
 * A row with a verdict and a mark got its verdict only because those deviations were set aside.
 */
export function acceptedFootnotes(rows: readonly ComparisonRow[]): { mark: (row: ComparisonRow) => string; lines: string[] } {
  const sets: string[] = [];
  for (const row of rows) {
    const key = row.accepted_deviations.join('\n');
    if (key !== '' && !sets.includes(key)) sets.push(key);
  }
  return {
    mark: (row) => {
      const index = sets.indexOf(row.accepted_deviations.join('\n'));
      return row.accepted_deviations.length === 0 || index < 0 ? '' : ` †${index + 1}`;
    },
    lines: sets.map((key, i) => `†${i + 1} ${acceptedText(key.split('\n'))}.`),
  };
}

export function comparisonTable(rows: readonly ComparisonRow[]): string {
  if (rows.length === 0) return '_No results to compare._';
  const footnotes = acceptedFootnotes(rows);
  const table = markdownTable(
    ['model', 'benchmark', 'metric', 'reproduced [95% CI]', 'published', 'Δ', 'verdict', 'unknown protocol facts'],
    rows.map((r) => [
      r.model,
      r.evaluation_name,
      r.metric,
      reproducedText(r),
      r.published === null ? '—' : formatNumber(r.published.value, r.unit),
      r.delta === null ? '—' : `${r.delta >= 0 ? '+' : ''}${formatNumber(r.delta, r.unit)}`,
      `${verdictText(r)}${footnotes.mark(r)}`,
      unknownText(r) || '—',
    ]),
  );
  return footnotes.lines.length === 0 ? table : `${table}\n\n${footnotes.lines.join('\n')}`;
}
