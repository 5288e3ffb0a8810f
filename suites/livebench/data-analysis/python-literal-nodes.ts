// The second half of ast.literal_eval (Python 3.11): the parsed nodes it accepts and the values they make.
// "+"/"-" are allowed only as a sign on a number, or between a real and an imaginary ("1 - 2j"); a signed
// bool, "--1" or "1 + -2j" are malformed; sets and dict keys must be hashable.
import { PyMalformedError, PyTypeError, pyDictFrom, pySetFrom, type PyValue } from './python-value.ts';

export type LiteralNode =
  | { k: 'const'; value: PyValue }
  | { k: 'unary'; op: string; operand: LiteralNode }
  | { k: 'binop'; op: string; left: LiteralNode; right: LiteralNode }
  | { k: 'tuple' | 'list' | 'set'; items: LiteralNode[] }
  | { k: 'dict'; pairs: Array<[LiteralNode, LiteralNode]> }
  | { k: 'empty-set' };

function plainNumber(node: LiteralNode): PyValue {
  if (node.k === 'const' && (node.value.type === 'int' || node.value.type === 'float' || node.value.type === 'complex')) return node.value;
  throw new PyMalformedError('malformed node or string');
}

function negate(v: PyValue): PyValue {
  if (v.type === 'int') return { type: 'int', value: -v.value };
  if (v.type === 'float') return { type: 'float', value: -v.value };
  if (v.type === 'complex') return { type: 'complex', re: -v.re, im: -v.im };
  throw new PyMalformedError('malformed node or string');
}

function signedNumber(node: LiteralNode): PyValue {
  if (node.k === 'unary' && (node.op === '+' || node.op === '-')) {
    const operand = plainNumber(node.operand);
    return node.op === '+' ? operand : negate(operand);
  }
  return plainNumber(node);
}

function asFloat(v: PyValue): number {
  const x = v.type === 'int' ? Number(v.value) : v.type === 'float' ? v.value : Number.NaN;
  if (v.type === 'int' && !Number.isFinite(x)) throw new PyTypeError('int too large to convert to float');
  return x;
}

/** literal_eval's _convert: a node to its value, or PyMalformedError / PyTypeError where Python raises. */
export function convertLiteralNode(node: LiteralNode): PyValue {
  switch (node.k) {
    case 'const': return node.value;
    case 'tuple':
    case 'list': return { type: node.k, items: node.items.map(convertLiteralNode) };
    case 'set': return pySetFrom(node.items.map(convertLiteralNode));
    case 'empty-set': return { type: 'set', items: [] };
    case 'dict': return pyDictFrom(node.pairs.map(([k, v]) => [convertLiteralNode(k), convertLiteralNode(v)]));
    case 'binop': {
      const left = signedNumber(node.left);
      const right = plainNumber(node.right);
      if ((left.type === 'int' || left.type === 'float') && right.type === 'complex') {
        const re = asFloat(left);
        return node.op === '+' ? { type: 'complex', re: re + right.re, im: right.im } : { type: 'complex', re: re - right.re, im: -right.im };
      }
      return signedNumber(node);
    }
    case 'unary': return signedNumber(node);
  }
}

