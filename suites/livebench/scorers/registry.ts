// Which tasks this build scores: task name -> scorer (or a factory for scorers that need a pool).
// A task is offered only once its scorer is here; a config naming any other task is an error.
import { ctaScorer, tablejoinScorer } from './data-analysis.ts';
import { scoreInstructionFollowing } from './instruction-following.ts';
import { scoreConnections, scorePlotUnscrambling, scoreTypos } from './language.ts';
import { spatialScorer, webOfLiesScorer, zebraPuzzleScorer } from './reasoning.ts';
import type { TaskScorerEntry } from './types.ts';

export const TASK_SCORERS: Readonly<Record<string, TaskScorerEntry>> = {
  // data_analysis (tablereformat: not yet)
  cta: ctaScorer,
  tablejoin: tablejoinScorer,
  // instruction_following: one scorer for the four tasks
  paraphrase: scoreInstructionFollowing,
  simplify: scoreInstructionFollowing,
  story_generation: scoreInstructionFollowing,
  summarize: scoreInstructionFollowing,
  // language
  connections: scoreConnections,
  plot_unscrambling: scorePlotUnscrambling,
  typos: scoreTypos,
  // reasoning
  web_of_lies_v2: webOfLiesScorer,
  zebra_puzzle: zebraPuzzleScorer,
  spatial: spatialScorer,
};
