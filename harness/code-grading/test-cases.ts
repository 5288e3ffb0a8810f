// Test-case lists of code-generation datasets: JSON, or (private tests) base64 -> zlib -> pickled str -> JSON.
import { inflateSync } from 'node:zlib';
import { z } from 'zod';
import { unpickleString } from './pickle.ts';

export const testCaseSchema = z.object({
  input: z.string(),
  output: z.string(),
  testtype: z.enum(['stdin', 'functional']),
});
export type TestCase = z.infer<typeof testCaseSchema>;
const testListSchema = z.array(testCaseSchema);

function parseList(value: unknown, what: string): TestCase[] {
  const parsed = testListSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${what}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'not a list of tests'}`);
  }
  return parsed.data;
}

/** Decodes public or private test cases: plain JSON first, then the compressed form, as the official loaders try them. */
export function decodeTestCases(raw: string, what = 'test cases'): TestCase[] {
  let plain: unknown = undefined;
  try {
    plain = JSON.parse(raw);
  } catch {
    // not JSON: the compressed form
  }
  if (plain !== undefined) return parseList(plain, what);
  let json: string;
  try {
    json = unpickleString(inflateSync(Buffer.from(raw, 'base64')));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`${what}: neither JSON nor base64/zlib/pickle (${reason})`);
  }
  try {
    return parseList(JSON.parse(json), what);
  } catch (err) {
    throw new Error(`${what}: decoded blob is not a JSON test list (${err instanceof Error ? err.message : String(err)})`);
  }
}
