// Where the v2.0 questions and baseline answers come from, and how they are read.
import { join } from 'node:path';
import { DatasetError, readJsonlRows } from '../../harness/datasets/jsonl.ts';
import type { DatasetFiles, DatasetSpec } from '../../harness/suite.ts';
import { answerMetadata } from './markdown.ts';
import { type AnswerMeta, answerRecordSchema, type Category, type Options, type Question, questionSchema } from './schema.ts';

export const HUB_REPO = 'lmarena-ai/arena-hard-auto';
/** Hub dataset commit of 2025-05-02 (the v2.0 release data). */
export const HUB_REVISION = '15f3746e21432264ce9b453999bde4f3c946d2e6';
export const QUESTION_FILE = 'data/arena-hard-v2.0/question.jsonl';
/** Git LFS sha256 of question.jsonl at HUB_REVISION (its rows carry an extra `language` key, unlike the GitHub copy). */
export const QUESTION_SHA256 = '6cfe75abb0e09cd39e7f9b0b18ea96d41be2d4d9ddf76dc1d07d78b6accb2039';

export const QUESTION_KEY = 'question';
export const baselineKey = (model: string): string => `model_answer/${model}`;

export function baselinesFor(options: Options): string[] {
  return [...new Set(options.categories.map((c) => options.baselines[c]))];
}

export function datasetSpec(options: Options): DatasetSpec {
  const files: DatasetSpec['files'] = {
    [QUESTION_KEY]: { repo: HUB_REPO, file: QUESTION_FILE, revision: HUB_REVISION, sha256: QUESTION_SHA256 },
  };
  for (const model of baselinesFor(options)) {
    files[baselineKey(model)] = { repo: HUB_REPO, file: `data/arena-hard-v2.0/model_answer/${model}.jsonl`, revision: HUB_REVISION };
  }
  return { files };
}

/** Upstream layout: DIR/question.jsonl and DIR/model_answer/<baseline>.jsonl. */
export function localLayout(dir: string, options: Options): Record<string, string> {
  const paths: Record<string, string> = { [QUESTION_KEY]: join(dir, 'question.jsonl') };
  for (const model of baselinesFor(options)) paths[baselineKey(model)] = join(dir, 'model_answer', `${model}.jsonl`);
  return paths;
}

export type BaselineAnswer = { model: string; answer: string; metadata: AnswerMeta };
export type Item = { question: Question; baseline: BaselineAnswer };

function filePath(files: DatasetFiles, key: string): string {
  const path = files.paths[key];
  if (path === undefined) throw new DatasetError(`arena-hard-v2: dataset file "${key}" was not resolved. Check dataset.path.`);
  return path;
}

/** Reads one baseline answer file keyed by uid; metadata is recomputed when a record lacks it. */
export async function readBaselineAnswers(path: string, expectedModel: string): Promise<Map<string, BaselineAnswer>> {
  const answers = new Map<string, BaselineAnswer>();
  const describe = (v: unknown): string => (typeof v === 'object' && v !== null && 'uid' in v ? `uid ${String(v.uid)}` : '');
  for await (const { line, row } of readJsonlRows(path, answerRecordSchema, describe)) {
    if (row.model !== expectedModel) {
      throw new DatasetError(
        `${path}:${line}: model is "${row.model}" but the baseline is "${expectedModel}". Name the file after the baseline model or fix baselines in the config.`,
      );
    }
    const content = row.messages.at(-1)?.content;
    if (typeof content !== 'object' || content === undefined) {
      throw new DatasetError(`${path}:${line}: messages[-1].content must be an object with "answer". The file is not in the arena-hard-auto answer format.`);
    }
    answers.set(row.uid, { model: row.model, answer: content.answer, metadata: row.metadata ?? answerMetadata(content.answer) });
  }
  return answers;
}

/** Streams the selected questions, each with its category's baseline answer. */
export async function* loadItems(files: DatasetFiles, options: Options): AsyncGenerator<Item> {
  const baselines = new Map<string, Map<string, BaselineAnswer>>();
  for (const model of baselinesFor(options)) {
    baselines.set(model, await readBaselineAnswers(filePath(files, baselineKey(model)), model));
  }
  const path = filePath(files, QUESTION_KEY);
  const wanted = new Set<Category>(options.categories);
  for await (const { line, row } of readJsonlRows(path, questionSchema)) {
    if (!wanted.has(row.category)) continue;
    const model = options.baselines[row.category];
    const baseline = baselines.get(model)?.get(row.uid);
    if (!baseline) {
      throw new DatasetError(
        `${path}:${line}: no answer of baseline "${model}" for uid ${row.uid}. The baseline file ${filePath(files, baselineKey(model))} is incomplete.`,
      );
    }
    yield { question: { uid: row.uid, category: row.category, subcategory: row.subcategory, prompt: row.prompt }, baseline };
  }
}
