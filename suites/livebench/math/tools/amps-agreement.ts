// Measures the AMPS_Hard scorer on rewrites of the real ground truths: how often it accepts forms equal to
// the ground truth and rejects forms that differ. Usage (by hand; reads no project data):
//   npx tsx suites/livebench/math/tools/amps-agreement.ts <AMPS_Hard question.jsonl> [rows.jsonl]
// rows.jsonl receives every scored reply (ground truth, rewrite, expected and actual score).
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { projectPath } from '../../../../harness/paths.ts';
import { startPythonWorkers } from '../../../../harness/python/worker-pool.ts';
import { questionFromRow } from '../../rows.ts';
import { scoreAmpsHard } from '../../scorers/math.ts';
import { changedNumber, displayFractions, explicitProduct, leftRight, rotateTerms, slashFractions, spacedOperators } from './latex-rewrites.ts';

const [file, rowsFile] = process.argv.slice(2);
if (!file) throw new Error('usage: amps-agreement.ts <AMPS_Hard question.jsonl> [rows.jsonl]');

const questions = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line, i) => questionFromRow(JSON.parse(line), `${file}:${i + 1}`))
  .filter((q) => q.livebench_removal_date === '');

const box = (latex: string): string => `So the final answer is $\\boxed{${latex}}$.`;
type Variant = { kind: string; expect: 0 | 1; reply: string };

function textVariants(gt: string): Variant[] {
  const equal: [string, string | null][] = [
    ['verbatim', gt],
    ['reordered-terms', rotateTerms(gt)],
    ['dfrac', displayFractions(gt)],
    ['slash-fraction', slashFractions(gt)],
    ['left-right', leftRight(gt)],
    ['spaced-operators', spacedOperators(gt)],
    ['cdot', explicitProduct(gt)],
  ];
  const out: Variant[] = equal.flatMap(([kind, latex]) => (latex === null ? [] : [{ kind, expect: 1 as const, reply: box(latex) }]));
  out.push({ kind: 'boxed-with-space', expect: 1, reply: `So the final answer is $\\boxed ${gt}$.` });
  out.push({ kind: 'equation-in-box', expect: 1, reply: box(`y = ${gt}`) });
  out.push({ kind: 'earlier-wrong-box', expect: 1, reply: `First I got $\\boxed{${gt} + 7}$, but correcting that: ${box(gt)}` });
  out.push({ kind: 'plus-one', expect: 0, reply: box(`${gt} + 1`) });
  const changed = changedNumber(gt);
  if (changed !== null) out.push({ kind: 'changed-number', expect: 0, reply: box(changed) });
  if (gt.trim() !== '0') {
    out.push({ kind: 'negated', expect: 0, reply: box(`-\\left(${gt}\\right)`) });
    out.push({ kind: 'doubled', expect: 0, reply: box(`2 \\left(${gt}\\right)`) });
  }
  return out;
}

const forms = z.record(z.string(), z.string());
const rewriter = await startPythonWorkers({ module: projectPath('suites', 'livebench', 'math', 'tools', 'amps_rewrites.py'), size: 1, requires: [] });
const created = await scoreAmpsHard.create({ signal: new AbortController().signal });
const signal = new AbortController().signal;
const tally = new Map<string, { expect: number; n: number; agree: number }>();
const rows: string[] = [];
let done = 0;
for (const question of questions) {
  const gt = question.ground_truth ?? '';
  const variants = textVariants(gt);
  const generated = await rewriter.call('sympy_forms', [gt], { timeoutMs: 60_000 });
  if (generated.ok) {
    for (const [kind, latex] of Object.entries(forms.parse(generated.value))) {
      if (latex !== gt) variants.push({ kind: `sympy-${kind}`, expect: 1, reply: box(latex) });
    }
  }
  const scored = await Promise.all(variants.map(async (v) => ({ v, result: await created.scorer(question, v.reply, { signal }) })));
  for (const { v, result } of scored) {
    const row = tally.get(v.kind) ?? { expect: v.expect, n: 0, agree: 0 };
    row.n += 1;
    if (result.score === v.expect) row.agree += 1;
    rows.push(JSON.stringify({ question_id: question.question_id, subtask: question.subtask, gt, kind: v.kind, expect: v.expect, score: result.score, reply: v.reply, details: result.details ?? null }));
    tally.set(v.kind, row);
  }
  done += 1;
  if (done % 10 === 0) process.stderr.write(`${done}/${questions.length} ground truths\n`);
}
await created.close();
await rewriter.close();

console.log(`AMPS_Hard agreement over ${questions.length} ground truths (questions with no removal date) in ${file}`);
console.log('| rewrite | should score | n | as expected | rate |');
console.log('|---|---|---|---|---|');
for (const expect of [1, 0]) {
  let n = 0;
  let agree = 0;
  for (const [kind, row] of [...tally].filter(([, r]) => r.expect === expect)) {
    console.log(`| ${kind} | ${expect} | ${row.n} | ${row.agree} | ${((100 * row.agree) / row.n).toFixed(1)}% |`);
    n += row.n;
    agree += row.agree;
  }
  console.log(`| **all ${expect === 1 ? 'equivalent' : 'non-equivalent'}** | ${expect} | ${n} | ${agree} | ${((100 * agree) / n).toFixed(1)}% |`);
}
if (rowsFile) writeFileSync(rowsFile, `${rows.join('\n')}\n`);
