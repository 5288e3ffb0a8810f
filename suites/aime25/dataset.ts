// AIME 2025 I + II. Reads the math-ai/aime25 shape (problem, answer, id) and the opencompass shape (question, answer).
import { z } from 'zod';
import { DatasetError, readJsonlRows } from '../../harness/datasets/jsonl.ts';
import type { DatasetFiles, DatasetSpec } from '../../harness/suite.ts';

export type AimeItem = { id: string; problem: string; answer: number };

/** math-ai/aime25 at a fixed commit; the sha256 is the file's, so a changed upload is caught. */
export const AIME25_SPEC: DatasetSpec = {
  files: {
    test: {
      repo: 'math-ai/aime25',
      file: 'test.jsonl',
      revision: '563bb8404243c5f09de6ec262f2db674fe5bce9b',
      sha256: 'b4e273c02d3e7fe1b74b59eae768fc8230bfb0f79539890cb56f4361caac0331',
      size: 15813,
    },
  },
};

const answerSchema = z.union([z.number().int(), z.string().regex(/^\s*\d+\s*$/, 'must be an integer')]);

const rowSchema = z.union([
  z.object({ problem: z.string().min(1), answer: answerSchema, id: z.union([z.string(), z.number()]).optional() }),
  z.object({ question: z.string().min(1), answer: answerSchema, id: z.union([z.string(), z.number()]).optional() }),
]);

function describeRow(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'id' in value) return `id ${String(value.id)}`;
  return '';
}

export async function* loadAime(files: DatasetFiles): AsyncGenerator<AimeItem> {
  const path = files.paths['test'];
  if (path === undefined) throw new DatasetError('aime25: dataset has no "test" file');
  const seen = new Set<string>();
  for await (const { line, row } of readJsonlRows(path, rowSchema, describeRow)) {
    const problem = 'problem' in row ? row.problem : row.question;
    const id = row.id === undefined ? String(line - 1) : String(row.id);
    if (seen.has(id)) throw new DatasetError(`${path}:${line}: duplicate id ${id}. Each problem needs a unique id.`);
    seen.add(id);
    yield { id, problem, answer: Number(String(row.answer).trim()) };
  }
}
