// The release rule of LiveBench a8f61ff (common.py load_questions): string comparison of dates.
import { describe, expect, it } from 'vitest';
import { inRelease, LIVE_BENCH_RELEASES, releaseSet } from '../../../suites/livebench/releases.ts';

const q = (livebench_release_date: string, livebench_removal_date: string) => ({ livebench_release_date, livebench_removal_date });

describe('LiveBench release rule', () => {
  it('holds the four releases of LIVE_BENCH_RELEASES at a8f61ff', () => {
    expect([...LIVE_BENCH_RELEASES]).toEqual(['2024-06-24', '2024-07-26', '2024-08-31', '2024-11-25']);
    expect([...releaseSet('2024-08-31')]).toEqual(['2024-06-24', '2024-07-26', '2024-08-31']);
  });

  it('keeps a question released on or before R and not removed by R', () => {
    expect(inRelease(q('2024-06-24', ''), '2024-11-25')).toBe(true);
    expect(inRelease(q('2024-11-25', ''), '2024-11-25')).toBe(true);
    expect(inRelease(q('2024-06-24', '2025-04-02'), '2024-11-25')).toBe(true);
  });

  it('drops a question removed on R itself (removal_date > R is required)', () => {
    expect(inRelease(q('2024-06-24', '2024-11-25'), '2024-11-25')).toBe(false);
    expect(inRelease(q('2024-06-24', '2024-08-31'), '2024-11-25')).toBe(false);
  });

  it('drops a question released after R, and one whose release date is not itself a release', () => {
    expect(inRelease(q('2025-04-02', ''), '2024-11-25')).toBe(false);
    expect(inRelease(q('2024-11-25', ''), '2024-08-31')).toBe(false);
    // released "before" R by date, but not on a release day: upstream tests membership, not <=
    expect(inRelease(q('2024-07-01', ''), '2024-11-25')).toBe(false);
  });

  it('compares removal dates as strings, as Python does', () => {
    // "2024-12" > "2024-11-25" as strings: kept, although it is no full date
    expect(inRelease(q('2024-06-24', '2024-12'), '2024-11-25')).toBe(true);
  });
});
