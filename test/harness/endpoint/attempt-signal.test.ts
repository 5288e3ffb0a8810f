import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAttemptClock, type AttemptSignal, type AttemptTimeouts } from '../../../harness/endpoint/attempt-signal.ts';

/** One attempt on a clock of its own; a number is a plain response limit. */
function attemptSignal(run: AbortSignal, limits: AttemptTimeouts | number): AttemptSignal {
  return createAttemptClock(typeof limits === 'number' ? { idleMs: limits, totalMs: null, idleWhat: 'no response' } : limits).start(run);
}

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

describe('attemptSignal for a streamed attempt', () => {
  it('counts silence: every chunk starts the idle timer again, and the cap ends it whatever arrives', () => {
    const attempt = attemptSignal(new AbortController().signal, { idleMs: 100, totalMs: 250, idleWhat: 'no chunk' });
    for (let i = 0; i < 2; i++) {
      vi.advanceTimersByTime(90);
      attempt.touch();
    }
    expect(attempt.signal.aborted).toBe(false); // 180 ms in, never 100 ms silent
    vi.advanceTimersByTime(60);
    attempt.touch();
    vi.advanceTimersByTime(10);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timeoutMessage()).toBe('request still running after 250 ms (runner.max_request_s)');
    attempt.dispose();
  });

  it('names the silence when nothing arrives', () => {
    const attempt = attemptSignal(new AbortController().signal, { idleMs: 100, totalMs: null, idleWhat: 'no chunk' });
    vi.advanceTimersByTime(100);
    expect(attempt.timeoutMessage()).toBe('no chunk within 100 ms');
    attempt.dispose();
  });
});

describe('createAttemptClock', () => {
  it('runs every attempt in flight under one timer, each ending at its own deadline', () => {
    const clock = createAttemptClock({ idleMs: 1000, totalMs: null, idleWhat: 'no response' });
    const run = new AbortController().signal;
    const first = clock.start(run);
    vi.advanceTimersByTime(400);
    const second = clock.start(run);
    const third = clock.start(run);
    expect(vi.getTimerCount()).toBe(1);
    first.dispose(); // the oldest settles: the others keep their own deadlines
    vi.advanceTimersByTime(999);
    expect([second.signal.aborted, third.signal.aborted]).toEqual([false, false]);
    vi.advanceTimersByTime(1);
    expect([second.timeoutMessage(), third.timeoutMessage()]).toEqual(['no response within 1000 ms', 'no response within 1000 ms']);
    expect(first.signal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('moves a touched attempt behind the others, and stops the timer when none is left', () => {
    const clock = createAttemptClock({ idleMs: 100, totalMs: 250, idleWhat: 'no chunk' });
    const run = new AbortController().signal;
    const quiet = clock.start(run);
    const talking = clock.start(run);
    vi.advanceTimersByTime(90);
    talking.touch();
    vi.advanceTimersByTime(10);
    expect(quiet.timeoutMessage()).toBe('no chunk within 100 ms');
    expect(talking.signal.aborted).toBe(false);
    vi.advanceTimersByTime(89);
    expect(talking.signal.aborted).toBe(false);
    talking.dispose();
    expect(vi.getTimerCount()).toBe(0);
    talking.touch(); // a chunk read after the attempt settled does not put it back
    expect(vi.getTimerCount()).toBe(0);
  });

  it('calls the abort listener once, and not after it is removed', () => {
    const run = new AbortController();
    const clock = createAttemptClock({ idleMs: 1000, totalMs: null, idleWhat: 'no response' });
    const kept = clock.start(run.signal);
    const removed = clock.start(run.signal);
    const calls: string[] = [];
    const onRemoved = (): void => void calls.push('removed');
    kept.signal.addEventListener('abort', () => calls.push('kept'));
    removed.signal.addEventListener('abort', onRemoved);
    removed.signal.removeEventListener('abort', onRemoved);
    run.abort(new Error('stop'));
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual(['kept']);
    expect(kept.signal.reason).toEqual(new Error('stop'));
    expect(kept.timedOut()).toBe(false);
  });
});
