// LiveBench (release 2024-11-25 by default): 18 tasks in six categories, each scored by its own
// ground-truth scorer (scorers/), aggregated as LiveBench's leaderboard does (aggregate.ts).
import { createHash } from 'node:crypto';
import type { ChatMessage, Suite } from '../../harness/suite.ts';
import { datasetSpec, loadQuestions, localLayout } from './dataset.ts';
import { HUB_FILES, hubFilesPinned, type LiveBenchHubFiles } from './hub-files.ts';
import { liveBenchMetrics, liveBenchNotes } from './metrics.ts';
import { optionsSchemaFor, type LiveBenchOptions, type Registry } from './options.ts';
import type { LiveBenchQuestion } from './question.ts';
import { TASK_SCORERS } from './scorers/registry.ts';
import { factoryReport, openSession, scoreAnswer, type LiveBenchSession } from './session.ts';

/** The LiveBench code this suite follows: the last commit while 2024-11-25 was the current release. */
export const CODE_REVISION = 'LiveBench a8f61fff2d5c4773b5d7ea1c686c2d5ebfaac0e1';

function messages(question: LiveBenchQuestion, options: LiveBenchOptions): ChatMessage[] {
  const out: ChatMessage[] = options.system_prompt === null ? [] : [{ role: 'system', content: options.system_prompt }];
  // every question of the releases has one turn (the loader refuses more): one user message
  for (const turn of question.turns) out.push({ role: 'user', content: turn });
  return out;
}

function templateHash(options: LiveBenchOptions): string {
  const template = JSON.stringify({ system: options.system_prompt, user: 'each turn verbatim as a user message' });
  return createHash('sha256').update(template).digest('hex').slice(0, 16);
}

/** `hubFiles`: where the questions are downloaded from; tests pin their own fixtures. */
export function createLiveBenchSuite(registry: Registry, hubFiles: LiveBenchHubFiles = HUB_FILES): Suite<LiveBenchQuestion, LiveBenchOptions, LiveBenchSession> {
  return {
    id: 'livebench',
    title: 'LiveBench',
    catalogue: { title: 'LiveBench', hf_repo: null, url: 'https://huggingface.co/livebench', aliases: ['LiveBench 20241125'] },
    optionsSchema: optionsSchemaFor(registry),
    // gen_api_answer.py: temperature 0 unless a question requires another, --max-tokens 4096; one choice
    defaults: { samples: 1, generation: { temperature: 0, max_tokens: 4096 } },
    dataset: (options) => datasetSpec(options, hubFiles),
    localLayout: (path, options) => localLayout(path, options),
    load: (files, options) => loadQuestions(files, options),
    itemId: (question) => question.question_id,
    // category and overall numbers are means of task means: a --subset draw takes each task in proportion
    strata: (question) => question.task,
    reference: (question) => question.ground_truth,
    request: (question, options) => ({ kind: 'chat', messages: messages(question, options) }),
    score: (question, completion, ctx) => scoreAnswer(ctx.session, question, completion.content, ctx.signal),
    aggregate: (samples, ctx) => liveBenchMetrics(samples, ctx.options.tasks),
    notes: (samples, ctx) => liveBenchNotes(samples, ctx.options.tasks),
    protocol(options) {
      const report = factoryReport(options);
      return {
        prompt_template_hash: templateHash(options),
        extractor: `livebench.ground-truth-scorers(${options.tasks.join(',')})`,
        deviations: report?.deviations ?? [],
        details: {
          release: options.release,
          categories: options.categories,
          tasks: options.tasks,
          // depends on the code version and the provider (research §2); never assumed equal to a published run's
          system_prompt: options.system_prompt ?? 'none',
          code_revision: CODE_REVISION,
          think_stripping: '<think>.*?</think> removed (DOTALL) before scoring',
          scorer_failure: 'the sample scores 0 and is counted as a scoring error (LiveBench HEAD); a8f61ff stopped the run',
          dataset_pin: hubFilesPinned(hubFiles) ? 'each file pinned by revision and sha256' : 'unpinned: no full revision and sha256 for every file',
          ...(report === null ? {} : { scorers: report.facts }),
        },
      };
    },
    setup: (options, flags) => openSession(registry, options, flags),
  };
}

export const suite = createLiveBenchSuite(TASK_SCORERS);
