// The Python values ast.literal_eval can build, with Python's equality, truthiness and hashability,
// which decide tablejoin's counts: 1 == 1.0 == True, a later duplicate key overwrites an earlier one,
// and a list as a dict key is a TypeError.

export type PyValue =
  | { type: 'none' }
  | { type: 'ellipsis' }
  | { type: 'bool'; value: boolean }
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'complex'; re: number; im: number }
  | { type: 'str'; value: string }
  /** one char per byte, code points 0-255 */
  | { type: 'bytes'; value: string }
  | { type: 'tuple' | 'list' | 'set'; items: PyValue[] }
  | { type: 'dict'; entries: Array<[PyValue, PyValue]> };

/** What Python raises as SyntaxError (or IndentationError) while parsing. */
export class PySyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PySyntaxError';
  }
}

/** A literal whose parse succeeds but which literal_eval refuses (ValueError: malformed node). */
export class PyMalformedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PyMalformedError';
  }
}

export class PyTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PyTypeError';
  }
}

type Real = { kind: 'int'; value: bigint } | { kind: 'float'; value: number };

function realPart(v: PyValue): Real | null {
  if (v.type === 'bool') return { kind: 'int', value: v.value ? 1n : 0n };
  if (v.type === 'int') return { kind: 'int', value: v.value };
  if (v.type === 'float') return { kind: 'float', value: v.value };
  return null;
}

function realEquals(a: Real, b: Real): boolean {
  if (a.kind === 'int' && b.kind === 'int') return a.value === b.value;
  if (a.kind === 'float' && b.kind === 'float') return a.value === b.value;
  const int = a.kind === 'int' ? a.value : b.kind === 'int' ? b.value : 0n;
  const float = a.kind === 'float' ? a.value : b.kind === 'float' ? b.value : 0;
  // Python compares int and float exactly, never by rounding the int
  return Number.isInteger(float) && BigInt(float) === int;
}

function numberEquals(a: PyValue, b: PyValue): boolean | null {
  const ra = realPart(a);
  const rb = realPart(b);
  if (ra !== null && rb !== null) return realEquals(ra, rb);
  if (a.type === 'complex' && b.type === 'complex') return a.re === b.re && a.im === b.im;
  if (a.type === 'complex' && rb !== null) return a.im === 0 && realEquals({ kind: 'float', value: a.re }, rb);
  if (b.type === 'complex' && ra !== null) return b.im === 0 && realEquals(ra, { kind: 'float', value: b.re });
  return null;
}

/** Python `a == b`. */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  const numeric = numberEquals(a, b);
  if (numeric !== null) return numeric;
  switch (a.type) {
    case 'none':
    case 'ellipsis':
      return b.type === a.type;
    case 'str':
    case 'bytes':
      return b.type === a.type && b.value === a.value;
    case 'tuple':
    case 'list':
      return b.type === a.type && a.items.length === b.items.length && a.items.every((x, i) => {
        const y = b.items[i];
        return y !== undefined && pyEquals(x, y);
      });
    case 'set':
      return b.type === 'set' && a.items.length === b.items.length && a.items.every((x) => b.items.some((y) => pyEquals(x, y)));
    case 'dict':
      return b.type === 'dict' && a.entries.length === b.entries.length &&
        a.entries.every(([k, v]) => {
          const other = pyDictGet(b, k);
          return other !== undefined && pyEquals(v, other);
        });
    default:
      return false;
  }
}

/** Whether `hash(v)` succeeds: lists, sets and dicts (and tuples holding them) are unhashable. */
export function pyHashable(v: PyValue): boolean {
  if (v.type === 'list' || v.type === 'set' || v.type === 'dict') return false;
  if (v.type === 'tuple') return v.items.every(pyHashable);
  return true;
}

/** Python `bool(v)`. */
export function pyTruthy(v: PyValue): boolean {
  switch (v.type) {
    case 'none': return false;
    case 'ellipsis': return true;
    case 'bool': return v.value;
    case 'int': return v.value !== 0n;
    case 'float': return v.value !== 0;
    case 'complex': return v.re !== 0 || v.im !== 0;
    case 'str':
    case 'bytes': return v.value.length > 0;
    case 'tuple':
    case 'list':
    case 'set': return v.items.length > 0;
    case 'dict': return v.entries.length > 0;
  }
}

/** `d.get(key)`; undefined when absent. */
export function pyDictGet(dict: { entries: Array<[PyValue, PyValue]> }, key: PyValue): PyValue | undefined {
  return dict.entries.find(([k]) => pyEquals(k, key))?.[1];
}

/** `dict(zip(keys, values))`: the first equal key stays, the last value wins. */
export function pyDictFrom(pairs: Array<[PyValue, PyValue]>): PyValue {
  const entries: Array<[PyValue, PyValue]> = [];
  for (const [key, value] of pairs) {
    if (!pyHashable(key)) throw new PyTypeError(`unhashable type: '${key.type}'`);
    const slot = entries.find(([k]) => pyEquals(k, key));
    if (slot) slot[1] = value;
    else entries.push([key, value]);
  }
  return { type: 'dict', entries };
}

/** `set(items)`: equal items collapse to the first. */
export function pySetFrom(items: PyValue[]): PyValue {
  const kept: PyValue[] = [];
  for (const item of items) {
    if (!pyHashable(item)) throw new PyTypeError(`unhashable type: '${item.type}'`);
    if (!kept.some((k) => pyEquals(k, item))) kept.push(item);
  }
  return { type: 'set', items: kept };
}

/** A short repr for results (close to Python's, not byte-exact). */
export function pyRepr(v: PyValue): string {
  switch (v.type) {
    case 'none': return 'None';
    case 'ellipsis': return 'Ellipsis';
    case 'bool': return v.value ? 'True' : 'False';
    case 'int': return v.value.toString();
    case 'float': return Number.isInteger(v.value) ? v.value.toFixed(1) : String(v.value);
    case 'complex': return `(${v.re}+${v.im}j)`;
    case 'str': return `'${v.value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
    case 'bytes': return `b'${v.value}'`;
    case 'tuple': return `(${v.items.map(pyRepr).join(', ')}${v.items.length === 1 ? ',' : ''})`;
    case 'list': return `[${v.items.map(pyRepr).join(', ')}]`;
    case 'set': return v.items.length === 0 ? 'set()' : `{${v.items.map(pyRepr).join(', ')}}`;
    case 'dict': return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  }
}
