// Assembles a streamed answer (server-sent chat.completion.chunk or text_completion chunks) into the message,
// finish reason and usage a non-streamed response would have held, so the same normalisation applies and
// the journal cannot tell the two apart.
import type { Usage } from '../suite.ts';
import { streamBrokenError } from './errors.ts';
import { usageOf } from './usage.ts';

export type AssembledStream = {
  /** the message as a non-streamed response would carry it: content, and reasoning in the field it came in */
  message: { content: string | null; reasoning_content?: string; reasoning?: string };
  finishReason: string;
  usage: Usage | null;
};

export type StreamAssembler = {
  /** one parsed chunk, as the SDK yields it */
  add(chunk: unknown): void;
  /** the whole answer; throws a stream-broken error when the stream ended before a finish reason */
  finish(): AssembledStream;
};

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** Appends without building a string per chunk: parts are joined once at the end. */
function appender(): { push(value: unknown): void; text(): string | null } {
  const parts: string[] = [];
  let seen = false;
  return {
    push(value) {
      if (typeof value !== 'string') return;
      seen = true;
      if (value !== '') parts.push(value);
    },
    text: () => (seen ? parts.join('') : null),
  };
}

export function createStreamAssembler(): StreamAssembler {
  const content = appender();
  const reasoningContent = appender();
  const reasoning = appender();
  let finishReason: string | null = null;
  let usage: Usage | null = null;
  return {
    add(chunk) {
      // usage arrives in a last chunk with no choices (stream_options.include_usage); some servers repeat it
      const chunkUsage = usageOf(field(chunk, 'usage'));
      if (chunkUsage !== null) usage = chunkUsage;
      const choices = field(chunk, 'choices');
      if (!Array.isArray(choices)) return;
      for (const choice of choices) {
        // one completion per request: only the first choice counts, as without streaming
        if ((field(choice, 'index') ?? 0) !== 0) continue;
        const delta = field(choice, 'delta');
        if (delta !== undefined) {
          content.push(field(delta, 'content'));
          reasoningContent.push(field(delta, 'reasoning_content'));
          reasoning.push(field(delta, 'reasoning'));
        } else {
          content.push(field(choice, 'text')); // the completions API
        }
        const reason = field(choice, 'finish_reason');
        if (typeof reason === 'string') finishReason = reason;
      }
    },
    finish() {
      if (finishReason === null) throw streamBrokenError('the stream ended before the answer finished (no finish_reason)');
      const message: AssembledStream['message'] = { content: content.text() };
      const rc = reasoningContent.text();
      const r = reasoning.text();
      if (rc !== null) message.reasoning_content = rc;
      if (r !== null) message.reasoning = r;
      return { message, finishReason, usage };
    },
  };
}
