// LiveBench's shared box helpers (livebench/process_results/util.py), ported with their quirks:
// any "\boxed " (with a space) anywhere in the text wins over a later "\boxed{...}", the brace scan
// starts at the "\boxed" itself, and an "\fbox{...}" is used only when there is no "\boxed" at all.

const BOXED = '\\boxed';
const BOXED_SPACE = '\\boxed ';
const BOXED_BRACE = '\\boxed{';

/** The last `\boxed{...}` (or `\boxed ...` up to the next `$`) with its command, or null when there is none. */
export function lastBoxedOnlyString(text: string): string | null {
  let idx = text.lastIndexOf(BOXED);
  if (text.includes(BOXED_SPACE)) {
    const afterLastSpaceBox = text.split(BOXED_SPACE).at(-1) ?? '';
    return BOXED_SPACE + (afterLastSpaceBox.split('$')[0] ?? '');
  }
  if (idx < 0) {
    idx = text.lastIndexOf('\\fbox');
    if (idx < 0) return null;
  }
  let open = 0;
  for (let i = idx; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '{') open += 1;
    if (ch === '}') {
      open -= 1;
      // upstream only stops when the count reaches exactly 0, so a stray '}' before any '{' drives it negative
      if (open === 0) return text.slice(idx, i + 1).replaceAll('$', '').replaceAll('fbox', 'boxed');
    }
  }
  return null;
}

/** Raised where upstream's `assert` fails: the text is not a box `lastBoxedOnlyString` could return. */
export class NotABoxError extends Error {
  constructor(text: string) {
    super(`not a \\boxed{...} or "\\boxed " string: ${JSON.stringify(text.slice(0, 80))}`);
    this.name = 'NotABoxError';
  }
}

/** The content of a box; throws NotABoxError where upstream's assertions would fail. */
export function removeBoxed(boxed: string): string {
  if (boxed.includes(BOXED_SPACE)) {
    if (!boxed.startsWith(BOXED_SPACE)) throw new NotABoxError(boxed);
    return boxed.slice(BOXED_SPACE.length);
  }
  if (!boxed.startsWith(BOXED_BRACE) || !boxed.endsWith('}')) throw new NotABoxError(boxed);
  return boxed.slice(BOXED_BRACE.length, -1);
}
