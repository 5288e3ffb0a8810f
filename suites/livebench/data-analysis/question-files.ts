// What the check scripts share: LiveBench's own question layout (<dir>/<category>/<task>/question.jsonl),
// the release rule of 2024-11-25 (research §1.3), and the six task scorers by task name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LiveBenchQuestion } from '../question.ts';
import { ctaScorer, scoreTablereformat, tablejoinScorer } from '../scorers/data-analysis.ts';
import { spatialScorer, webOfLiesScorer, zebraPuzzleScorer } from '../scorers/reasoning.ts';
import type { TaskScorer } from '../scorers/types.ts';

export const RELEASE = '2024-11-25';
const RELEASES = ['2024-06-24', '2024-07-26', '2024-08-31', '2024-11-25'];

export const REASONING_DATA_ANALYSIS_TASKS = [
  ['reasoning', 'web_of_lies_v2'], ['reasoning', 'zebra_puzzle'], ['reasoning', 'spatial'],
  ['data_analysis', 'cta'], ['data_analysis', 'tablejoin'], ['data_analysis', 'tablereformat'],
] as const;

const rowSchema = z.object({
  question_id: z.string(), category: z.string(), task: z.string(), turns: z.array(z.string()),
  ground_truth: z.string(), livebench_release_date: z.string(), livebench_removal_date: z.string(),
});

export function readTaskQuestions(dir: string, category: string, task: string): LiveBenchQuestion[] {
  const file = join(dir, category, task, 'question.jsonl');
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line, i) => {
    const parsed = rowSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file} line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'not a question row'}`);
    return { ...parsed.data, subtask: null, raw: {} };
  });
}

export const inRelease = (q: LiveBenchQuestion): boolean =>
  RELEASES.includes(q.livebench_release_date) && (q.livebench_removal_date === '' || q.livebench_removal_date > RELEASE);

/** The scorers of the six tasks; tablereformat starts its Python workers, so close() when done. */
export async function openTaskScorers(): Promise<{ scorers: ReadonlyMap<string, TaskScorer>; close: () => Promise<void> }> {
  const tablereformat = await scoreTablereformat.create({ signal: new AbortController().signal });
  const scorers = new Map<string, TaskScorer>([
    ['web_of_lies_v2', webOfLiesScorer], ['zebra_puzzle', zebraPuzzleScorer], ['spatial', spatialScorer],
    ['cta', ctaScorer], ['tablejoin', tablejoinScorer], ['tablereformat', tablereformat.scorer],
  ]);
  return { scorers, close: () => tablereformat.close() };
}
