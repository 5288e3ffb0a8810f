// One raw row (HF parquet or LiveBench's question.jsonl) -> LiveBenchQuestion, checked field by field.
import { DatasetError } from '../../harness/datasets/jsonl.ts';
import type { JsonValue } from '../../harness/json.ts';
import type { LiveBenchQuestion } from './question.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(row: Record<string, JsonValue>, field: string, where: string): string {
  const value = row[field];
  if (typeof value !== 'string' || value === '') throw new DatasetError(`${where}: field "${field}" must be a non-empty string, got ${JSON.stringify(value ?? null)}. The file is not in LiveBench's question format.`);
  return value;
}

function date(row: Record<string, JsonValue>, field: string, where: string, allowEmpty: boolean): string {
  const value = row[field];
  // a missing removal date reads as "not removed"; the HF column is a string that is "" when unset
  if (allowEmpty && (value === '' || value === null || value === undefined)) return '';
  if (typeof value === 'string' && DATE.test(value)) return value;
  throw new DatasetError(`${where}: field "${field}" must be a "YYYY-MM-DD" date${allowEmpty ? ' or ""' : ''}, got ${JSON.stringify(value ?? null)}.`);
}

function optionalText(row: Record<string, JsonValue>, field: string, where: string): string | null {
  const value = row[field];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new DatasetError(`${where}: field "${field}" must be a string when present, got ${JSON.stringify(value)}.`);
  return value;
}

function isRecord(value: JsonValue | undefined): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The two dates the release rule reads; checked before the rest, so rows of other releases need not fit. */
export function releaseDates(value: JsonValue, where: string): { livebench_release_date: string; livebench_removal_date: string } {
  if (!isRecord(value)) throw new DatasetError(`${where}: a question must be a JSON object.`);
  return { livebench_release_date: date(value, 'livebench_release_date', where, false), livebench_removal_date: date(value, 'livebench_removal_date', where, true) };
}

/** `where` names the file and line (or row) for errors. */
export function questionFromRow(value: JsonValue, where: string): LiveBenchQuestion {
  if (!isRecord(value)) throw new DatasetError(`${where}: a question must be a JSON object.`);
  const row = value;
  const turns = row['turns'];
  if (!Array.isArray(turns) || turns.length === 0 || !turns.every((t) => typeof t === 'string')) {
    throw new DatasetError(`${where}: field "turns" must be a non-empty list of strings.`);
  }
  const strings = turns.filter((t) => typeof t === 'string');
  const subtask = optionalText(row, 'subtask', where);
  return {
    question_id: text(row, 'question_id', where),
    category: text(row, 'category', where),
    task: text(row, 'task', where),
    subtask: subtask === '' ? null : subtask,
    turns: strings,
    livebench_release_date: date(row, 'livebench_release_date', where, false),
    livebench_removal_date: date(row, 'livebench_removal_date', where, true),
    ground_truth: optionalText(row, 'ground_truth', where),
    raw: row,
  };
}
