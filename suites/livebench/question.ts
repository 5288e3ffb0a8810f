// One LiveBench question, as the HF parquet rows and LiveBench's local question.jsonl both hold it.
// The common fields are typed; every other column stays in `raw` for the task scorers to read.
import type { JsonValue } from '../../harness/json.ts';

export type LiveBenchQuestion = {
  question_id: string;
  category: string;
  task: string;
  /** the dispatch key of math questions (e.g. "amps_hard_gcd", "aime_i_2024"); null elsewhere */
  subtask: string | null;
  turns: string[];
  /** "YYYY-MM-DD" */
  livebench_release_date: string;
  /** "" or "YYYY-MM-DD" */
  livebench_removal_date: string;
  /** absent for instruction_following and coding */
  ground_truth: string | null;
  /** the whole row, every column as read (dates as "YYYY-MM-DD" strings) */
  raw: Record<string, JsonValue>;
};
