import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerMetadata, countMarkdown, removeCodeBlocks, styleVector, tokenLength } from '../../../suites/arena-hard-v2/markdown.ts';
import { answerRecordSchema, markdownMetaSchema } from '../../../suites/arena-hard-v2/schema.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/arena-hard-v2');
const caseSchema = z.array(markdownMetaSchema.extend({ name: z.string(), answer: z.string() }));
const cases = caseSchema.parse(JSON.parse(readFileSync(join(FIXTURES, 'markdown-cases.json'), 'utf8')));

describe('markdown counts (add_markdown_info.py rules)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { header_count, list_count, bold_count } = c;
    expect(countMarkdown(removeCodeBlocks(c.answer))).toEqual({ header_count, list_count, bold_count });
  });

  it('removes the inner text of every fenced block, keeping the fences', () => {
    expect(removeCodeBlocks('a```x```b```y```c')).toBe('a``````b``````c');
    expect(removeCodeBlocks('```q``` q q')).toBe('``````  ');
  });
});

describe('token_len', () => {
  it('counts o200k tokens', () => {
    expect(tokenLength('')).toBe(0);
    expect(tokenLength('hello world')).toBe(2);
    expect(tokenLength('Hello, world!')).toBe(4);
  });

  it('encodes special-token text as plain text instead of failing', () => {
    expect(tokenLength('<|endoftext|>')).toBeGreaterThan(1);
  });
});

describe('answer metadata of the fixture baseline answers', () => {
  const file = join(FIXTURES, 'model_answer/o3-mini-2025-01-31.jsonl');
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => answerRecordSchema.parse(JSON.parse(l)));

  it('reproduces the stored metadata, keys in upstream order', () => {
    for (const row of rows) {
      const content = row.messages.at(-1)?.content;
      if (typeof content !== 'object' || content === undefined) throw new Error('fixture answer has no content object');
      const meta = answerMetadata(content.answer);
      expect(meta).toEqual(row.metadata);
      expect(Object.keys(meta)).toEqual(['token_len', 'header_count', 'list_count', 'bold_count']);
    }
  });

  it('counts what was checked by hand for the coding answer', () => {
    const coding = rows.find((r) => r.uid === 'a1b2c3d4e5f60718');
    const meta = coding?.metadata;
    expect(meta?.header_count.h2).toBe(1);
    expect(meta?.list_count).toEqual({ ordered: 0, unordered: 2 });
    expect(meta?.bold_count).toEqual({ '**': 1, '__': 0 });
    if (meta) expect(styleVector(meta)).toEqual([meta.token_len, 1, 2, 1]);
  });
});
