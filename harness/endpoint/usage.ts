// Token usage as an endpoint reports it, in a response body or in a stream's last chunk.
import type { Usage } from '../suite.ts';

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Usage as reported; reasoning tokens only when the server breaks them out. */
export function usageOf(raw: unknown): Usage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const prompt = count(Reflect.get(raw, 'prompt_tokens'));
  const completion = count(Reflect.get(raw, 'completion_tokens'));
  if (prompt === null || completion === null) return null;
  const details: unknown = Reflect.get(raw, 'completion_tokens_details');
  const reasoning = typeof details === 'object' && details !== null ? count(Reflect.get(details, 'reasoning_tokens')) : null;
  return { prompt_tokens: prompt, completion_tokens: completion, reasoning_tokens: reasoning };
}
