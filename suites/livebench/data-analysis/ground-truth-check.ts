// Ground-truth check of the reasoning and data_analysis scorers on real questions in LiveBench's own layout
// (<dir>/<category>/<task>/question.jsonl): for every question of release 2024-11-25, a reply that states the
// ground truth the way the prompt asks must score 1, and a plainly wrong reply must score 0.
//   npx tsx suites/livebench/data-analysis/ground-truth-check.ts <questions dir>
// Zebra puzzles of older releases (the bold-word evaluator) are checked too and reported apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LiveBenchQuestion } from '../question.ts';
import { ctaScorer, scoreTablereformat, tablejoinScorer } from '../scorers/data-analysis.ts';
import { spatialScorer, webOfLiesScorer, zebraPuzzleScorer } from '../scorers/reasoning.ts';
import type { TaskScorer } from '../scorers/types.ts';
import { wrongReply, rightReply } from './ground-truth-replies.ts';

const RELEASE = '2024-11-25';
const RELEASES = ['2024-06-24', '2024-07-26', '2024-08-31', '2024-11-25'];
const TASKS = [
  ['reasoning', 'web_of_lies_v2'], ['reasoning', 'zebra_puzzle'], ['reasoning', 'spatial'],
  ['data_analysis', 'cta'], ['data_analysis', 'tablejoin'], ['data_analysis', 'tablereformat'],
] as const;

const rowSchema = z.object({
  question_id: z.string(), category: z.string(), task: z.string(), turns: z.array(z.string()),
  ground_truth: z.string(), livebench_release_date: z.string(), livebench_removal_date: z.string(),
});

function readQuestions(file: string): LiveBenchQuestion[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line, i) => {
    const parsed = rowSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file} line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'not a question row'}`);
    return { ...parsed.data, subtask: null, raw: {} };
  });
}

const inRelease = (q: LiveBenchQuestion): boolean =>
  RELEASES.includes(q.livebench_release_date) && (q.livebench_removal_date === '' || q.livebench_removal_date > RELEASE);

type Tally = { label: string; n: number; right: number; wrong: number; failures: string[] };

async function check(label: string, questions: LiveBenchQuestion[], scorer: TaskScorer): Promise<Tally> {
  const tally: Tally = { label, n: questions.length, right: 0, wrong: 0, failures: [] };
  const resources = { signal: new AbortController().signal };
  for (const q of questions) {
    const grade = async (reply: string): Promise<string> => {
      try {
        return String((await scorer(q, reply, resources)).score);
      } catch (error) {
        return `error (${error instanceof Error ? error.message.slice(0, 120) : String(error)})`;
      }
    };
    const right = await grade(rightReply(q));
    const wrong = await grade(wrongReply(q));
    if (right === '1') tally.right += 1;
    else tally.failures.push(`${q.question_id.slice(0, 10)} right reply scored ${right}`);
    if (wrong === '0') tally.wrong += 1;
    else tally.failures.push(`${q.question_id.slice(0, 10)} wrong reply scored ${wrong}`);
  }
  return tally;
}

async function main(dir: string | undefined): Promise<number> {
  if (dir === undefined) {
    console.error('usage: ground-truth-check.ts <questions dir in LiveBench layout: <dir>/<category>/<task>/question.jsonl>');
    return 2;
  }
  const tablereformat = await scoreTablereformat.create({ signal: new AbortController().signal });
  const scorers: Record<string, TaskScorer> = {
    web_of_lies_v2: webOfLiesScorer, zebra_puzzle: zebraPuzzleScorer, spatial: spatialScorer,
    cta: ctaScorer, tablejoin: tablejoinScorer, tablereformat: tablereformat.scorer,
  };
  const tallies: Tally[] = [];
  try {
    for (const [category, task] of TASKS) {
      const all = readQuestions(join(dir, category, task, 'question.jsonl'));
      const scorer = scorers[task];
      if (scorer === undefined) throw new Error(`no scorer for ${task}`);
      tallies.push(await check(task, all.filter(inRelease), scorer));
      const older = all.filter((q) => !inRelease(q));
      if (older.length > 0) tallies.push(await check(`${task} (not in ${RELEASE})`, older, scorer));
    }
  } finally {
    await tablereformat.close();
  }
  console.log('| task | questions | right reply scores 1 | wrong reply scores 0 |\n|---|---|---|---|');
  for (const t of tallies) console.log(`| ${t.label} | ${t.n} | ${t.right} | ${t.wrong} |`);
  for (const t of tallies) for (const failure of t.failures) console.log(`${t.label}: ${failure}`);
  const inScope = tallies.filter((t) => !t.label.includes('(not in'));
  return inScope.every((t) => t.right === t.n && t.wrong === t.n) ? 0 : 1;
}

process.exitCode = await main(process.argv[2]);
