// The page's script and styles: the browser code in harness/report/client, bundled with its charting
// library by esbuild into one inline script. Built once per process (about 0.3 s), never fetched.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { projectPath } from '../../paths.ts';

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
    legalComments: 'none',
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
