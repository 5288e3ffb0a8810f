// LiveBench's six categories and the tasks of release 2024-11-25 (research §1.4). The category of a
// question comes from its own `category` field; this map is for choosing tasks and for leaderboard tables.

/** LIVE_BENCH_CATEGORIES, in upstream's order. */
export const CATEGORIES = ['coding', 'data_analysis', 'instruction_following', 'math', 'reasoning', 'language'] as const;
export type Category = (typeof CATEGORIES)[number];

export const TASKS_BY_CATEGORY: Readonly<Record<Category, readonly string[]>> = {
  coding: ['LCB_generation', 'coding_completion'],
  data_analysis: ['cta', 'tablejoin', 'tablereformat'],
  instruction_following: ['paraphrase', 'simplify', 'story_generation', 'summarize'],
  math: ['AMPS_Hard', 'math_comp', 'olympiad'],
  reasoning: ['web_of_lies_v2', 'zebra_puzzle', 'spatial'],
  language: ['connections', 'plot_unscrambling', 'typos'],
};

export function isCategory(name: string): name is Category {
  return CATEGORIES.some((c) => c === name);
}

/** The category of a task of this release; null for a task it does not hold. */
export function categoryOfTask(task: string): Category | null {
  for (const category of CATEGORIES) if (TASKS_BY_CATEGORY[category].includes(task)) return category;
  return null;
}
