// --accept-deviation: which deviation names a pattern matches, how the flag is parsed, and the warning for a
// pattern that matches nothing.
import { describe, expect, it } from 'vitest';
import { acceptDeviationArg, deviationList, matchesDeviation, recordedDeviations, unmatchedPatternWarnings } from '../../../harness/compare/accept.ts';
import { aggregateRecord } from '../../../harness/results/aggregate.ts';
import { aimeSuite, arenaSuite, runSummary } from '../../fixtures/results/run-summary.ts';

describe('matchesDeviation', () => {
  it('matches a name exactly, case and all', () => {
    expect(matchesDeviation('AMPS_Hard: amps-hard-sympy-debian', 'AMPS_Hard: amps-hard-sympy-debian')).toBe(true);
    expect(matchesDeviation('AMPS_Hard: amps-hard-sympy', 'AMPS_Hard: amps-hard-sympy-debian')).toBe(false);
    expect(matchesDeviation('amps_hard: amps-hard-sympy-debian', 'AMPS_Hard: amps-hard-sympy-debian')).toBe(false);
  });

  it('* stands for any text, also none; other characters are literal', () => {
    expect(matchesDeviation('AMPS_Hard: *', 'AMPS_Hard: amps-hard-sympy-debian')).toBe(true);
    expect(matchesDeviation('AMPS_Hard: *', 'tablereformat: tablereformat-pandas-not-2.2.2')).toBe(false);
    expect(matchesDeviation('*sympy*', 'AMPS_Hard: amps-hard-sympy-debian')).toBe(true);
    expect(matchesDeviation('*pandas-not-2.2.2', 'tablereformat: tablereformat-pandas-not-2.2.2')).toBe(true);
    // "." and "+" are not regular-expression syntax here
    expect(matchesDeviation('*pandas-not-2.2.2', 'tablereformat: tablereformat-pandas-not-2x2x2')).toBe(false);
    expect(matchesDeviation('a+b', 'aab')).toBe(false);
    expect(matchesDeviation('a*c', 'ac')).toBe(true);
  });
});

describe('acceptDeviationArg', () => {
  it('keeps every occurrence, trimmed, once each', () => {
    expect(acceptDeviationArg(undefined)).toEqual({ ok: true, patterns: [] });
    expect(acceptDeviationArg(['AMPS_Hard: *', ' *sympy* ', 'AMPS_Hard: *'])).toEqual({ ok: true, patterns: ['AMPS_Hard: *', '*sympy*'] });
  });

  it('refuses an empty pattern, and one that would accept every deviation', () => {
    const empty = acceptDeviationArg(['AMPS_Hard: *', '  ']);
    expect(empty.ok).toBe(false);
    expect(empty.ok ? '' : empty.message).toMatch(/^--accept-deviation needs a deviation name or a pattern with \*, got " {2}"/);
    const all = acceptDeviationArg(['**']);
    expect(all.ok ? '' : all.message).toMatch(/would accept every deviation/);
  });
});

describe('unmatched patterns', () => {
  it('warns once per pattern that matches no deviation of the runs, naming what they record', () => {
    const deviations = ['AMPS_Hard: amps-hard-sympy-debian', 'tablereformat: tablereformat-60s-limit'];
    expect(unmatchedPatternWarnings(['AMPS_Hard: *', '*60s*'], deviations)).toEqual([]);
    expect(unmatchedPatternWarnings(['AMPS-Hard: *', 'AMPS_Hard: *'], deviations)).toEqual([
      "WARNING: --accept-deviation 'AMPS-Hard: *' matches no deviation of the runs compared (a typo?). They record: AMPS_Hard: amps-hard-sympy-debian, tablereformat: tablereformat-60s-limit.",
    ]);
    expect(unmatchedPatternWarnings(['x'], [])).toEqual(["WARNING: --accept-deviation 'x' matches no deviation: the runs compared record none. Check the pattern."]);
  });

  it('reads the deviations a run records over all its results, in either recorded form', () => {
    const aime = aimeSuite();
    aime.protocol.deviations = ['b-dev', 'a-dev'];
    const arena = arenaSuite();
    arena.protocol.deviations = ['a-dev', 'c-dev'];
    expect(recordedDeviations(aggregateRecord(runSummary({ suites: [aime, arena] })))).toEqual(['a-dev', 'b-dev', 'c-dev']);
    expect(deviationList('["y", "x"]')).toEqual(['x', 'y']);
    expect(deviationList('y, x')).toEqual(['x', 'y']);
  });
});
