// One time limit's attempts in deadline order, under one timer (see attempt-signal.ts for why). Every
// attempt of a list has the same limit, so an attempt added now has the latest deadline: a doubly linked
// list in insertion order is in deadline order, and an attempt settles in O(1). An attempt can be on two
// lists at once (the idle limit and the overall cap), so it carries one set of links per list ("slot").

/** The links and deadlines a list keeps on an attempt, and what the list calls when its time is up. */
export type Listed<T> = {
  idleDeadline: number;
  idlePrev: T | null;
  idleNext: T | null;
  capDeadline: number;
  capPrev: T | null;
  capNext: T | null;
  expire(message: string): void;
};

/** One limit's attempts, oldest deadline first, under one timer. */
export class DeadlineList<T extends Listed<T>> {
  head: T | null = null;
  tail: T | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** when the armed timer fires (performance.now() time) */
  private armedFor = Number.POSITIVE_INFINITY;
  private readonly fire = (): void => this.expireDue();

  constructor(
    readonly ms: number,
    /** 0: the idle list, 1: the cap list; names the links an attempt uses for this list */
    readonly slot: 0 | 1,
    readonly message: string,
  ) {}

  add(attempt: T, at: number): void {
    const deadline = at + this.ms;
    if (this.slot === 0) {
      attempt.idleDeadline = deadline;
      attempt.idlePrev = this.tail;
      attempt.idleNext = null;
      if (this.tail !== null) this.tail.idleNext = attempt;
      else this.head = attempt;
    } else {
      attempt.capDeadline = deadline;
      attempt.capPrev = this.tail;
      attempt.capNext = null;
      if (this.tail !== null) this.tail.capNext = attempt;
      else this.head = attempt;
    }
    this.tail = attempt;
    if (this.timer === null) this.arm(at);
  }

  remove(attempt: T): void {
    const prev = this.slot === 0 ? attempt.idlePrev : attempt.capPrev;
    const next = this.slot === 0 ? attempt.idleNext : attempt.capNext;
    if (prev !== null) {
      if (this.slot === 0) prev.idleNext = next;
      else prev.capNext = next;
    } else if (this.head === attempt) this.head = next;
    else return; // not in this list
    if (next !== null) {
      if (this.slot === 0) next.idlePrev = prev;
      else next.capPrev = prev;
    } else this.tail = prev;
    if (this.slot === 0) {
      attempt.idlePrev = null;
      attempt.idleNext = null;
    } else {
      attempt.capPrev = null;
      attempt.capNext = null;
    }
    if (this.head === null && this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
      this.armedFor = Number.POSITIVE_INFINITY;
    }
  }

  private deadlineOf(attempt: T): number {
    return this.slot === 0 ? attempt.idleDeadline : attempt.capDeadline;
  }

  /** Sets the timer for the head's deadline; a timer already set for that time or earlier is kept. */
  private arm(now: number): void {
    const head = this.head;
    if (head === null) return;
    const due = this.deadlineOf(head);
    if (this.timer !== null && this.armedFor <= due) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.armedFor = due;
    this.timer = setTimeout(this.fire, Math.max(1, Math.ceil(due - now)));
  }

  private expireDue(): void {
    this.timer = null;
    this.armedFor = Number.POSITIVE_INFINITY;
    const now = performance.now();
    for (let head = this.head; head !== null && this.deadlineOf(head) <= now; head = this.head) {
      this.remove(head);
      head.expire(this.message);
    }
    this.arm(now);
  }
}
