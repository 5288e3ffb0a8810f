// Python's str.isdigit() and int(str) for the scorers that call them on model text. Both follow Python 3.11's
// Unicode 14 tables, which differ from JavaScript's \p{Nd} (Node ships a newer Unicode with more digit sets,
// and isdigit() also accepts superscripts, circled digits and the like, which int() then rejects).
import { pyStrip } from '../scorers/python-str.ts';

/** The zero of every run of ten decimal digits (str.isdecimal()) in Python 3.11. */
const DECIMAL_ZEROS: readonly number[] = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20,
  0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900,
  0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0,
  0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8,
  0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/** Characters with isdigit() true but isdecimal() false in Python 3.11 (Numeric_Type=Digit), as inclusive ranges. */
const DIGIT_ONLY: readonly (readonly [number, number])[] = [
  [0xb2, 0xb3], [0xb9, 0xb9], [0x1369, 0x1371], [0x19da, 0x19da], [0x2070, 0x2070], [0x2074, 0x2079], [0x2080, 0x2089],
  [0x2460, 0x2468], [0x2474, 0x247c], [0x2488, 0x2490], [0x24ea, 0x24ea], [0x24f5, 0x24fd], [0x24ff, 0x24ff],
  [0x2776, 0x277e], [0x2780, 0x2788], [0x278a, 0x2792], [0x10a40, 0x10a43], [0x10e60, 0x10e68], [0x11052, 0x1105a],
  [0x1f100, 0x1f10a],
];

/** The value of a decimal digit character (what int() reads), or null when it is none. */
export function decimalValue(ch: string): number | null {
  const cp = ch.codePointAt(0);
  if (cp === undefined) return null;
  for (const zero of DECIMAL_ZEROS) if (cp >= zero && cp < zero + 10) return cp - zero;
  return null;
}

/** str.isdigit() of one character. */
export function isPyDigit(ch: string): boolean {
  if (decimalValue(ch) !== null) return true;
  const cp = ch.codePointAt(0) ?? -1;
  return DIGIT_ONLY.some(([from, to]) => cp >= from && cp <= to);
}

/** int(text) in base 10: surrounding whitespace, a sign, decimal digits with single "_" between them; else null. */
export function pyInt(text: string): number | null {
  const chars = Array.from(pyStrip(text));
  let sign = 1;
  if (chars[0] === '+' || chars[0] === '-') {
    if (chars[0] === '-') sign = -1;
    chars.shift();
  }
  if (chars.length === 0 || chars[0] === '_' || chars.at(-1) === '_') return null;
  let value = 0;
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] ?? '';
    if (ch === '_') {
      if (chars[i - 1] === '_') return null;
      continue;
    }
    const digit = decimalValue(ch);
    if (digit === null) return null;
    value = value * 10 + digit;
  }
  return sign * value;
}
