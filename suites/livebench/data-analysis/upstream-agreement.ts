// Agreement of the reasoning and data_analysis scorers with LiveBench's own, on generated answers for every
// real question (all releases in the files). LiveBench's code is not part of this project: point the script
// at a local checkout (e.g. LiveBench at a8f61ff); it runs there under /usr/bin/python3 (pandas for tablereformat).
//   npx tsx suites/livebench/data-analysis/upstream-agreement.ts <questions dir> <LiveBench checkout> [seed] [mutations]
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { projectPath } from '../../../harness/paths.ts';
import { agreementAnswers } from './agreement-answers.ts';
import { openTaskScorers, readTaskQuestions, REASONING_DATA_ANALYSIS_TASKS } from './question-files.ts';

const referenceReply = z.union([z.object({ score: z.number() }), z.object({ error: z.string() })]);

async function main(args: string[]): Promise<number> {
  const [dir, checkout, seedText = '1', mutationsText = '5'] = args;
  if (dir === undefined || checkout === undefined) {
    console.error('usage: upstream-agreement.ts <questions dir> <LiveBench checkout> [seed] [mutations per question]');
    return 2;
  }
  const questions = REASONING_DATA_ANALYSIS_TASKS.flatMap(([category, task]) => readTaskQuestions(dir, category, task));
  const cases = agreementAnswers(questions, Number(seedText), Number(mutationsText));
  const input = cases.map(({ question, answer }) => JSON.stringify({
    task: question.task, release_date: question.livebench_release_date, question_text: question.turns[0] ?? '',
    ground_truth: question.ground_truth, answer,
  })).join('\n');
  const run = spawnSync('/usr/bin/python3', [projectPath('suites', 'livebench', 'data-analysis', 'upstream_reference.py'), checkout], {
    input: `${input}\n`, encoding: 'utf8', maxBuffer: 1 << 28,
  });
  if (run.status !== 0) throw new Error(`the reference runner failed: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const reference = run.stdout.trim().split('\n').map((line) => referenceReply.parse(JSON.parse(line)));

  const { scorers, close } = await openTaskScorers();
  const tally = new Map<string, { same: number; n: number; full: number; partial: number; errors: number }>();
  const differences: string[] = [];
  const resources = { signal: new AbortController().signal };
  try {
    for (const [i, { question, answer }] of cases.entries()) {
      const scorer = scorers.get(question.task);
      if (scorer === undefined) throw new Error(`no scorer for ${question.task}`);
      let ours: string;
      try {
        ours = String((await scorer(question, answer, resources)).score);
      } catch {
        ours = 'error';
      }
      const ref = reference[i];
      const theirs = ref === undefined ? 'missing' : 'score' in ref ? String(ref.score) : 'error';
      const label = question.task === 'zebra_puzzle' && question.livebench_release_date < '2024-11-25' ? 'zebra_puzzle (old evaluator)' : question.task;
      const entry = tally.get(label) ?? { same: 0, n: 0, full: 0, partial: 0, errors: 0 };
      entry.n += 1;
      if (theirs === '1') entry.full += 1;
      else if (theirs === 'error') entry.errors += 1;
      else if (theirs !== '0') entry.partial += 1;
      if (ours === theirs) entry.same += 1;
      else differences.push(`${label} ${question.question_id.slice(0, 10)} ours=${ours} reference=${theirs} answer=${JSON.stringify(answer).slice(0, 150)}`);
      tally.set(label, entry);
    }
  } finally {
    await close();
  }
  console.log('| task | answers | same score | reference: 1 / partial / error |\n|---|---|---|---|');
  for (const [label, t] of tally) console.log(`| ${label} | ${t.n} | ${t.same} | ${t.full} / ${t.partial} / ${t.errors} |`);
  for (const line of differences.slice(0, 20)) console.log(line);
  return differences.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
