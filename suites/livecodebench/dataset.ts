// livecodebench/code_generation_lite: the JSONL files of a release, streamed, with the contest-date window.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DatasetError, firstIssue, readJsonl } from '../../harness/datasets/jsonl.ts';
import type { DatasetFiles, DatasetSpec, HubFile } from '../../harness/suite.ts';
import type { Options } from './options.ts';
import { decodeTestCases, type TestCase } from '../../harness/code-grading/test-cases.ts';

export const HUB_REPO = 'livecodebench/code_generation_lite';
/** main as of 2025-04 (the six JSONL files of release_v6); used pinned by several public harnesses */
export const HUB_REVISION = '0fe84c3912ea0c4d4a78037083943e8f0c4dd505';

type FileFacts = { file: string; sha256: string; size: number; lastDate: string };
/**
 * Sizes and LFS sha256 of the files at HUB_REVISION, as published by the Hub tree API (quoted by two
 * independent public projects). lastDate bounds the newest contest_date in a file: measured on the rows
 * of test5/test6; for test..test4 the newest date of all release_v6 problems outside test5/test6 in the
 * official leaderboard data (2024-10-05T19:30). Files ending before start_date are not downloaded.
 */
const FILES: FileFacts[] = [
  { file: 'test.jsonl', size: 1_252_609_773, sha256: '2bd02b38beb48e8c46b5b9987095d999ff38cd8efc255ea5d58974317c48f63f', lastDate: '2024-10-05T19:30:00' },
  { file: 'test2.jsonl', size: 713_377_060, sha256: '095df7c5daf15f882c51a9deb84085cff1e073495a5dbcf95015a564d485f3a3', lastDate: '2024-10-05T19:30:00' },
  { file: 'test3.jsonl', size: 623_360_766, sha256: '28ed26cc83363ce3f1fe2d5fad9f8393077beb1907b167a31bd3b32f80801b79', lastDate: '2024-10-05T19:30:00' },
  { file: 'test4.jsonl', size: 1_204_644_685, sha256: 'd711138ddaebfcf5f8ec6a4283ee677298c0f5c5d374a235af92aaf0584510da', lastDate: '2024-10-05T19:30:00' },
  { file: 'test5.jsonl', size: 557_699_297, sha256: '7f77571c2a6df0c2a72a3277650309f67e01e0008e18117e624633df53f81214', lastDate: '2025-01-04T18:30:00' },
  { file: 'test6.jsonl', size: 134_303_240, sha256: 'bb4c364f71921c4495a6ad15abe1a927350b720009f4933e2e71f8af0f6fd1f5', lastDate: '2025-04-06T00:00:00' },
];

/** The files a release tag names, exactly as the HF loader's ALLOWED_FILES. */
export function releaseFiles(release: string): string[] {
  const all = FILES.map((f) => f.file);
  if (release === 'release_latest') return all;
  const cumulative = /^release_v(\d)$/.exec(release);
  if (cumulative) return all.slice(0, Number(cumulative[1]));
  const single = /^v(\d)$/.exec(release);
  if (single) return all.slice(Number(single[1]) - 1, Number(single[1]));
  const range = /^v(\d)_v(\d)$/.exec(release);
  if (range) return all.slice(Number(range[1]) - 1, Number(range[2]));
  throw new Error(`unknown release "${release}"`);
}

/** Files of the release that can hold a problem on or after start_date (older files are not downloaded). */
export function windowFiles(options: Options): { read: string[]; skipped: string[] } {
  const start = `${options.start_date}T00:00:00`;
  const read: string[] = [];
  const skipped: string[] = [];
  for (const file of releaseFiles(options.release)) {
    const facts = FILES.find((f) => f.file === file);
    if (facts && facts.lastDate < start) skipped.push(file);
    else read.push(file);
  }
  return { read, skipped };
}

