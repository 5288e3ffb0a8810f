// Python 3.11's ast.literal_eval for the literals LiveBench answers hold: strings and bytes (any quotes,
// prefixes, escapes, implicit concatenation), int/float/complex numbers, None/True/False/..., tuples,
// lists, sets, set(), dicts, nested, with "+"/"-" only where literal_eval allows them (a signed number,
// or a real plus/minus an imaginary). It raises where Python raises; callers treat any error alike,
// as LiveBench's bare `except:` does.
import { convertLiteralNode, type LiteralNode as Node } from '../data-analysis/python-literal-nodes.ts';
import { tokenizePython, type PyToken } from '../data-analysis/python-tokens.ts';
import { PyMalformedError, PySyntaxError, PyTypeError, type PyValue } from '../data-analysis/python-value.ts';

export { PyMalformedError, PySyntaxError, PyTypeError };

function numberValue(text: string): PyValue {
  const plain = text.replaceAll('_', '');
  if (/[jJ]$/.test(plain)) return { type: 'complex', re: 0, im: Number(plain.slice(0, -1)) };
  if (/^0[xXoObB]/.test(plain)) return { type: 'int', value: BigInt(plain) };
  if (/[.eE]/.test(plain)) return { type: 'float', value: Number(plain) };
  return { type: 'int', value: BigInt(plain) };
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: PyToken[]) {}

  private peek(): PyToken | undefined {
    return this.tokens[this.at];
  }
  private isOp(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'op' && t.text === text;
  }
  private expectOp(text: string): void {
    if (!this.isOp(text)) throw new PySyntaxError(`expected '${text}'`);
    this.at += 1;
  }

  /** eval mode: expressions NEWLINE* ENDMARKER */
  parseInput(): Node {
    const node = this.sequence(() => false);
    while (this.peek()?.kind === 'newline') this.at += 1;
    if (this.peek() !== undefined) throw new PySyntaxError('invalid syntax');
    return node;
  }

  /** one expression, or a tuple when commas follow (a trailing comma is allowed before `closes`) */
  private sequence(closes: () => boolean): Node {
    const first = this.sum();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.at += 1;
      const next = this.peek();
      if (next === undefined || next.kind === 'newline' || closes()) break;
      items.push(this.sum());
    }
    return { k: 'tuple', items };
  }

  private sum(): Node {
    let left = this.factor();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.isOp('+') ? '+' : '-';
      this.at += 1;
      left = { k: 'binop', op, left, right: this.factor() };
    }
    return left;
  }

  private factor(): Node {
    for (const op of ['+', '-', '~']) {
      if (this.isOp(op)) {
        this.at += 1;
        return { k: 'unary', op, operand: this.factor() };
      }
    }
    const atom = this.atom();
    // a call or subscript after a literal is valid syntax but never a literal
    if (this.isOp('(') || this.isOp('[')) throw new PyMalformedError('call or subscript');
    return atom;
  }

  private items(close: string): Node[] {
    const items: Node[] = [];
    while (!this.isOp(close)) {
      items.push(this.sum());
      if (!this.isOp(',')) break;
      this.at += 1;
    }
    this.expectOp(close);
    return items;
  }

  private atom(): Node {
    const token = this.peek();
    if (token === undefined || token.kind === 'newline') throw new PySyntaxError('unexpected end of input');
    this.at += 1;
    if (token.kind === 'number') return { k: 'const', value: numberValue(token.text) };
    if (token.kind === 'string') return this.strings(token);
    if (token.kind === 'name') {
      if (token.text === 'None') return { k: 'const', value: { type: 'none' } };
      if (token.text === 'True' || token.text === 'False') return { k: 'const', value: { type: 'bool', value: token.text === 'True' } };
      if (token.text === 'set' && this.isOp('(') && this.tokens[this.at + 1]?.kind === 'op' && this.isOpAt(this.at + 1, ')')) {
        this.at += 2;
        return { k: 'empty-set' };
      }
      throw new PyMalformedError(`name ${token.text}`);
    }
    switch (token.text) {
      case '...': return { k: 'const', value: { type: 'ellipsis' } };
      case '(': {
        if (this.isOp(')')) { this.at += 1; return { k: 'tuple', items: [] }; }
        const inner = this.sequence(() => this.isOp(')'));
        this.expectOp(')');
        return inner;
      }
      case '[': return { k: 'list', items: this.items(']') };
      case '{': return this.braces();
      default: throw new PySyntaxError(`unexpected '${token.text}'`);
    }
  }

  private isOpAt(index: number, text: string): boolean {
    const t = this.tokens[index];
    return t?.kind === 'op' && t.text === text;
  }

  private strings(first: PyToken & { kind: 'string' }): Node {
    const parts = [first];
    for (let t = this.peek(); t?.kind === 'string'; t = this.peek()) {
      parts.push(t);
      this.at += 1;
    }
    if (parts.some((p) => p.bytes !== first.bytes)) throw new PySyntaxError('cannot mix bytes and nonbytes literals');
    if (parts.some((p) => p.formatted)) throw new PyMalformedError('f-string');
    const value = parts.map((p) => p.value).join('');
    return { k: 'const', value: first.bytes ? { type: 'bytes', value } : { type: 'str', value } };
  }

  private braces(): Node {
    if (this.isOp('}')) { this.at += 1; return { k: 'dict', pairs: [] }; }
    const first = this.sum();
    if (!this.isOp(':')) {
      if (!this.isOp(',')) {
        this.expectOp('}');
        return { k: 'set', items: [first] };
      }
      this.at += 1;
      return { k: 'set', items: [first, ...this.items('}')] };
    }
    const pairs: Array<[Node, Node]> = [];
    let key = first;
    for (;;) {
      this.expectOp(':');
      pairs.push([key, this.sum()]);
      if (!this.isOp(',')) break;
      this.at += 1;
      if (this.isOp('}')) break;
      key = this.sum();
    }
    this.expectOp('}');
    return { k: 'dict', pairs };
  }
}

/** ast.literal_eval(text) for a str argument: leading spaces and tabs are stripped first, as in 3.11. */
export function literalEval(text: string): PyValue {
  const tokens = tokenizePython(text.replace(/^[ \t]+/, ''));
  return convertLiteralNode(new Parser(tokens).parseInput());
}
