// The benchmark columns of every table and plot: the reference tables' order and titles. Compare and the
// HTML report take them from the suites' catalogue (registry order, which is the reference tables' order).
import type { BenchmarkCatalogue } from '../results/benchmarks.ts';

export type BenchmarkColumn = { id: string; title: string };

/** Every known benchmark, in the order published tables list them. */
export function catalogueColumns(catalogue: BenchmarkCatalogue): BenchmarkColumn[] {
  return catalogue.ids.map((id) => ({ id, title: catalogue.entry(id)?.title ?? id }));
}

/** The columns for the benchmarks present: catalogue order first, anything unknown after, by name. */
export function benchmarkColumns(present: Iterable<string>, catalogue: BenchmarkCatalogue): BenchmarkColumn[] {
  const wanted = new Set(present);
  const known = catalogueColumns(catalogue).filter((c) => wanted.has(c.id));
  const knownIds = new Set(known.map((c) => c.id));
  const rest = [...wanted].filter((id) => !knownIds.has(id)).sort().map((id) => ({ id, title: id }));
  return [...known, ...rest];
}

export function benchmarkTitle(id: string, catalogue: BenchmarkCatalogue): string {
  return catalogue.entry(id)?.title ?? id;
}
