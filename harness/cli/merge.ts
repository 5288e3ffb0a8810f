// npm run merge -- out/shard-* --output results/runs: join shard runs into one scored run directory.
import { parseArgs } from 'node:util';
import { mergeShardRuns } from '../run/merge.ts';
import { BENCHMARKS, SUITES } from '../../suites/index.ts';
import { HelpRequest, UsageError } from './args.ts';
import { runMain } from './exit.ts';

const USAGE = `usage: npm run merge -- SHARD_DIR... [--output DIR]
Joins the runs of \`npm run eval -- --shard I/N\` (each SHARD_DIR is a shard's --output directory or its run
directory) into one run under DIR (default results/runs), scored from the joined journals.`;

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { output: { type: 'string' }, help: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
  if (parsed.values.help) throw new HelpRequest(USAGE);
  if (parsed.positionals.length === 0) throw new UsageError(`no shard directories given.\n${USAGE}`);
  const output = parsed.values.output ?? 'results/runs';
  const result = await mergeShardRuns(parsed.positionals, { output, stdout: process.stdout, stderr: process.stderr, suites: SUITES, catalogue: BENCHMARKS });
  process.stdout.write(`merged ${parsed.positionals.length} shards into ${result.runDir}\n`);
  return result.exitCode;
}

await runMain(() => main(process.argv.slice(2)));
