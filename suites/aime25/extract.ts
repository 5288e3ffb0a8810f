// The answer is the content of the last \boxed{...}, compared as an integer (070 = 70 = 70.0).

export const EXTRACTOR_ID = 'aime25.last-boxed-integer.v1';

/** Content of the last \boxed{...} (or \fbox{...}), nested braces included; null when there is none or it is unclosed. */
export function lastBoxed(text: string): string | null {
  const at = Math.max(text.lastIndexOf('\\boxed'), text.lastIndexOf('\\fbox'));
  if (at < 0) return null;
  let i = text.indexOf('{', at);
  if (i < 0) return null;
  const between = text.slice(at, i).replace(/^\\(boxed|fbox)/, '');
  if (between.trim() !== '') return null;
  let depth = 0;
  const start = i + 1;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) return text.slice(start, i);
    }
  }
  return null;
}

const PLAIN_INTEGER = /^[+-]?\d+$/;
const WRAPPERS = /\\(?:text|textbf|mathrm|mathbf|mbox)\s*\{([^{}]*)\}/g;

/** Strips \text{} wrappers, $, spaces, degree marks and a trailing period, then reads an integer. */
export function normaliseInteger(raw: string): number | null {
  if (PLAIN_INTEGER.test(raw)) {
    // the usual answer: the steps below would leave it as it is
    const value = Number.parseInt(raw, 10);
    return Number.isSafeInteger(value) ? value : null;
  }
  let s = raw;
  for (let guard = 0; guard < 4 && WRAPPERS.test(s); guard++) s = s.replace(WRAPPERS, '$1');
  s = s
    .replace(/\$/g, '')
    .replace(/\\[,;:!]|\\ /g, '')
    .replace(/\^\s*\{?\\circ\}?/g, '')
    .replace(/\s+/g, '')
    .replace(/\.$/, '');
  const match = /^([+-]?\d+)(?:\.0*)?$/.exec(s);
  if (!match || match[1] === undefined) return null;
  const value = Number.parseInt(match[1], 10);
  return Number.isSafeInteger(value) ? value : null;
}

export type AimeExtraction = { boxed: string | null; value: number | null };

export function extractAnswer(content: string): AimeExtraction {
  const boxed = lastBoxed(content);
  return { boxed, value: boxed === null ? null : normaliseInteger(boxed) };
}
