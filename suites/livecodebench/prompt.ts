// The official chat prompt of lcb_runner (LMStyle.OpenAIChat): one system message, one user message.
import { createHash } from 'node:crypto';
import type { SampleRequest } from '../../harness/suite.ts';

export const SYSTEM_MESSAGE =
  'You are an expert Python programmer. You will be given a question (problem specification) and will generate a correct Python program that matches the specification and passes all tests.';

const FORMAT_WITH_STARTER = 'You will use the following starter code to write the solution to the problem and enclose your code within delimiters.';

const FORMAT_WITHOUT_STARTER =
  'Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows. Ensure that when the python program runs, it reads the inputs, runs the algorithm and writes output to STDOUT.';

const FENCE = '```';

/** The user message: question, format line with starter code or placeholder, answer cue. */
export function userMessage(questionContent: string, starterCode: string): string {
  let prompt = `### Question:\n${questionContent}\n\n`;
  if (starterCode) {
    prompt += `### Format: ${FORMAT_WITH_STARTER}\n`;
    prompt += `${FENCE}python\n${starterCode}\n${FENCE}\n\n`;
  } else {
    prompt += `### Format: ${FORMAT_WITHOUT_STARTER}\n`;
    prompt += `${FENCE}python\n# YOUR CODE HERE\n${FENCE}\n\n`;
  }
  prompt += '### Answer: (use the provided format with backticks)\n\n';
  return prompt;
}

export function buildRequest(questionContent: string, starterCode: string): SampleRequest {
  return {
    kind: 'chat',
    messages: [
      { role: 'system', content: SYSTEM_MESSAGE },
      { role: 'user', content: userMessage(questionContent, starterCode) },
    ],
  };
}

/** Hash of the templates rendered with placeholders: changes whenever any prompt text changes. */
export function promptTemplateHash(): string {
  const hash = createHash('sha256');
  hash.update(SYSTEM_MESSAGE);
  hash.update('\u0000');
  hash.update(userMessage('{question_content}', '{starter_code}'));
  hash.update('\u0000');
  hash.update(userMessage('{question_content}', ''));
  return `sha256:${hash.digest('hex')}`;
}
