// Which tasks this build scores: task name -> scorer (or a factory for scorers that need a pool).
// A task is offered only once its scorer is here; a config naming any other task is an error.
import { scoreCoding } from './coding.ts';
import { ctaScorer, scoreTablereformat, tablejoinScorer } from './data-analysis.ts';
import { scoreInstructionFollowing } from './instruction-following.ts';
import { scoreConnections, scorePlotUnscrambling, scoreTypos } from './language.ts';
import { scoreAmpsHard, scoreMathComp, scoreOlympiad } from './math.ts';
import { spatialScorer, webOfLiesScorer, zebraPuzzleScorer } from './reasoning.ts';
import type { TaskScorerEntry } from './types.ts';

export const TASK_SCORERS: Readonly<Record<string, TaskScorerEntry>> = {
  // coding: one sandboxed grader for both tasks
  LCB_generation: scoreCoding,
  coding_completion: scoreCoding,
  // data_analysis (tablereformat: pandas in Python workers)
  cta: ctaScorer,
  tablejoin: tablejoinScorer,
  tablereformat: scoreTablereformat,
  // instruction_following: one scorer for the four tasks
  paraphrase: scoreInstructionFollowing,
  simplify: scoreInstructionFollowing,
  story_generation: scoreInstructionFollowing,
  summarize: scoreInstructionFollowing,
  // language
  connections: scoreConnections,
  plot_unscrambling: scorePlotUnscrambling,
  typos: scoreTypos,
  // math (AMPS_Hard: sympy in Python workers)
  AMPS_Hard: scoreAmpsHard,
  math_comp: scoreMathComp,
  olympiad: scoreOlympiad,
  // reasoning
  web_of_lies_v2: webOfLiesScorer,
  zebra_puzzle: zebraPuzzleScorer,
  spatial: spatialScorer,
};
