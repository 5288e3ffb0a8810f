// The leaderboard of many models from official judgment files, as show_result.py computes it.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonlRows } from '../../harness/datasets/jsonl.ts';
import { type Battle, explode, styleFeatures } from './battles.ts';
import type { BootstrapSummary } from './bootstrap.ts';
import type { FitMethod } from './bt-fit.ts';
import { answerMetadata } from './markdown.ts';
import { type AnswerMeta, answerRecordSchema, DEFAULT_BASELINES, type JudgmentScores, judgmentScoresSchema } from './schema.ts';
import { type StyleFeatureName, styleControlledWinRates } from './style-control.ts';
import { recordOutcomes } from './verdict.ts';
import { plainWinRates } from './win-rate.ts';

async function jsonlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((err: unknown) => {
    throw new Error(`${dir}: cannot read the directory (${err instanceof Error ? err.message : String(err)}). Pass the model_judgment folder.`);
  });
  return names.filter((n) => n.endsWith('.jsonl')).sort().map((n) => join(dir, n));
}

/** All records of <dir>/<judge>/*.jsonl for each judge, concatenated (an ensemble is plain concatenation). */
export async function readJudgments(dir: string, judges: readonly string[]): Promise<JudgmentScores[]> {
  const records: JudgmentScores[] = [];
  for (const judge of judges) {
    for (const file of await jsonlFiles(join(dir, judge))) {
      for await (const { row } of readJsonlRows(file, judgmentScoresSchema)) records.push(row);
    }
  }
  return records;
}

/** model -> uid -> metadata, from model_answer/*.jsonl keyed by each file's first `model` (get_model_style_metadata). */
export async function readStyleMetadata(dir: string): Promise<Map<string, Map<string, AnswerMeta>>> {
  const byModel = new Map<string, Map<string, AnswerMeta>>();
  for (const file of await jsonlFiles(dir)) {
    let model: string | null = null;
    const byUid = new Map<string, AnswerMeta>();
    for await (const { row } of readJsonlRows(file, answerRecordSchema)) {
      model ??= row.model;
      const content = row.messages.at(-1)?.content;
      const answer = typeof content === 'object' ? content.answer : (content ?? '');
      byUid.set(row.uid, row.metadata ?? answerMetadata(answer));
    }
    if (model !== null) byModel.set(model, byUid);
  }
  return byModel;
}

/** Battle rows of one category; records with a null game or an unknown label are dropped and counted. */
export function judgmentBattles(
  records: readonly JudgmentScores[],
  category: string,
  style: { metadata: Map<string, Map<string, AnswerMeta>>; baseline: string } | null,
): { battles: Battle[]; dropped: number } {
  const battles: Battle[] = [];
  let dropped = 0;
  for (const r of records) {
    if (r.category !== category) continue;
    const g1 = r.games[0];
    const g2 = r.games[1];
    const outcomes = g1 && g2 ? recordOutcomes(g1.score, g2.score) : null;
    if (outcomes === null) {
      dropped += 1;
      continue;
    }
    let features = null;
    if (style) {
      const m = style.metadata.get(r.model)?.get(r.uid);
      const b = style.metadata.get(style.baseline)?.get(r.uid);
      if (!m || !b) throw new Error(`no answer metadata for ${m ? style.baseline : r.model} on uid ${r.uid}: add its model_answer file.`);
      features = styleFeatures(m, b);
    }
    battles.push(...explode(r.uid, r.model, outcomes, features));
  }
  return { battles, dropped };
}

export type LeaderboardOptions = {
  judges: readonly string[];
  category: 'hard_prompt' | 'creative_writing';
  /** null: no style control */
  features: readonly StyleFeatureName[] | null;
  answersDir: string;
  fit: FitMethod;
  rounds: number;
  seed: number;
};

export type Leaderboard = {
  summaries: Record<string, BootstrapSummary>;
  dropped: number;
  coefficients: Record<string, number> | null;
};

export async function computeLeaderboard(judgmentDir: string, opts: LeaderboardOptions): Promise<Leaderboard> {
  const records = await readJudgments(judgmentDir, opts.judges);
  const baseline = DEFAULT_BASELINES[opts.category];
  if (opts.features === null) {
    const { battles, dropped } = judgmentBattles(records, opts.category, null);
    return { summaries: plainWinRates(battles, baseline, opts), dropped, coefficients: null };
  }
  const metadata = await readStyleMetadata(opts.answersDir);
  const { battles, dropped } = judgmentBattles(records, opts.category, { metadata, baseline });
  const result = styleControlledWinRates(battles, baseline, { method: opts.fit, rounds: opts.rounds, seed: opts.seed, features: opts.features });
  return { summaries: result.models, dropped, coefficients: result.coefficients };
}
