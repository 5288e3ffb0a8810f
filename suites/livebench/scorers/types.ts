// The contract between the livebench suite and its per-task scorers (one file per task family).
import type { JsonValue } from '../../../harness/json.ts';
import type { LiveBenchQuestion } from '../question.ts';

/** A task's grade of one answer: `score` in [0, 1], as LiveBench's judgment record holds it. */
export type TaskScore = {
  score: number;
  /** what the scorer read out of the answer, for results; null when nothing was found */
  extracted: string | null;
  details?: Record<string, JsonValue>;
};

/** Shared resources a scorer may need; created lazily by the suite's session and closed with it. */
export type ScorerResources = {
  signal: AbortSignal;
  /** the run's --unsafe-local-exec: generated code may run without bwrap (a recorded deviation) */
  unsafeLocalExec?: boolean;
};

/** `answer` is the scored text with reasoning already removed (LiveBench strips `<think>…</think>`). */
export type TaskScorer = (question: LiveBenchQuestion, answer: string, resources: ScorerResources) => TaskScore | Promise<TaskScore>;

/**
 * A scorer that needs a long-lived resource (a Python worker pool, a sandbox). The suite calls
 * `create` once in its setup, only when the run holds one of the factory's tasks, and `close` after scoring.
 */
export type ScorerFactory = {
  create(resources: ScorerResources): Promise<CreatedScorer>;
};

export type CreatedScorer = {
  scorer: TaskScorer;
  close(): Promise<void>;
  /** protocol facts of this scorer (interpreter, library versions), recorded in results */
  facts: Record<string, JsonValue>;
  /** named differences from the reference scorer, recorded as the suite's deviations */
  deviations: string[];
};

/** What the registry maps a task name to. */
export type TaskScorerEntry = TaskScorer | ScorerFactory;
