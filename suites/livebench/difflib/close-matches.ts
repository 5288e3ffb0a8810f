// Python's difflib.get_close_matches (CPython 3.11) over str, on the SequenceMatcher port.
import { codePoints, pyCompare } from '../scorers/python-str.ts';
import { SequenceMatcher } from './sequence-matcher.ts';

type Scored = { score: number; word: string };

/** heapq.nlargest(n, [(score, word), ...]) is sorted(..., reverse=True)[:n]: a tie in score goes to the larger str. */
function byScoreThenWordDescending(x: Scored, y: Scored): number {
  if (x.score !== y.score) return x.score > y.score ? -1 : 1;
  return -pyCompare(x.word, y.word);
}

/**
 * The best "good enough" matches of `word` among `possibilities`, best first. As in Python, `word` is
 * sequence 2 (the one autojunk applies to) and each possibility is sequence 1.
 */
export function getCloseMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] {
  if (!(n > 0)) throw new RangeError(`getCloseMatches: n must be > 0, got ${n}`);
  if (!(cutoff >= 0.0 && cutoff <= 1.0)) throw new RangeError(`getCloseMatches: cutoff must be in [0.0, 1.0], got ${cutoff}`);
  const result: Scored[] = [];
  const s = new SequenceMatcher();
  s.setSeq2(codePoints(word));
  for (const x of possibilities) {
    s.setSeq1(codePoints(x));
    if (s.realQuickRatio() >= cutoff && s.quickRatio() >= cutoff && s.ratio() >= cutoff) {
      result.push({ score: s.ratio(), word: x });
    }
  }
  return result.sort(byScoreThenWordDescending).slice(0, n).map((r) => r.word);
}
