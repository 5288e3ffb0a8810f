// Erases a suite's Item/Options/Session types behind closures, so the runner can hold suites of any kind.
import type { GenerationParams } from './config/schema.ts';
import type {
  Completion,
  DatasetFiles,
  DatasetSpec,
  Metric,
  ProtocolFacts,
  RunFlags,
  SampleRequest,
  SampleScore,
  ScoreContext,
  ScoredSample,
  CatalogueEntry,
  Suite,
} from './suite.ts';
import { firstIssue } from './datasets/jsonl.ts';

export type PreparedItem = {
  id: string;
  /** the suite's stratum for subset draws; null when it declares none */
  stratum: string | null;
  request: SampleRequest;
  reference: string | null;
  score(completion: Completion, ctx: ScoreContext): Promise<SampleScore>;
  simulate: ((correct: boolean) => string) | null;
  judgeEstimate: { requests: number; prompt_tokens: number; completion_tokens: number } | null;
};

export type ActiveSuite = {
  /** protocol facts with the run's flags known (e.g. an unsafe executor is a recorded deviation) */
  protocol: ProtocolFacts;
  items(files: DatasetFiles): AsyncIterable<PreparedItem>;
  scoreConcurrency: number;
  close(): Promise<void>;
  finish(samples: readonly ScoredSample[]): Promise<void>;
};

/** One suite with its options validated. */
export type SuiteInstance = {
  id: string;
  title: string;
  catalogue: CatalogueEntry;
  samplesDefault: number;
  generationDefaults: GenerationParams;
  judge: { generation: GenerationParams; default_model: string } | null;
  dataset: DatasetSpec;
  localLayout: ((path: string) => Record<string, string>) | null;
  protocol: ProtocolFacts;
  aggregate(samples: readonly ScoredSample[], samplesPerItem: number): Metric[];
  notes(samples: readonly ScoredSample[], samplesPerItem: number): string[];
  start(flags: RunFlags, samplesPerItem: number): Promise<ActiveSuite>;
};

export type SuiteDefinition = {
  id: string;
  title: string;
  catalogue: CatalogueEntry;
  /** validates suite-specific options; returns an error message naming the field, or the instance */
  configure(rawOptions: Record<string, unknown>): { ok: true; instance: SuiteInstance } | { ok: false; error: string };
};

export function defineSuite<Item, Options, Session>(suite: Suite<Item, Options, Session>): SuiteDefinition {
  return {
    id: suite.id,
    title: suite.title,
    catalogue: suite.catalogue,
    configure(rawOptions) {
      const parsed = suite.optionsSchema.safeParse(rawOptions);
      if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
      return { ok: true, instance: instantiate(suite, parsed.data) };
    },
  };
}

function instantiate<Item, Options, Session>(suite: Suite<Item, Options, Session>, options: Options): SuiteInstance {
  const layout = suite.localLayout;
  return {
    id: suite.id,
    title: suite.title,
    catalogue: suite.catalogue,
    samplesDefault: suite.defaults.samples,
    generationDefaults: suite.defaults.generation,
    judge: suite.judge ?? null,
    dataset: suite.dataset(options),
    localLayout: layout ? (path) => layout(path, options) : null,
    protocol: suite.protocol(options),
    aggregate: (samples, samplesPerItem) => suite.aggregate(samples, { options, samplesPerItem }),
    notes: (samples, samplesPerItem) => (suite.notes ? suite.notes(samples, { options, samplesPerItem }) : []),
    async start(flags, samplesPerItem) {
      const session = await suite.setup(options, flags);
      const concurrency = suite.scoreConcurrency ? suite.scoreConcurrency(options, flags) : 8;
      return {
        // read when used: a suite may learn facts while scoring (a pool it started, and that pool's deviations)
        get protocol() {
          return suite.protocol(options, flags);
        },
        scoreConcurrency: Math.max(1, concurrency),
        close: () => session.close(),
        finish: async (samples) => {
          if (suite.finish) await suite.finish(samples, { options, samplesPerItem, flags });
        },
        async *items(files) {
          const contexts = scoreContexts(options, session.value);
          for await (const item of suite.load(files, options)) yield prepare(suite, options, contexts, item);
        },
      };
    },
  };
}

/**
 * The suite's scoring context for a runner's context: made once per runner context (a run passes the same one
 * for every sample), not once per sample.
 */
function scoreContexts<Options, Session>(options: Options, session: Session): (ctx: ScoreContext) => ScoreContext & { options: Options; session: Session } {
  let last: ScoreContext | null = null;
  let made: (ScoreContext & { options: Options; session: Session }) | null = null;
  return (ctx) => {
    if (ctx !== last || made === null) {
      made = { ...ctx, options, session };
      last = ctx;
    }
    return made;
  };
}

function prepare<Item, Options, Session>(
  suite: Suite<Item, Options, Session>,
  options: Options,
  contexts: (ctx: ScoreContext) => ScoreContext & { options: Options; session: Session },
  item: Item,
): PreparedItem {
  const simulate = suite.simulate;
  return {
    id: suite.itemId(item),
    stratum: suite.strata ? suite.strata(item, options) : null,
    request: suite.request(item, options),
    reference: suite.reference(item),
    score: async (completion, ctx) => suite.score(item, completion, contexts(ctx)),
    simulate: simulate ? (correct) => simulate(item, correct, options) : null,
    judgeEstimate: suite.judgeEstimate ? suite.judgeEstimate(item, options) : null,
  };
}
