// One suite's generation and scoring, streamed: items are read one by one, their samples sent through the
// sender (or read back from the journal), scored as soon as the item is complete, and written in dataset order.
import type { GenerationParams } from '../config/schema.ts';
import type { ClassifiedError } from '../endpoint/errors.ts';
import { createGate } from '../endpoint/gate.ts';
import type { Sender, SendResult } from '../endpoint/sender.ts';
import type { CutOffCounts, ScoringErrorCounts } from '../results/inputs.ts';
import type { Completion, DatasetFiles, JudgeCall, SampleScore, ScoredSample, Usage } from '../suite.ts';
import type { ActiveSuite, PreparedItem, SuiteInstance } from '../suite-runtime.ts';
import { entryFor, JournalError, requestHash, type Journal } from './journal.ts';
import { scrubSecrets } from '../endpoint/scrub.ts';
import type { Progress } from './progress.ts';
import { createSemaphore } from './semaphore.ts';
import { inShard, type Shard } from './shard.ts';
import type { SubsetDesign } from '../stats/subset.ts';
import { drawFromItems } from './subset-draw.ts';

/** A sample's response: sent now, or read back from the journal. */
export type SampleOutcome = SendResult;

export type ScoredRow = {
  item: PreparedItem;
  sample_index: number;
  completion: Completion;
  score: SampleScore;
  attempts: number;
  latency_ms: number;
};

export type PipelineArgs = {
  suite: SuiteInstance;
  active: ActiveSuite;
  files: DatasetFiles;
  limit: number | null;
  /** --subset: only a seeded random draw of the items is run */
  subset: { size: number; seed: number } | null;
  samples: number;
  generation: GenerationParams;
  endpointModel: string;
  journal: Journal;
  /** null when only re-scoring: missing samples are then errors */
  sender: Sender | null;
  judge: JudgeCall | null;
  signal: AbortSignal;
  progress: Progress;
  /** called in dataset order, once per scored sample */
  onRow(row: ScoredRow): void;
  concurrency: number;
  /** only the items of this shard are run; a limit still counts items of every shard */
  shard?: Shard | null;
};

export type PipelineResult = {
  items: number;
  /** a limit stopped reading before the dataset ended */
  subset: boolean;
  /** how the --subset draw was made; null without --subset */
  sampled: SubsetDesign | null;
  scored: ScoredSample[];
  errors: number;
  errorsByKind: Record<string, number>;
  /** the first message of each error kind, so a report says why and not only how many */
  errorExamples: Record<string, string>;
  truncated: CutOffCounts;
  scoring_errors: ScoringErrorCounts;
  usage: Usage & { requests: number };
  /** the latest journal time of this suite's responses, null when none was generated */
  lastGeneratedAt: string | null;
  fatal: ClassifiedError | null;
};

const missing = (key: string): ClassifiedError => ({
  kind: 'permanent',
  status: null,
  code: 'not_generated',
  message: `no response in the journal for ${key}; resume the run to generate it`,
  retryAfterMs: null,
});

