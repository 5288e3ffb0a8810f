// The benchmark columns of every table and plot: the reference tables' order and titles. Compare and the
// HTML report take them from here only, so where the catalogue lives can change in one place.
import { BENCHMARK_NAMES } from '../results/benchmarks.ts';
import { SUITE_IDS } from '../suite.ts';

export type BenchmarkColumn = { id: string; title: string };

/** Every known benchmark, in the order published tables list them. */
export function benchmarkCatalogue(): BenchmarkColumn[] {
  return SUITE_IDS.map((id) => ({ id, title: BENCHMARK_NAMES[id].title }));
}

/** The columns for the benchmarks present: catalogue order first, anything unknown after, by name. */
export function benchmarkColumns(present: Iterable<string>): BenchmarkColumn[] {
  const wanted = new Set(present);
  const known = benchmarkCatalogue().filter((c) => wanted.has(c.id));
  const knownIds = new Set(known.map((c) => c.id));
  const rest = [...wanted].filter((id) => !knownIds.has(id)).sort().map((id) => ({ id, title: id }));
  return [...known, ...rest];
}

export function benchmarkTitle(id: string): string {
  return benchmarkCatalogue().find((c) => c.id === id)?.title ?? id;
}
