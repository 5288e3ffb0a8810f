import { describe, expect, it } from 'vitest';
import { parseDurationMs, retryAfterFromHeaders } from '../../../harness/endpoint/retry-hints.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('retry hints', () => {
  it('parses Go-style reset durations', () => {
    expect(parseDurationMs('1s')).toBe(1000);
    expect(parseDurationMs('6m0s')).toBe(360_000);
    expect(parseDurationMs('250ms')).toBe(250);
    expect(parseDurationMs('1h2m3.5s')).toBe(3_723_500);
    expect(parseDurationMs('2')).toBe(2000);
    expect(parseDurationMs('soon')).toBeNull();
    expect(parseDurationMs('')).toBeNull();
  });

  it('prefers retry-after-ms, then Retry-After seconds or date, then reset headers', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '120', 'retry-after': '9' }), NOW)).toBe(120);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '3' }), NOW)).toBe(3000);
    const date = new Date(NOW + 4000).toUTCString();
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': date }), NOW)).toBe(4000);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': new Date(NOW - 9000).toUTCString() }), NOW)).toBe(0);
    expect(
      retryAfterFromHeaders(new Headers({ 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '6m0s' }), NOW),
    ).toBe(360_000);
  });

  it('ignores a reset header whose budget is not exhausted', () => {
    const headers = new Headers({
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '250ms',
      'x-ratelimit-remaining-tokens': '5000',
      'x-ratelimit-reset-tokens': '6m0s',
    });
    expect(retryAfterFromHeaders(headers, NOW)).toBe(250);
    expect(retryAfterFromHeaders(new Headers(), NOW)).toBeNull();
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': 'whenever' }), NOW)).toBeNull();
  });
});
