// SuperGPQA questions: one JSONL file of 26,529 rows, streamed and checked row by row.
import { z } from 'zod';
import { DatasetError, readJsonlRows } from '../../harness/datasets/jsonl.ts';
import type { DatasetFiles, DatasetSpec } from '../../harness/suite.ts';

export const DIFFICULTIES = ['easy', 'middle', 'hard'] as const;
export const LETTERS = 'ABCDEFGHIJ';
const LETTER_LIST = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'] as const;

/**
 * m-a-p/SuperGPQA at the upload commit 05eef0b. Size and sha256 are those of the Git LFS object that
 * commit records (huggingface.co/datasets/m-a-p/SuperGPQA/commit/05eef0be7d48bb605979bc70f9b95b1a9d417073),
 * so a later re-upload of the file is caught rather than silently mixed into results.
 */
export const SUPERGPQA_SPEC: DatasetSpec = {
  files: {
    train: {
      repo: 'm-a-p/SuperGPQA',
      file: 'SuperGPQA-all.jsonl',
      revision: '05eef0be7d48bb605979bc70f9b95b1a9d417073',
      sha256: 'bbb7a0ba29a013301f913f02add57641de28bc6b0ceb64d0c6f8b5440910de9e',
      size: 23957173,
    },
  },
};

export const rowSchema = z.object({
  uuid: z.string().min(1),
  question: z.string(),
  options: z.array(z.string()).min(1).max(LETTERS.length),
  answer: z.string(),
  answer_letter: z.enum(LETTER_LIST),
  discipline: z.string().min(1),
  field: z.string().min(1),
  subfield: z.string().min(1),
  difficulty: z.enum(DIFFICULTIES),
  is_calculation: z.boolean(),
});
export type SuperGpqaItem = z.infer<typeof rowSchema>;

function describeRow(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'uuid' in value) return `uuid ${String(value.uuid)}`;
  return 'no uuid';
}

export async function* loadSuperGpqa(files: DatasetFiles): AsyncGenerator<SuperGpqaItem> {
  const path = files.paths['train'];
  if (path === undefined) throw new DatasetError('supergpqa: dataset has no "train" file');
  const seen = new Set<string>();
  for await (const { line, row } of readJsonlRows(path, rowSchema, describeRow)) {
    const where = `${path}:${line} (uuid ${row.uuid})`;
    const index = LETTERS.indexOf(row.answer_letter);
    if (index >= row.options.length) {
      throw new DatasetError(
        `${where}: answer_letter ${row.answer_letter} is outside the ${row.options.length} options (A-${LETTERS[row.options.length - 1] ?? 'A'}). Fix the row or re-download the file.`,
      );
    }
    if (seen.has(row.uuid)) throw new DatasetError(`${where}: duplicate uuid. Each question needs a unique uuid.`);
    seen.add(row.uuid);
    yield row;
  }
}
