// Scores, for every real math question, a reply that states the ground truth the way the prompt asks and a
// plainly wrong one. Usage (by hand; reads no project data):
//   npx tsx suites/livebench/math/tools/ground-truth-check.ts <folder holding AMPS_Hard/, math_comp/, olympiad/>
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveBenchQuestion } from '../../question.ts';
import { questionFromRow } from '../../rows.ts';
import { scoreAmpsHard, scoreMathComp, scoreOlympiad } from '../../scorers/math.ts';
import type { TaskScorer } from '../../scorers/types.ts';

const [root] = process.argv.slice(2);
if (!root) throw new Error('usage: ground-truth-check.ts <folder holding AMPS_Hard/, math_comp/, olympiad/ question.jsonl>');

function load(task: string): LiveBenchQuestion[] {
  const file = join(root ?? '', task, 'question.jsonl');
  if (!existsSync(file)) throw new Error(`${file} not found`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => questionFromRow(JSON.parse(line), `${file}:${i + 1}`));
}

type Replies = { right: string; wrong: string };

function repliesFor(q: LiveBenchQuestion): Replies {
  const gt = q.ground_truth ?? '';
  if (q.task === 'AMPS_Hard') return { right: `Working through it, the result is $\\boxed{${gt}}$.`, wrong: `The result is $\\boxed{${gt} + 1}$.` };
  if (q.task === 'olympiad') {
    const list = gt.split(',');
    return { right: `The missing parts follow from the argument.\n\nAnswer: ${gt}`, wrong: `Reasoning.\n\nAnswer: ${[...list].reverse().join(', ')}` };
  }
  if (q.subtask?.startsWith('aime')) {
    const wrong = String((Number(gt) + 1) % 1000).padStart(3, '0');
    return { right: `After the computation, the answer is ${gt}`, wrong: `After the computation, the answer is ${wrong}` };
  }
  const letters = 'ABCDE';
  const other = letters[(letters.indexOf(gt) + 1) % 5] ?? 'A';
  return { right: `The answer is (${gt}).\n\n${gt.repeat(5)}`, wrong: `The answer is (${other}).\n\n${other.repeat(5)}` };
}

const amps = await scoreAmpsHard.create({ signal: new AbortController().signal });
const scorers: Record<string, TaskScorer> = { AMPS_Hard: amps.scorer, math_comp: scoreMathComp, olympiad: scoreOlympiad };
const resources = { signal: new AbortController().signal };
console.log(`| task | questions | right reply scores 1 | wrong reply scores 0 | wrong reply: mean score |`);
console.log('|---|---|---|---|---|');
const misses: string[] = [];
for (const task of ['AMPS_Hard', 'math_comp', 'olympiad']) {
  const scorer = scorers[task];
  if (!scorer) continue;
  const groups = new Map<string, { n: number; right: number; wrong: number; wrongSum: number }>();
  for (const q of load(task)) {
    const group = `${task} (${q.livebench_removal_date === '' ? 'no removal date' : `removed ${q.livebench_removal_date}`})`;
    const row = groups.get(group) ?? { n: 0, right: 0, wrong: 0, wrongSum: 0 };
    const { right, wrong } = repliesFor(q);
    const rightScore = (await scorer(q, right, resources)).score;
    const wrongScore = (await scorer(q, wrong, resources)).score;
    row.n += 1;
    if (rightScore === 1) row.right += 1;
    else misses.push(`${task} ${q.question_id} (${q.subtask ?? ''}): right reply scored ${rightScore}; ground truth ${JSON.stringify(q.ground_truth)}`);
    if (wrongScore === 0) row.wrong += 1;
    row.wrongSum += wrongScore;
    groups.set(group, row);
  }
  for (const [group, row] of groups) {
    console.log(`| ${group} | ${row.n} | ${row.right} | ${row.wrong} | ${(row.wrongSum / row.n).toFixed(3)} |`);
  }
}
await amps.close();
for (const miss of misses) console.log(`- ${miss}`);
