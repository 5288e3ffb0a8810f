// LiveBench's language scorers (livebench/process_results/writing/*/utils.py at LiveBench a8f61ff), ported
// with Python's semantics: `.` in `re` patterns matches anything but "\n", str.strip()/lower() via python-str,
// and plot_unscrambling on an exact port of difflib.get_close_matches.
import { getCloseMatches } from '../difflib/close-matches.ts';
import type { LiveBenchQuestion } from '../question.ts';
import { lastBoxedOnlyString, removeBoxed } from './boxed.ts';
import { pyLower, pyStrip } from './python-str.ts';
import type { TaskScore, TaskScorer } from './types.ts';

/** Upstream reads `ground_truth` unguarded; a question without one is a data error, not a wrong answer. */
function groundTruthOf(question: LiveBenchQuestion): string {
  if (question.ground_truth === null) {
    throw new Error(
      `livebench ${question.task} question ${question.question_id}: field "ground_truth" is missing; ` +
        'language questions need it (re-download the question file)',
    );
  }
  return question.ground_truth;
}

/**
 * Where upstream raises inside a scorer, so do we, naming the Python exception. a8f61ff aborts its judging run
 * there; the livebench session records the sample as a scoring error with score 0, as LiveBench's later code does.
 */
export class ReferenceScorerError extends Error {
  constructor(task: string, pythonError: string, why: string) {
    super(`${task}: ${why} (LiveBench's scorer raises ${pythonError} here)`);
    this.name = 'ReferenceScorerError';
  }
}

/** Python's re.findall with one group, for a pattern compiled with the `g` flag. */
function findAll(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1] ?? '');
}

// ---- connections ----

/** Consecutive sets of stripped, lower-cased words; a new set starts once the current one holds 4 distinct words. */
function groupWords(words: readonly string[]): Set<string>[] {
  const groups: Set<string>[] = [new Set()];
  for (const word of words.map((w) => pyLower(pyStrip(w)))) {
    let last = groups[groups.length - 1] ?? new Set<string>();
    if (last.size === 4) {
      last = new Set();
      groups.push(last);
    }
    last.add(word);
  }
  return groups;
}

function sameSet(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  return x.size === y.size && [...x].every((w) => y.has(w));
}

const SOLUTION = /<solution>([^\n]*?)<\/solution>/g;
const CLOSE_AS_OPEN = /<\/solution>([^\n]*?)<\/solution>/g;

/** connections_process_results (questions released 2024-11-25 or later): group-level partial credit. */
function connectionsNew(groundTruth: string, answer: string): TaskScore {
  const flat = answer.replaceAll('\n', '');
  let matches = findAll(SOLUTION, answer);
  if (matches.length === 0) matches = findAll(SOLUTION, flat);
  if (matches.length === 0) matches = findAll(CLOSE_AS_OPEN, answer);
  if (matches.length === 0) matches = findAll(CLOSE_AS_OPEN, flat);
  const truthWords = groundTruth.split(',');
  if (matches.length === 0 && answer.includes('\\boxed')) {
    const boxed = lastBoxedOnlyString(answer);
    // upstream passes None on to remove_boxed, which raises TypeError
    if (boxed === null) throw new ReferenceScorerError('connections', 'TypeError', 'the last \\boxed has no balanced closing brace');
    let inner: string;
    try {
      inner = removeBoxed(boxed);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new ReferenceScorerError('connections', 'AssertionError', why);
    }
    matches = [inner.replaceAll('\\text{', '').replaceAll('}', '').replaceAll('\\', '')];
  }
  matches = matches.map((m) => m.replaceAll('\n', ''));
  if (matches.length === 0) return { score: 0, extracted: null };
  // several solution blocks: their words are pooled and the last len(ground truth) of them kept
  const words = matches.length > 1 ? matches.flatMap((m) => m.split(',')).slice(-truthWords.length) : (matches.at(-1) ?? '').split(',');
  const truthGroups = groupWords(truthWords);
  // each answer group that equals some true group counts, so a repeated correct group counts again (upstream quirk)
  const correct = groupWords(words).filter((g) => truthGroups.some((t) => sameSet(g, t))).length;
  return { score: correct / truthGroups.length, extracted: words.join(','), details: { correct_groups: correct, groups: truthGroups.length } };
}

const BOLD = /\*\*([^\n]*?)\*\*/g;

