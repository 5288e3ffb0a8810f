import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../harness/cli/references.ts';
import { referenceRecord } from '../../fixtures/results/reference-builder.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('npm run references', () => {
  it('lists every record of every file as one model × benchmark table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parity-refs-'));
    await writeFile(join(dir, 'a.json'), JSON.stringify([referenceRecord('Model A', [{ benchmark: 'AIME25', score: 51 }, { benchmark: 'LiveBench', score: 70.25 }])]));
    await writeFile(join(dir, 'b.json'), JSON.stringify(referenceRecord('Model B', [{ benchmark: 'SuperGPQA', score: 40.1 }])));
    const c = capture();
    expect(await main(['--dir', dir], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toContain('| model | source | AIME25 | SuperGPQA | LiveBench |');
    expect(text).toContain('| Model A | a | 51.0 |  | 70.3 |');
    expect(text).toContain('| Model B | b |  | 40.1 |  |');
  });

  it('covers the committed reference tables', async () => {
    const c = capture();
    expect(await main([], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('| Qwen3-Max-Instruct-Preview | qwen3-max-instruct-preview | 80.6 | 64.6 | 57.5 | 86.1 | 79.3 |');
  });

  it('exits 2 when a file does not validate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parity-refs-'));
    await writeFile(join(dir, 'bad.json'), '[{"schema_version": "0.3.0"}]');
    const c = capture();
    expect(await main(['--dir', dir], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('bad.json: [0]: evaluation_id');
  });
});
