// Whether Python's `json.loads(text)` would succeed (CPython's C scanner, strict=True). It differs from
// JSON.parse: NaN, Infinity and -Infinity are values; only space, tab, newline and carriage return count
// as whitespace; lone surrogate escapes are fine; control characters inside strings are not.

const WS = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

class Reject extends Error {}

/** Deeper JSON is refused: CPython's json.loads raises RecursionError at about 990 levels under IFEval's calls, the exact level depending on the caller's stack. */
export const PYTHON_JSON_DEPTH_LIMIT = 950;

export class JsonTooDeepError extends Error {}

class Scanner {
  constructor(
    private readonly s: string,
    public i = 0,
  ) {}

  skipWs(): void {
    while (WS.has(this.s[this.i] ?? '')) this.i++;
  }

  private fail(): never {
    throw new Reject();
  }

  private literal(word: string): boolean {
    if (this.s.startsWith(word, this.i)) {
      this.i += word.length;
      return true;
    }
    return false;
  }

  private depth = 0;

  value(): void {
    const c = this.s[this.i];
    if ((c === '{' || c === '[') && ++this.depth > PYTHON_JSON_DEPTH_LIMIT) {
      throw new JsonTooDeepError(
        `JSON nested more than ${PYTHON_JSON_DEPTH_LIMIT} levels: Python's json.loads raises RecursionError near 990 levels, which stops LiveBench's scoring, so there is no reference verdict`,
      );
    }
    try {
      this.nested(c);
    } finally {
      if (c === '{' || c === '[') this.depth--;
    }
  }

  private nested(c: string | undefined): void {
    if (c === '"') return this.string();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (this.literal('null') || this.literal('true') || this.literal('false')) return;
    if (this.literal('NaN') || this.literal('Infinity') || this.literal('-Infinity')) return;
    this.number();
  }

  private digits(): number {
    const start = this.i;
    while ((this.s[this.i] ?? '') >= '0' && (this.s[this.i] ?? '') <= '9') this.i++;
    return this.i - start;
  }

  private isDigit(at: number): boolean {
    const c = this.s[at] ?? '';
    return c >= '0' && c <= '9';
  }

  // -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? with backtracking over a fraction or exponent that has no digits
  private number(): void {
    if (this.s[this.i] === '-') this.i++;
    const c = this.s[this.i] ?? '';
    if (c >= '1' && c <= '9') this.digits();
    else if (c === '0') this.i++;
    else this.fail();
    if (this.s[this.i] === '.' && this.isDigit(this.i + 1)) {
      this.i++;
      this.digits();
    }
    const e = this.s[this.i];
    if (e === 'e' || e === 'E') {
      let j = this.i + 1;
      if (this.s[j] === '+' || this.s[j] === '-') j++;
      if (this.isDigit(j)) {
        this.i = j;
        this.digits();
      }
    }
  }

  string(): void {
    this.i++;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) this.fail();
      this.i++;
      if (c === '"') return;
      if (c < ' ') this.fail();
      if (c !== '\\') continue;
      const esc = this.s[this.i];
      if (esc === undefined) this.fail();
      this.i++;
      if (esc === 'u') {
        if (!HEX4.test(this.s.slice(this.i, this.i + 4))) this.fail();
        this.i += 4;
      } else if (!ESCAPES.has(esc)) this.fail();
    }
  }

  private object(): void {
    this.i++;
    this.skipWs();
    if (this.s[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      if (this.s[this.i] !== '"') this.fail();
      this.string();
      this.skipWs();
      if (this.s[this.i] !== ':') this.fail();
      this.i++;
      this.skipWs();
      this.value();
      this.skipWs();
      const c = this.s[this.i];
      this.i++;
      if (c === '}') return;
      if (c !== ',') this.fail();
      this.skipWs();
    }
  }

  private array(): void {
    this.i++;
    this.skipWs();
    if (this.s[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.skipWs();
      const c = this.s[this.i];
      this.i++;
      if (c === ']') return;
      if (c !== ',') this.fail();
      this.skipWs();
    }
  }
}

/** True when `json.loads(text)` returns a value; false where it raises ValueError (JSONDecodeError). */
export function pythonJsonLoads(text: string): boolean {
  const scanner = new Scanner(text);
  try {
    scanner.skipWs();
    if (scanner.i >= text.length) return false;
    scanner.value();
    scanner.skipWs();
    return scanner.i === text.length;
  } catch (error) {
    if (error instanceof Reject) return false;
    throw error;
  }
}
