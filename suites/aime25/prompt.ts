// Qwen's math instruction after the problem, as one user message (Qwen3 model card, "Best Practices").
import { createHash } from 'node:crypto';
import type { SampleRequest } from '../../harness/suite.ts';

export const MATH_INSTRUCTION = 'Please reason step by step, and put your final answer within \\boxed{}.';
export const PROMPT_TEMPLATE = `{problem}\n${MATH_INSTRUCTION}`;
export const PROMPT_TEMPLATE_HASH = createHash('sha256').update(PROMPT_TEMPLATE).digest('hex');

export function aimeRequest(problem: string): SampleRequest {
  return { kind: 'chat', messages: [{ role: 'user', content: PROMPT_TEMPLATE.replace('{problem}', () => problem) }] };
}
