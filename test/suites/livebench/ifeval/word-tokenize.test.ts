// nltk.word_tokenize outputs recorded from NLTK 3.8 (Debian python3-nltk) with the English Punkt parameters.
import { describe, expect, it } from 'vitest';
import { nltkWordTokenize } from '../../../../suites/livebench/ifeval/word-tokenize.ts';

const CASES: [string, string[]][] = [
  [
    'Good muffins cost $3.88 (roughly 3,36 euros)\nin New York.  Please buy me\ntwo of them.\nThanks.',
    ['Good', 'muffins', 'cost', '$', '3.88', '(', 'roughly', '3,36', 'euros', ')', 'in', 'New', 'York', '.', 'Please', 'buy', 'me', 'two', 'of', 'them', '.', 'Thanks', '.'],
  ],
  [
    'They\'ll say "I CAN\'T go," won\'t they? GONNA be FUN -- REALLY.',
    ['They', "'ll", 'say', '``', 'I', 'CA', "N'T", 'go', ',', "''", 'wo', "n't", 'they', '?', 'GON', 'NA', 'be', 'FUN', '--', 'REALLY', '.'],
  ],
  ['HERE there are THREE FUlly CAPITAL words.', ['HERE', 'there', 'are', 'THREE', 'FUlly', 'CAPITAL', 'words', '.']],
  ['“Smart quotes” and ‘single’ ... the U.S.A. cannot wait!', ['“', 'Smart', 'quotes', '”', 'and', '‘', 'single', '’', '...', 'the', 'U.S.A.', 'can', 'not', 'wait', '!']],
  [
    'A [bracket] {brace} <angle> x*y @user #tag 50% & co; 1:2, a:b',
    ['A', '[', 'bracket', ']', '{', 'brace', '}', '<', 'angle', '>', 'x', '*', 'y', '@', 'user', '#', 'tag', '50', '%', '&', 'co', ';', '1:2', ',', 'a', ':', 'b'],
  ],
  ["'Tis the season, 't was fine. Whaddya think? Gimme more'n that.", ["'T", 'is', 'the', 'season', ',', "'t", 'was', 'fine', '.', 'Whaddya', 'think', '?', 'Gim', 'me', 'more', "'n", 'that', '.']],
];

describe('nltkWordTokenize', () => {
  it.each(CASES)('%s', (text, tokens) => {
    expect(nltkWordTokenize(text)).toEqual(tokens);
  });
});
