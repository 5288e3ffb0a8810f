// Runs a TypeScript entry point in this process, bundled by esbuild into .build/ (about 0.2 s), instead of
// through tsx's loader. Node 20 runs loader hooks on a second thread with its own heap, which costs about
// 45 MB of RSS for the whole run; the runner's memory target is 150 MB (npm run bench).
// usage: node harness/cli/launch.mjs <entry.ts> [args...]
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node harness/cli/launch.mjs <entry.ts> [args...]\n');
  process.exit(2);
}
const outDir = join(root, '.build');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, `${basename(entry, '.ts')}.mjs`);
const result = await build({
  entryPoints: [resolve(root, entry)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  keepNames: true,
  write: false,
  logLevel: 'warning',
});
const [file] = result.outputFiles;
// written under a unique name and renamed, so two runs starting at once never import a half-written file
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, file.contents);
renameSync(tmp, out);
process.argv = [process.argv[0], out, ...args];
await import(pathToFileURL(out).href);
