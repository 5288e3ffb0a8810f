// A concurrency cap whose size can change while work is queued (the limiter's AIMD moves it). It replaces
// p-limit on the per-request path: p-limit makes five promises and two closures per call to run every task
// after a microtask; this starts a task at once when a slot is free and makes one promise to release it.
// Queued tasks start in the order they came.

export type Gate = {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** how many tasks may run at once; raising it starts queued tasks at once */
  size: number;
  readonly active: number;
  readonly pending: number;
};

export function createGate(initialSize: number): Gate {
  if (!Number.isInteger(initialSize) || initialSize < 1) throw new RangeError(`gate size must be a positive integer, not ${initialSize}`);
  let size = initialSize;
  let active = 0;
  const queue: Array<() => void> = [];
  let head = 0;

  const release = (): void => {
    active -= 1;
    drain();
  };

  function start<T>(task: () => Promise<T>): Promise<T> {
    let result: Promise<T>;
    try {
      result = task();
    } catch (err) {
      result = Promise.reject(err);
    }
    // released whether the task succeeds or fails; the caller still sees the rejection on `result`
    result.then(release, release);
    return result;
  }

  function drain(): void {
    while (active < size && head < queue.length) {
      const next = queue[head];
      queue[head] = noop;
      head += 1;
      active += 1;
      next?.();
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    } else if (head > 1024) {
      queue.splice(0, head);
      head = 0;
    }
  }

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      if (active < size && head === queue.length) {
        active += 1;
        return start(task);
      }
      return new Promise<T>((resolve, reject) => {
        queue.push(() => start(task).then(resolve, reject));
      });
    },
    get size() {
      return size;
    },
    set size(to: number) {
      if (!Number.isInteger(to) || to < 1) throw new RangeError(`gate size must be a positive integer, not ${to}`);
      size = to;
      drain();
    },
    get active() {
      return active;
    },
    get pending() {
      return queue.length - head;
    },
  };
}

function noop(): void {}
