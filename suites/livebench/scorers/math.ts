// LiveBench's math scorers (livebench/process_results/math/*/utils.py at LB@a8f61ff), dispatched on the
// question's subtask as play_a_match_gt does: amc/smc -> mathcontest, aime -> aime, imo/usamo -> proof
// rearrangement with edit distance, AMPS_Hard -> sympy equivalence in a Python worker pool.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { projectPath } from '../../../harness/paths.ts';
import { startPythonWorkers } from '../../../harness/python/worker-pool.ts';
import { planAmpsHard } from '../math/amps-hard.ts';
import { extractCompletions, listEditDistance } from '../math/olympiad-extract.ts';
import { pyInt } from '../math/python-digits.ts';
import type { LiveBenchQuestion } from '../question.ts';
import { lastBoxedOnlyString, NotABoxError, removeBoxed } from './boxed.ts';
import { ReferenceScorerError } from './language.ts';
import { pyLower, pyStrip } from './python-str.ts';
import type { ScorerFactory, TaskScore, TaskScorer } from './types.ts';

/** LiveBench runs is_equiv in a subprocess joined with timeout=8 (seconds); past it the answer scores 0. */
export const AMPS_HARD_TIMEOUT_MS = 8000;

function groundTruthOf(question: LiveBenchQuestion): string {
  if (question.ground_truth === null) {
    throw new Error(`livebench ${question.task} question ${question.question_id}: field "ground_truth" is missing; re-download the question file`);
  }
  return question.ground_truth;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** play_a_match_gt's dispatch key: the subtask when the question has one, else the task, split on "_". */
function dispatchParts(question: LiveBenchQuestion): string[] {
  return (question.subtask ?? question.task).split('_');
}

function unknownSubtask(question: LiveBenchQuestion): Error {
  return new Error(`livebench ${question.task} question ${question.question_id}: subtask "${question.subtask ?? ''}" has no scorer in LiveBench's dispatch`);
}

// ---- math_comp ----

const CHOICE = /\\textbf\{\(([A-E])\)[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]?\}([^\n]*?)(?:\\qquad|\$)/gu;

/** extract_answer: the text of choice `letter` in the question ("FAILURE" when missing or empty), stripped of $ and ~. */
export function choiceText(questionText: string, letter: string): string {
  const answers = new Map<string, string>();
  for (const m of questionText.matchAll(CHOICE)) answers.set(m[1] ?? '', pyStrip(m[2] ?? ''));
  const text = answers.get(letter) || 'FAILURE';
  return stripChars(stripChars(pyStrip(text), '$'), '~');
}

/** text[-count:] with Python's code-point indexing (count 0 gives the whole text, as in Python). */
function pyTail(text: string, count: number): string {
  return Array.from(text).slice(-count).join('');
}

function stripChars(text: string, ch: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ch) start += 1;
  while (end > start && text[end - 1] === ch) end -= 1;
  return text.slice(start, end);
}

function mathContest(question: LiveBenchQuestion, answer: string): TaskScore {
  const gt = groundTruthOf(question);
  if (!/^[A-E]$/.test(gt)) throw new Error(`livebench question ${question.question_id}: ground_truth "${gt}" must be one letter A-E (LiveBench raises ValueError)`);
  if (answer.includes(gt.repeat(4))) return { score: 1, extracted: gt.repeat(4), details: { matched: 'repeated-letter' } };
  const box = lastBoxedOnlyString(answer.replaceAll('\\\\fbox{', '\\\\boxed{'));
  let parsed: string | null = null;
  if (box) {
    try {
      parsed = pyLower(removeBoxed(box).replaceAll('\\text{', '').replaceAll('}', '').replaceAll('\\', ''));
    } catch (error) {
      throw new ReferenceScorerError('math_comp', 'AssertionError', `remove_boxed rejects the last box: ${messageOf(error)}`);
    }
    if (parsed === pyLower(gt)) return { score: 1, extracted: parsed, details: { matched: 'boxed-letter' } };
  }
  const value = choiceText(question.turns[0] ?? '', gt);
  const tail = pyTail(answer, 20 + Array.from(value).length);
  if (tail.includes(value)) return { score: 1, extracted: value, details: { matched: 'choice-text' } };
  return { score: 0, extracted: parsed };
}

function aime(question: LiveBenchQuestion, answer: string): TaskScore {
  const gt = groundTruthOf(question);
  const found = pyTail(answer, 50).includes(gt);
  return { score: found ? 1 : 0, extracted: found ? gt : null };
}

