// The cancellation for one attempt: it ends when the run is aborted or the attempt's time is up.
// Neither an AbortController nor a timer per attempt: on Node 20 an AbortSignal is an EventTarget (about
// 1.4 KB and a listener registration per request), and AbortSignal.any([run, AbortSignal.timeout(ms)]) costs
// about 35 µs and keeps ~2 KB alive until the timer expires. An attempt is a plain object that the client
// sees through the two members of AbortSignal it uses (`aborted`/`reason` and one 'abort' listener).
// Every attempt of a sender has the same time limit, so deadlines come in the order attempts start: the
// attempts in flight form a list in deadline order (taken out in O(1) when they settle) under one timer,
// set for the oldest deadline. A streamed attempt moves to the end of its list on every chunk (`touch`),
// so the timer measures silence; an optional second list caps the attempt as a whole. The run signal gets
// one listener for all attempts (not one each, which would trip Node's max-listeners warning).

import { DeadlineList, type Listed } from './deadline-list.ts';

/** What a client reads of an abort signal; an AbortSignal is one, and so is an attempt. */
export type CancelSignal = {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
};

export type AttemptSignal = {
  signal: CancelSignal;
  /** true when one of the attempt's own time limits ran out (not the run being aborted) */
  timedOut(): boolean;
  /** what ran out, for the error message; null when nothing did */
  timeoutMessage(): string | null;
  /** something arrived: the silence limit starts again */
  touch(): void;
  /** forgets the attempt (and stops the timers when none is left); call when the attempt settles */
  dispose(): void;
};

export type AttemptTimeouts = {
  /** without a response (or, streaming, without a chunk) for this long, the attempt ends */
  idleMs: number;
  /** the attempt ends after this long whatever arrives; null for no cap */
  totalMs: number | null;
  /** names the idle limit in messages: "no response" or "no chunk" */
  idleWhat: string;
};

/** Starts attempts that share one set of time limits (a sender's). */
export type AttemptClock = { start(run: AbortSignal): AttemptSignal };

const NO_LISTENER = (): void => {};

const listening = new WeakMap<AbortSignal, Set<Clock>>();

/** The clocks with attempts of this run; the run signal gets one listener for all of them. */
function clocksOf(run: AbortSignal): Set<Clock> {
  const known = listening.get(run);
  if (known !== undefined) return known;
  const clocks = new Set<Clock>();
  listening.set(run, clocks);
  run.addEventListener(
    'abort',
    () => {
      for (const clock of clocks) clock.abortRun(run);
      clocks.clear();
    },
    { once: true },
  );
  return clocks;
}

class Attempt implements AttemptSignal, CancelSignal, Listed<Attempt> {
  aborted = false;
  reason: unknown = undefined;
  expired: string | null = null;
  /** settled: a late chunk does not put it back on the list */
  disposed = false;
  idleDeadline = 0;
  idlePrev: Attempt | null = null;
  idleNext: Attempt | null = null;
  capDeadline = 0;
  capPrev: Attempt | null = null;
  capNext: Attempt | null = null;
  private listener: () => void = NO_LISTENER;
  private extra: Array<() => void> | null = null;

  constructor(
    readonly run: AbortSignal,
    private readonly clock: Clock,
  ) {}

  get signal(): CancelSignal {
    return this;
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    if (this.aborted) return;
    if (this.listener === NO_LISTENER) this.listener = listener;
    else (this.extra ??= []).push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    if (this.listener === listener) this.listener = NO_LISTENER;
    else if (this.extra !== null) this.extra = this.extra.filter((l) => l !== listener);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.clock.forget(this);
    const listener = this.listener;
    const extra = this.extra;
    this.listener = NO_LISTENER;
    this.extra = null;
    listener();
    if (extra !== null) for (const l of extra) l();
  }

  expire(message: string): void {
    if (this.expired !== null || this.aborted) return;
    this.expired = message;
    this.abort(new DOMException(message, 'TimeoutError'));
  }

  timedOut(): boolean {
    return this.expired !== null;
  }

  timeoutMessage(): string | null {
    return this.expired;
  }

  touch(): void {
    if (this.aborted || this.disposed) return;
    const idle = this.clock.idle;
    idle.remove(this);
    idle.add(this, performance.now());
  }

  dispose(): void {
    this.disposed = true;
    this.clock.forget(this);
  }
}

class Clock implements AttemptClock {
  readonly idle: DeadlineList<Attempt>;
  readonly cap: DeadlineList<Attempt> | null;
  /** the run signal of the last attempt started, known to be listened to */
  private lastRun: AbortSignal | null = null;

  constructor(limits: AttemptTimeouts) {
    this.idle = new DeadlineList(limits.idleMs, 0, `${limits.idleWhat} within ${limits.idleMs} ms`);
    this.cap = limits.totalMs === null ? null : new DeadlineList(limits.totalMs, 1, `request still running after ${limits.totalMs} ms (runner.max_request_s)`);
  }

  start(run: AbortSignal): AttemptSignal {
    const attempt = new Attempt(run, this);
    if (run.aborted) {
      attempt.abort(run.reason);
      return attempt;
    }
    if (run !== this.lastRun) this.listen(run);
    const now = performance.now();
    this.idle.add(attempt, now);
    this.cap?.add(attempt, now);
    return attempt;
  }

  forget(attempt: Attempt): void {
    this.idle.remove(attempt);
    this.cap?.remove(attempt);
  }

  private listen(run: AbortSignal): void {
    this.lastRun = run;
    clocksOf(run).add(this);
  }

  /** The run was aborted: every attempt of it still in flight ends with the run's reason. */
  abortRun(run: AbortSignal): void {
    const ended: Attempt[] = [];
    for (let a = this.idle.head; a !== null; a = a.idleNext) if (a.run === run) ended.push(a);
    for (const attempt of ended) attempt.abort(run.reason);
  }
}

export function createAttemptClock(limits: AttemptTimeouts): AttemptClock {
  return new Clock(limits);
}
