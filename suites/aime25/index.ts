// AIME25: 30 integer-answer problems, avg@k over k samples per problem.
import { z } from 'zod';
import { noSession, type Suite } from '../../harness/suite.ts';
import { AIME25_SPEC, loadAime, type AimeItem } from './dataset.ts';
import { EXTRACTOR_ID, extractAnswer } from './extract.ts';
import { aimeMetrics } from './metrics.ts';
import { PROMPT_TEMPLATE_HASH, aimeRequest } from './prompt.ts';

const optionsSchema = z.strictObject({});
type AimeOptions = z.infer<typeof optionsSchema>;

export const suite: Suite<AimeItem, AimeOptions, null> = {
  id: 'aime25',
  title: 'AIME 2025 (I + II)',
  catalogue: { title: 'AIME25', hf_repo: 'math-ai/aime25', url: 'https://huggingface.co/datasets/math-ai/aime25', aliases: ["AIME'25", 'AIME 2025', 'AIME2025'] },
  optionsSchema,
  // Qwen3 report: 64 samples per problem and 38,912 output tokens for AIME. Sampling (temperature, top-p, ...)
  // belongs to the model: each config sets its model card's, so no model inherits another's.
  defaults: { samples: 64, generation: { max_tokens: 38912 } },
  dataset: () => AIME25_SPEC,
  load: (files) => loadAime(files),
  itemId: (item) => item.id,
  reference: (item) => String(item.answer),
  request: (item) => aimeRequest(item.problem),
  score(item, completion) {
    const { boxed, value } = extractAnswer(completion.content);
    const correct = value !== null && value === item.answer;
    const verdict = boxed === null ? 'no_boxed' : correct ? 'correct' : 'incorrect';
    return { value: correct ? 1 : 0, verdict, extracted: boxed };
  },
  aggregate: (samples, ctx) => aimeMetrics(samples, ctx.samplesPerItem),
  protocol: () => ({
    prompt_template_hash: PROMPT_TEMPLATE_HASH,
    extractor: EXTRACTOR_ID,
    deviations: [],
    details: { prompt: 'problem + newline + Qwen math instruction, one user message', answer: 'last \\boxed{} as integer' },
  }),
  simulate(item, correct) {
    const answer = correct ? item.answer : (item.answer + 1 + (item.answer % 7)) % 1000;
    return `We work through the problem step by step.\n\nThus the answer is $\\boxed{${answer}}$.`;
  },
  setup: () => noSession(),
};
