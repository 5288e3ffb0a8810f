// Exit codes and error reporting shared by the CLIs: 2 for bad input, with a message and no stack trace.
import { ConfigError } from '../config/load.ts';
import { DatasetError } from '../datasets/jsonl.ts';
import { ResultsFileError } from '../results/files.ts';
import { RunDirError } from '../run/run-dir.ts';
import { JournalError } from '../run/journal.ts';
import { HelpRequest, UsageError } from './args.ts';

// 4 is kept apart from 1, which --check uses for "diverges": a crash must never read as a verdict
export const EXIT = { ok: 0, diverges: 1, badInput: 2, errorsRemain: 3, internal: 4, interrupted: 130 } as const;

const INPUT_ERRORS = [ConfigError, DatasetError, ResultsFileError, RunDirError, JournalError, UsageError];

export async function runMain(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (err) {
    if (err instanceof HelpRequest) {
      process.stdout.write(`${err.message}\n`);
      process.exitCode = EXIT.ok;
      return;
    }
    if (INPUT_ERRORS.some((kind) => err instanceof kind) && err instanceof Error) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = EXIT.badInput;
      return;
    }
    process.stderr.write(`internal error (exit ${EXIT.internal}); finished samples are safe in the journal:\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = EXIT.internal;
  }
}
