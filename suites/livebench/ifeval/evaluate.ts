// One question's strict IFEval evaluation as LiveBench runs it (evaluation_main.py, a8f61ff): kwargs with
// None values dropped, each instruction built from its kwargs, and an empty response follows nothing.
import type { JsonValue } from '../../../harness/json.ts';
import { InstructionArgsError, type Kwargs } from './kwargs.ts';
import { pyStrip } from './python-text.ts';
import { buildInstruction } from './registry.ts';

export type IfevalInstructions = { instructionIds: string[]; kwargs: Kwargs[] };
export type IfevalResult = { followAll: boolean; followed: boolean[] };

function isRecord(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A column that HF parquet may hold as a real list or LiveBench tooling as a JSON-encoded string. */
function listColumn(raw: Record<string, JsonValue>, field: string, where: string): JsonValue[] {
  let value = raw[field];
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new InstructionArgsError(`${where}: field ${field} is a string but not JSON; it must be a list`);
    }
  }
  if (!Array.isArray(value)) throw new InstructionArgsError(`${where}: field ${field} must be a list, got ${JSON.stringify(value ?? null)}`);
  return value;
}

/** `instruction_id_list` and `kwargs` of a question row, None values dropped from each kwargs dict. */
export function readInstructions(raw: Record<string, JsonValue>, where: string): IfevalInstructions {
  const ids = listColumn(raw, 'instruction_id_list', where);
  const kwargs = listColumn(raw, 'kwargs', where);
  const instructionIds = ids.map((id, i) => {
    if (typeof id !== 'string') throw new InstructionArgsError(`${where}: instruction_id_list[${i}] must be a string`);
    return id;
  });
  if (kwargs.length !== instructionIds.length) {
    throw new InstructionArgsError(`${where}: kwargs has ${kwargs.length} entries for ${instructionIds.length} instruction ids; they must pair up`);
  }
  const dicts = kwargs.map((entry, i) => {
    if (!isRecord(entry)) throw new InstructionArgsError(`${where}: kwargs[${i}] must be an object`);
    return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== null));
  });
  return { instructionIds, kwargs: dicts };
}

/** test_instruction_following_strict: checkers are built even for an empty response, as upstream does. */
export function evaluateStrict(instructions: IfevalInstructions, response: string): IfevalResult {
  const hasText = pyStrip(response) !== '';
  const followed = instructions.instructionIds.map((id, i) => {
    const checker = buildInstruction(id, instructions.kwargs[i] ?? {});
    return hasText && checker(response);
  });
  return { followAll: followed.every(Boolean), followed };
}
