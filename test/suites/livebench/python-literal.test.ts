import { describe, expect, it } from 'vitest';
import { literalEval } from '../../../suites/livebench/scorers/python-literal.ts';
import { pyEquals, pyRepr, pyTruthy } from '../../../suites/livebench/data-analysis/python-value.ts';

const repr = (text: string): string => pyRepr(literalEval(text));

describe('literalEval accepts what Python 3.11 accepts', () => {
  it('dicts with single or double quotes, None/True/False, nested containers', () => {
    expect(repr(`{'a': "b", 'n': None, 't': True, 'l': [1, (2, 3.5)], 'd': {'x': set()}}`)).toBe(
      "{'a': 'b', 'n': None, 't': True, 'l': [1, (2, 3.5)], 'd': {'x': set()}}",
    );
  });
  it('implicit string concatenation, prefixes and escapes', () => {
    expect(repr(`'a' "b" u'c'`)).toBe("'abc'");
    expect(literalEval(`'\\x41\\101\\u00e9\\q\\n'`)).toEqual({ type: 'str', value: 'AAé\\q\n' });
    expect(literalEval(`r'\\n'`)).toEqual({ type: 'str', value: '\\n' });
    expect(literalEval(`Rb'\\x41' b"\\400"`)).toEqual({ type: 'bytes', value: '\\x41\x00' });
    expect(literalEval(`'a\\\nb'`)).toEqual({ type: 'str', value: 'ab' });
  });
  it('numbers: underscores, bases, leading zeros where allowed, signed numbers and real±imaginary', () => {
    expect(repr('[1_000, 0x_1f, 0o17, 0b11, 00, 07.5, 1.e1, .5, -1, +2]')).toBe('[1000, 31, 15, 3, 0, 7.5, 10.0, 0.5, -1, 2]');
    expect(literalEval('1 - (2j)')).toEqual({ type: 'complex', re: 1, im: -2 });
    expect(literalEval('1e400')).toEqual({ type: 'float', value: Number.POSITIVE_INFINITY });
    expect(literalEval('123456789012345678901234567890')).toEqual({ type: 'int', value: 123456789012345678901234567890n });
  });
  it('tuples without parentheses, trailing commas, comments, blank lines and line joins inside brackets', () => {
    expect(repr('1, 2,')).toBe('(1, 2)');
    expect(repr("\n#note\n{\n  'a':\n   1, # one\n}\n\n")).toBe("{'a': 1}");
    expect(repr("\r\n{'a':\r'b'}\r")).toBe("{'a': 'b'}");
    expect(repr("  \t{'a': 1}")).toBe("{'a': 1}");
    expect(repr("\\\n{'a': 1}")).toBe("{'a': 1}");
    expect(repr('\n\\\n\f1')).toBe('1');
    expect(repr('\t\\\n\n1')).toBe('1');
  });
  it('duplicate keys: the first key stays, the last value wins; 1, 1.0 and True are one key', () => {
    expect(repr("{'a': 1, 'a': 2}")).toBe("{'a': 2}");
    expect(repr("{1: 'a', True: 'b', 1.0: 'c'}")).toBe("{1: 'c'}");
    expect(repr('{1, True, 2}')).toBe('{1, 2}');
  });
});

describe('literalEval raises where Python raises', () => {
  const refused = [
    ['a name', "{'a': b}"],
    ['null (not a Python name)', "{'a': null}"],
    ['two expressions', "{'a': 1} {'b': 2}"],
    ['an indented first line', "\n  {'a': 1}"],
    ['a last line of only spaces', "{'a': 1}\n  "],
    ['a second statement', "{'a': 1}\n{'b': 2}"],
    ['an unhashable key', '{[1]: 2}'],
    ['a tuple key holding a list', '{(1, [2]): 3}'],
    ['arithmetic', '1 + 2'],
    ['a double sign', '--1'],
    ['a signed bool', '-True'],
    ['complex plus complex', '1 + 2j + 3j'],
    ['a signed imaginary on the right', '1 + -2j'],
    ['an f-string', "f'x'"],
    ['mixed bytes and str', "'a' b'b'"],
    ['non-ASCII bytes', "b'é'"],
    ['leading zeros in an int', '07'],
    ['a trailing underscore', '1_'],
    ['a truncated \\x escape', "'\\x4'"],
    ['a vertical tab', '\v1'],
    ['a byte order mark', "\ufeff{'a': 1}"],
    ['a NUL character', "'\0'"],
    ['a call other than set()', 'set((1,))'],
    ['a subscript', "{'a': 1}['a']"],
    ['an empty text', ''],
    ['a dangling line continuation', '1 \\\n'],
    ['indentation before a continuation, even when a form feed follows it', '\n\t\\\n\f1'],
    ['indentation after a continuation', '\n\\\n 1'],
    ['a fence', "```python\n{'a': 1}\n```"],
    ['too many nested brackets', `${'['.repeat(201)}${']'.repeat(201)}`],
    ['\\N{...} (no Unicode name table; Python accepts valid names)', "'\\N{EM DASH}'"],
  ];
  it.each(refused)('%s', (_name, text) => {
    expect(() => literalEval(text ?? '')).toThrow();
  });
  it('200 nested brackets are still fine', () => {
    expect(() => literalEval(`${'['.repeat(200)}${']'.repeat(200)}`)).not.toThrow();
  });
});

describe('Python equality and truthiness of the values', () => {
  it('numbers compare across int, float, bool and complex, exactly', () => {
    expect(pyEquals(literalEval('1'), literalEval('1.0'))).toBe(true);
    expect(pyEquals(literalEval('True'), literalEval('1+0j'))).toBe(true);
    expect(pyEquals(literalEval('9007199254740993'), literalEval('9007199254740992.0'))).toBe(false);
    expect(pyEquals(literalEval("'1'"), literalEval('1'))).toBe(false);
    expect(pyEquals(literalEval('(1, 2)'), literalEval('[1, 2]'))).toBe(false);
    expect(pyEquals(literalEval("{'a': [1]}"), literalEval("{'a': [1.0]}"))).toBe(true);
  });
  it('falsy values are those Python treats as false', () => {
    for (const text of ["''", '0', '0.0', '0j', 'False', 'None', '[]', '()', '{}', 'set()', "b''"]) expect(pyTruthy(literalEval(text))).toBe(false);
    for (const text of ["' '", '-1', '...', '[0]', "{'a': None}"]) expect(pyTruthy(literalEval(text))).toBe(true);
  });
});
