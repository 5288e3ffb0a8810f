// LiveBench instruction_following (paraphrase, simplify, story_generation, summarize): IFEval's strict
// checkers with LiveBench's edits, and the question's score (all followed + fraction followed) / 2
// (process_results/instruction_following/utils.py, a8f61ff). The answer arrives with <think> removed;
// LiveBench strips it before evaluation.
import { evaluateStrict, readInstructions } from '../ifeval/evaluate.ts';
import { pyStrip } from '../ifeval/python-text.ts';
import type { TaskScore, TaskScorer } from './types.ts';

export const scoreInstructionFollowing: TaskScorer = (question, answer): TaskScore => {
  const where = `question ${question.question_id} (${question.task})`;
  const instructions = readInstructions(question.raw, where);
  if (instructions.instructionIds.length === 0) {
    throw new Error(`${where}: instruction_id_list is empty; LiveBench divides by its length, so the question has no score`);
  }
  const response = pyStrip(answer);
  const { followAll, followed } = evaluateStrict(instructions, response);
  const fraction = followed.filter(Boolean).length / followed.length;
  return {
    score: ((followAll ? 1 : 0) + fraction) / 2,
    extracted: response === '' ? null : response,
    details: {
      follow_all_instructions: followAll,
      instructions: instructions.instructionIds.map((id, i) => ({ id, followed: followed[i] ?? false })),
    },
  };
};
