// Chunks in, the message a non-streamed response would hold out.
import { describe, expect, it } from 'vitest';
import { createStreamAssembler } from '../../../harness/endpoint/stream-assembly.ts';

const chunk = (delta: Record<string, unknown>, finish: string | null = null, index = 0) => ({ choices: [{ index, delta, finish_reason: finish }] });

describe('createStreamAssembler', () => {
  it('joins content and reasoning deltas in their own fields, keeps the last usage, and ignores other choices', () => {
    const a = createStreamAssembler();
    a.add(chunk({ role: 'assistant' }));
    a.add(chunk({ reasoning_content: 'six ' }));
    a.add(chunk({ reasoning_content: 'sevens' }));
    a.add(chunk({ content: 'the answer' }, null, 1)); // a second choice is not the answer
    a.add(chunk({ content: '42' }));
    a.add({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 1 } });
    a.add(chunk({}, 'stop'));
    a.add({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, completion_tokens_details: { reasoning_tokens: 2 } } });
    expect(a.finish()).toEqual({
      message: { content: '42', reasoning_content: 'six sevens' },
      finishReason: 'stop',
      usage: { prompt_tokens: 5, completion_tokens: 3, reasoning_tokens: 2 },
    });
  });

  it('reads the completions API\'s text choices, and leaves content null when none came', () => {
    const text = createStreamAssembler();
    for (const piece of [' 4', '2']) text.add({ choices: [{ index: 0, text: piece, finish_reason: null }] });
    text.add({ choices: [{ index: 0, text: '', finish_reason: 'length' }] });
    expect(text.finish()).toMatchObject({ message: { content: ' 42' }, finishReason: 'length', usage: null });
    const empty = createStreamAssembler();
    empty.add(chunk({ role: 'assistant' }));
    empty.add(chunk({}, 'content_filter'));
    expect(empty.finish().message).toEqual({ content: null });
  });

  it('refuses a stream that never finished: a partial answer is never returned', () => {
    const a = createStreamAssembler();
    a.add(chunk({ content: 'The answer is' }));
    expect(() => a.finish()).toThrow(/stream broken: the stream ended before the answer finished/);
  });
});
