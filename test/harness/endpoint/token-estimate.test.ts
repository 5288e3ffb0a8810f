import { describe, expect, it } from 'vitest';
import { createTokenEstimator, promptTokenEstimate } from '../../../harness/endpoint/token-estimate.ts';

const chat = { kind: 'chat' as const, messages: [{ role: 'user' as const, content: 'x'.repeat(400) }] };

describe('token estimates', () => {
  it('counts about four characters per prompt token plus per-message overhead', () => {
    expect(promptTokenEstimate(chat)).toBe(104);
    expect(promptTokenEstimate({ kind: 'completion', prompt: 'y'.repeat(41) })).toBe(11);
  });

  it('starts from max_tokens, then learns the completion size from reported usage', () => {
    const estimator = createTokenEstimator(1024);
    expect(estimator.estimate(chat, {})).toBe(104 + 1024);
    expect(estimator.estimate(chat, { max_tokens: 4000 })).toBe(104 + 4000);
    estimator.observe({ prompt_tokens: 100, completion_tokens: 500, reasoning_tokens: null });
    expect(estimator.estimate(chat, { max_tokens: 4000 })).toBe(104 + 500);
    estimator.observe({ prompt_tokens: 100, completion_tokens: 1500, reasoning_tokens: 1000 });
    expect(estimator.expectedCompletionTokens()).toBe(700);
    // never more than the request may produce
    expect(estimator.estimate(chat, { max_tokens: 300 })).toBe(104 + 300);
  });
});
