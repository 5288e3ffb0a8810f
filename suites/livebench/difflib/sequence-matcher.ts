// A port of Python's difflib.SequenceMatcher (CPython 3.11, Lib/difflib.py) over sequences of numbers, without
// an isjunk function, which is how get_close_matches uses it. Every step keeps Python's order, because ratio()
// depends on which longest match is found first. Strings are given as code point arrays (see `codePoints`),
// as Python indexes str by code point.

/** A matching block: a[a..a+size] == b[b..b+size]. */
export type Match = { a: number; b: number; size: number };

const NOTHING: readonly number[] = [];

/** Python's _calculate_ratio. */
function calculateRatio(matches: number, length: number): number {
  return length ? (2.0 * matches) / length : 1.0;
}

export class SequenceMatcher {
  private a: readonly number[] = [];
  private b: readonly number[] = [];
  /** element of b -> its indices in b, ascending; popular elements removed (autojunk) */
  private b2j = new Map<number, number[]>();
  private fullBCount: Map<number, number> | null = null;
  private matchingBlocks: Match[] | null = null;

  /** autojunk: for b of 200+ elements, elements occurring more than len(b)//100 + 1 times are not indexed */
  constructor(private readonly autojunk = true) {}

  setSeq1(a: readonly number[]): void {
    this.a = a;
    this.matchingBlocks = null;
  }

  setSeq2(b: readonly number[]): void {
    this.b = b;
    this.matchingBlocks = null;
    this.fullBCount = null;
    this.chainB();
  }

  private chainB(): void {
    const b2j = new Map<number, number[]>();
    this.b.forEach((elt, i) => {
      const indices = b2j.get(elt);
      if (indices) indices.push(i);
      else b2j.set(elt, [i]);
    });
    const n = this.b.length;
    if (this.autojunk && n >= 200) {
      const ntest = Math.floor(n / 100) + 1;
      // "popular" elements are only dropped from the index; unlike junk they still extend a match below
      for (const [elt, idxs] of [...b2j]) if (idxs.length > ntest) b2j.delete(elt);
    }
    this.b2j = b2j;
  }

  /** Longest matching block in a[alo:ahi] and b[blo:bhi]; ties go to the earliest in a, then in b. */
  findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): Match {
    const { a, b, b2j } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    // j2len.get(j) = length of the longest match ending with a[i-1] and b[j]
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i += 1) {
      const newj2len = new Map<number, number>();
      for (const j of b2j.get(at(a, i)) ?? NOTHING) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    // With no junk function the "junk" set is empty, so Python's extension loops reduce to these two
    // (popular elements are not junk, so they extend the match).
    while (besti > alo && bestj > blo && at(a, besti - 1) === at(b, bestj - 1)) {
      besti -= 1;
      bestj -= 1;
      bestsize += 1;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && at(a, besti + bestsize) === at(b, bestj + bestsize)) {
      bestsize += 1;
    }
    return { a: besti, b: bestj, size: bestsize };
  }

  /** Non-overlapping matching blocks, sorted, adjacent ones merged, ending with the (len(a), len(b), 0) sentinel. */
  getMatchingBlocks(): Match[] {
    if (this.matchingBlocks) return this.matchingBlocks;
    const la = this.a.length;
    const lb = this.b.length;
    const queue: [number, number, number, number][] = [[0, la, 0, lb]];
    const blocks: Match[] = [];
    for (let next = queue.pop(); next; next = queue.pop()) {
      const [alo, ahi, blo, bhi] = next;
      const x = this.findLongestMatch(alo, ahi, blo, bhi);
      if (x.size) {
        blocks.push(x);
        if (alo < x.a && blo < x.b) queue.push([alo, x.a, blo, x.b]);
        if (x.a + x.size < ahi && x.b + x.size < bhi) queue.push([x.a + x.size, ahi, x.b + x.size, bhi]);
      }
    }
    blocks.sort((p, q) => p.a - q.a || p.b - q.b || p.size - q.size);
    const merged: Match[] = [];
    let cur: Match = { a: 0, b: 0, size: 0 };
    for (const m of blocks) {
      if (cur.a + cur.size === m.a && cur.b + cur.size === m.b) cur = { ...cur, size: cur.size + m.size };
      else {
        if (cur.size) merged.push(cur);
        cur = m;
      }
    }
    if (cur.size) merged.push(cur);
    merged.push({ a: la, b: lb, size: 0 });
    this.matchingBlocks = merged;
    return merged;
  }

  ratio(): number {
    const matches = this.getMatchingBlocks().reduce((sum, m) => sum + m.size, 0);
    return calculateRatio(matches, this.a.length + this.b.length);
  }

  /** An upper bound on ratio(): matches counted as a multiset intersection. */
  quickRatio(): number {
    let fullBCount = this.fullBCount;
    if (!fullBCount) {
      fullBCount = new Map<number, number>();
      for (const elt of this.b) fullBCount.set(elt, (fullBCount.get(elt) ?? 0) + 1);
      this.fullBCount = fullBCount;
    }
    const avail = new Map<number, number>();
    let matches = 0;
    for (const elt of this.a) {
      const numb = avail.get(elt) ?? fullBCount.get(elt) ?? 0;
      avail.set(elt, numb - 1);
      if (numb > 0) matches += 1;
    }
    return calculateRatio(matches, this.a.length + this.b.length);
  }

  /** A cheaper upper bound on ratio(), from the lengths alone. */
  realQuickRatio(): number {
    const la = this.a.length;
    const lb = this.b.length;
    return calculateRatio(Math.min(la, lb), la + lb);
  }
}

/** Element i of a sequence whose bounds the caller has checked. */
function at(seq: readonly number[], i: number): number {
  const value = seq[i];
  if (value === undefined) throw new RangeError(`difflib: index ${i} out of range`);
  return value;
}
