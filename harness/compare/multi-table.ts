// The comparison of many runs as text: models x benchmarks, then notes, the runs, and every metric per run.
import type { Cell, ComparisonOutput, RunEntry } from './output-schema.ts';
import { acceptedText, comparisonTable, formatNumber, markdownTable, unknownText } from './table.ts';

function signed(value: number, unit: string): string {
  return `${value >= 0 ? '+' : ''}${formatNumber(value, unit)}`;
}

function shortVerdict(row: NonNullable<Cell['row']>): string {
  switch (row.verdict) {
    case 'not comparable':
      return `not comparable: ${row.differs.map((d) => d.field).join(', ')}`;
    case 'diverges':
      return row.se_apart === null ? 'diverges' : `diverges (${row.se_apart.toFixed(1)} SE)`;
    default:
      return row.verdict;
  }
}

/**
 * The short verdict a cell shows: "not comparable" names its fields; details go to the notes. A verdict that
 * rests on accepted deviations says so; the notes name them.
 */
export function cellVerdict(cell: Cell): string {
  const row = cell.row;
  if (cell.state === 'unfinished' || row === null) return 'unfinished';
  const accepted = row.accepted_deviations.length;
  return accepted === 0 ? shortVerdict(row) : `${shortVerdict(row)}, ${accepted} deviation${accepted === 1 ? '' : 's'} accepted`;
}

export function cellText(cell: Cell): string {
  const row = cell.row;
  if (cell.state === 'unfinished' || row === null) {
    return `unfinished (${cell.other_runs.map((r) => `${r.run_id}: ${r.why_not_used}`).join('; ')})`;
  }
  const ci = row.reproduced.ci;
  const value = `${formatNumber(row.reproduced.value, row.unit)}${ci === null ? '' : ` [${formatNumber(ci.lower, row.unit)}, ${formatNumber(ci.upper, row.unit)}]`}`;
  const published = row.published === null ? '—' : formatNumber(row.published.value, row.unit);
  const delta = row.delta === null ? '' : ` Δ ${signed(row.delta, row.unit)};`;
  const flag = cell.note !== null && cell.note.includes('no response') ? ' INCOMPLETE;' : '';
  return `${value} / ${published};${delta} ${cellVerdict(cell)};${flag} run ${cell.run_id ?? '?'}`;
}

function notes(output: ComparisonOutput): string[] {
  const out: string[] = [];
  for (const cell of output.cells) {
    const where = `${cell.model} × ${output.benchmarks.find((b) => b.id === cell.benchmark)?.title ?? cell.benchmark}`;
    const parts: string[] = [];
    if (cell.row?.verdict === 'not comparable') {
      parts.push(`not comparable: ${cell.row.differs.map((d) => `${d.field} (run ${d.run}, published ${d.reference})`).join('; ')}`);
    }
    if (cell.row !== null && cell.row.accepted_deviations.length > 0) parts.push(acceptedText(cell.row.accepted_deviations));
    if (cell.note !== null) parts.push(cell.note);
    if (cell.other_runs.length > 0 && cell.state === 'compared') {
      parts.push(`also: ${cell.other_runs.map((r) => `${r.run_id} (${r.why_not_used}${r.value === null ? '' : `, ${formatNumber(r.value, cell.row?.unit ?? '')}`})`).join(', ')}`);
    }
    const unknown = cell.row === null ? '' : unknownText(cell.row);
    if (unknown !== '') parts.push(`unknown protocol facts: ${unknown}`);
    if (parts.length > 0) out.push(`- ${where}: ${parts.join('. ')}`);
  }
  return out;
}

function runsTable(runs: readonly RunEntry[]): string {
  return markdownTable(
    ['run', 'model', 'status', 'benchmarks', 'finished', 'reference', 'note'],
    runs.map((r) => [r.run_id, r.model, r.status, r.benchmarks.join(', '), r.finished_at ?? '—', r.reference ?? 'none', r.status_note ?? '—']),
  );
}

/** The opt-in, stated before the table it changes, and any pattern that matched nothing. */
function acceptedHeader(output: ComparisonOutput): string[] {
  const out = [...output.warnings];
  if (output.accepted_deviation_patterns.length > 0) {
    out.unshift(
      `Accepted deviations: ${output.accepted_deviation_patterns.map((p) => `'${p}'`).join(', ')} (--accept-deviation). ` +
        'Deviations these match do not make a cell not comparable; that is the user\'s judgement, not the official protocol, and every cell it changes says so.',
    );
  }
  return out;
}

export function comparisonText(output: ComparisonOutput): string {
  const header = ['model', ...output.benchmarks.map((b) => b.title)];
  const body = output.models.map((model) => [
    model,
    ...output.benchmarks.map((b) => {
      const cell = output.cells.find((c) => c.model === model && c.benchmark === b.id);
      return cell === undefined ? '—' : cellText(cell);
    }),
  ]);
  const parts = [
    `Tolerance ${output.tolerance} points. Each cell: reproduced [95% CI] / published; Δ; verdict; the run it came from.`,
    ...acceptedHeader(output),
    markdownTable(header, body),
  ];
  const noteLines = notes(output);
  if (noteLines.length > 0) parts.push(`Notes:\n${noteLines.join('\n')}`);
  parts.push(`Runs (newest first):\n${runsTable(output.runs)}`);
  for (const run of output.runs) {
    const rows = output.rows.filter((r) => r.run_id === run.run_id);
    if (rows.length > 0) parts.push(`Every metric of ${run.run_id} (${run.model}), reference ${run.reference ?? 'none'}:\n${comparisonTable(rows)}`);
  }
  const count = (v: string) => output.cells.filter((c) => c.row?.verdict === v && c.state === 'compared').length;
  const unfinished = output.cells.filter((c) => c.state === 'unfinished').length;
  const throughAccepted = output.cells.filter((c) => c.state === 'compared' && (c.row?.verdict === 'consistent' || c.row?.verdict === 'diverges') && c.row.accepted_deviations.length > 0).length;
  parts.push(
    `Cells: ${count('consistent')} consistent, ${count('diverges')} diverging, ${count('not comparable')} not comparable, ${count('no reference')} without a published number, ${unfinished} unfinished.` +
      (throughAccepted === 0 ? '' : ` ${throughAccepted === 1 ? '1 verdict rests' : `${throughAccepted} verdicts rest`} on accepted deviations.`),
  );
  return parts.join('\n\n');
}
