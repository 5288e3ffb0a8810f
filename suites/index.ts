// The suite registry: one line per benchmark. Suite ids are checked against it (config, results).
import { benchmarkCatalogue } from '../harness/results/benchmarks.ts';
import { defineSuite, type SuiteDefinition } from '../harness/suite-runtime.ts';
import { suite as aime25 } from './aime25/index.ts';
import { suite as arenaHardV2 } from './arena-hard-v2/index.ts';
import { suite as livebench } from './livebench/index.ts';
import { suite as livecodebench } from './livecodebench/index.ts';
import { suite as supergpqa } from './supergpqa/index.ts';

export const SUITES: ReadonlyMap<string, SuiteDefinition> = new Map(
  [defineSuite(aime25), defineSuite(supergpqa), defineSuite(livecodebench), defineSuite(arenaHardV2), defineSuite(livebench)].map((definition) => [definition.id, definition]),
);

/** The names each benchmark goes by in published tables, for joining reference cells. */
export const BENCHMARKS = benchmarkCatalogue(SUITES.values());
