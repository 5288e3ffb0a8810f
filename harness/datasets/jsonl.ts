// Streaming JSONL reading: one line at a time, so files of hundreds of MB never sit in memory.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { z } from 'zod';

export class DatasetError extends Error {
  override name = 'DatasetError';
}

export type JsonlLine = { line: number; value: unknown };

/** Yields each non-blank line parsed as JSON. A line that is not JSON is an error naming file and line. */
export async function* readJsonl(path: string): AsyncGenerator<JsonlLine> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new DatasetError(`${path}:${line}: not valid JSON (${reason}). Re-download the file or fix the line.`);
      }
      yield { line, value };
    }
  } catch (err) {
    if (err instanceof DatasetError) throw err;
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    if (code === 'ENOENT') throw new DatasetError(`${path}: file not found. Check dataset.path in the config.`);
    throw err;
  } finally {
    lines.close();
    stream.destroy();
  }
}

/** Formats the first zod issue as "field: message". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(row)';
  return `${field}: ${issue.message}`;
}

/** Streams rows validated by `schema`; an invalid row is an error naming file, line and field. */
export async function* readJsonlRows<T>(
  path: string,
  schema: z.ZodType<T>,
  describe: (value: unknown) => string = () => '',
): AsyncGenerator<{ line: number; row: T }> {
  for await (const { line, value } of readJsonl(path)) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const who = describe(value);
      throw new DatasetError(
        `${path}:${line}${who ? ` (${who})` : ''}: ${firstIssue(parsed.error)}. The file does not match the expected format.`,
      );
    }
    yield { line, row: parsed.data };
  }
}
