// Arena-Hard-Auto v2.0: answers judged pairwise against a baseline by an LLM judge, win rates with bootstrap.
import type { Suite } from '../../harness/suite.ts';
import { writeArtefacts } from './artefacts.ts';
import { datasetSpec, type Item, loadItems, localLayout } from './dataset.ts';
import { judgeAnswer } from './judge.ts';
import { tokenLength } from './markdown.ts';
import { aggregateArenaHard } from './metrics.ts';
import { promptTemplateHash, SYSTEM_PROMPTS, USER_TEMPLATE } from './prompts.ts';
import { type Category, type Options, optionsSchema } from './schema.ts';
import { STRONG_WEIGHT, VERDICT_PATTERNS } from './verdict.ts';

export type { Item } from './dataset.ts';
export type { Options } from './schema.ts';

/** The judge's name, from the config, so results and artefacts name it. */
export type Session = { judge: { name: string; id: string } };

/** Judge output allowance per game for estimates: hard_prompt asks the judge to write its own answer first. */
const JUDGE_VERDICT_TOKENS = 500;

const fixedTokens = new Map<Category, number>();
/** System prompt and template tokens, counted once per category. */
function fixedPromptTokens(category: Category): number {
  let n = fixedTokens.get(category);
  if (n === undefined) {
    n = tokenLength(SYSTEM_PROMPTS[category]) + tokenLength(USER_TEMPLATE);
    fixedTokens.set(category, n);
  }
  return n;
}

export const suite: Suite<Item, Options, Session> = {
  id: 'arena-hard-v2',
  title: 'Arena-Hard-Auto v2.0',
  catalogue: {
    title: 'Arena-Hard v2',
    hf_repo: 'lmarena-ai/arena-hard-auto',
    url: 'https://github.com/lmarena/arena-hard-auto',
    aliases: ['Arena-Hard-Auto v2', 'Arena-Hard-Auto v2.0', 'arena-hard-v2.0'],
  },
  optionsSchema,
  defaults: { samples: 1, generation: {} },
  dataset: datasetSpec,
  localLayout,
  load: loadItems,
  itemId: (item) => item.question.uid,
  // hard prompts and creative writing are scored apart
  strata: (item) => item.question.category,
  // judged against a baseline answer: there is no gold answer
  reference: () => null,
  request: (item) => ({ kind: 'chat', messages: [{ role: 'user', content: item.question.prompt }] }),
  async score(item, completion, ctx) {
    if (!ctx.judge) throw new Error('arena-hard-v2 is judged: add a top-level `judge:` block to the config.');
    return judgeAnswer(item, completion, ctx.judge, ctx.session.judge.name);
  },
  aggregate: aggregateArenaHard,
  protocol(options) {
    return {
      prompt_template_hash: promptTemplateHash(),
      extractor: 'arena-hard-v2.0 get_score: last [[label]] of the upper-cased judgment, else last [label]',
      deviations: options.fit === 'converge' ? ['style_control_fit_to_convergence'] : [],
      details: {
        user_template: USER_TEMPLATE,
        verdict_patterns: VERDICT_PATTERNS.map((p) => p.source),
        strong_weight: STRONG_WEIGHT,
        categories: options.categories,
        baselines: options.baselines,
        headline: options.headline,
        fit: options.fit,
        bootstrap_rounds: options.bootstrap_rounds,
        seed: options.seed,
      },
    };
  },
  judge: { generation: { temperature: 0, max_tokens: 16000 }, default_model: 'gpt-4.1' },
  judgeEstimate(item) {
    const perGame = fixedPromptTokens(item.question.category) + tokenLength(item.question.prompt) + item.baseline.metadata.token_len;
    const ownAnswer = item.question.category === 'hard_prompt' ? item.baseline.metadata.token_len : 0;
    return { requests: 2, prompt_tokens: 2 * perGame, completion_tokens: 2 * (ownAnswer + JUDGE_VERDICT_TOKENS) };
  },
  async setup(_options, flags) {
    if (!flags.judge) throw new Error('arena-hard-v2 is judged: add a top-level `judge:` block to the config.');
    return { value: { judge: flags.judge }, close: async () => {} };
  },
  async finish(samples, ctx) {
    const judge = ctx.flags.judge?.name ?? 'judge';
    await writeArtefacts(samples, ctx.flags.runDir, ctx.flags.model.name, judge);
  },
};