/** math_comp: AMC/SMC multiple choice and AIME integer answers. */
export const scoreMathComp: TaskScorer = (question, answer) => {
  const [first, second] = dispatchParts(question);
  if (first === 'amc' || first === 'smc' || second === 'amc') return mathContest(question, answer);
  if (first === 'aime') return aime(question, answer);
  throw unknownSubtask(question);
};

// ---- olympiad ----

/** olympiad (IMO/USAMO proof rearrangement): 1 - edit distance / longer length, over the expression numbers. */
export const scoreOlympiad: TaskScorer = (question, answer) => {
  const first = dispatchParts(question)[0];
  if (first !== 'imo' && first !== 'usamo') throw unknownSubtask(question);
  const gt = groundTruthOf(question)
    .split(',')
    .map((n) => {
      const value = pyInt(n);
      if (value === null) throw new Error(`livebench question ${question.question_id}: ground_truth "${question.ground_truth ?? ''}" is not a list of integers`);
      return value;
    });
  let extraction;
  try {
    extraction = extractCompletions(answer);
  } catch (error) {
    throw new ReferenceScorerError('olympiad', error instanceof NotABoxError ? 'AssertionError' : 'ValueError', messageOf(error));
  }
  const { completions, path } = extraction;
  const distance = listEditDistance(completions, gt);
  const score = 1 - distance / Math.max(completions.length, gt.length);
  return { score, extracted: completions.join(','), details: { path, completions, edit_distance: distance } };
};

// ---- AMPS_Hard ----

/** The Debian modules the AMPS_Hard workers import; every install list (CI, workflows, image) carries them. */
export const AMPS_REQUIREMENTS = [
  { module: 'sympy', debianPackage: 'python3-sympy' },
  { module: 'lark', debianPackage: 'python3-lark' },
  { module: 'antlr4', debianPackage: 'python3-antlr4' },
] as const;

const isEquivReply = z.object({ equal: z.boolean(), parsed_by: z.array(z.string()) });

/** Named differences from LiveBench's AMPS_Hard scoring environment; see suites/livebench/scorers/math.md. */
export const AMPS_HARD_DEVIATIONS = [
  'amps-hard-sympy-debian',
  'amps-hard-lark-backend-restated',
  'amps-hard-antlr-parser-regenerated',
  'amps-hard-persistent-workers',
] as const;

export const scoreAmpsHard: ScorerFactory = {
  async create() {
    const pool = await startPythonWorkers({
      module: projectPath('suites', 'livebench', 'math', 'amps_hard.py'),
      size: Math.max(1, Math.min(4, availableParallelism())),
      requires: AMPS_REQUIREMENTS,
    });
    const scorer: TaskScorer = async (question, answer, resources) => {
      const plan = planAmpsHard(groundTruthOf(question), answer);
      if (plan.kind === 'raises') throw new ReferenceScorerError('AMPS_Hard', plan.pythonError, plan.why);
      if (plan.kind === 'decided') return { score: plan.score, extracted: plan.extracted, details: { matched: 'no-box-suffix' } };
      const result = await pool.call('is_equiv', [plan.groundTruth, plan.parsed], { timeoutMs: AMPS_HARD_TIMEOUT_MS, signal: resources.signal });
      if (!result.ok && result.kind === 'crashed') {
        throw new Error(`livebench AMPS_Hard question ${question.question_id}: the sympy worker crashed: ${result.message}`);
      }
      if (!result.ok) return { score: 0, extracted: plan.parsed, details: { sympy: result.kind, message: result.message.slice(0, 500) } };
      const reply = isEquivReply.parse(result.value);
      return { score: reply.equal ? 1 : 0, extracted: plan.parsed, details: { parsed_by: reply.parsed_by } };
    };
    return {
      scorer,
      close: () => pool.close(),
      facts: {
        amps_hard_python: pool.environment.executable,
        amps_hard_python_version: pool.environment.version,
        amps_hard_modules: pool.environment.modules,
        amps_hard_antlr_parser: 'generated by ANTLR 4.7.2 from python3-sympy LaTeX.g4 (suites/livebench/math/antlr_generated)',
        amps_hard_timeout_ms: AMPS_HARD_TIMEOUT_MS,
      },
      deviations: [...AMPS_HARD_DEVIATIONS],
    };
  },
};
