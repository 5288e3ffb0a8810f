// Maps the names published tables use to suite ids. Reproduced records name a benchmark by suite id
// ("<id>" or "<id>/<key>=<value>"); reference records by the table's canonical title or an alias.
// Versions and windows are protocol facts, not names. The entries come from the suites themselves
// (suites/index.ts builds the catalogue), so the engine names no benchmark.
import type { CatalogueEntry } from '../suite.ts';

export type BenchmarkSlice = { suite: string; slice: string | null };

export type BenchmarkCatalogue = {
  /** suite ids in registry order */
  ids: readonly string[];
  entry(suite: string): CatalogueEntry | null;
  /** Which benchmark (and slice) an evaluation_name denotes: its id, title or an alias, then "/slice". */
  of(evaluationName: string): BenchmarkSlice | null;
};

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function benchmarkCatalogue(suites: Iterable<{ id: string; catalogue: CatalogueEntry }>): BenchmarkCatalogue {
  const entries = new Map<string, CatalogueEntry>();
  const byName = new Map<string, string>();
  for (const { id, catalogue } of suites) {
    entries.set(id, catalogue);
    for (const name of [id, catalogue.title, ...catalogue.aliases]) {
      const key = normalise(name);
      const taken = byName.get(key);
      if (taken !== undefined && taken !== id) throw new Error(`benchmark name "${name}" of suite ${id} is already a name of suite ${taken}`);
      byName.set(key, id);
    }
  }
  return {
    ids: [...entries.keys()],
    entry: (suite) => entries.get(suite) ?? null,
    of(evaluationName) {
      const cut = evaluationName.indexOf('/');
      const head = cut === -1 ? evaluationName : evaluationName.slice(0, cut);
      const suite = byName.get(normalise(head));
      if (suite === undefined) return null;
      const slice = cut === -1 ? null : evaluationName.slice(cut + 1).trim();
      return { suite, slice: slice === '' ? null : slice };
    },
  };
}
