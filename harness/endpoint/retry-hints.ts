// How long a server asks us to wait before retrying, read from its response headers.

/** Anything with a case-insensitive `get`, such as the fetch `Headers` the openai SDK attaches to errors. */
export type HeaderReader = { get(name: string): string | null };

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses rate-limit reset values such as "1s", "6m0s", "250ms", "1h2m3.5s" or a bare number of seconds. */
export function parseDurationMs(value: string): number | null {
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  let total = 0;
  let consumed = 0;
  for (const match of text.matchAll(DURATION_PART)) {
    const amount = Number(match[1]);
    const unit = UNIT_MS[match[2] ?? ''];
    if (unit === undefined || !Number.isFinite(amount)) return null;
    total += amount * unit;
    consumed += match[0].length;
  }
  // every character must belong to a part, so "soon" or "5 minutes" is not read as a duration
  return consumed === text.length && consumed > 0 ? total : null;
}

function nonNegative(ms: number): number {
  return Math.max(0, Math.round(ms));
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string, nowMs: number): number | null {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return nonNegative(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : nonNegative(date - nowMs);
}

/** A reset header only matters when its budget is exhausted (or the server does not say). */
function resetMs(headers: HeaderReader, kind: 'requests' | 'tokens'): number | null {
  const reset = headers.get(`x-ratelimit-reset-${kind}`);
  if (reset === null) return null;
  const remaining = headers.get(`x-ratelimit-remaining-${kind}`);
  if (remaining !== null && Number(remaining) > 0) return null;
  return parseDurationMs(reset);
}

/**
 * The wait the server asked for, in ms, or null when it gave no usable hint.
 * Precedence follows the openai SDK: retry-after-ms, then Retry-After, then x-ratelimit-reset-*.
 */
export function retryAfterFromHeaders(headers: HeaderReader | null | undefined, nowMs: number): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms !== null) {
    const value = Number(ms.trim());
    if (ms.trim() !== '' && Number.isFinite(value)) return nonNegative(value);
  }
  const after = headers.get('retry-after');
  if (after !== null) {
    const value = parseRetryAfterMs(after, nowMs);
    if (value !== null) return value;
  }
  const requests = resetMs(headers, 'requests');
  const tokens = resetMs(headers, 'tokens');
  if (requests === null && tokens === null) return null;
  return nonNegative(Math.max(requests ?? 0, tokens ?? 0));
}
