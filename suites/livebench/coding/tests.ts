// What LiveBench's LCB_generation_process_results reads from a coding question: the tests (public, then
// private, which may be base64 + zlib + pickle), fn_name from original_json.metadata, and the
// coding_completion prefix.
import { decodeTestCases, type GradeTests, type TestCase } from '../../../harness/code-grading/index.ts';
import type { JsonValue } from '../../../harness/json.ts';
import type { LiveBenchQuestion } from '../question.ts';

export class CodingQuestionError extends Error {
  override name = 'CodingQuestionError';
}

function isRecord(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function where(question: LiveBenchQuestion, field: string): string {
  return `coding question ${question.question_id} (${question.task}), field "${field}"`;
}

function testList(question: LiveBenchQuestion, field: string): TestCase[] {
  const raw = question.raw[field];
  if (typeof raw !== 'string') throw new CodingQuestionError(`${where(question, field)} must be a string holding the JSON test list (or its base64/zlib/pickle form), got ${JSON.stringify(raw ?? null)}`);
  return decodeTestCases(raw, where(question, field));
}

/** original_json.metadata is a JSON string; func_name selects call-based grading. The parquet may hold original_json as text. */
export function functionName(question: LiveBenchQuestion): string | null {
  let original = question.raw['original_json'];
  if (typeof original === 'string') {
    try {
      const parsed: JsonValue = JSON.parse(original);
      original = parsed;
    } catch {
      throw new CodingQuestionError(`${where(question, 'original_json')} is a string but not JSON`);
    }
  }
  if (!isRecord(original)) throw new CodingQuestionError(`${where(question, 'original_json')} must be an object with a "metadata" JSON string`);
  const metadata = original['metadata'];
  if (typeof metadata !== 'string') throw new CodingQuestionError(`${where(question, 'original_json.metadata')} must be a JSON string such as "{}" or "{\\"func_name\\": \\"f\\"}"`);
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    throw new CodingQuestionError(`${where(question, 'original_json.metadata')} is not JSON: ${metadata.slice(0, 80)}`);
  }
  if (!isRecord(parsed)) throw new CodingQuestionError(`${where(question, 'original_json.metadata')} must hold a JSON object`);
  const name = parsed['func_name'];
  // metadata.get("func_name", None): a present null is None as well
  if (name === undefined || name === null) return null;
  if (typeof name !== 'string') throw new CodingQuestionError(`${where(question, 'original_json.metadata')}: func_name must be a string`);
  return name;
}

/** Public tests then private tests, in that order, as upstream concatenates them. */
export function gradeTests(question: LiveBenchQuestion): GradeTests {
  const tests = [...testList(question, 'public_test_cases'), ...testList(question, 'private_test_cases')];
  return { fn_name: functionName(question), inputs: tests.map((t) => t.input), outputs: tests.map((t) => t.output) };
}

/** coding_completion: a non-empty partial_solution goes before the extracted code, joined by "\n" (never skipped at a8f61ff). */
export function programFor(question: LiveBenchQuestion, extracted: string): string {
  const partial = question.raw['partial_solution'];
  if (typeof partial === 'string' && partial.length > 0) return `${partial}\n${extracted}`;
  return extracted;
}
