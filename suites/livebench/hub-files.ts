// The six Hugging Face datasets, split test: one parquet file each, pinned to the revisions of
// 2025-04-07 (the upload that holds release 2024-11-25 and every earlier one; removed questions stay in
// the files with their livebench_removal_date, so the release rule still selects 2024-11-25's 1000).
// Revision, LFS sha256 and size of each file as other projects pin and verify them on download
// (huggingface.co/datasets/livebench/coding/commit/a958549... shows the coding oid); they could not be
// checked against the Hub from here. A download that differs is refused, never read.
import type { HubFile } from '../../harness/suite.ts';
import type { Category } from './categories.ts';

const FILE = 'data/test-00000-of-00001.parquet';

export type LiveBenchHubFiles = Readonly<Record<Category, HubFile>>;

export const HUB_FILES: LiveBenchHubFiles = {
  coding: { repo: 'livebench/coding', file: FILE, revision: 'a958549fdd8aa57be0a3fafe7b205ffc160ed5f4', sha256: '5f02d01fb21672f5d84169f940adab46ff3ca09b9159fd42fdd289bc9be23502', size: 244_785_858 },
  data_analysis: { repo: 'livebench/data_analysis', file: FILE, revision: '31b9661ff678df9958e2f7fa228427f4c858c1a1', sha256: 'fb86a7a02fa9eabf785d9e8af85955990cf6d228cc9d3f805a54f863bc8c4c52', size: 144_796 },
  instruction_following: { repo: 'livebench/instruction_following', file: FILE, revision: '0868379c4b5cf62aeacaf8be4f08fced815c81bb', sha256: 'a9bb97bbaf8788142c310bcb33d50e2f6f5df8cbd8b8c3db677816b06f0f4f25', size: 537_024 },
  math: { repo: 'livebench/math', file: FILE, revision: 'bb66571c8ccf32d3df9e6f48b920d3770ff4aacb', sha256: '3d365cad1f9b8d7c5416d63866653d6854b270d9c93b51323d405ed5fd51df54', size: 185_605 },
  reasoning: { repo: 'livebench/reasoning', file: FILE, revision: '6fc6498a5dfba553f69f4413feabade1f1a2d384', sha256: '4204bb94c812690ef8ba5f4c1f10b5b1082ca0b7bc532166834f798aa56e2a3c', size: 88_219 },
  language: { repo: 'livebench/language', file: FILE, revision: '3ada32a2e53d5e04e57fa503384cb85ce9116c40', sha256: '76ba142afd242ca02d6baa8bb737608d2b416674f311d8f9d798b4e3908a499c', size: 287_876 },
};

/** true when every file is pinned to a full commit and a checksum */
export function hubFilesPinned(files: LiveBenchHubFiles): boolean {
  return Object.values(files).every((f) => /^[0-9a-f]{40}$/.test(f.revision) && f.sha256 !== undefined && /^[0-9a-f]{64}$/.test(f.sha256));
}
