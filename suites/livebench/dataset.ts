// Where LiveBench questions come from: the six HF datasets livebench/<category> (split test, one parquet
// file each), or a local copy in LiveBench's own layout <dir>/<category>/<task>/question.jsonl. Either way
// the release rule picks the questions, and only the chosen tasks are kept.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetError, readJsonl } from '../../harness/datasets/jsonl.ts';
import { jsonValueSchema, type JsonValue } from '../../harness/json.ts';
import type { DatasetFiles, DatasetSpec, HubFile } from '../../harness/suite.ts';
import { CATEGORIES, categoryOfTask, TASKS_BY_CATEGORY, type Category } from './categories.ts';
import { HUB_FILES, type LiveBenchHubFiles } from './hub-files.ts';
import type { LiveBenchOptions } from './options.ts';
import { readParquetRows } from './parquet.ts';
import type { LiveBenchQuestion } from './question.ts';
import { inRelease, releaseSet } from './releases.ts';
import { questionFromRow, releaseDates } from './rows.ts';

/** One logical file per chosen category, named after it. */
export function datasetSpec(options: LiveBenchOptions, hubFiles: LiveBenchHubFiles = HUB_FILES): DatasetSpec {
  const files: Record<string, HubFile> = {};
  for (const category of options.categories) files[category] = hubFiles[category];
  return { files };
}

/**
 * A local copy: LiveBench's layout, one logical file per chosen task, "<category>/<task>"
 * (<dir>/<category>/<task>/question.jsonl); or, for a category with no such file, the Hub file itself as
 * a Hub download leaves it (<dir>/<category>/data/test-00000-of-00001.parquet). When the config chose no
 * categories or tasks, the categories the directory holds are taken, so a partial copy runs as far as it goes.
 */
export function localLayout(dir: string, options: LiveBenchOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const category of options.categories) {
    const tasks = TASKS_BY_CATEGORY[category].filter((task) => options.tasks.includes(task));
    const paths = tasks.map((task) => ({ task, path: join(dir, category, task, 'question.jsonl') }));
    const present = paths.filter((p) => existsSync(p.path));
    const parquet = join(dir, category, HUB_FILES[category].file);
    if (present.length === 0 && existsSync(parquet)) {
      out[category] = parquet;
      continue;
    }
    // a category mean over some of its tasks is not LiveBench's category number
    if (!options.explicit && present.length > 0 && present.length < paths.length) {
      const absent = paths.filter((p) => !present.includes(p)).map((p) => p.path);
      throw new DatasetError(`${dir}: category ${category} is incomplete (missing ${absent.join(', ')}). Add the files, or choose tasks explicitly with suites.livebench.tasks.`);
    }
    for (const { task, path } of options.explicit ? paths : present) out[`${category}/${task}`] = path;
  }
  return out;
}

/** Rows of one file with where they are; parquet and question.jsonl rows are JSON values alike. */
async function* rowsOf(path: string): AsyncGenerator<{ where: string; row: JsonValue }> {
  if (path.endsWith('.parquet')) {
    for await (const { index, row } of readParquetRows(path)) yield { where: `${path} row ${index}`, row };
    return;
  }
  for await (const { line, value } of readJsonl(path)) {
    const where = `${path}:${line}`;
    const parsed = jsonValueSchema.safeParse(value);
    if (!parsed.success) throw new DatasetError(`${where}: not a JSON question row.`);
    yield { where, row: parsed.data };
  }
}

/** The file's expected category (hub: its logical name; local: its folder). */
function expectedCategory(name: string): string {
  const cut = name.indexOf('/');
  return cut === -1 ? name : name.slice(0, cut);
}

export async function* loadQuestions(files: DatasetFiles, options: LiveBenchOptions): AsyncGenerator<LiveBenchQuestion> {
  const releases = releaseSet(options.release);
  const seen = new Set<string>();
  const names = Object.keys(files.paths).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  for (const name of names) {
    const path = files.paths[name];
    if (path === undefined) continue;
    const category = expectedCategory(name);
    for await (const { where, row } of rowsOf(path)) {
      // the HF files hold later releases too: only the release's questions must fit the format
      if (!inRelease(releaseDates(row, where), options.release, releases)) continue;
      const question = questionFromRow(row, where);
      if (question.category !== category) throw new DatasetError(`${where}: category "${question.category}" in a file of category "${category}". Put the question under ${question.category}/ or fix the row.`);
      if (categoryOfTask(question.task) !== question.category) {
        throw new DatasetError(`${where}: task "${question.task}" of release ${options.release} is not a ${question.category} task this suite knows (${TASKS_BY_CATEGORY[asCategory(category, where)].join(', ')}).`);
      }
      if (!options.tasks.includes(question.task)) continue;
      // gen_api_answer.py would sample such a question at its own temperature; the runner sends one setting per suite
      const required = question.raw['required_temperature'];
      if (required !== undefined && required !== null) throw new DatasetError(`${where}: required_temperature ${JSON.stringify(required)} is not supported (no question of releases up to 2024-11-25 sets it). Leave the task out with suites.livebench.tasks.`);
      if (question.turns.length !== 1) throw new DatasetError(`${where}: ${question.turns.length} turns; this suite sends one request per question, and every question of the LiveBench releases has one turn.`);
      if (seen.has(question.question_id)) throw new DatasetError(`${where}: duplicate question_id ${question.question_id}.`);
      seen.add(question.question_id);
      yield question;
    }
  }
}

function asCategory(name: string, where: string): Category {
  const found = CATEGORIES.find((c) => c === name);
  if (found === undefined) throw new DatasetError(`${where}: "${name}" is not a LiveBench category (${CATEGORIES.join(', ')}).`);
  return found;
}

function order(name: string): number {
  return CATEGORIES.findIndex((c) => c === expectedCategory(name));
}
