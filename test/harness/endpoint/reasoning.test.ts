import { describe, expect, it } from 'vitest';
import { splitReasoning } from '../../../harness/endpoint/reasoning.ts';

describe('splitReasoning', () => {
  it('takes reasoning_content and reasoning fields apart from the answer', () => {
    expect(splitReasoning({ content: 'The answer is 70.', reasoning_content: 'add them' }, 'stop')).toEqual({
      content: 'The answer is 70.',
      reasoning: 'add them',
      truncated_in_thinking: false,
    });
    expect(splitReasoning({ content: '42', reasoning: 'vllm style' }, 'stop').reasoning).toBe('vllm style');
    expect(splitReasoning({ content: 'plain', reasoning_content: null }, 'stop')).toEqual({
      content: 'plain',
      reasoning: null,
      truncated_in_thinking: false,
    });
  });

  it('strips a <think> block from content', () => {
    const split = splitReasoning({ content: '<think>\nlet x = 3\n</think>\n\n\\boxed{3}' }, 'stop');
    expect(split).toEqual({ content: '\\boxed{3}', reasoning: 'let x = 3', truncated_in_thinking: false });
  });

  it('handles a bare </think> when the template opened the block in the prompt', () => {
    const split = splitReasoning({ content: 'thinking about \\boxed{1}\n</think>\nfinal: \\boxed{2}' }, 'stop');
    expect(split.content).toBe('final: \\boxed{2}');
    expect(split.reasoning).toBe('thinking about \\boxed{1}');
  });

  it('marks output cut off inside an unclosed think block', () => {
    const split = splitReasoning({ content: '<think>maybe \\boxed{5}, or' }, 'length');
    expect(split).toEqual({ content: '', reasoning: 'maybe \\boxed{5}, or', truncated_in_thinking: true });
  });

  it('marks a reasoning-field response that hit the limit with no answer', () => {
    const split = splitReasoning({ content: '', reasoning_content: 'still going' }, 'length');
    expect(split.truncated_in_thinking).toBe(true);
    expect(split.content).toBe('');
  });

  it('does not mark an answer that was cut off after thinking finished', () => {
    const split = splitReasoning({ content: '<think>done</think>The answer is', reasoning_content: null }, 'length');
    expect(split).toEqual({ content: 'The answer is', reasoning: 'done', truncated_in_thinking: false });
    expect(splitReasoning({ content: 'no thinking here' }, 'length').truncated_in_thinking).toBe(false);
  });
});