export function datasetSpec(options: Options): DatasetSpec {
  const files: Record<string, HubFile> = {};
  for (const name of windowFiles(options).read) {
    const facts = FILES.find((f) => f.file === name);
    files[name] = { repo: HUB_REPO, file: name, revision: HUB_REVISION, ...(facts ? { sha256: facts.sha256, size: facts.size } : {}) };
  }
  return { files };
}

/**
 * A local `dataset.path`: one JSONL file in the official row format, or a directory holding the release's
 * files under their Hub names (e.g. a Hub snapshot). The date window applies either way.
 */
export function localFiles(path: string, options: Options): Record<string, string> {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // missing: reported by the dataset resolver with the config field
  }
  if (!isDirectory) return { 'local.jsonl': path };
  return Object.fromEntries(windowFiles(options).read.map((file) => [file, join(path, file)]));
}

const rowSchema = z.object({
  question_title: z.string(),
  question_content: z.string(),
  platform: z.enum(['leetcode', 'codeforces', 'atcoder']),
  question_id: z.string().min(1),
  contest_id: z.string(),
  contest_date: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/, 'must be an ISO date-time such as 2025-02-01T00:00:00'),
  starter_code: z.string(),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  public_test_cases: z.string(),
  private_test_cases: z.string(),
  metadata: z.string(),
});

export type Problem = {
  question_id: string;
  question_title: string;
  question_content: string;
  platform: 'leetcode' | 'codeforces' | 'atcoder';
  contest_date: string;
  starter_code: string;
  difficulty: 'easy' | 'medium' | 'hard';
  /** set for functional (LeetCode) problems */
  fn_name: string | null;
  public_tests: TestCase[];
  /** kept encoded: decoded again when a sample is graded, so only compressed tests sit in memory */
  private_test_cases: string;
};

/** Naive ISO date-time compared as text, which orders correctly for the fixed-width form used here. */
function inWindow(contestDate: string, options: Options): boolean {
  const date = contestDate.length === 10 ? `${contestDate}T00:00:00` : contestDate.slice(0, 19);
  return `${options.start_date}T00:00:00` <= date && date <= `${options.end_date}T00:00:00`;
}

function parseMetadata(raw: string, where: string): string | null {
  let meta: unknown;
  try {
    meta = JSON.parse(raw);
  } catch {
    throw new DatasetError(`${where}: metadata is not JSON. The file does not match the official row format.`);
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return null;
  const name: unknown = Reflect.get(meta, 'func_name');
  return typeof name === 'string' && name !== '' ? name : null;
}

/** Streams in-window problems from every file, in file order; rows outside the window are dropped at once. */
export async function* loadProblems(files: DatasetFiles, options: Options): AsyncGenerator<Problem> {
  for (const path of Object.values(files.paths)) {
    for await (const { line, value } of readJsonl(path)) {
      const parsed = rowSchema.safeParse(value);
      const where = `${path}:${line}`;
      if (!parsed.success) throw new DatasetError(`${where}: ${firstIssue(parsed.error)}. The file does not match the official row format.`);
      const row = parsed.data;
      if (!inWindow(row.contest_date, options)) continue;
      const who = `${where} (${row.question_id})`;
      let publicTests: TestCase[];
      try {
        publicTests = decodeTestCases(row.public_test_cases, 'public_test_cases');
        // decoded once here to fail early on a bad blob; graded from the encoded copy later
        decodeTestCases(row.private_test_cases, 'private_test_cases');
      } catch (err) {
        throw new DatasetError(`${who}: ${err instanceof Error ? err.message : String(err)}. Re-download the file.`);
      }
      yield {
        question_id: row.question_id,
        question_title: row.question_title,
        question_content: row.question_content,
        platform: row.platform,
        contest_date: row.contest_date,
        starter_code: row.starter_code,
        difficulty: row.difficulty,
        fn_name: parseMetadata(row.metadata, who),
        public_tests: publicTests,
        private_test_cases: row.private_test_cases,
      };
    }
  }
}
