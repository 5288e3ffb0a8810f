// LiveBench reasoning scorers (livebench/process_results/reasoning/*/utils.py at a8f61ff), ported with
// their quirks: Python `re` (`.` stops only at "\n", Unicode `\w`), substring `in` tests, code-point
// lengths, and the order in which each scorer tries bold text, boxes and plain text.
import { PY_DOT, PY_WORD_CLASS, pyCount, pyLen, pyLower, pySlice, pySplitWhitespace, pyStrip } from '../data-analysis/python-str.ts';
import type { LiveBenchQuestion } from '../question.ts';
import { lastBoxedOnlyString, removeBoxed } from './boxed.ts';
import type { TaskScore, TaskScorer } from './types.ts';

/** The question's ground truth; every reasoning question has one, so its absence is bad data. */
export function requireGroundTruth(question: LiveBenchQuestion): string {
  if (question.ground_truth === null) {
    throw new Error(`livebench question ${question.question_id} (${question.task}) has no ground_truth; the data is not LiveBench's`);
  }
  return question.ground_truth;
}

const WOL_BOLD = new RegExp(`\\*\\*(${PY_DOT}*?)\\*\\*`, 'gu');
const YES_NO_TRIPLES = ['yes', 'no'].flatMap((a) => ['yes', 'no'].flatMap((b) => ['yes', 'no'].map((c) => `${a}, ${b}, ${c}`)));

/** web_of_lies_v2: the last three yes/no words in bold, else the last box, else the last-placed yes/no triple. */
export function scoreWebOfLies(groundTruth: string, answer: string): TaskScore {
  let parsed: string | null = null;
  const boldWords = [...answer.matchAll(WOL_BOLD)].flatMap((m) =>
    pySplitWhitespace(m[1] ?? '').map((word) => {
      const cleaned = pyStrip(pyLower(word)).replaceAll(',', '').replaceAll('.', '');
      return pySlice(cleaned, 0, Math.max(pyLen(word), 3));
    }),
  );
  if (boldWords.length > 0) {
    const picked: string[] = [];
    for (let i = boldWords.length - 1; i >= 0 && picked.length < 3; i -= 1) {
      const word = boldWords[i] ?? '';
      if (word === 'yes' || word === 'no') picked.unshift(word);
    }
    parsed = picked.length > 0 ? picked.join(', ') : null;
  }
  let text = answer;
  if (parsed === null) {
    text = text.replaceAll('\\\\boxed{\\\\textbf{', '\\\\boxed{').replaceAll('\\\\fbox{', '\\\\boxed{').replaceAll('\\textbf{', '\\boxed{');
    const boxed = lastBoxedOnlyString(text);
    if (boxed !== null) parsed = removeBoxed(boxed);
  }
  if (parsed === null) {
    // itertools.product order; a later position wins, a tie keeps the earlier triple
    const lowered = pyLower(text);
    let bestIndex = -1;
    for (const triple of YES_NO_TRIPLES) {
      const index = lowered.indexOf(triple);
      if (index !== -1 && index > bestIndex) {
        bestIndex = index;
        parsed = triple;
      }
    }
  }
  const truth = pyLower(groundTruth);
  const correct = parsed !== null && parsed !== '' && (parsed === truth || (pyCount(parsed, 'yes') + pyCount(parsed, 'no') === 3 && parsed.includes(truth)));
  return { score: correct ? 1 : 0, extracted: parsed };
}

const ZEBRA_SOLUTION = new RegExp(`<solution>(${PY_DOT}*?)</solution>`, 'gu');
const ZEBRA_CLOSE_PAIR = new RegExp(`</solution>(${PY_DOT}*?)</solution>`, 'gu');

