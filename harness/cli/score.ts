// npm run score -- <run-dir>: re-score a run from its journal, without calling the model.
import { resolve } from 'node:path';
import { lockRunDir } from '../run/lock.ts';
import { readSpec } from '../run/run-dir.ts';
import { rescoreRunDir } from '../run/rescore.ts';
import { BENCHMARKS, SUITES } from '../../suites/index.ts';
import { HelpRequest, UsageError } from './args.ts';
import { runMain } from './exit.ts';

async function main(argv: readonly string[]): Promise<number> {
  const runDir = argv[0];
  if (argv[0] === '--help' || argv[0] === '-h') throw new HelpRequest('usage: npm run score -- <run-dir>\nRe-scores a run from its journal without calling the model.');
  if (runDir === undefined || argv.length > 1 || runDir.startsWith('-')) throw new UsageError('usage: npm run score -- <run-dir>');
  const spec = readSpec(resolve(runDir));
  const lock = lockRunDir(resolve(runDir));
  try {
    const resumeCommand = `npm run eval -- --config ${spec.config_file} --resume ${spec.run_id}`;
    const result = await rescoreRunDir(runDir, spec, { suites: SUITES, catalogue: BENCHMARKS, stdout: process.stdout, stderr: process.stderr, resumeCommand });
    return result.exitCode;
  } finally {
    lock.release();
  }
}

await runMain(() => main(process.argv.slice(2)));
