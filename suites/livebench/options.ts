// The suite's own config keys (suites.livebench.*). Which tasks can run depends on the scorer registry,
// so the schema is built from it: a task without a scorer is refused with the tasks that have one.
import { z } from 'zod';
import { CATEGORIES, TASKS_BY_CATEGORY, categoryOfTask, type Category } from './categories.ts';
import { DEFAULT_RELEASE, LIVE_BENCH_RELEASES } from './releases.ts';
import type { TaskScorerEntry } from './scorers/types.ts';

export type Registry = Readonly<Record<string, TaskScorerEntry>>;

export type LiveBenchOptions = {
  release: string;
  /** categories whose files are read */
  categories: Category[];
  /** tasks that are asked and scored */
  tasks: string[];
  /** null: no system message */
  system_prompt: string | null;
  /** the config named categories or tasks (a local copy must then hold every chosen task) */
  explicit: boolean;
};

/** Categories whose every task of the release has a scorer: the default when the config names none. */
export function completeCategories(registry: Registry): Category[] {
  return CATEGORIES.filter((c) => TASKS_BY_CATEGORY[c].every((task) => registry[task] !== undefined));
}

export function optionsSchemaFor(registry: Registry): z.ZodType<LiveBenchOptions> {
  const scored = Object.keys(registry).sort();
  return z
    .strictObject({
      /** the release rule's R: questions released on or before it and not removed by then */
      release: z.enum(LIVE_BENCH_RELEASES).default(DEFAULT_RELEASE),
      categories: z.array(z.enum(CATEGORIES)).min(1).optional(),
      tasks: z.array(z.string().min(1)).min(1).optional(),
      /** "none" (no system message) or the literal text of one */
      system_prompt: z.string().min(1).default('none'),
    })
    .transform((raw, ctx): LiveBenchOptions => {
      const fail = (path: string, message: string): LiveBenchOptions => {
        // the config loader appends its own ". See ..." after the message
        ctx.addIssue({ code: 'custom', path: [path], message: message.replace(/\.$/, '') });
        return z.NEVER;
      };
      const system_prompt = raw.system_prompt === 'none' ? null : raw.system_prompt;
      const complete = completeCategories(registry);
      for (const task of raw.tasks ?? []) {
        if (categoryOfTask(task) === null) return fail('tasks', `"${task}" is not a task of this release. Tasks: ${CATEGORIES.flatMap((c) => TASKS_BY_CATEGORY[c]).join(', ')}.`);
        if (registry[task] === undefined) return fail('tasks', `"${task}" has no scorer in this build yet. Tasks that can run: ${scored.join(', ') || 'none'}.`);
      }
      for (const category of raw.categories ?? []) {
        const missing = TASKS_BY_CATEGORY[category].filter((task) => registry[task] === undefined);
        if (missing.length > 0 && raw.tasks === undefined) {
          return fail('categories', `"${category}" cannot run whole: no scorer yet for ${missing.join(', ')}. Pick its scored tasks under tasks:, or use one of: ${complete.join(', ') || 'none'}.`);
        }
      }
      if (raw.tasks !== undefined) {
        const chosen = raw.categories;
        const outside = chosen === undefined ? [] : raw.tasks.filter((t) => !chosen.some((c) => c === categoryOfTask(t)));
        if (outside.length > 0) return fail('tasks', `${outside.join(', ')} not in the chosen categories (${(chosen ?? []).join(', ')}). Add the category or drop the task.`);
        const categories = chosen ?? CATEGORIES.filter((c) => raw.tasks?.some((t) => categoryOfTask(t) === c));
        return { release: raw.release, categories, tasks: raw.tasks, system_prompt, explicit: true };
      }
      const categories = raw.categories ?? complete;
      if (categories.length === 0) return fail('categories', `no category has a scorer for all its tasks yet. Name tasks under tasks: (scored: ${scored.join(', ') || 'none'}).`);
      return { release: raw.release, categories, tasks: categories.flatMap((c) => TASKS_BY_CATEGORY[c]), system_prompt, explicit: raw.categories !== undefined };
    });
}
