// The six Hugging Face datasets, split test: one parquet file each.
//
// Not pinned yet: the Hub was out of reach while this was written, and the file listings available
// showed only revisions from before the 2024-11-25 upload (e.g. livebench/reasoning 2335f69, Oct 2024,
// 150 rows, which lacks that release's zebra_puzzle questions) or abbreviated later ones. So every
// file is read at `main` with no sha256; the release rule still selects exactly 2024-11-25's questions
// as long as LiveBench keeps removed questions in the files (it does: they carry livebench_removal_date).
// The run records the revision as unpinned (protocol detail `dataset_pin`). Pin each entry to a full
// commit and its LFS sha256 and size once they can be read from the Hub.
import type { HubFile } from '../../harness/suite.ts';
import type { Category } from './categories.ts';

const FILE = 'data/test-00000-of-00001.parquet';

export const HUB_FILES: Readonly<Record<Category, HubFile>> = {
  coding: { repo: 'livebench/coding', file: FILE, revision: 'main' },
  data_analysis: { repo: 'livebench/data_analysis', file: FILE, revision: 'main' },
  instruction_following: { repo: 'livebench/instruction_following', file: FILE, revision: 'main' },
  math: { repo: 'livebench/math', file: FILE, revision: 'main' },
  reasoning: { repo: 'livebench/reasoning', file: FILE, revision: 'main' },
  language: { repo: 'livebench/language', file: FILE, revision: 'main' },
};

/** true when every file is pinned to a commit and a checksum */
export function hubFilesPinned(): boolean {
  return Object.values(HUB_FILES).every((f) => /^[0-9a-f]{40}$/.test(f.revision) && f.sha256 !== undefined);
}
