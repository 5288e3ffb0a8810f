// One self-contained HTML page: styles, script, data and chunks inline. The Content-Security-Policy lets the
// page load nothing but its own inline code and the chunk files beside it, so it never reaches another host.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { projectPath } from '../../paths.ts';
import { pageDataSchema, type PageData } from './page-data.ts';
import { scriptSafeJson } from './samples-data.ts';

// The script is the browser code in harness/report/client bundled with its charting library by esbuild:
// built once per process (about 0.3 s), inlined into every page, never fetched.
let cached: Promise<{ script: string; style: string }> | null = null;

async function bundle(): Promise<{ script: string; style: string }> {
  const result = await build({
    entryPoints: [projectPath('harness/report/client/main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    legalComments: 'eof',
    // the bundled libraries are ISC-licensed; their notice travels with each copy
    banner: { js: '/* Includes Observable Plot (ISC, Copyright 2020-2025 Observable, Inc.) and d3 modules (ISC, Copyright Mike Bostock). */' },
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (out === undefined) throw new Error('esbuild produced no output for the report script');
  const style = await readFile(projectPath('harness/report/client/style.css'), 'utf8');
  // "</script" cannot appear inside an inline script
  return { script: out.text.replace(/<\/(script)/gi, '<\\/$1'), style };
}

export function pageAssets(): Promise<{ script: string; style: string }> {
  cached ??= bundle();
  return cached;
}

const CSP = "default-src 'none'; script-src 'unsafe-inline' file: 'self'; style-src 'unsafe-inline'; img-src data:; font-src data:";

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const SIMULATED_TEXT =
  'SIMULATED MODEL — NOT A REAL MODEL. These answers came from the built-in simulated endpoint, which answers from the gold labels with a fixed probability. The numbers say nothing about any real model.';

export const SIMULATED_INDEX_TEXT =
  'SIMULATED RUNS INCLUDED — rows marked SIMULATED came from the built-in simulated endpoint, not a real model; their numbers say nothing about any real model.';

export async function renderPage(data: PageData, chunks: ReadonlyMap<string, string>): Promise<string> {
  const valid = pageDataSchema.parse(data);
  const { script, style } = await pageAssets();
  const chunkTags = [...chunks].map(([name, json]) => `<script type="application/json" data-chunk="${escapeHtml(name)}">${json}</script>`);
  const text = valid.kind === 'index' ? SIMULATED_INDEX_TEXT : SIMULATED_TEXT;
  const banner = valid.simulated ? `<div class="simulated-banner" role="alert" data-simulated-banner>${escapeHtml(text)}</div>` : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(valid.title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    banner,
    `<header class="page-header"><h1>${escapeHtml(valid.title)}</h1></header>`,
    '<main id="app"><noscript>This report draws its tables and plots with JavaScript; report.md beside it has the same numbers as text.</noscript></main>',
    banner,
    `<script type="application/json" id="parity-data">${scriptSafeJson(valid)}</script>`,
    ...chunkTags,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
