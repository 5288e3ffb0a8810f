// Reading one instruction's kwargs the way IFEval's build_description does, with clear errors where
// Python would raise. Where IFEval draws a random value for a missing or out-of-range argument (its
// question-generation path), scoring here refuses: a score must not depend on a random draw.
import type { JsonValue } from '../../../harness/json.ts';
import { pyStrip } from './python-text.ts';

export type Kwargs = Readonly<Record<string, JsonValue>>;

export const COMPARISON_RELATIONS = ['less than', 'at least'] as const;
export type Relation = (typeof COMPARISON_RELATIONS)[number];

export class InstructionArgsError extends Error {}

export class KwargsReader {
  private readonly used = new Set<string>();
  constructor(
    readonly instructionId: string,
    private readonly kwargs: Kwargs,
  ) {}

  private where(key: string): string {
    return `instruction ${this.instructionId}: kwargs.${key}`;
  }

  /** IFEval's build_description would draw this argument at random. */
  refuseRandom(key: string): never {
    throw new InstructionArgsError(`${this.where(key)} is missing or out of range; IFEval would draw a random value here, so the question cannot be scored reproducibly. Fix the question's kwargs.`);
  }

  has(key: string): boolean {
    this.used.add(key);
    return this.kwargs[key] !== undefined && this.kwargs[key] !== null;
  }

  /** An integer argument; `min` is where IFEval's "None or < 0 → random" rule starts (0 unless stated). */
  int(key: string, min = 0): number {
    this.used.add(key);
    const value = this.kwargs[key];
    if (value === undefined || value === null) this.refuseRandom(key);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new InstructionArgsError(`${this.where(key)} must be a number, got ${JSON.stringify(value)}`);
    if (value < min) this.refuseRandom(key);
    return value;
  }

  str(key: string): string {
    this.used.add(key);
    const value = this.kwargs[key];
    if (value === undefined || value === null) this.refuseRandom(key);
    if (typeof value !== 'string') throw new InstructionArgsError(`${this.where(key)} must be a string, got ${JSON.stringify(value)}`);
    return value;
  }

  /** `value.strip() if isinstance(value, str) else value`, then the None check. */
  strippedStr(key: string): string {
    return pyStrip(this.str(key));
  }

  /** A non-empty list of strings (an empty list is falsy in Python and means a random draw). */
  strList(key: string): string[] {
    this.used.add(key);
    const value = this.kwargs[key];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) this.refuseRandom(key);
    if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
      throw new InstructionArgsError(`${this.where(key)} must be a list of strings, got ${JSON.stringify(value)}`);
    }
    return value;
  }

  relation(key: string): Relation {
    const value = this.str(key);
    const found = COMPARISON_RELATIONS.find((r) => r === value);
    if (found === undefined) throw new InstructionArgsError(`${this.where(key)}: the supported relation for comparison must be in ('less than', 'at least'), but ${value} is given`);
    return found;
  }

  /** Python raises TypeError for a keyword build_description does not take. */
  done(): void {
    const extra = Object.keys(this.kwargs).filter((k) => !this.used.has(k) && this.kwargs[k] !== null);
    if (extra.length > 0) throw new InstructionArgsError(`instruction ${this.instructionId}: unexpected kwargs ${extra.join(', ')} (build_description does not take them)`);
  }
}

export function compare(actual: number, relation: Relation, threshold: number): boolean {
  return relation === 'less than' ? actual < threshold : actual >= threshold;
}
