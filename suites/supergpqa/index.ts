// SuperGPQA: 26,529 graduate-level multiple-choice questions (up to 10 options), scored as eval/eval.py scores them.
import { z } from 'zod';
import { noSession, type Suite } from '../../harness/suite.ts';
import { LETTERS, SUPERGPQA_SPEC, loadSuperGpqa, type SuperGpqaItem } from './dataset.ts';
import { extractAnswer } from './extract.ts';
import { superGpqaMetrics } from './metrics.ts';
import { buildRequest, templateHash } from './prompt.ts';

export const optionsSchema = z.strictObject({
  /** zero-shot for chat and reasoning models; five-shot (raw completion prompt) for base models */
  prompt: z.enum(['zero-shot', 'five-shot']).default('zero-shot'),
  /** "lenient" (last match, letter upper-cased) is a named deviation, never compared as official */
  extractor: z.enum(['official', 'lenient']).default('official'),
});
export type SuperGpqaOptions = z.infer<typeof optionsSchema>;

export const EXTRACTOR_IDS = { official: 'supergpqa.official-v1', lenient: 'supergpqa.lenient-v1' } as const;

export const suite: Suite<SuperGpqaItem, SuperGpqaOptions, null> = {
  id: 'supergpqa',
  title: 'SuperGPQA',
  catalogue: { title: 'SuperGPQA', hf_repo: 'm-a-p/SuperGPQA', url: 'https://huggingface.co/datasets/m-a-p/SuperGPQA', aliases: [] },
  optionsSchema,
  // config/config_default.yaml: temperatrue (sic) 0.0, max_tokens 4096; one response per question.
  defaults: { samples: 1, generation: { temperature: 0, max_tokens: 4096 } },
  dataset: () => SUPERGPQA_SPEC,
  load: (files) => loadSuperGpqa(files),
  itemId: (item) => item.uuid,
  // eval.py's macro averages are means of per-discipline (field, subfield) accuracies
  strata: (item) => item.discipline,
  reference: (item) => item.answer_letter,
  request: (item, options) => buildRequest(options.prompt, item.question, item.options),
  score(item, completion, ctx) {
    const { letter, via } = extractAnswer(completion.content, item.options, ctx.options.prompt, ctx.options.extractor);
    // eval.py: correct only on an exact, case-sensitive match with answer_letter; nothing extracted is a miss.
    const verdict = letter === null ? 'miss' : letter === item.answer_letter ? 'correct' : 'incorrect';
    return {
      value: verdict === 'correct' ? 1 : 0,
      verdict,
      extracted: letter,
      groups: { difficulty: item.difficulty, discipline: item.discipline, field: item.field, subfield: item.subfield },
      details: { via },
    };
  },
  aggregate: (samples) => superGpqaMetrics(samples),
  protocol: (options) => ({
    prompt_template_hash: templateHash(options.prompt),
    extractor: EXTRACTOR_IDS[options.extractor],
    deviations: options.extractor === 'lenient' ? ['extractor: lenient'] : [],
    details: {
      prompt: options.prompt,
      request: options.prompt === 'five-shot' ? 'completion' : 'chat',
      dataset: 'm-a-p/SuperGPQA SuperGPQA-all.jsonl',
      questions: 26529,
      regex_timeout:
        'eval.py gives each regex search 5 s; the port runs in polynomial time, so it can differ only on responses that timed out there',
    },
  }),
  simulate(item, correct) {
    const index = LETTERS.indexOf(item.answer_letter);
    const wrong = item.options.length > 1 ? LETTERS.charAt((index + 1) % item.options.length) : 'none';
    return `Let me weigh each option in turn.\nAnswer: ${correct ? item.answer_letter : wrong}`;
  },
  setup: () => noSession(),
};
