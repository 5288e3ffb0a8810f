import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../harness/cli/report.ts';
import { pageDataSchema } from '../../../harness/report/html/page-data.ts';
import { buildSamplesData, DETAIL_CHUNK, LIST_CHUNK } from '../../../harness/report/html/samples-data.ts';
import { writeRunReportHtml } from '../../../harness/report/html/write.ts';
import { referenceRecord } from '../../fixtures/results/reference-builder.ts';
import { writeRunDir } from '../../fixtures/results/run-dirs.ts';
import { runCli } from '../../helpers/cli.ts';
import { BENCHMARKS } from '../../../suites/index.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

function embeddedData(html: string): unknown {
  const m = /<script type="application\/json" id="parity-data">(.*?)<\/script>/s.exec(html);
  if (m === null) throw new Error('no page data');
  return JSON.parse(m[1] ?? '');
}

describe('npm run report', () => {
  it('writes index.html and one page per run, and prints where', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-site-'));
    const a = await writeRunDir(join(root, 'runs'), { runId: 'run-a', samples: 8 });
    const b = await writeRunDir(join(root, 'runs'), { runId: 'run-b', scored: false });
    const out = join(root, 'site');
    const c = capture();
    expect(await main([a, b, '--out', out], c.io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'run-a.html', 'run-b.html']);
    expect(c.out[0]).toBe(`report: ${join(out, 'index.html')}`);
    const index = await readFile(join(out, 'index.html'), 'utf8');
    const data = pageDataSchema.parse(embeddedData(index));
    expect(data.kind).toBe('index');
    expect(data.links).toEqual({ 'run-a': 'run-a.html', 'run-b': 'run-b.html' });
    expect(data.comparison.runs.map((r) => [r.run_id, r.status])).toEqual([['run-a', 'complete'], ['run-b', 'unfinished']]);
  });

  it('runs as a script: npm run report writes the site and exits 0, bad input exits 2', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-site-'));
    const a = await writeRunDir(root, { runId: 'run-a', samples: 4 });
    const ok = await runCli('harness/cli/report.ts', [a, '--out', join(root, 'site')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`report: ${join(root, 'site', 'index.html')}`);
    expect(existsSync(join(root, 'site', 'run-a.html'))).toBe(true);
    const bad = await runCli('harness/cli/report.ts', [join(root, 'nope'), '--out', join(root, 'site')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(root, 'nope')}: no such directory`);
  });

  it('gives two run directories with the same run id a page each', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-site-'));
    const a = await writeRunDir(join(root, 'one'), { runId: 'same', samples: 2 });
    const b = await writeRunDir(join(root, 'two'), { runId: 'same', samples: 2 });
    const out = join(root, 'site');
    expect(await main([a, b, '--out', out], capture().io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'same-2.html', 'same.html']);
  });

  it('is bad input without --out, or with a directory that is not a run', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-site-'));
    const a = await writeRunDir(root, { runId: 'run-a' });
    const noOut = capture();
    expect(await main([a], noOut.io)).toBe(2);
    expect(noOut.err.join('\n')).toMatch(/--out <dir>/);
    const bad = capture();
    expect(await main([root, '--out', join(root, 'site')], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toBe(`${root}: not a run directory (it holds neither spec.json nor scores.json); pass run directories written by \`npm run eval\`, e.g. results/runs/<run-id>`);
    const file = join(root, 'file');
    await writeFile(file, 'x');
    const unwritable = capture();
    expect(await main([a, '--out', join(file, 'site')], unwritable.io)).toBe(2);
    expect(unwritable.err.join('\n')).toMatch(/cannot write the report there \(ENOTDIR\); pass --out a writable directory/);
  });
});

