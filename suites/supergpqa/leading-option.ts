// extract_option_content's third pattern, `^[^\w\r\n]*(?:opener)\s*(option|...)...`, searched in the order Python's
// `re` explores it. As one JavaScript regex it costs O(n²) on a long leading run of symbols; here every end of the
// opener is tried at most once, so the search is linear in the run, and the first success is the one Python finds.
import { PY_WORD } from './python-re.ts';

const NOT_WORD_NOR_NEWLINE = new RegExp(`^[^${PY_WORD}\\r\\n]$`, 'u');
const SYMBOL = /^[*$\\{(\\[]$/;

/**
 * `tail` is the rest of the pattern (`\s*(option|...)suffix end`) with the sticky flag; `token` matches one
 * `\boxed{`-style opener, sticky. Returns group 1 of the first match, or null.
 */
export function searchLeadingOption(target: string, tail: RegExp, token: RegExp): string | null {
  // `[^\w\r\n]*` is greedy: it first takes the whole leading run, then gives back one code point at a time.
  const starts = [0];
  for (const ch of target) {
    if (!NOT_WORD_NOR_NEWLINE.test(ch)) break;
    starts.push((starts.at(-1) ?? 0) + ch.length);
  }
  const explored = new Set<number>();
  const tried = new Set<number>();
  const tryTail = (at: number): string | null => {
    if (tried.has(at)) return null;
    tried.add(at);
    tail.lastIndex = at;
    const match = tail.exec(target);
    return match ? (match[1] ?? '') : null;
  };
  for (let i = starts.length - 1; i >= 0; i--) {
    const found = exploreOpener(starts[i] ?? 0, target, token, explored, tryTail);
    if (found !== null) return found;
  }
  return null;
}

type Frame = { at: number; stage: 0 | 1 | 2 };

/**
 * The opener `T*(?:[symbols]T*)*?` from `start`, in Python's order: a token first (then on from its end), else stop
 * here and try the tail, else one symbol (then on). An explicit stack, since runs can be thousands of characters.
 */
function exploreOpener(
  start: number,
  target: string,
  token: RegExp,
  explored: Set<number>,
  tryTail: (at: number) => string | null,
): string | null {
  const stack: Frame[] = [];
  const enter = (at: number): void => {
    if (explored.has(at)) return; // everything reachable from here already failed
    explored.add(at);
    stack.push({ at, stage: 0 });
  };
  enter(start);
  while (stack.length > 0) {
    const frame = stack.at(-1);
    if (frame === undefined) break;
    if (frame.stage === 0) {
      frame.stage = 1;
      token.lastIndex = frame.at;
      const match = token.exec(target);
      if (match) enter(frame.at + match[0].length);
    } else if (frame.stage === 1) {
      frame.stage = 2;
      const found = tryTail(frame.at);
      if (found !== null) return found;
    } else {
      stack.pop();
      if (SYMBOL.test(target.charAt(frame.at))) enter(frame.at + 1);
    }
  }
  return null;
}
