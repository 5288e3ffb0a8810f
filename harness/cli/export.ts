// npm run export -- <run-dir> <dir>: the run in the Every Eval Ever datastore layout under <dir>/data/.
import { isEntryPoint, stdio, type Output } from '../results/cli-io.ts';
import { exportRun } from '../results/export.ts';

const USAGE = 'usage: npm run export -- <run-dir> <dir>';

export async function main(argv: readonly string[], io: Output = stdio): Promise<0 | 2> {
  const [runDir, outDir, ...extra] = argv;
  if (runDir === undefined || outDir === undefined || extra.length > 0 || runDir.startsWith('-') || outDir.startsWith('-')) {
    io.err(USAGE);
    return 2;
  }
  try {
    const { aggregatePath, samplesPath } = await exportRun(runDir, outDir);
    io.out(`aggregate: ${aggregatePath}\nsamples:   ${samplesPath}`);
    return 0;
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 2;
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
