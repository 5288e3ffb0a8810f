import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attemptSignal } from '../../../harness/endpoint/attempt-signal.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('attemptSignal', () => {
  it('aborts with a TimeoutError when the attempt runs out of time', () => {
    const attempt = attemptSignal(new AbortController().signal, 1000);
    vi.advanceTimersByTime(999);
    expect(attempt.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timedOut()).toBe(true);
    expect(attempt.signal.reason).toBeInstanceOf(DOMException);
  });

  it('follows the run signal, and is not a timeout then', () => {
    const run = new AbortController();
    const attempt = attemptSignal(run.signal, 1000);
    run.abort(new Error('stop'));
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timedOut()).toBe(false);
    expect(attemptSignal(run.signal, 1000).signal.aborted).toBe(true);
  });

  it('aborts every attempt in flight when the run is aborted', () => {
    const run = new AbortController();
    const attempts = Array.from({ length: 50 }, () => attemptSignal(run.signal, 1000));
    run.abort();
    expect(attempts.every((a) => a.signal.aborted && !a.timedOut())).toBe(true);
  });

  it('leaves no timer or listener behind once disposed', () => {
    const run = new AbortController();
    const attempt = attemptSignal(run.signal, 1000);
    attempt.dispose();
    expect(vi.getTimerCount()).toBe(0);
    run.abort();
    vi.advanceTimersByTime(5000);
    expect(attempt.signal.aborted).toBe(false);
  });
});
