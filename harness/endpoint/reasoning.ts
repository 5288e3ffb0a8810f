// Separates a reasoning model's thinking from its answer, so scorers only ever see the answer.
// Servers report thinking three ways: `reasoning_content` (DeepSeek, Qwen/DashScope), `reasoning`
// (vLLM, OpenRouter), or inline `<think>…</think>` in content. When the chat template already put
// `<think>` into the prompt, content holds only the closing tag.

const OPEN = '<think>';
const CLOSE = '</think>';

export type SplitAnswer = {
  content: string;
  reasoning: string | null;
  /** stopped by the token limit before the thinking ended: there is no answer */
  truncated_in_thinking: boolean;
};

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function joinReasoning(a: string | null, b: string | null): string | null {
  if (a === null || a === '') return b === '' ? null : b;
  if (b === null || b === '') return a;
  return `${a}\n${b}`;
}

/** Splits inline `<think>` markup out of content. `open` is true when thinking never closed. */
function splitInline(content: string): { answer: string; thinking: string | null; open: boolean } {
  const close = content.lastIndexOf(CLOSE);
  if (close >= 0) {
    const thinking = content.slice(0, close).replaceAll(OPEN, '').replaceAll(CLOSE, '').trim();
    return { answer: content.slice(close + CLOSE.length).trimStart(), thinking, open: false };
  }
  const open = content.indexOf(OPEN);
  if (open >= 0) {
    return { answer: content.slice(0, open).trim(), thinking: content.slice(open + OPEN.length).trim(), open: true };
  }
  return { answer: content, thinking: null, open: false };
}

/**
 * `message` is the raw chat message (or `{ content: text }` for the completions API);
 * `finishReason` is the choice's finish_reason ("length" means the token limit was hit).
 */
export function splitReasoning(
  message: { content?: unknown; reasoning_content?: unknown; reasoning?: unknown },
  finishReason: string | null,
): SplitAnswer {
  const fieldReasoning = text(message.reasoning_content) ?? text(message.reasoning);
  const inline = splitInline(text(message.content) ?? '');
  const reasoning = joinReasoning(fieldReasoning, inline.thinking);
  const truncated = finishReason === 'length';
  // Out of tokens while thinking: either the think block never closed, or only reasoning came back.
  const inThinking = truncated && reasoning !== null && (inline.open || inline.answer.trim() === '');
  return {
    content: inThinking ? '' : inline.answer,
    reasoning,
    truncated_in_thinking: inThinking,
  };
}