describe('npm run report --accept-deviation', () => {
  it('the page data records the patterns and, per row, the deviations they set aside; a pattern matching nothing warns', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-site-'));
    const reference = join(root, 'table.json');
    await writeFile(reference, JSON.stringify([referenceRecord('Qwen3-235B-A22B-Instruct-2507', [{ benchmark: 'AIME25', score: 70.3, metric_id: 'avg_at_k' }])]));
    const a = await writeRunDir(join(root, 'runs'), { runId: 'run-a', value: 69.5, reference, deviations: ['AMPS_Hard: amps-hard-sympy-debian'] });
    const out = join(root, 'site');
    const c = capture();
    expect(await main([a, '--out', out, '--accept-deviation', 'AMPS_Hard: *', '--accept-deviation', 'nothing-*'], c.io)).toBe(0);
    const warning = "WARNING: --accept-deviation 'nothing-*' matches no deviation of the runs compared (a typo?). They record: AMPS_Hard: amps-hard-sympy-debian.";
    expect(c.err).toEqual([warning]);
    for (const page of ['index.html', 'run-a.html']) {
      const data = pageDataSchema.parse(embeddedData(await readFile(join(out, page), 'utf8')));
      expect(data.comparison.accepted_deviation_patterns).toEqual(['AMPS_Hard: *', 'nothing-*']);
      expect(data.comparison.warnings).toEqual([warning]);
      expect(data.comparison.cells[0]).toMatchObject({ verdict: 'consistent', row: { accepted_deviations: ['AMPS_Hard: amps-hard-sympy-debian'] } });
    }
    const without = join(root, 'site-without');
    expect(await main([a, '--out', without], capture().io)).toBe(0);
    const plain = pageDataSchema.parse(embeddedData(await readFile(join(without, 'index.html'), 'utf8')));
    expect(plain.comparison.cells[0]).toMatchObject({ verdict: 'not comparable', row: { accepted_deviations: [] } });
  });

  it('an empty pattern is bad input', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-site-'));
    const a = await writeRunDir(root, { runId: 'run-a' });
    const c = capture();
    expect(await main([a, '--out', join(root, 'site'), '--accept-deviation', ' '], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/^--accept-deviation needs a deviation name or a pattern with \*/);
    expect(existsSync(join(root, 'site'))).toBe(false);
  });
});

describe('report.html', () => {
  it('loads nothing from another host: every script and style is inline, and a CSP forbids the rest', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-html-'));
    const dir = await writeRunDir(root, { runId: 'run-a', samples: 20 });
    const html = await readFile(await writeRunReportHtml(dir, { catalogue: BENCHMARKS }), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' file: 'self'; style-src 'unsafe-inline'; img-src data:; font-src data:">`);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toMatch(/<link\s/);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//);
  });

  it('keeps sample text that looks like HTML inside its data', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-html-'));
    const dir = await writeRunDir(root, { runId: 'run-a', samples: 2 });
    const samples = join(dir, 'samples.jsonl');
    const text = await readFile(samples, 'utf8');
    await writeFile(samples, text.replace(/Sample 0 answer\./, 'Sample 0 answer.</script><script>window.pwned=1</script>'));
    const html = await readFile(await writeRunReportHtml(dir, { catalogue: BENCHMARKS }), 'utf8');
    expect(html).not.toContain('<script>window.pwned');
    expect(html).toContain('\\u003c/script>\\u003cscript>window.pwned=1\\u003c/script>');
  });

  it('embeds every chunk of a small run, and moves the chunks of a large one to files beside the page', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-html-'));
    const small = await writeRunDir(root, { runId: 'small', samples: 30 });
    const smallData = await buildSamplesData(small, small, 'report.samples');
    expect(smallData.index.chunk_dir).toBeNull();
    expect([...smallData.inline.keys()].sort()).toEqual(['d0', 'l0']);
    expect(existsSync(join(small, 'report.samples'))).toBe(false);

    const n = 4000;
    const large = await writeRunDir(root, { runId: 'large', samples: n });
    const data = await buildSamplesData(large, large, 'report.samples');
    expect(data.index.count).toBe(n);
    expect(data.index.chunk_dir).toBe('report.samples');
    expect(Buffer.from(data.index.codes, 'base64').length).toBe(4 * n);
    expect(data.index.groups.map((g) => [g.key, g.values, Buffer.from(g.codes, 'base64').subarray(0, 3).toJSON().data])).toEqual([['contest', ['I', 'II'], [1, 2, 1]]]);
    // the first chunk of each kind stays in the page so the list shows at once
    expect(data.inline.has('l0') && data.inline.has('d0')).toBe(true);
    const files = readdirSync(join(large, 'report.samples'));
    const inline = [...data.inline.keys()];
    expect(files.length + inline.length).toBe(Math.ceil(n / DETAIL_CHUNK) + Math.ceil(n / LIST_CHUNK));
    expect(files.filter((f) => inline.includes(f.replace(/\.js$/, '')))).toEqual([]);
    const chunk = await readFile(join(large, 'report.samples', 'd79.js'), 'utf8');
    expect(chunk.startsWith('window.parityChunk("d79",[{')).toBe(true);
    expect(data.usage.get('aime25')).toEqual({ samples: n, prompt_tokens: 40 * n, completion_tokens: 200 * n, reasoning_tokens: 120 * n });

    // writing the page again replaces the chunk folder instead of leaving stale files
    await writeFile(join(large, 'report.samples', 'stale.js'), '');
    await writeRunReportHtml(large, { catalogue: BENCHMARKS });
    expect(existsSync(join(large, 'report.samples', 'stale.js'))).toBe(false);
  });
});
