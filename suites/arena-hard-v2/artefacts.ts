// Upstream-format files of a run: model_answer/<model>.jsonl and model_judgment/<judge>/<model>.jsonl.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ScoredSample } from '../../harness/suite.ts';
import { readDetails } from './metrics.ts';
import { judgeMessages, sha256Hex } from './prompts.ts';
import type { AnswerRecord, JudgmentRecord, SampleDetails } from './schema.ts';

const SHORTUUID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A 22-character id in shortuuid's alphabet, derived from the content so a re-score writes the same file. */
export function answerId(model: string, uid: string, answer: string): string {
  const bytes = Buffer.from(sha256Hex(`${model}\n${uid}\n${answer}`), 'hex');
  let id = '';
  for (let i = 0; i < 22; i += 1) id += SHORTUUID_ALPHABET[(bytes[i] ?? 0) % SHORTUUID_ALPHABET.length] ?? '2';
  return id;
}

export function answerRecord(d: SampleDetails, model: string, tstamp: number): AnswerRecord {
  return {
    uid: d.uid,
    ans_id: answerId(model, d.uid, d.answer),
    model,
    messages: [
      { role: 'user', content: d.question },
      { role: 'assistant', content: { answer: d.answer } },
    ],
    tstamp,
    metadata: d.answer_metadata,
  };
}

export function judgmentRecord(d: SampleDetails, model: string, judge: string): JudgmentRecord {
  const prompts = [
    judgeMessages(d.category, d.question, d.baseline_answer, d.answer),
    judgeMessages(d.category, d.question, d.answer, d.baseline_answer),
  ];
  return {
    uid: d.uid,
    category: d.category,
    judge,
    model,
    baseline: d.baseline,
    games: d.games.map((g, i) => ({ score: g.score, judgment: { answer: g.judgment }, prompt: prompts[i] ?? [] })),
  };
}

/** File stem per sample index: the first sample is the model itself, later ones get a suffix. */
function stem(model: string, sampleIndex: number): string {
  return sampleIndex === 0 ? model : `${model}-sample${sampleIndex}`;
}

async function writeJsonl(path: string, rows: readonly unknown[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, rows.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');
}

/** Writes both files per sample index, rows sorted by uid as reorg_answer_file leaves them. */
export async function writeArtefacts(
  samples: readonly ScoredSample[],
  runDir: string,
  model: string,
  judge: string,
  now: () => number = () => Date.now() / 1000,
): Promise<string[]> {
  const byIndex = new Map<number, SampleDetails[]>();
  for (const s of samples) {
    const list = byIndex.get(s.sample_index) ?? [];
    list.push(readDetails(s));
    byIndex.set(s.sample_index, list);
  }
  const written: string[] = [];
  for (const [index, details] of [...byIndex.entries()].sort((a, b) => a[0] - b[0])) {
    details.sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
    const tstamp = now();
    const answers = join(runDir, 'model_answer', `${stem(model, index)}.jsonl`);
    const judgments = join(runDir, 'model_judgment', judge, `${stem(model, index)}.jsonl`);
    await writeJsonl(answers, details.map((d) => answerRecord(d, model, tstamp)));
    await writeJsonl(judgments, details.map((d) => judgmentRecord(d, model, judge)));
    written.push(answers, judgments);
  }
  return written;
}
