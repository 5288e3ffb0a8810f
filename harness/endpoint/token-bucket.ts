// A token bucket for per-minute budgets (requests or tokens). Plain data plus functions; time is passed in.

export type TokenBucket = {
  /** the most the bucket holds: one minute's budget, so a fresh run may burst up to it */
  capacity: number;
  refillPerMs: number;
  /** may go negative after reconciliation reveals a request used more than estimated */
  level: number;
  lastRefillMs: number;
};

export function createTokenBucket(perMinute: number, nowMs: number): TokenBucket {
  if (!(perMinute > 0)) throw new Error(`token bucket: per-minute budget must be positive, got ${perMinute}`);
  return { capacity: perMinute, refillPerMs: perMinute / 60_000, level: perMinute, lastRefillMs: nowMs };
}

function refill(bucket: TokenBucket, nowMs: number): void {
  const elapsed = nowMs - bucket.lastRefillMs;
  if (elapsed <= 0) return;
  bucket.level = Math.min(bucket.capacity, bucket.level + elapsed * bucket.refillPerMs);
  bucket.lastRefillMs = nowMs;
}

/** Ms until `amount` could be taken, without taking it. */
export function waitFor(bucket: TokenBucket, amount: number, nowMs: number): number {
  refill(bucket, nowMs);
  const needed = Math.min(amount, bucket.capacity);
  return bucket.level >= needed ? 0 : Math.max(1, Math.ceil((needed - bucket.level) / bucket.refillPerMs));
}

/** Takes `amount` unconditionally (the level may go negative). */
export function take(bucket: TokenBucket, amount: number, nowMs: number): void {
  refill(bucket, nowMs);
  bucket.level -= Math.min(amount, bucket.capacity);
}

/** Corrects an earlier charge: a positive delta charges more, a negative one gives tokens back. */
export function adjust(bucket: TokenBucket, delta: number, nowMs: number): void {
  refill(bucket, nowMs);
  bucket.level = Math.min(bucket.capacity, bucket.level - delta);
}

/** The current level after refill (negative while paying off an under-estimate). */
export function levelAt(bucket: TokenBucket, nowMs: number): number {
  refill(bucket, nowMs);
  return bucket.level;
}
