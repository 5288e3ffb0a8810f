// Measures how often the TypeScript Punkt port splits exactly as NLTK does, on LiveBench IF prompts and
// variants of them, hand-written prose and seeded random text. NLTK runs from the same parameter files.
//   npx tsx suites/livebench/ifeval/tools/punkt-agreement.ts [--questions DIR] [--random N] [--python PATH]
// DIR is searched for question.jsonl files (LiveBench's layout); nothing is read unless it is given.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { JsonValue } from '../../../../harness/json.ts';
import { projectPath } from '../../../../harness/paths.ts';
import { PUNKT_ENGLISH_DIR } from '../punkt-params.ts';
import { punktSentences } from '../punkt.ts';
import { PROSE, randomTexts, variantsOf } from './punkt-corpus.ts';
import { generateResponse, seededRng } from './response-generator.ts';

function questionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return questionFiles(path);
    return name === 'question.jsonl' ? [path] : [];
  });
}

function promptsIn(dir: string): string[] {
  const prompts: string[] = [];
  for (const file of questionFiles(dir)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row: unknown = JSON.parse(line);
      if (typeof row === 'object' && row !== null && 'turns' in row && Array.isArray(row.turns) && typeof row.turns[0] === 'string') prompts.push(row.turns[0]);
    }
  }
  return prompts;
}

function kwargsIn(dir: string): Record<string, JsonValue>[][] {
  const out: Record<string, JsonValue>[][] = [];
  for (const file of questionFiles(dir)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row: unknown = JSON.parse(line);
      if (typeof row !== 'object' || row === null || !('kwargs' in row) || !Array.isArray(row.kwargs)) continue;
      const kwargs: unknown[] = row.kwargs;
      out.push(kwargs.map((k) => (typeof k === 'object' && k !== null && !Array.isArray(k) ? Object.fromEntries(Object.entries(k)) : {})));
    }
  }
  return out;
}

function reference(python: string, texts: string[]): string[][] {
  const script = projectPath('suites', 'livebench', 'ifeval', 'tools', 'punkt_reference.py');
  const run = spawnSync(python, [script, PUNKT_ENGLISH_DIR], { input: texts.map((t) => JSON.stringify(t)).join('\n') + '\n', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`${python} ${script} failed: ${run.stderr.toString()}`);
  return run.stdout
    .toString()
    .trim()
    .split('\n')
    .map((line) => {
      const parsed: unknown = JSON.parse(line);
      if (!Array.isArray(parsed)) throw new Error(`reference output is not a list: ${line}`);
      return parsed.map(String);
    });
}

function compare(label: string, python: string, texts: string[]): number {
  const expected = reference(python, texts);
  let sameLists = 0;
  let sameCounts = 0;
  const diffs: string[] = [];
  texts.forEach((text, i) => {
    const ours = punktSentences(text);
    const theirs = expected[i] ?? [];
    if (ours.length === theirs.length) sameCounts++;
    if (JSON.stringify(ours) === JSON.stringify(theirs)) sameLists++;
    else if (diffs.length < 5) diffs.push(`  text ${JSON.stringify(text.slice(0, 200))}\n    port ${JSON.stringify(ours)}\n    nltk ${JSON.stringify(theirs)}`);
  });
  console.log(`${label}: ${texts.length} texts, identical sentence lists ${sameLists}, equal sentence counts ${sameCounts}`);
  for (const diff of diffs) console.log(diff);
  return texts.length - sameLists;
}

const { values } = parseArgs({ options: { questions: { type: 'string' }, random: { type: 'string', default: '5000' }, python: { type: 'string', default: '/usr/bin/python3' }, seed: { type: 'string', default: '1' } } });
let failures = 0;
if (values.questions !== undefined) {
  const prompts = promptsIn(values.questions);
  failures += compare('question prompts (turns[0])', values.python, prompts);
  failures += compare('variants of the prompts', values.python, prompts.flatMap(variantsOf));
  const rng = seededRng(Number(values.seed));
  failures += compare('generated responses to the questions', values.python, kwargsIn(values.questions).flatMap((kw) => [0, 1, 2, 3, 4].map(() => generateResponse(rng, kw))));
}
failures += compare('hand-written prose', values.python, [...PROSE, ...PROSE.flatMap(variantsOf)]);
failures += compare('seeded random text', values.python, randomTexts(Number(values.random), Number(values.seed)));
process.exitCode = failures === 0 ? 0 : 1;
