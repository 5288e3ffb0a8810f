// --dry-run: what a run would send, with token estimates, and no request at all.
import type { Tiktoken } from 'js-tiktoken';
import type { ModelConfig } from '../config/schema.ts';
import type { DatasetFiles, RunFlags } from '../suite.ts';
import type { SuitePlan } from './settings.ts';
import { inShard, type Shard } from './shard.ts';
import { requestText } from './run.ts';
import { drawFromItems } from './subset-draw.ts';

export type DryRunRow = {
  suite: string;
  items: number;
  requests: number;
  prompt_tokens: number;
  max_completion_tokens: number | null;
  judge_requests: number;
  judge_prompt_tokens: number;
  judge_completion_tokens: number;
  /** the judged answers go into the judge's prompts: at most max_tokens each, when it is set */
  judge_answer_tokens_max: number | null;
};

/** Who answers and who judges, as a real run would hand them to the suites (a judged suite needs its judge). */
export type DryRunIdentity = Pick<RunFlags, 'model' | 'judge'>;

/** `shard`: count only the items `--shard` would send, as the run's pipeline picks them. */
export async function dryRun(plans: readonly SuitePlan[], datasets: readonly DatasetFiles[], identity: DryRunIdentity, shard: Shard | null = null): Promise<DryRunRow[]> {
  // o200k is the tokenizer of current OpenAI models; other vendors' counts differ by a few percent.
  let encoder: Tiktoken | null = null;
  const rows: DryRunRow[] = [];
  for (const [i, plan] of plans.entries()) {
    const files = datasets[i];
    if (!files) continue;
    const active = await plan.resolved.instance.start(
      // nothing runs: no sandbox is needed to read items, and no run directory exists
      { unsafeLocalExec: true, runDir: '', model: identity.model, judge: identity.judge },
      plan.samples,
    );
    const row: DryRunRow = {
      suite: plan.resolved.id,
      items: 0,
      requests: 0,
      prompt_tokens: 0,
      max_completion_tokens: plan.generation.max_tokens === undefined ? null : 0,
      judge_requests: 0,
      judge_prompt_tokens: 0,
      judge_completion_tokens: 0,
      judge_answer_tokens_max: plan.judgeGeneration !== null && plan.generation.max_tokens !== undefined ? 0 : null,
    };
    try {
      // the same draw as the run will make
      const draw = plan.subset === null ? null : await drawFromItems(active.items(files), plan.subset);
      let seen = 0;
      for await (const item of active.items(files)) {
        if (draw !== null && !draw.chosen.has(item.id)) continue;
        if (plan.limit !== null && seen >= plan.limit) break;
        seen += 1;
        if (!inShard(shard, plan.resolved.id, item.id)) continue;
        // loaded here, not at import: the ranks are several MB and only a dry run needs them
        encoder ??= (await import('js-tiktoken')).getEncoding('o200k_base');
        row.items += 1;
        row.requests += plan.samples;
        row.prompt_tokens += plan.samples * encoder.encode(requestText(item.request)).length;
        if (row.max_completion_tokens !== null && plan.generation.max_tokens !== undefined) {
          row.max_completion_tokens += plan.samples * plan.generation.max_tokens;
        }
        if (item.judgeEstimate) {
          row.judge_requests += plan.samples * item.judgeEstimate.requests;
          row.judge_prompt_tokens += plan.samples * item.judgeEstimate.prompt_tokens;
          row.judge_completion_tokens += plan.samples * item.judgeEstimate.completion_tokens;
          if (row.judge_answer_tokens_max !== null && plan.generation.max_tokens !== undefined) {
            row.judge_answer_tokens_max += plan.samples * item.judgeEstimate.requests * plan.generation.max_tokens;
          }
        }
      }
    } finally {
      await active.close();
    }
    rows.push(row);
  }
  return rows;
}

function cost(model: ModelConfig | undefined, input: number, output: number): string {
  if (!model?.pricing) return 'n/a (no pricing in config)';
  const usd = (input * model.pricing.input_per_mtok + output * model.pricing.output_per_mtok) / 1e6;
  return `$${usd.toFixed(2)} at most`;
}

export function formatDryRun(rows: readonly DryRunRow[], model: ModelConfig, judge: ModelConfig | undefined): string {
  const lines = ['Dry run: no request is sent.', ''];
  for (const r of rows) {
    lines.push(`${r.suite}: ${r.items} items, ${r.requests} requests, ~${r.prompt_tokens} prompt tokens, ` +
      `${r.max_completion_tokens === null ? 'no max_tokens set' : `at most ${r.max_completion_tokens} completion tokens`}; ` +
      `model cost ${cost(model, r.prompt_tokens, r.max_completion_tokens ?? 0)}`);
    if (r.judge_requests > 0) {
      const answers = r.judge_answer_tokens_max === null ? 'plus the judged answers' : `plus the judged answers (at most ${r.judge_answer_tokens_max})`;
      const judgeInput = r.judge_prompt_tokens + (r.judge_answer_tokens_max ?? 0);
      lines.push(`  judge${judge ? ` (${judge.name})` : ''}: ${r.judge_requests} requests, ~${r.judge_prompt_tokens} prompt tokens ${answers}, ` +
        `~${r.judge_completion_tokens} completion tokens; judge cost ${cost(judge, judgeInput, r.judge_completion_tokens)}`);
    }
  }
  return lines.join('\n');
}
