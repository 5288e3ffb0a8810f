// LiveBench's AMPS_Hard scorer (amps_hard_process_results, LB@a8f61ff): the reply and the ground truth are
// cleaned, the last box is normalized and compared with sympy in a Python worker; without a box, the reply
// must end with the ground truth.
import { lastBoxedOnlyString, removeBoxed } from '../scorers/boxed.ts';
import { normalizeFinalAnswer } from './normalize-answer.ts';

/** What the scorer sends to sympy, or the score it reached without sympy. */
export type AmpsHardPlan =
  | { kind: 'compare'; groundTruth: string; parsed: string }
  | { kind: 'decided'; score: 0 | 1; extracted: string | null }
  /** where LiveBench's code raises (at a8f61ff that stops the judging run) */
  | { kind: 'raises'; pythonError: string; why: string };

const ANSWER_DELETIONS = ['\\left', '\\right', '\\bigl', '\\bigr', '\\Bigl', '\\Bigr', '\\,', '\\;', '\n'];

export function cleanAmpsAnswer(answer: string): string {
  let a = answer;
  for (const constant of ['+C', '+ C', '+ c', '+c']) a = a.replaceAll(constant, '');
  // two backslashes: LiveBench's "\\\\fbox{" only rewrites a doubly escaped \fbox
  a = a.replaceAll('\\\\fbox{', '\\\\boxed{');
  a = a.replaceAll('\\dfrac', '\\frac').replaceAll('\\tfrac', '\\frac');
  for (const deleted of ANSWER_DELETIONS) a = a.replaceAll(deleted, '');
  return a.replaceAll('\\cdot', '*');
}

export function cleanAmpsGroundTruth(groundTruth: string): string {
  return groundTruth.replaceAll('\\left', '').replaceAll('\\right', '').replaceAll(' ^', '^').replaceAll('\\ ', '*');
}

export function planAmpsHard(groundTruth: string, answer: string): AmpsHardPlan {
  let a = cleanAmpsAnswer(answer);
  const gt = cleanAmpsGroundTruth(groundTruth);
  const box = lastBoxedOnlyString(a);
  if (box) {
    let inner: string;
    try {
      inner = removeBoxed(box);
    } catch (error) {
      return { kind: 'raises', pythonError: 'AssertionError', why: `remove_boxed rejects the last box: ${error instanceof Error ? error.message : String(error)}` };
    }
    return { kind: 'compare', groundTruth: gt, parsed: normalizeFinalAnswer(inner) };
  }
  if (a === '') return { kind: 'raises', pythonError: 'IndexError', why: 'llm_answer[-1] of an empty reply (after cleaning)' };
  if (a.endsWith('.')) a = a.slice(0, -1);
  // llm_answer[-len(gt):] == gt
  const matches = gt === '' ? a === '' : a.endsWith(gt);
  return { kind: 'decided', score: matches ? 1 : 0, extracted: matches ? gt : null };
}
