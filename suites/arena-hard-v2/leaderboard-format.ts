// The printed table of show_result.py (format_confidence_interval + DataFrame.to_string()).
import type { BootstrapSummary } from './bootstrap.ts';

/** Python round(x, 1): correctly rounded from the binary value, exact ties to even (JS toFixed breaks them upward). */
export function pyRound1(x: number): number {
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf('.');
  const rest = exact.slice(dot + 2);
  if (/^50*$/.test(rest)) {
    const tenth = Math.trunc(Math.abs(x) * 10);
    const even = tenth % 2 === 0 ? tenth : tenth + 1;
    return (Math.sign(x) || 1) * (even / 10);
  }
  return Number(x.toFixed(1));
}

/** str() of a Python float that has at most one decimal. */
export function pyFloatStr(v: number): string {
  if (Object.is(v, -0)) return '-0.0';
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

export type LeaderboardRow = { model: string; score: number; ci: string };

export function leaderboardRows(summaries: Record<string, BootstrapSummary>): LeaderboardRow[] {
  const rows = Object.entries(summaries).map(([model, s]) => ({
    model,
    score: pyRound1(s.score * 100),
    ci: `(-${pyFloatStr(pyRound1((s.score - s.lower) * 100))} / +${pyFloatStr(pyRound1((s.upper - s.score) * 100))})`,
  }));
  // sorted by the rounded score, descending (stable; pandas' quicksort may order ties differently)
  return rows.sort((a, b) => b.score - a.score);
}

/** DataFrame.to_string(): left-aligned index, right-aligned columns, two spaces apart. */
export function formatTable(rows: readonly LeaderboardRow[]): string {
  const cells = rows.map((r, i) => [String(i), r.model, r.score.toFixed(1), r.ci]);
  const header = ['', 'Model', 'Scores (%)', 'CI (%)'];
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  return [line(header), ...cells.map(line)].join('\n');
}

export function formatLeaderboard(category: string, summaries: Record<string, BootstrapSummary>): string {
  return `##### Category: ${category} #####\n${formatTable(leaderboardRows(summaries))}`;
}