/** zebra_puzzle, questions of 2024-11-25 and later: comma-separated answers, half credit for the fraction right. */
export function scoreZebraPuzzle(groundTruth: string, answer: string): TaskScore {
  const truth = groundTruth.split(',');
  let matches = [...answer.matchAll(ZEBRA_SOLUTION)].map((m) => m[1] ?? '');
  if (matches.length === 0) matches = [...answer.matchAll(ZEBRA_CLOSE_PAIR)].map((m) => m[1] ?? '');
  let text = answer;
  if (matches.length === 0) {
    text = text.replaceAll('\\\\fbox{', '\\\\boxed{');
    const boxed = lastBoxedOnlyString(text);
    if (boxed !== null) matches.push(removeBoxed(boxed).replaceAll('\\text{', '').replaceAll('}', '').replaceAll('\\', ''));
  }
  if (matches.length === 0) {
    const lastLine = pyStrip(text).split('\n').at(-1) ?? '';
    if (pyCount(lastLine, ',') === truth.length - 1) matches.push(lastLine);
  }
  if (matches.length === 0) return { score: 0, extracted: null };
  const solution = matches.length > 1 ? matches.flatMap((m) => m.split(',')).slice(-truth.length) : (matches.at(-1) ?? '').split(',');
  let correct = 0;
  truth.forEach((part, i) => {
    const given = solution[i];
    if (given === undefined) return;
    const want = pyLower(pyStrip(part)).replaceAll('-', ' ');
    const got = pyLower(pyStrip(given)).replaceAll('-', ' ').replaceAll('position', '');
    if (want === got || got.includes(want)) correct += 1;
  });
  return { score: (Number(correct === truth.length) + correct / truth.length) / 2, extracted: solution.join(',') };
}

const NUMBER_TO_WORD = new Map(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map((w, i) => [String(i + 1), w]));
const TRIPLE_STAR_WORD = new RegExp(`\\*\\*\\*([${PY_WORD_CLASS}]+)\\*\\*\\*`, 'gu');
const WORD = new RegExp(`[${PY_WORD_CLASS}]+`, 'gu');

/** zebra_puzzle, questions released before 2024-11-25: the last ***word***, else the last word. */
export function scoreZebraPuzzleOld(groundTruth: string, answer: string): TaskScore {
  const bold = [...answer.matchAll(TRIPLE_STAR_WORD)].map((m) => m[1] ?? '');
  // Python's \b\w+\b finds the maximal runs of word characters
  const word = bold.length > 0 ? (bold.at(-1) ?? '') : ([...answer.matchAll(WORD)].at(-1)?.[0] ?? '');
  const truth = pyLower(groundTruth);
  const spelled = NUMBER_TO_WORD.get(word);
  const correct = pyLower(word) === truth || (spelled !== undefined && spelled === truth) || `${pyLower(word)} movies` === truth;
  return { score: correct ? 1 : 0, extracted: word };
}

/** Upstream's get_zebra_puzzle_evaluator, keyed on the question's livebench_release_date (a string comparison). */
export function zebraEvaluatorFor(releaseDate: string): (groundTruth: string, answer: string) => TaskScore {
  return releaseDate < '2024-11-25' ? scoreZebraPuzzleOld : scoreZebraPuzzle;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const WORD_TO_NUMBER = new Map(NUMBER_WORDS.map((w, i) => [w, String(i)]));
const SHAPES = ['tetrahedra', 'tetrahedron', 'triangle', 'square'];
const SPATIAL_BOLD = /\*\*([^*]+)\*\*/gu;

/** spatial: exact reply, else one of the last three bold strings, else the last box (case-sensitive). */
export function scoreSpatial(groundTruth: string, answer: string): TaskScore {
  if (answer === groundTruth) return { score: 1, extracted: answer };
  const truth = pyLower(pyStrip(groundTruth));
  const lastThree = [...answer.matchAll(SPATIAL_BOLD)].map((m) => pyLower(pyStrip(m[1] ?? ''))).slice(-3).reverse();
  for (const word of lastThree) {
    const shapeMatch = SHAPES.some((shape) => truth === shape && word.includes(shape) && pyLen(word) < 2 * shape.length + 5);
    if (word === truth || WORD_TO_NUMBER.get(word) === truth || shapeMatch) return { score: 1, extracted: word };
  }
  const boxed = lastBoxedOnlyString(answer.replaceAll('\\\\fbox{', '\\\\boxed{'));
  if (boxed !== null) {
    const parsed = removeBoxed(boxed).replaceAll('\\textbf{', '').replaceAll('\\mathbf{', '').replaceAll('}', '');
    return { score: parsed === groundTruth ? 1 : 0, extracted: parsed };
  }
  return { score: 0, extracted: lastThree[0] ?? null };
}

export const webOfLiesScorer: TaskScorer = (question, answer) => scoreWebOfLies(requireGroundTruth(question), answer);
export const zebraPuzzleScorer: TaskScorer = (question, answer) =>
  zebraEvaluatorFor(question.livebench_release_date)(requireGroundTruth(question), answer);
export const spatialScorer: TaskScorer = (question, answer) => scoreSpatial(requireGroundTruth(question), answer);
