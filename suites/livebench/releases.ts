// Which questions belong to a LiveBench release (research §1.3, common.py load_questions at a8f61ff).
// Dates are "YYYY-MM-DD" strings and are compared as strings, as upstream does.

/** LIVE_BENCH_RELEASES at LiveBench a8f61ff (the code while 2024-11-25 was the current release). */
export const LIVE_BENCH_RELEASES = ['2024-06-24', '2024-07-26', '2024-08-31', '2024-11-25'] as const;
export type LiveBenchRelease = (typeof LIVE_BENCH_RELEASES)[number];

export const DEFAULT_RELEASE: LiveBenchRelease = '2024-11-25';

/** The releases up to and including `release`. */
export function releaseSet(release: string): ReadonlySet<string> {
  return new Set(LIVE_BENCH_RELEASES.filter((r) => r <= release));
}

/**
 * keep q iff q.livebench_release_date is one of the releases <= R, and q was not removed on or before R:
 * removal_date == "" or removal_date > R. A release date that is not itself a release drops the question.
 */
export function inRelease(
  question: { livebench_release_date: string; livebench_removal_date: string },
  release: string,
  releases: ReadonlySet<string> = releaseSet(release),
): boolean {
  if (!releases.has(question.livebench_release_date)) return false;
  return question.livebench_removal_date === '' || question.livebench_removal_date > release;
}
