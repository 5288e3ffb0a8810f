// npm run livebench -- leaderboard <table.csv> [--categories <categories.json>] [--model NAME ...] [--json]
// Rebuilds each model's category numbers and overall from a per-task table, with the suite's aggregation.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isEntryPoint, stdio, type Output } from '../../harness/results/cli-io.ts';
import { categoryMapSchema, DEFAULT_CATEGORY_MAP, formatLeaderboard, leaderboardRows, type CategoryMap } from './leaderboard.ts';

const USAGE = `usage: npm run livebench -- leaderboard <table.csv> [options]
  --categories FILE   category -> tasks JSON (e.g. categories_2024_11_25.json); default: LiveBench's six
                      categories with the tasks of release 2024-11-25
  --model NAME        only this model (repeatable)
  --json              print JSON instead of a table`;

function readCategories(path: string): CategoryMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: cannot read a JSON object (${err instanceof Error ? err.message : String(err)}).`);
  }
  const map = categoryMapSchema.safeParse(parsed);
  if (!map.success) throw new Error(`${path}: must map each category name to a list of task names.`);
  return map.data;
}

export function main(argv: readonly string[], io: Output = stdio): 0 | 2 {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { categories: { type: 'string' }, model: { type: 'string', multiple: true }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, csvPath, ...extra] = parsed.positionals;
  if (command !== 'leaderboard' || csvPath === undefined || extra.length > 0) {
    io.err(`expected: leaderboard <table.csv>\n${USAGE}`);
    return 2;
  }
  try {
    const categories = parsed.values.categories === undefined ? DEFAULT_CATEGORY_MAP : readCategories(parsed.values.categories);
    let csv: string;
    try {
      csv = readFileSync(csvPath, 'utf8');
    } catch {
      throw new Error(`${csvPath}: file not found or unreadable.`);
    }
    const wanted = parsed.values.model;
    const rows = leaderboardRows(csv, categories, csvPath).filter((r) => wanted === undefined || wanted.includes(r.model));
    if (wanted !== undefined && rows.length < wanted.length) {
      const found = new Set(rows.map((r) => r.model));
      throw new Error(`${csvPath}: no row for model ${wanted.filter((m) => !found.has(m)).join(', ')}.`);
    }
    if (parsed.values.json) {
      const json = rows.map((r) => ({
        model: r.model,
        overall: r.result.overall?.value ?? null,
        categories: Object.fromEntries(r.result.categories.map((c) => [c.category, c.value])),
        missing_tasks: r.missingTasks,
      }));
      io.out(JSON.stringify(json, null, 2));
    } else {
      io.out(formatLeaderboard(rows, categories));
      io.out('\noverall = mean of the category means; a category = mean of its task columns (empty cells skipped, as the site does).');
    }
    return 0;
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 2;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = main(process.argv.slice(2), stdio);
