// Ground-truth check of the reasoning and data_analysis scorers on real questions in LiveBench's own layout
// (<dir>/<category>/<task>/question.jsonl): for every question of release 2024-11-25, a reply that states the
// ground truth the way the prompt asks must score 1, and a plainly wrong reply must score 0.
//   npx tsx suites/livebench/data-analysis/ground-truth-check.ts <questions dir>
// Zebra puzzles of older releases (the bold-word evaluator) are checked too and reported apart.
import type { LiveBenchQuestion } from '../question.ts';
import type { TaskScorer } from '../scorers/types.ts';
import { rightReply, wrongReply } from './ground-truth-replies.ts';
import { inRelease, openTaskScorers, readTaskQuestions, REASONING_DATA_ANALYSIS_TASKS, RELEASE } from './question-files.ts';

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
  const { scorers, close } = await openTaskScorers();
  const tallies: Tally[] = [];
  try {
    for (const [category, task] of REASONING_DATA_ANALYSIS_TASKS) {
      const all = readTaskQuestions(dir, category, task);
      const scorer = scorers.get(task);
      if (scorer === undefined) throw new Error(`no scorer for ${task}`);
      tallies.push(await check(task, all.filter(inRelease), scorer));
      const older = all.filter((q) => !inRelease(q));
      if (older.length > 0) tallies.push(await check(`${task} (not in ${RELEASE})`, older, scorer));
    }
  } finally {
    await close();
  }
  console.log('| task | questions | right reply scores 1 | wrong reply scores 0 |\n|---|---|---|---|');
  for (const t of tallies) console.log(`| ${t.label} | ${t.n} | ${t.right} | ${t.wrong} |`);
  for (const t of tallies) for (const failure of t.failures) console.log(`${t.label}: ${failure}`);
  const inScope = tallies.filter((t) => !t.label.includes('(not in'));
  return inScope.every((t) => t.right === t.n && t.wrong === t.n) ? 0 : 1;
}

process.exitCode = await main(process.argv[2]);
