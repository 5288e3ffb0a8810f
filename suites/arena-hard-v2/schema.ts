// File formats of arena-hard-auto v2.0 (questions, answer records, judgment records) and the suite options.
import { z } from 'zod';

export const CATEGORIES = ['hard_prompt', 'creative_writing'] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** One line of question.jsonl. The Hub copy carries an extra `language` key, so extra keys are allowed. */
export const questionSchema = z.object({
  uid: z.string().min(1),
  category: categorySchema,
  subcategory: z.string(),
  prompt: z.string(),
});
export type Question = z.infer<typeof questionSchema>;

export const markdownMetaSchema = z.strictObject({
  header_count: z.strictObject({
    h1: z.number().int(),
    h2: z.number().int(),
    h3: z.number().int(),
    h4: z.number().int(),
    h5: z.number().int(),
    h6: z.number().int(),
  }),
  list_count: z.strictObject({ ordered: z.number().int(), unordered: z.number().int() }),
  bold_count: z.strictObject({ '**': z.number().int(), '__': z.number().int() }),
});
export type MarkdownMeta = z.infer<typeof markdownMetaSchema>;

/** Key order matters: upstream reads the style vector in this order. */
export const answerMetaSchema = z.strictObject({ token_len: z.number().int() }).extend(markdownMetaSchema.shape);
export type AnswerMeta = z.infer<typeof answerMetaSchema>;

const assistantContentSchema = z.object({ answer: z.string(), thought: z.string().optional() });

/** One line of model_answer/<model>.jsonl (gen_answer.py). */
export const answerRecordSchema = z.object({
  uid: z.string().min(1),
  ans_id: z.string().optional(),
  model: z.string().min(1),
  messages: z
    .array(z.object({ role: z.string(), content: z.union([z.string(), assistantContentSchema]) }))
    .min(1),
  tstamp: z.number().optional(),
  metadata: answerMetaSchema.optional(),
});
export type AnswerRecord = z.infer<typeof answerRecordSchema>;

const judgeMessageSchema = z.object({ role: z.string(), content: z.string() });

export const gameSchema = z.object({
  score: z.string().nullable(),
  judgment: z.object({ answer: z.string() }).loose(),
  prompt: z.array(judgeMessageSchema),
});
export type Game = z.infer<typeof gameSchema>;

/** One line of model_judgment/<judge>/<model>.jsonl (gen_judgment.py). */
export const judgmentRecordSchema = z.object({
  uid: z.string().min(1),
  category: z.string(),
  judge: z.string(),
  model: z.string(),
  baseline: z.string(),
  games: z.array(gameSchema.nullable()),
});
export type JudgmentRecord = z.infer<typeof judgmentRecordSchema>;

/** The part of a judgment record the leaderboard needs; the judge texts and prompts are not kept in memory. */
export const judgmentScoresSchema = z.object({
  uid: z.string().min(1),
  category: z.string(),
  model: z.string(),
  games: z.array(z.object({ score: z.string().nullable() }).nullable()),
});
export type JudgmentScores = z.infer<typeof judgmentScoresSchema>;

export const DEFAULT_BASELINES = { hard_prompt: 'o3-mini-2025-01-31', creative_writing: 'gemini-2.0-flash-001' } as const;

export const optionsSchema = z.strictObject({
  /** which categories to load and judge */
  categories: z.array(categorySchema).min(1).default(['hard_prompt', 'creative_writing']),
  /** baseline model per category: the answer file model_answer/<name>.jsonl and its `model` field */
  baselines: z
    .strictObject({ hard_prompt: z.string().min(1), creative_writing: z.string().min(1) })
    .default({ ...DEFAULT_BASELINES }),
  /** the metric marked headline */
  headline: z
    .strictObject({ category: categorySchema, style_control: z.boolean() })
    .default({ category: 'hard_prompt', style_control: true }),
  /** converge: fit the Bradley-Terry model to the maximum; upstream: 50 fixed-step L-BFGS iterations as show_result.py */
  fit: z.enum(['converge', 'upstream']).default('converge'),
  bootstrap_rounds: z.number().int().min(1).max(10000).default(100),
  /** seed of the bootstrap resampling; upstream sets none */
  seed: z.number().int().default(20250420),
});
export type Options = z.infer<typeof optionsSchema>;

/** What score() stores in SampleScore.details; aggregate() and finish() read it back. */
export const sampleDetailsSchema = z.strictObject({
  uid: z.string(),
  category: categorySchema,
  subcategory: z.string(),
  judge: z.string(),
  baseline: z.string(),
  /** game 1: baseline is A; game 2: model is A */
  games: z.array(z.strictObject({ score: z.string().nullable(), judgment: z.string() })).length(2),
  /** battle outcomes (1 = model wins), null when the record is dropped */
  outcomes: z.array(z.number()).nullable(),
  answer_metadata: answerMetaSchema,
  baseline_metadata: answerMetaSchema,
  question: z.string(),
  answer: z.string(),
  baseline_answer: z.string(),
});
export type SampleDetails = z.infer<typeof sampleDetailsSchema>;
