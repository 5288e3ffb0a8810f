// LiveBench data_analysis scorers cta and tablejoin (livebench/process_results/data_analysis/*/utils.py
// at a8f61ff), ported with their quirks. tablereformat runs pandas in Python workers
// (../data-analysis/tablereformat.ts) and is re-exported here.
import { PY_DOT, PY_WORD_CLASS, pyLen, pyLower, pySlice, pyStrip } from '../data-analysis/python-str.ts';
import { pyDictGet, pyEquals, pyRepr, pyTruthy, type PyValue } from '../data-analysis/python-value.ts';
import { lastBoxedOnlyString, removeBoxed } from './boxed.ts';
import { literalEval } from './python-literal.ts';
import { requireGroundTruth } from './reasoning.ts';
import type { TaskScore, TaskScorer } from './types.ts';

export { scoreTablereformat, TABLEREFORMAT_DEVIATIONS } from '../data-analysis/tablereformat.ts';

const NON_WORD = new RegExp(`[^${PY_WORD_CLASS}]`, 'gu');

function cleanClassName(text: string): string {
  return pyStrip(pyLower(text)).replace(NON_WORD, '');
}

/** cta: the class name, compared lowercased with non-word characters removed; a matching suffix also counts. */
export function scoreCta(groundTruth: string, answer: string): TaskScore {
  let parsed = answer;
  if (parsed.includes('\\boxed{')) {
    const boxed = lastBoxedOnlyString(parsed);
    // upstream passes None on to remove_boxed, which raises
    if (boxed === null) throw new TypeError('cta: "\\boxed{" present but no complete box (upstream raises on None)');
    parsed = removeBoxed(boxed).replaceAll('\\text{', '').replaceAll('}', '').replaceAll('\\', '');
  }
  const truth = cleanClassName(groundTruth);
  const given = cleanClassName(parsed);
  // Python's s[-0:] is the whole string, so an empty truth only matches an empty answer
  const suffix = pySlice(given, -pyLen(truth));
  return { score: truth === given || truth === suffix ? 1 : 0, extracted: parsed };
}

const PYTHON_FENCE = new RegExp(`\`\`\`python(${PY_DOT}*?)\`\`\``, 'gu');
const ANY_FENCE = new RegExp(`\`\`\`(${PY_DOT}*?)\`\`\``, 'gu');
const TEXT_QUOTED = new RegExp(`\\\\text\\{['|"](${PY_DOT}*?)['|"]\\}`, 'gu');

function tryLiteral(text: string): PyValue | null {
  try {
    return literalEval(text);
  } catch {
    return null;
  }
}

/** tablejoin's clean_llm_output: the answer's dict with None values dropped, or an empty one. */
export function parseJoinMapping(answer: string): Array<[PyValue, PyValue]> {
  let value = tryLiteral(answer);
  if (value === null) {
    const joined = answer.replaceAll('\n', '');
    let matches = [...joined.matchAll(PYTHON_FENCE)].map((m) => m[1] ?? '');
    if (matches.length === 0) matches = [...joined.matchAll(ANY_FENCE)].map((m) => m[1] ?? '');
    if (matches.length === 0 && answer.includes('\\boxed')) {
      const boxed = lastBoxedOnlyString(joined);
      if (boxed !== null) matches = [removeBoxed(boxed).replace(TEXT_QUOTED, (_m, inner: string) => `'${inner}'`).replaceAll('\\', '')];
    }
    if (matches.length === 0) matches = [answer];
    value = tryLiteral((matches.at(-1) ?? '').replaceAll('null', 'None'));
  }
  if (value === null || value.type !== 'dict') return [];
  return value.entries.filter(([, v]) => v.type !== 'none');
}

/** numpy's round(x, 2): scale, round half to even, unscale (so 0.125 → 0.12 and 0.285 → 0.28). */
export function numpyRound2(x: number): number {
  const scaled = x * 100;
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  const rounded = diff > 0.5 ? floor + 1 : diff < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1;
  return rounded / 100;
}

/** tablejoin: F1 of the predicted column mapping against the ground-truth dict, rounded to 2 decimals. */
export function scoreTablejoin(groundTruth: string, answer: string): TaskScore {
  const truth = literalEval(groundTruth);
  if (truth.type !== 'dict') throw new TypeError(`tablejoin ground truth is a ${truth.type}, not a dict`);
  const predicted = parseJoinMapping(answer);
  if (predicted.length === 0) return { score: 0, extracted: null };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, value] of predicted) {
    const expected = pyDictGet(truth, key);
    if (expected === undefined || !pyTruthy(expected)) fp += 1;
    else if (pyEquals(expected, value)) tp += 1;
    else {
      fp += 1;
      fn += 1;
    }
  }
  const predictedDict = { entries: predicted };
  for (const [key] of truth.entries) {
    const given = pyDictGet(predictedDict, key);
    if (given === undefined || !pyTruthy(given)) fn += 1;
  }
  const extracted = pyRepr({ type: 'dict', entries: predicted });
  return { score: numpyRound2((2 * tp) / (2 * tp + fp + fn)), extracted, details: { tp, fp, fn } };
}

export const ctaScorer: TaskScorer = (question, answer) => scoreCta(requireGroundTruth(question), answer);
export const tablejoinScorer: TaskScorer = (question, answer) => scoreTablejoin(requireGroundTruth(question), answer);