export async function runPipeline(args: PipelineArgs): Promise<PipelineResult> {
  const { suite, journal, samples, generation, progress } = args;
  const scoreGate = createGate(args.active.scoreConcurrency);
  const result: PipelineResult = {
    items: 0,
    subset: false,
    sampled: null,
    scored: [],
    errors: 0,
    errorsByKind: {},
    errorExamples: {},
    truncated: { by_length: 0, in_thinking: 0, content_filter: 0 },
    scoring_errors: { count: 0, example: null },
    usage: { prompt_tokens: 0, completion_tokens: 0, reasoning_tokens: 0, requests: 0 },
    lastGeneratedAt: null,
    fatal: null,
  };
  const generatedAt = (at: string): void => {
    if (result.lastGeneratedAt === null || at > result.lastGeneratedAt) result.lastGeneratedAt = at;
  };
  const countError = (kind: string, message?: string): void => {
    result.errors += 1;
    result.errorsByKind[kind] = (result.errorsByKind[kind] ?? 0) + 1;
    if (message !== undefined && result.errorExamples[kind] === undefined) result.errorExamples[kind] = message;
  };

  function addUsage(attempts: number, usage: Usage | null): void {
    result.usage.requests += attempts;
    if (usage === null) return;
    result.usage.prompt_tokens += usage.prompt_tokens;
    result.usage.completion_tokens += usage.completion_tokens;
    result.usage.reasoning_tokens = (result.usage.reasoning_tokens ?? 0) + (usage.reasoning_tokens ?? 0);
  }

  /** `slot`: this sample holds one of the send slots, given back when it settles */
  async function obtain(item: PreparedItem, key: string, hash: string, slot: boolean): Promise<SampleOutcome | null> {
    try {
      const known = journal.read(key);
      if (known?.completion) {
        if (known.request_hash !== hash) throw new JournalError(`${journal.path}: ${key} was generated for a different request (prompt, generation settings or model changed). Start a new run instead of resuming.`);
        // a resumed, re-scored or merged run reports what all of its answers cost, not only the ones sent now
        addUsage(known.attempts, known.completion.usage);
        generatedAt(known.at);
        return { ok: true, completion: known.completion, attempts: known.attempts, latency_ms: known.latency_ms };
      }
      if (args.sender === null) return { ok: false, error: missing(key), attempts: 0, latency_ms: 0 };
      if (args.sender.fatal() !== null) return null; // the run already failed for good: leave it for a resume
      const sent = await args.sender.send(item.request, generation, args.signal);
      if (!sent.ok && sent.attempts === 0) return null;
      const entry = entryFor(key, hash, sent);
      journal.append(entry);
      if (sent.ok) generatedAt(entry.at);
      addUsage(sent.attempts, sent.ok ? sent.completion.usage : null);
      progress.generated(sent.ok, sent.ok ? (sent.completion.usage?.completion_tokens ?? 0) : 0);
      return sent;
    } finally {
      if (slot) sendSlots.release();
    }
  }

  // the same for every sample of the run
  const scoreContext = { judge: args.judge, signal: args.signal };

  async function scoreOne(item: PreparedItem, index: number, outcome: SampleOutcome): Promise<ScoredRow | null> {
    if (!outcome.ok) {
      // a re-score of an unfinished run: never sent, not refused by the endpoint
      const kind = outcome.error.code === 'not_generated' ? 'not_generated' : outcome.error.kind;
      countError(kind, outcome.error.message);
      return null;
    }
    try {
      const score = await scoreGate.run(() => item.score(outcome.completion, scoreContext));
      return { item, sample_index: index, completion: outcome.completion, score, attempts: outcome.attempts, latency_ms: outcome.latency_ms };
    } catch (err) {
      if (args.signal.aborted) throw err;
      const judgeKind = err instanceof JudgeFailure ? `judge_${err.error.kind}` : 'scoring';
      const message = scrubSecrets(`${suite.id}/${item.id}/${index}: ${err instanceof Error ? err.message : String(err)}`);
      countError(judgeKind, message);
      progress.note(message);
      return null;
    }
  }

  // twice the HTTP concurrency: enough queued work to keep every slot busy, and no more in memory
  const sendSlots = createSemaphore(2 * args.concurrency);

  /**
   * Hands an item's samples to the sender in dataset order, waiting for free slots, and returns a promise for
   * the item's scored rows. Scheduling strictly in order keeps only a window of completions in memory.
   */
  async function scheduleItem(item: PreparedItem): Promise<{ done: Promise<Array<ScoredRow | null> | null> }> {
    const hash = requestHash(args.endpointModel, item.request, generation);
    const pending: Array<Promise<SampleOutcome | null>> = [];
    for (let i = 0; i < samples; i++) {
      const key = `${suite.id}/${item.id}/${i}`;
      if (journal.has(key) || args.sender === null) {
        pending.push(obtain(item, key, hash, false));
        continue;
      }
      await sendSlots.acquire();
      pending.push(obtain(item, key, hash, true));
    }
    // wrapped: returning the promise itself from an async function would wait for it
    return { done: Promise.all(pending).then((outcomes) => scoreItem(item, outcomes)) };
  }

  async function scoreItem(item: PreparedItem, outcomes: Array<SampleOutcome | null>): Promise<Array<ScoredRow | null> | null> {
    if (outcomes.some((o) => o === null)) {
      // the run hit a fatal error: nothing of this item is scored now; a resume finishes it from the journal
      for (const o of outcomes) {
        if (o === null || o.ok) countError('not_attempted', 'the run stopped on a fatal error before this sample was scored');
        else countError(o.error.kind, o.error.message);
      }
      return null;
    }
    return Promise.all(outcomes.map((o, i) => (o === null ? null : scoreOne(item, i, o))));
  }

  // Kept for aggregation, one per sample, so kept small: samples of the same slice share one frozen groups
  // object, and short labels (verdicts, extracted letters) share one string.
  const shared = new Map<string, string>();
  const label = (text: string): string => {
    const known = shared.get(text);
    if (known !== undefined) return known;
    if (text.length <= 64 && shared.size < 10_000) shared.set(text, text);
    return text;
  };
  const groupSets = new Map<string, Readonly<Record<string, string>>>();
  const compact = (score: SampleScore): SampleScore => {
    const out: SampleScore = { value: score.value, verdict: label(score.verdict), extracted: score.extracted === null ? null : label(score.extracted) };
    if (score.groups) {
      const key = JSON.stringify(score.groups);
      let groups = groupSets.get(key);
      if (groups === undefined) {
        groups = Object.freeze({ ...score.groups });
        groupSets.set(key, groups);
      }
      out.groups = groups;
    }
    if (score.details) out.details = score.details;
    if (score.scoring_error !== undefined) out.scoring_error = score.scoring_error;
    return out;
  };

  const window: Array<Promise<Array<ScoredRow | null> | null>> = [];
  const maxWindow = Math.max(64, Math.ceil((4 * args.concurrency) / samples) + 2 * args.active.scoreConcurrency);
  const flushHead = async (): Promise<void> => {
    const head = window.shift();
    if (head === undefined) return;
    const rows = await head;
    if (rows === null) return;
    for (const row of rows) {
      if (row === null) continue;
      args.onRow(row);
      if (row.completion.truncated) result.truncated.by_length += 1;
      if (row.completion.truncated_in_thinking) result.truncated.in_thinking += 1;
      if (row.completion.finish_reason === 'content_filter') result.truncated.content_filter += 1;
      if (row.score.scoring_error !== undefined) {
        result.scoring_errors.count += 1;
        result.scoring_errors.example ??= scrubSecrets(`${suite.id}/${row.item.id}/${row.sample_index}: ${row.score.scoring_error}`);
      }
      result.scored.push({ item_id: row.item.id, sample_index: row.sample_index, score: compact(row.score) });
      progress.scored(row.score.value);
    }
  };

  const draw = args.subset === null ? null : await drawFromItems(args.active.items(args.files), args.subset);
  result.sampled = draw?.design ?? null;
  let seen = 0;
  for await (const item of args.active.items(args.files)) {
    if (draw !== null && !draw.chosen.has(item.id)) continue;
    if (args.limit !== null && seen >= args.limit) {
      result.subset = true; // there was at least one more item
      break;
    }
    seen += 1;
    if (!inShard(args.shard ?? null, suite.id, item.id)) continue;
    if (args.sender?.fatal()) break;
    result.items += 1;
    progress.addTotal(samples);
    const { done } = await scheduleItem(item);
    done.catch(() => undefined); // observed by flushHead; avoids an unhandled rejection while it waits in the window
    window.push(done);
    while (window.length >= maxWindow) await flushHead();
  }
  while (window.length > 0) await flushHead();
  result.fatal = args.sender?.fatal() ?? null;
  return result;
}

/** Thrown by the judge call when the judge endpoint failed for good; the sample becomes an error. */
export class JudgeFailure extends Error {
  override name = 'JudgeFailure';
  constructor(readonly error: ClassifiedError) {
    super(`judge failed: ${error.message}`);
  }
}