/** connections_process_results_old (released before 2024-11-25): the best bold span, a true group found if contained. */
function connectionsOld(groundTruth: string, answer: string): TaskScore {
  const spans = findAll(BOLD, answer.replaceAll('\n', ''));
  if (spans.length === 0) return { score: 0, extracted: null };
  const truthGroups = groupWords(groundTruth.split(','));
  let best = 0;
  let bestSpan = spans[0] ?? '';
  for (const span of spans) {
    const outputGroups = groupWords(span.split(','));
    const correct = truthGroups.filter((t) => outputGroups.some((g) => [...t].every((w) => g.has(w)))).length;
    const score = correct / truthGroups.length;
    if (score > best) {
      best = score;
      bestSpan = span;
    }
  }
  return { score: best, extracted: bestSpan };
}

/** The evaluator is chosen by `livebench_release_date`, as get_connections_puzzle_evaluator does. */
export const scoreConnections: TaskScorer = (question, answer) => {
  const groundTruth = groundTruthOf(question);
  return question.livebench_release_date < '2024-11-25' ? connectionsOld(groundTruth, answer) : connectionsNew(groundTruth, answer);
};

// ---- plot_unscrambling ----

/** Unit-cost edit distance between two integer lists (upstream's levenshtein_distance). */
export function levenshtein(a: readonly number[], b: readonly number[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const same = a[i - 1] === b[j - 1];
      const diag = prev[j - 1] ?? 0;
      row.push(same ? diag : 1 + Math.min(prev[j] ?? 0, row[j - 1] ?? 0, diag));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

const PLOT_START = '<PLOT_SUMMARY>';
const IGNORED_SENTENCES = new Set(['</PLOT_SUMMARY>', '**End of Plot Summary**']);

/** plot_unscrambling_process_results: each true sentence's closest answer sentence, then edit distance of the order. */
export const scorePlotUnscrambling: TaskScorer = (question, answer) => {
  const groundTruth = groundTruthOf(question);
  const start = answer.indexOf(PLOT_START);
  const summary = start >= 0 ? answer.slice(start + PLOT_START.length) : answer;
  const truth = groundTruth.split('.').map(pyStrip).filter((s) => s !== '');
  const given = summary
    .split('.')
    .filter((s) => !IGNORED_SENTENCES.has(pyStrip(s)))
    .map(pyStrip)
    .filter((s) => s !== '');
  const order: number[] = [];
  for (const sentence of truth) {
    const best = getCloseMatches(sentence, given, 1, 0.0)[0];
    if (best !== undefined) order.push(given.indexOf(best));
  }
  if (truth.length === 0) throw new ReferenceScorerError('plot_unscrambling', 'ZeroDivisionError', 'the ground truth has no sentence');
  const distance = levenshtein(
    truth.map((_, i) => i),
    order,
  );
  return { score: 1 - distance / truth.length, extracted: summary, details: { order, distance } };
};

// ---- typos ----

const DELIMITER = ' --- ';

/**
 * What re.search(r'.* --- (.*?) --- .*', text).group(1) returns for a text without "\n", or null when it does
 * not match: the greedy `.*` puts the first delimiter at the last position that still has a later,
 * non-overlapping delimiter, and the lazy group ends at the first such one. Computed directly, as the
 * backtracking pattern is quadratic on long answers.
 */
export function textBetweenDelimiters(text: string): string | null {
  const positions: number[] = [];
  for (let p = text.indexOf(DELIMITER); p >= 0; p = text.indexOf(DELIMITER, p + 1)) positions.push(p);
  const last = positions.at(-1);
  if (last === undefined) return null;
  const first = positions.filter((p) => p + DELIMITER.length <= last).at(-1);
  if (first === undefined) return null;
  const end = positions.find((q) => q >= first + DELIMITER.length) ?? last;
  return text.slice(first + DELIMITER.length, end);
}

/** typos_process_results: non-empty lines joined by spaces, the text between ` --- ` delimiters if any, then containment. */
export const scoreTypos: TaskScorer = (question, answer) => {
  const groundTruth = groundTruthOf(question);
  const joined = answer
    .split('\n')
    .filter((line) => line !== '')
    .join(' ');
  const extracted = textBetweenDelimiters(joined) ?? joined;
  return { score: extracted.includes(groundTruth) ? 1 : 0, extracted };
};
