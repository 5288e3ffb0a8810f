// Keys must never reach logs, journals or error messages, whatever an upstream server echoes back.

const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bBearer\s+[^\s"',;]+/gi, 'Bearer [redacted]'],
  [/\b(sk|rk|pk)-[A-Za-z0-9_-]{6,}/g, '$1-[redacted]'],
  [/\b(authorization|api[-_]?key|x-api-key|access[-_]?token)(["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi, '$1$2[redacted]'],
];

const MAX_MESSAGE_CHARS = 1000;

/** The run's own credentials, whatever their shape (Google, Hugging Face, vendor keys): echoed back, they are cut out. */
const knownSecrets = new Set<string>();

/** Registers a credential value read from the environment; values shorter than 6 characters are ignored. */
export function registerSecret(value: string): void {
  if (value.length >= 6) knownSecrets.add(value);
}

/** Removes anything that looks like a credential and bounds the length. */
export function scrubSecrets(text: string): string {
  let out = text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
  for (const secret of knownSecrets) out = out.split(secret).join('[redacted]');
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
