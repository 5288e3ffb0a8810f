// Text rewrites of a LaTeX ground truth for the AMPS_Hard agreement measurement: forms a grader should
// accept (reordered terms, \dfrac, a/b, \left( \right), spacing, \cdot) and forms it should reject.

/** Index of the brace closing the one opened at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Each outermost \frac{A}{B} written as (A)/(B); null when there is none or the braces do not close. */
export function slashFractions(gt: string): string | null {
  let out = '';
  let i = 0;
  let changed = false;
  while (i < gt.length) {
    const at = gt.indexOf('\\frac{', i);
    if (at < 0) break;
    const numeratorEnd = closingBrace(gt, at + 5);
    if (numeratorEnd < 0 || gt[numeratorEnd + 1] !== '{') return null;
    const denominatorEnd = closingBrace(gt, numeratorEnd + 1);
    if (denominatorEnd < 0) return null;
    out += `${gt.slice(i, at)}(${gt.slice(at + 6, numeratorEnd)})/(${gt.slice(numeratorEnd + 2, denominatorEnd)})`;
    i = denominatorEnd + 1;
    changed = true;
  }
  return changed ? out + gt.slice(i) : null;
}

/** Top-level terms with their signs, split at + and - outside braces, brackets and parentheses. */
function topLevelTerms(gt: string): { sign: '+' | '-'; text: string }[] {
  const terms: { sign: '+' | '-'; text: string }[] = [];
  let depth = 0;
  let sign: '+' | '-' = '+';
  let start = 0;
  for (let i = 0; i < gt.length; i += 1) {
    const ch = gt[i] ?? '';
    if ('{([<'.includes(ch)) depth += 1;
    if ('})]>'.includes(ch)) depth -= 1;
    if (depth === 0 && (ch === '+' || ch === '-') && gt[i - 1] !== '^') {
      const text = gt.slice(start, i).trim();
      if (text !== '') terms.push({ sign, text });
      sign = ch;
      start = i + 1;
    }
  }
  const last = gt.slice(start).trim();
  if (last !== '') terms.push({ sign, text: last });
  return terms;
}

/** The first top-level term moved to the end; null for a single term. */
export function rotateTerms(gt: string): string | null {
  const terms = topLevelTerms(gt);
  if (terms.length < 2) return null;
  const [first, ...rest] = terms;
  if (!first) return null;
  return [...rest, first].map((t, i) => (i === 0 ? (t.sign === '-' ? '-' : '') : ` ${t.sign} `) + t.text).join('');
}

/** Spaces around every + and -. */
export function spacedOperators(gt: string): string | null {
  const out = gt.replace(/\s*([+-])\s*/g, ' $1 ').trim();
  return out === gt ? null : out;
}

/** Parentheses written \left( ... \right). */
export function leftRight(gt: string): string | null {
  return gt.includes('(') ? gt.replaceAll('(', '\\left(').replaceAll(')', '\\right)') : null;
}

/** \frac written \dfrac. */
export function displayFractions(gt: string): string | null {
  return gt.includes('\\frac') ? gt.replaceAll('\\frac', '\\dfrac') : null;
}

/** A \cdot between a leading coefficient and what it multiplies. */
export function explicitProduct(gt: string): string | null {
  const out = gt.replace(/^(-?\d+) (?=[\\a-z(])/, '$1 \\cdot ');
  return out === gt ? null : out;
}

/** The first integer in the expression increased by one (a changed coefficient, exponent or root index). */
export function changedNumber(gt: string): string | null {
  const m = /\d+/.exec(gt);
  if (!m) return null;
  return gt.slice(0, m.index) + String(Number(m[0]) + 1) + gt.slice(m.index + m[0].length);
}
