// The dataset groups of each sample (difficulty, discipline, category, ...) as filter columns for the sample
// browser: one byte per sample per group, 0 for "not in this group". A group with more than
// MAX_GROUP_VALUES values (a benchmark's hundreds of subfields) is left out: a list that long filters nothing.
import type { SampleGroup } from './page-data.ts';

export const MAX_GROUP_VALUES = 64;

type Column = { values: string[]; codes: number[] };

export class GroupCodes {
  /** null: the group has too many values to be a filter */
  private readonly columns = new Map<string, Column | null>();
  private count = 0;

  add(groups: Readonly<Record<string, string>>): void {
    for (const [key, value] of Object.entries(groups)) {
      let column = this.columns.get(key);
      if (column === null) continue;
      if (column === undefined) {
        column = { values: [], codes: [] };
        this.columns.set(key, column);
      }
      let at = column.values.indexOf(value);
      if (at === -1) {
        if (column.values.length >= MAX_GROUP_VALUES) {
          this.columns.set(key, null);
          continue;
        }
        column.values.push(value);
        at = column.values.length - 1;
      }
      while (column.codes.length < this.count) column.codes.push(0);
      column.codes.push(at + 1);
    }
    this.count += 1;
  }

  finish(): SampleGroup[] {
    const out: SampleGroup[] = [];
    for (const [key, column] of this.columns) {
      if (column === null) continue;
      while (column.codes.length < this.count) column.codes.push(0);
      out.push({ key, values: column.values, codes: Buffer.from(column.codes).toString('base64') });
    }
    return out;
  }
}
