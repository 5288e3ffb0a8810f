// Two judge games per answer (gen_judgment.py judgment): game 1 baseline as A, game 2 model as A.
import type { Completion, JudgeCall, SampleScore } from '../../harness/suite.ts';
import type { Item } from './dataset.ts';
import { answerMetadata } from './markdown.ts';
import { judgeMessages, sha256Hex } from './prompts.ts';
import type { SampleDetails } from './schema.ts';
import { extractVerdict, recordOutcomes } from './verdict.ts';

/** Stable per (uid, game, answer): a re-score finds the journaled judgment; another sample's answer does not. */
export function judgeKey(uid: string, game: 1 | 2, answer: string): string {
  return `${uid}/game${game}/${sha256Hex(answer).slice(0, 16)}`;
}

export function verdictLabel(outcomes: readonly number[] | null): { value: number; verdict: string } {
  if (outcomes === null || outcomes.length === 0) return { value: 0, verdict: 'dropped' };
  const value = outcomes.reduce((a, b) => a + b, 0) / outcomes.length;
  return { value, verdict: value > 0.5 ? 'win' : value < 0.5 ? 'loss' : 'tie' };
}

export async function judgeAnswer(item: Item, completion: Completion, judge: JudgeCall, judgeName: string): Promise<SampleScore> {
  const { question, baseline } = item;
  const answer = completion.content;
  const [game1, game2] = await Promise.all([
    judge(judgeKey(question.uid, 1, answer), {
      kind: 'chat',
      messages: judgeMessages(question.category, question.prompt, baseline.answer, answer),
    }),
    judge(judgeKey(question.uid, 2, answer), {
      kind: 'chat',
      messages: judgeMessages(question.category, question.prompt, answer, baseline.answer),
    }),
  ]);
  const label1 = extractVerdict(game1.content);
  const label2 = extractVerdict(game2.content);
  const outcomes = recordOutcomes(label1, label2);
  const details: SampleDetails = {
    uid: question.uid,
    category: question.category,
    subcategory: question.subcategory,
    judge: judgeName,
    baseline: baseline.model,
    games: [
      { score: label1, judgment: game1.content },
      { score: label2, judgment: game2.content },
    ],
    outcomes,
    answer_metadata: answerMetadata(answer),
    baseline_metadata: baseline.metadata,
    question: question.prompt,
    answer,
    baseline_answer: baseline.answer,
  };
  return {
    ...verdictLabel(outcomes),
    extracted: `${label1 ?? 'null'} | ${label2 ?? 'null'}`,
    groups: { category: question.category, subcategory: question.subcategory },
    details,
  };
}
