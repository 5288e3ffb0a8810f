// Keys must never reach logs, journals or error messages, whatever an upstream server echoes back.

const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bBearer\s+[^\s"',;]+/gi, 'Bearer [redacted]'],
  [/\b(sk|rk|pk)-[A-Za-z0-9_-]{6,}/g, '$1-[redacted]'],
  [/\b(authorization|api[-_]?key|x-api-key|access[-_]?token)(["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi, '$1$2[redacted]'],
];

const MAX_MESSAGE_CHARS = 1000;

/** Removes anything that looks like a credential and bounds the length. */
export function scrubSecrets(text: string): string {
  let out = text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
