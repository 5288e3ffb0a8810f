// Reading and writing aggregate records: validated on the way in and on the way out.
import { createReadStream } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { aggregateRecordSchema, type AggregateRecord } from './aggregate-schema.ts';
import { describeIssues } from './eee-common.ts';
import { instanceRecordSchema, type InstanceRecord } from './instance-schema.ts';

export const SCORES_FILE = 'scores.json';
export const SAMPLES_FILE = 'samples.jsonl';

export class ResultsFileError extends Error {
  override name = 'ResultsFileError';
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ResultsFileError(`${path}: cannot read the file (${reason}); check the path`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ResultsFileError(`${path}: not valid JSON (${reason}); fix the syntax`);
  }
}

/** Validates one record; errors name the file and the JSON path of each failing field. */
export function parseAggregate(value: unknown, where: string): AggregateRecord {
  const result = aggregateRecordSchema.safeParse(value);
  if (!result.success) {
    throw new ResultsFileError(
      `${describeIssues(where, result.error)}\nFix these fields to match the Every Eval Ever aggregate schema.`,
    );
  }
  return result.data;
}

/** A file holding one aggregate record or a JSON array of them (reference tables: one per model). */
export async function readAggregateFile(path: string): Promise<AggregateRecord[]> {
  const value = await readJson(path);
  if (!Array.isArray(value)) return [parseAggregate(value, path)];
  if (value.length === 0) throw new ResultsFileError(`${path}: the array holds no records; add at least one`);
  return value.map((item: unknown, i) => parseAggregate(item, `${path}: [${i}]`));
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

/** Validates, then writes <runDir>/scores.json atomically (a crash never leaves half a file). */
export async function writeScoresFile(runDir: string, record: AggregateRecord): Promise<string> {
  const valid = parseAggregate(record, join(runDir, SCORES_FILE));
  const path = join(runDir, SCORES_FILE);
  await writeAtomic(path, `${JSON.stringify(valid, null, 2)}\n`);
  return path;
}

export async function readScoresFile(runDir: string): Promise<AggregateRecord> {
  const path = join(runDir, SCORES_FILE);
  const records = await readAggregateFile(path);
  const [first, ...rest] = records;
  if (first === undefined || rest.length > 0) {
    throw new ResultsFileError(`${path}: a run holds exactly one aggregate record, found ${records.length}`);
  }
  return first;
}

/** Streams samples.jsonl, validating each row; errors name the file, the line and the field. */
export async function* readSamplesFile(path: string): AsyncGenerator<InstanceRecord> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') throw new ResultsFileError(`${path}:${lineNo}: blank line; remove it`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ResultsFileError(`${path}:${lineNo}: not valid JSON; re-run \`npm run score\` to rewrite the file`);
    }
    const result = instanceRecordSchema.safeParse(value);
    if (!result.success) {
      throw new ResultsFileError(
        `${describeIssues(`${path}:${lineNo}`, result.error)}\nFix these fields to match the instance-level schema.`,
      );
    }
    yield result.data;
  }
}
