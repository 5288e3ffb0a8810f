// Streams the rows of a parquet file one row group at a time (hyparquet), so a large file never sits
// in memory whole. Values are turned into JSON values: timestamps into "YYYY-MM-DD" dates (LiveBench's
// load_questions does the same), int64 into numbers.
// the package's node entry adds asyncBufferFromFile to the common API
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { DatasetError } from '../../harness/datasets/jsonl.ts';
import type { JsonValue } from '../../harness/json.ts';

export type ParquetRecord = { index: number; row: Record<string, JsonValue> };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A decoded parquet value as JSON. A Date becomes its UTC calendar day, as LiveBench writes dates. */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (isPlainObject(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toJsonValue(inner);
    return out;
  }
  return String(value);
}

export async function* readParquetRows(path: string): AsyncGenerator<ParquetRecord> {
  let file;
  let metadata;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (err) {
    throw new DatasetError(`${path}: not a readable parquet file (${err instanceof Error ? err.message : String(err)}). Re-download it or fix dataset.path.`);
  }
  let start = 0;
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    let rows;
    try {
      rows = await parquetReadObjects({ file, metadata, rowStart: start, rowEnd: end });
    } catch (err) {
      throw new DatasetError(`${path}: rows ${start}-${end - 1} cannot be decoded (${err instanceof Error ? err.message : String(err)}).`);
    }
    for (const [offset, row] of rows.entries()) {
      const out: Record<string, JsonValue> = {};
      for (const [key, value] of Object.entries(row)) out[key] = toJsonValue(value);
      yield { index: start + offset, row: out };
    }
    start = end;
  }
}
