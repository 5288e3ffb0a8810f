// Measures agreement between this port's strict IFEval evaluation and LiveBench's own Python checkers on
// generated responses to real questions. Nothing upstream ships with the project: pass a LiveBench checkout.
//   npx tsx suites/livebench/ifeval/tools/checker-agreement.ts --questions DIR --upstream LIVEBENCH/livebench/if_runner \
//     --nltk-data DIR_WITH_tokenizers/punkt [--per-question 25] [--seed 1] [--python /usr/bin/python3]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { JsonValue } from '../../../../harness/json.ts';
import { projectPath } from '../../../../harness/paths.ts';
import { evaluateStrict, readInstructions } from '../evaluate.ts';
import { LanguageDetectionUnavailableError } from '../language.ts';
import { pyStrip } from '../python-text.ts';
import { generateResponse, seededRng } from './response-generator.ts';

type Case = { prompt: string; instruction_id_list: string[]; kwargs: Record<string, JsonValue>[]; response: string };

function questionRows(dir: string): Record<string, JsonValue>[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return questionRows(path);
    if (name !== 'question.jsonl') return [];
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l): Record<string, JsonValue> => {
        const row: unknown = JSON.parse(l);
        if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new Error(`${path}: a row is not an object`);
        return Object.fromEntries(Object.entries(row));
      });
  });
}

const { values } = parseArgs({
  options: {
    questions: { type: 'string' },
    upstream: { type: 'string' },
    'nltk-data': { type: 'string' },
    'per-question': { type: 'string', default: '25' },
    seed: { type: 'string', default: '1' },
    synthetic: { type: 'string', default: '400' },
    python: { type: 'string', default: '/usr/bin/python3' },
  },
});
if (values.questions === undefined || values.upstream === undefined || values['nltk-data'] === undefined) {
  throw new Error('give --questions, --upstream (the folder holding instruction_following_eval) and --nltk-data');
}

const rng = seededRng(Number(values.seed));
const cases: Case[] = [];
for (const row of questionRows(values.questions)) {
  const turns = row['turns'];
  const prompt = Array.isArray(turns) && typeof turns[0] === 'string' ? turns[0] : '';
  const ids = row['instruction_id_list'];
  const kwargs = row['kwargs'];
  if (!Array.isArray(ids) || !Array.isArray(kwargs)) continue;
  const kw = kwargs.map((k) => (typeof k === 'object' && k !== null && !Array.isArray(k) ? k : {}));
  for (let i = 0; i < Number(values['per-question']); i++) {
    cases.push({ prompt, instruction_id_list: ids.map(String), kwargs: kw, response: generateResponse(rng, kw) });
  }
}

// Questions for the instructions release 2024-11-25 does not use, with kwargs in IFEval's ranges
const SYNTHETIC: [string, Record<string, JsonValue>][] = [
  ['keywords:frequency', { keyword: 'other', frequency: 2, relation: 'at least' }],
  ['keywords:frequency', { keyword: 'other', frequency: 3, relation: 'less than' }],
  ['keywords:letter_frequency', { letter: 'z', let_frequency: 2, let_relation: 'at least' }],
  ['keywords:letter_frequency', { letter: 'e', let_frequency: 40, let_relation: 'less than' }],
  ['detectable_content:number_placeholders', { num_placeholders: 2 }],
  ['detectable_format:number_highlighted_sections', { num_highlights: 2 }],
  ['change_case:capital_word_frequency', { capital_frequency: 10, capital_relation: 'at least' }],
  ['change_case:capital_word_frequency', { capital_frequency: 5, capital_relation: 'less than' }],
  ['punctuation:no_comma', { no_comma: null }],
  ['change_case:english_capital', { case: null }],
  ['change_case:english_lowercase', { case: null }],
  ['detectable_format:constrained_response', {}],
];
for (let i = 0; i < Number(values.synthetic); i++) {
  const chosen = SYNTHETIC.filter(() => rng() < 0.3);
  if (chosen.length === 0) continue;
  const kw = chosen.map(([, k]) => k);
  cases.push({ prompt: 'synthetic', instruction_id_list: chosen.map(([id]) => id), kwargs: kw, response: generateResponse(rng, kw) });
}

const script = projectPath('suites', 'livebench', 'ifeval', 'tools', 'ifeval_reference.py');
const run = spawnSync(values.python, [script, values.upstream], {
  input: cases.map((c) => JSON.stringify(c)).join('\n') + '\n',
  env: { ...process.env, NLTK_DATA: values['nltk-data'] },
  maxBuffer: 1 << 30,
});
if (run.status !== 0) throw new Error(`reference failed: ${run.stderr.toString()}`);
const reference = run.stdout.toString().trim().split('\n');

const perId = new Map<string, { same: number; total: number; trueCount: number }>();
let sameQuestions = 0;
let errors = 0;
let langdetect = 0;
const diffs: string[] = [];
cases.forEach((c, i) => {
  const expected: unknown = JSON.parse(reference[i] ?? '{}');
  const theirs = typeof expected === 'object' && expected !== null && 'followed' in expected && Array.isArray(expected.followed) ? expected.followed.map(Boolean) : null;
  let ours: boolean[] | null = null;
  try {
    ours = evaluateStrict(readInstructions({ instruction_id_list: c.instruction_id_list, kwargs: c.kwargs }, 'generated'), pyStrip(c.response)).followed;
  } catch (error) {
    if (error instanceof LanguageDetectionUnavailableError) {
      langdetect++;
      return;
    }
    if (theirs !== null) diffs.push(`port raised ${String(error)} where upstream scored ${JSON.stringify(theirs)}`);
  }
  if (theirs === null || ours === null) {
    errors++;
    if (theirs === null && ours !== null) diffs.push(`upstream raised ${reference[i] ?? ''} where the port scored`);
    return;
  }
  if (JSON.stringify(ours) === JSON.stringify(theirs)) sameQuestions++;
  c.instruction_id_list.forEach((id, j) => {
    const stat = perId.get(id) ?? { same: 0, total: 0, trueCount: 0 };
    stat.total++;
    if (theirs[j] === true) stat.trueCount++;
    if (ours?.[j] === theirs[j]) stat.same++;
    else if (diffs.length < 10) diffs.push(`${id} port=${String(ours?.[j])} upstream=${String(theirs[j])} response=${JSON.stringify(c.response.slice(0, 300))}`);
    perId.set(id, stat);
  });
});
console.log(`${cases.length} generated responses; identical per-instruction verdicts on ${sameQuestions}; both raised on ${errors}; port stopped for want of langdetect on ${langdetect}`);
for (const [id, s] of [...perId].sort()) console.log(`  ${id}: ${s.same}/${s.total} agree (upstream followed ${s.trueCount})`);
for (const d of diffs) console.log(`  DIFF ${d}`);
process.exitCode = diffs.length === 0 ? 0 : 1;
