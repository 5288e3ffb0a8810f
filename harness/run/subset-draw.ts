// --subset: a first pass over a suite's selected items (ids and strata only), then the seeded draw.
import { drawSubset, type Candidate, type SubsetDesign } from '../stats/subset.ts';
import type { PreparedItem } from '../suite-runtime.ts';

export type SubsetDraw = { chosen: ReadonlySet<string>; design: SubsetDesign };

export async function drawFromItems(items: AsyncIterable<PreparedItem>, subset: { size: number; seed: number }): Promise<SubsetDraw> {
  const candidates: Candidate[] = [];
  for await (const item of items) candidates.push({ id: item.id, stratum: item.stratum });
  return drawSubset(candidates, subset.size, subset.seed);
}
