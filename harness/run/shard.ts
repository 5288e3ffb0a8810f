// Shards: a stable partition of a run's items, so N machines can each run one part and `merge` joins them.
// An item's shard depends only on its suite id, its item id and N: never on data order or other shards.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const shardSchema = z.strictObject({ index: z.number().int().min(0), count: z.number().int().min(1) });
export type Shard = z.infer<typeof shardSchema>;

/** The bucket (0..count-1) an item falls in: the first 48 bits of sha256(suite NUL item) modulo count. */
export function shardOf(suiteId: string, itemId: string, count: number): number {
  const digest = createHash('sha256').update(`${suiteId}\u0000${itemId}`).digest();
  return digest.readUIntBE(0, 6) % count;
}

export function inShard(shard: Shard | null, suiteId: string, itemId: string): boolean {
  return shard === null || shardOf(suiteId, itemId, shard.count) === shard.index;
}

/** "3/8" -> { index: 3, count: 8 }; null with the reason when the text is not a valid shard. */
export function parseShard(text: string): { ok: true; shard: Shard } | { ok: false; reason: string } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return { ok: false, reason: 'must be INDEX/COUNT with a 0-based index, e.g. 3/8' };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) return { ok: false, reason: 'the shard count must be at least 1' };
  if (index >= count) return { ok: false, reason: `the index is 0-based, so it must be below the count (0..${count - 1})` };
  return { ok: true, shard: { index, count } };
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
