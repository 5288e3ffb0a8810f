// A small seeded PRNG (mulberry32), so bootstrap intervals are reproducible run to run.

export type Rng = {
  /** uniform in [0, 1) */
  nextFloat(): number;
  /** uniform integer in [0, n) */
  nextInt(n: number): number;
};

/** mulberry32: 32 bits of state, passes the usual statistical batteries well enough for resampling. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`RNG seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    nextFloat: () => nextUint32() / 4294967296,
    nextInt(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > 4294967296) throw new RangeError(`nextInt needs an integer n in [1, 2^32], got ${n}`);
      // multiply-shift: the bias is below n / 2^32, negligible for resampling sizes
      return Math.floor((nextUint32() * n) / 4294967296);
    },
  };
}

/** A 32-bit seed from text (FNV-1a), e.g. to seed one bootstrap per metric name. */
export function seedFromText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
