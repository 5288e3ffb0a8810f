// Writes an answer as an OpenAI-style server-sent event stream: a role chunk, reasoning and content in
// pieces, a finish chunk, a usage chunk when asked for, and [DONE]. Used by the simulator and the tests.
import type { ServerResponse } from 'node:http';

export type StreamedAnswer = {
  id: string;
  /** 'chat' streams chat.completion.chunk deltas; 'text' streams text_completion choices */
  api: 'chat' | 'text';
  content: string;
  reasoning: { field: 'reasoning_content' | 'reasoning'; text: string } | null;
  finishReason: string;
  usage: Record<string, number> | null;
  /** pieces per text: more chunks exercise the assembly (and cost more CPU, which the benchmark measures) */
  pieces?: number;
};

function split(text: string, pieces: number): string[] {
  if (text === '') return [];
  const size = Math.max(1, Math.ceil(text.length / pieces));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The `data:` payloads of the stream, in order, without the final [DONE]. */
export function streamEvents(answer: StreamedAnswer): unknown[] {
  const pieces = answer.pieces ?? 4;
  const common = { id: answer.id, created: 0, model: 'simulated' };
  const events: unknown[] = [];
  const chunk = (delta: Record<string, string> | null, text: string | null, finish: string | null): unknown =>
    answer.api === 'chat'
      ? { ...common, object: 'chat.completion.chunk', choices: [{ index: 0, delta: delta ?? {}, finish_reason: finish }] }
      : { ...common, object: 'text_completion', choices: [{ index: 0, text: text ?? '', finish_reason: finish }] };
  if (answer.api === 'chat') events.push(chunk({ role: 'assistant' }, null, null));
  const reasoning = answer.reasoning;
  if (reasoning !== null && answer.api === 'chat') {
    for (const piece of split(reasoning.text, pieces)) events.push(chunk({ [reasoning.field]: piece }, null, null));
  }
  for (const piece of split(answer.content, pieces)) events.push(chunk({ content: piece }, piece, null));
  events.push(chunk({}, '', answer.finishReason));
  if (answer.usage !== null) events.push({ ...common, object: answer.api === 'chat' ? 'chat.completion.chunk' : 'text_completion', choices: [], usage: answer.usage });
  return events;
}

export function writeEventStreamHead(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
}

export function eventLine(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/** Streams the whole answer in one go (the simulator's latency is spent before it). */
export function writeEventStream(res: ServerResponse, answer: StreamedAnswer): void {
  writeEventStreamHead(res);
  res.end(`${streamEvents(answer).map(eventLine).join('')}data: [DONE]\n\n`);
}
