import { describe, expect, it } from 'vitest';
import { GroupCodes, MAX_GROUP_VALUES } from '../../../harness/report/html/group-codes.ts';

const bytes = (codes: string) => [...Buffer.from(codes, 'base64')];

describe('sample group codes', () => {
  it('codes each sample by value, 0 where a sample has no value in a group that starts late', () => {
    const g = new GroupCodes();
    g.add({ difficulty: 'easy' });
    g.add({ difficulty: 'hard', discipline: 'Science' });
    g.add({ difficulty: 'easy' });
    expect(g.finish().map((c) => [c.key, c.values, bytes(c.codes)])).toEqual([
      ['difficulty', ['easy', 'hard'], [1, 2, 1]],
      ['discipline', ['Science'], [0, 1, 0]],
    ]);
  });

  it(`leaves out a group with more than ${MAX_GROUP_VALUES} values`, () => {
    const g = new GroupCodes();
    for (let i = 0; i <= MAX_GROUP_VALUES; i++) g.add({ subfield: `s${i}`, difficulty: i % 2 === 0 ? 'easy' : 'hard' });
    expect(g.finish().map((c) => c.key)).toEqual(['difficulty']);
  });
});
