// Python str, re and json.loads behaviour the IFEval port relies on (each value checked in CPython 3.11).
import { describe, expect, it } from 'vitest';
import { JsonTooDeepError, pythonJsonLoads } from '../../../../suites/livebench/ifeval/python-json.ts';
import { pythonRegex, PythonRegexError } from '../../../../suites/livebench/ifeval/python-regex.ts';
import { countWords, pyIsLower, pyIsUpper, pySplitWhitespace, pyStrip, pyStripChars } from '../../../../suites/livebench/ifeval/python-text.ts';

describe('str methods', () => {
  it('strip() uses isspace(): \\x1c-\\x1f and \\x85 are spaces, U+FEFF is not', () => {
    expect(pyStrip('\x1c\x85 a \u3000\x1f')).toBe('a');
    expect(pyStrip('\ufeffa')).toBe('\ufeffa');
  });

  it('split() drops empty fields and splits on every Python space', () => {
    expect(pySplitWhitespace('  a\x1cb\u2028c  ')).toEqual(['a', 'b', 'c']);
    expect(pySplitWhitespace(' \n ')).toEqual([]);
  });

  it('strip(chars) works per code point', () => {
    expect(pyStripChars('<<t>>', '<', 'left')).toBe('t>>');
    expect(pyStripChars('"x"', '"')).toBe('x');
    expect(pyStripChars('😀a😀', '😀')).toBe('a');
  });

  it('isupper()/islower() need a cased character and no character of the other case', () => {
    expect(pyIsUpper('ABC 123!')).toBe(true);
    expect(pyIsUpper('123')).toBe(false);
    expect(pyIsUpper('ABǅ')).toBe(false);
    expect(pyIsLower('abc ß')).toBe(true);
    expect(pyIsLower('ª')).toBe(true);
  });

  it('count_words counts Python \\w+ runs (letters and numbers of any script, underscore)', () => {
    expect(countWords("naïve café don't")).toBe(4);
    expect(countWords('日本語 テキスト ①② x_y')).toBe(4);
    // a combining mark is not \w in Python, so it splits "cafe\u0301s" into two runs
    expect(countWords('cafe\u0301s ok')).toBe(3);
  });
});

describe('json.loads', () => {
  it.each([
    ['NaN', true],
    ['-Infinity', true],
    ['{"a": [1, -0.5e-3, true, null, "\\ud800"]}', true],
    [' \t\n{}\r\n', true],
    ['"tab\there"', false],
    ['\u00a0{}', false],
    ['01', false],
    ['1.', false],
    ['1e', false],
    ['[1,]', false],
    ['{"a" 1}', false],
    ['"\\x"', false],
    ['', false],
    ['nan', false],
  ])('%j → %s', (text, ok) => {
    expect(pythonJsonLoads(text)).toBe(ok);
  });
});

describe('json.loads nesting', () => {
  it('decides up to 950 levels and refuses deeper JSON, where Python hits its recursion limit (about 990) and LiveBench stops', () => {
    expect(pythonJsonLoads('['.repeat(950) + ']'.repeat(950))).toBe(true);
    expect(() => pythonJsonLoads('['.repeat(951) + ']'.repeat(951))).toThrow(JsonTooDeepError);
  });
});

describe('Python patterns', () => {
  it('\\b and \\w are Unicode-aware', () => {
    expect(pythonRegex('\\bsun\\b', 'i').test('sunés')).toBe(false);
    expect(pythonRegex('\\bsun\\b', 'i').test('é sun é')).toBe(true);
  });

  it('$ also matches before a final newline; . stops only at \\n', () => {
    expect(pythonRegex('end$', '').test('the end\n')).toBe(true);
    expect(pythonRegex('a.b', '').test('a\rb')).toBe(true);
    expect(pythonRegex('a.b', '').test('a\nb')).toBe(false);
  });

  it('MULTILINE ^ and $ see only \\n as a line break', () => {
    expect(pythonRegex('^x$', '', true).test('a\nx\nb')).toBe(true);
    expect(pythonRegex('^x$', '', true).test('a\rx\rb')).toBe(false);
  });

  it('keeps escaped punctuation and Python named groups', () => {
    expect(pythonRegex('\\,', '').test('a,b')).toBe(true);
    expect(pythonRegex('(?P<w>ab)(?P=w)', '').test('abab')).toBe(true);
  });

  it('refuses constructs it cannot translate faithfully', () => {
    expect(() => pythonRegex('(?i)x', '')).toThrow(PythonRegexError);
    expect(() => pythonRegex('[\\W]', '')).toThrow(PythonRegexError);
  });
});

describe('IGNORECASE', () => {
  // CPython 3.11: re.search('i', 'ı', re.I) and re.search('[a-z]', 'İ', re.I) match; '[^i]' excludes both
  it('matches dotless ı and dotted İ for i, as Python does', () => {
    expect(pythonRegex('media', 'i').test('MEDİA')).toBe(true);
    expect(pythonRegex('media', 'i').test('medıa')).toBe(true);
    expect(pythonRegex('[a-z]+', 'i').test('ı')).toBe(true);
    expect(pythonRegex('^[^i]$', 'i').test('İ')).toBe(false);
    expect(pythonRegex('(?P<id>x)(?P=id)', 'i').test('XX')).toBe(true);
  });

  it('leaves case-sensitive patterns alone', () => {
    expect(pythonRegex('media', '').test('MEDİA')).toBe(false);
    expect(pythonRegex('media', '').test('medıa')).toBe(false);
  });
});
