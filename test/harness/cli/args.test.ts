// Flag parsing for npm run eval: a bad value is named with what is wrong, not answered with the usage text.
import { describe, expect, it } from 'vitest';
import { parseEvalArgs, UsageError } from '../../../harness/cli/args.ts';

function usageMessage(argv: string[]): string {
  try {
    parseEvalArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error('expected a UsageError');
}

describe('parseEvalArgs', () => {
  it('says what is wrong with a negative --limit, as with --samples abc', () => {
    expect(usageMessage(['--limit', '-3'])).toBe('--limit -3: must be a whole number of at least 1.');
    expect(usageMessage(['--limit=-3'])).toBe('--limit -3: must be a whole number of at least 1.');
    expect(usageMessage(['--samples', 'abc'])).toBe('--samples abc: must be a whole number of at least 1.');
    expect(usageMessage(['--concurrency', '-1'])).toBe('--concurrency -1: must be a whole number of at least 1.');
    expect(usageMessage(['--tolerance', '-0.5'])).toMatch(/^--tolerance -0\.5: must be a number of points/);
    // the same rule as compare and report: a finite number of points
    expect(usageMessage(['--tolerance', 'Infinity'])).toMatch(/^--tolerance Infinity: must be a number of points/);
  });

  it('still treats a flag after a value flag as a missing value', () => {
    expect(usageMessage(['--limit', '--dry-run'])).toMatch(/usage: npm run eval/);
  });

  it('reads ordinary values', () => {
    const args = parseEvalArgs(['--limit', '3', '--suite', 'a,b', '--dry-run']);
    expect(args.overrides.limit).toBe(3);
    expect(args.overrides.suites).toEqual(['a', 'b']);
    expect(args.dryRun).toBe(true);
  });

  it('--accept-deviation repeats; an empty pattern is refused, saying what to give', () => {
    expect(parseEvalArgs([]).acceptDeviations).toEqual([]);
    expect(parseEvalArgs(['--check', '--accept-deviation', 'AMPS_Hard: *', '--accept-deviation=*sympy*']).acceptDeviations).toEqual(['AMPS_Hard: *', '*sympy*']);
    expect(usageMessage(['--accept-deviation', ''])).toBe(`--accept-deviation needs a deviation name or a pattern with *, got ""; e.g. --accept-deviation 'AMPS_Hard: *'`);
    expect(usageMessage(['--accept-deviation'])).toMatch(/accept-deviation/);
  });
});
