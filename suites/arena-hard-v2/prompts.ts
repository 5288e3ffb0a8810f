// Judge prompts of arena-hard-auto v2.0 (utils/judge_utils.py JUDGE_SETTINGS, config/arena-hard-v2.0.yaml), verbatim.
import { createHash } from 'node:crypto';
import type { ChatMessage } from '../../harness/suite.ts';
import type { Category } from './schema.ts';

const INTRO =
  "Please act as an impartial judge and evaluate the quality of the responses provided by two AI assistants to the user prompt displayed below. You will be given assistant A's answer and assistant B's answer. Your job is to evaluate which assistant's answer is better.";

const OWN_ANSWER =
  'Begin your evaluation by generating your own answer to the prompt. You must provide your answers before judging any answers.\n\n' +
  "When evaluating the assistants' answers, compare both assistants' answers with your answer. You must identify and correct any mistakes or inaccurate information.";

const COMPARE_ONLY =
  "When evaluating the assistants' answers, compare both assistants' answers. You must identify and correct any mistakes or inaccurate information.";

const CRITERIA_AND_LABELS =
  "Then consider if the assistant's answers are helpful, relevant, and concise. Helpful means the answer correctly responds to the prompt or follows the instructions. Note when user prompt has any ambiguity or more than one interpretation, it is more helpful and appropriate to ask for clarifications or more information from the user than providing an answer based on assumptions. Relevant means all parts of the response closely connect or are appropriate to what is being asked. Concise means the response is clear and not verbose or excessive.\n\n" +
  "Then consider the creativity and novelty of the assistant's answers when needed. Finally, identify any missing important information in the assistants' answers that would be beneficial to include when responding to the user prompt.\n\n" +
  'After providing your explanation, you must output only one of the following choices as your final verdict with a label:\n\n' +
  '1. Assistant A is significantly better: [[A>>B]]\n' +
  '2. Assistant A is slightly better: [[A>B]]\n' +
  '3. Tie, relatively the same: [[A=B]]\n' +
  '4. Assistant B is slightly better: [[B>A]]\n' +
  '5. Assistant B is significantly better: [[B>>A]]\n\n' +
  'Example output: "My final verdict is tie: [[A=B]]".';

/** OG_ARENA_HARD_PROMPT: the judge writes its own answer first. */
export const HARD_PROMPT_SYSTEM = `${INTRO}\n\n${OWN_ANSWER}\n\n${CRITERIA_AND_LABELS}`;
/** The creative_writing system prompt: no own answer. */
export const CREATIVE_WRITING_SYSTEM = `${INTRO}\n\n${COMPARE_ONLY}\n\n${CRITERIA_AND_LABELS}`;

export const SYSTEM_PROMPTS: Readonly<Record<Category, string>> = {
  hard_prompt: HARD_PROMPT_SYSTEM,
  creative_writing: CREATIVE_WRITING_SYSTEM,
};

export const USER_TEMPLATE =
  "<|User Prompt|>\n{QUESTION}\n\n<|The Start of Assistant A's Answer|>\n{ANSWER_A}\n<|The End of Assistant A's Answer|>\n\n<|The Start of Assistant B's Answer|>\n{ANSWER_B}\n<|The End of Assistant B's Answer|>";

/** str.format in one pass, so a question that contains "{ANSWER_A}" is not substituted again. */
export function fillTemplate(values: { QUESTION: string; ANSWER_A: string; ANSWER_B: string }): string {
  return USER_TEMPLATE.replace(/\{(QUESTION|ANSWER_A|ANSWER_B)\}/g, (_, key: 'QUESTION' | 'ANSWER_A' | 'ANSWER_B') => values[key]);
}

/** Game 1 has the baseline as A; game 2 has the model as A. */
export function judgeMessages(
  category: Category,
  question: string,
  answerA: string,
  answerB: string,
): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM_PROMPTS[category] },
    { role: 'user', content: fillTemplate({ QUESTION: question, ANSWER_A: answerA, ANSWER_B: answerB }) },
  ];
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** One hash over everything the judge sees besides the answers, for protocol facts. */
export function promptTemplateHash(): string {
  return sha256Hex(JSON.stringify([HARD_PROMPT_SYSTEM, CREATIVE_WRITING_SYSTEM, USER_TEMPLATE]));
}
