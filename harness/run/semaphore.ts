// A counting semaphore: bounds how many samples are handed to the sender at once, so a suite with
// 30,000 items x 64 samples keeps only a window of pending requests in memory.
export type Semaphore = { acquire(): Promise<void>; release(): void };

export function createSemaphore(size: number): Semaphore {
  let free = size;
  const waiters: Array<() => void> = [];
  return {
    acquire() {
      if (free > 0) {
        free -= 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    release() {
      const next = waiters.shift();
      if (next) next();
      else free += 1;
    },
  };
}
