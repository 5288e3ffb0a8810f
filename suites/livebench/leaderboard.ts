// Rebuilds LiveBench's published category and overall numbers from a per-task table shaped like
// all_tasks.csv / the site's table_<release>.csv (model, then one column per task, values x100), with
// the suite's own aggregation. As the site's Averaging.js does, an empty cell is skipped: the category
// averages the tasks it has, and the row is marked incomplete.
import { z } from 'zod';
import { combineTasks, type LiveBenchResult, type TaskResult } from './aggregate.ts';
import { CATEGORIES, TASKS_BY_CATEGORY } from './categories.ts';

/** category name -> its tasks, as categories_<release>.json holds it */
export type CategoryMap = Record<string, string[]>;

export const categoryMapSchema = z.record(z.string().min(1), z.array(z.string().min(1)).min(1));

export const DEFAULT_CATEGORY_MAP: CategoryMap = Object.fromEntries(CATEGORIES.map((c) => [c, [...TASKS_BY_CATEGORY[c]]]));

export type LeaderboardRow = { model: string; result: LiveBenchResult; missingTasks: string[] };

export class LeaderboardError extends Error {
  override name = 'LeaderboardError';
}

/** Splits CSV text into rows of fields (RFC 4180 quotes; no other escapes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i += 1;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

export function leaderboardRows(csv: string, categories: CategoryMap, where: string): LeaderboardRow[] {
  const [header, ...body] = parseCsv(csv);
  if (header === undefined || header[0]?.trim() !== 'model') throw new LeaderboardError(`${where}: the first column must be "model" (an all_tasks.csv-shaped table).`);
  const columns = header.slice(1).map((c) => c.trim());
  const categoryOf = new Map<string, string>();
  for (const [category, tasks] of Object.entries(categories)) for (const task of tasks) categoryOf.set(task, category);
  const unknown = columns.filter((c) => !categoryOf.has(c));
  if (unknown.length > 0) throw new LeaderboardError(`${where}: columns ${unknown.join(', ')} belong to no category. Pass the release's categories JSON with --categories.`);
  const expected = Object.keys(categories);
  return body.map((cells, line) => {
    const model = cells[0]?.trim() ?? '';
    const tasks: TaskResult[] = [];
    const missingTasks: string[] = [];
    for (const [i, task] of columns.entries()) {
      const cell = cells[i + 1]?.trim() ?? '';
      if (cell === '' || cell.toLowerCase() === 'nan') {
        missingTasks.push(task);
        continue;
      }
      const value = Number(cell);
      if (!Number.isFinite(value)) throw new LeaderboardError(`${where}: line ${line + 2}, column ${task}: "${cell}" is not a number.`);
      tasks.push({ task, category: categoryOf.get(task) ?? task, value, se: null, questions: 0 });
    }
    for (const tasksOf of Object.values(categories)) for (const t of tasksOf) if (!columns.includes(t) && !missingTasks.includes(t)) missingTasks.push(t);
    return { model, result: combineTasks(tasks, expected), missingTasks };
  });
}

export function formatLeaderboard(rows: readonly LeaderboardRow[], categories: CategoryMap): string {
  const names = Object.keys(categories);
  const sorted = [...rows].sort((a, b) => (b.result.overall?.value ?? -1) - (a.result.overall?.value ?? -1));
  const width = Math.max(5, ...rows.map((r) => r.model.length));
  const head = ['model'.padEnd(width), 'overall'.padStart(8), ...names.map((n) => n.padStart(Math.max(8, n.length)))].join('  ');
  const lines = sorted.map((r) => {
    const cells = names.map((n) => {
      const c = r.result.categories.find((x) => x.category === n);
      return (c === undefined ? '-' : c.value.toFixed(2)).padStart(Math.max(8, n.length));
    });
    const overall = r.result.overall === null ? '-' : r.result.overall.value.toFixed(2);
    const mark = r.missingTasks.length > 0 ? `  (no score for ${r.missingTasks.join(', ')})` : '';
    return `${[r.model.padEnd(width), overall.padStart(8), ...cells].join('  ')}${mark}`;
  });
  return [head, ...lines].join('\n');
}
