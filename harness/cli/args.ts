// Command-line flags for `npm run eval`; they override the config.
import { parseArgs } from 'node:util';
import { ACCEPT_DEVIATION_USAGE, acceptDeviationArg } from '../compare/accept.ts';
import { toleranceArg } from '../compare/run-compare.ts';
import type { CliOverrides } from '../run/settings.ts';
import { parseShard } from '../run/shard.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** --help: the usage text on stdout and exit 0. */
export class HelpRequest extends Error {
  override name = 'HelpRequest';
}

export type EvalArgs = {
  config: string;
  overrides: CliOverrides;
  dryRun: boolean;
  resume: string | null;
  check: boolean;
  tolerance: number | null;
  /** --accept-deviation patterns for the comparison with the reference */
  acceptDeviations: string[];
  unsafeLocalExec: boolean;
};

export const EVAL_USAGE = `usage: npm run eval -- [--config FILE] [--suite ID[,ID]] [--limit N | --subset N [--subset-seed S]]
                        [--samples N] [--concurrency N] [--output DIR] [--dry-run] [--resume RUN_ID]
                        [--check] [--tolerance POINTS] [--accept-deviation PATTERN]...
                        [--unsafe-local-exec] [--shard I/N]
With no --config, runs configs/demo.yaml: a simulated model, offline.
${ACCEPT_DEVIATION_USAGE}`;

function positiveInt(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} ${value}: must be a whole number of at least 1.`);
  return n;
}

const VALUE_FLAGS = new Set(['--limit', '--subset', '--subset-seed', '--samples', '--concurrency', '--tolerance']);

/**
 * `--limit -3` would read as a missing value followed by an unknown flag -3; joined into `--limit=-3` it
 * reaches the value check, which says what is wrong with it.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    if (VALUE_FLAGS.has(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else {
      out.push(arg);
    }
  }
  return out;
}

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      options: {
        config: { type: 'string' },
        suite: { type: 'string', multiple: true },
        limit: { type: 'string' },
        subset: { type: 'string' },
        'subset-seed': { type: 'string' },
        samples: { type: 'string' },
        concurrency: { type: 'string' },
        output: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        resume: { type: 'string' },
        check: { type: 'boolean', default: false },
        tolerance: { type: 'string' },
        'accept-deviation': { type: 'string', multiple: true },
        'unsafe-local-exec': { type: 'boolean', default: false },
        shard: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n${EVAL_USAGE}`);
  }
  const v = parsed.values;
  if (v.help) throw new HelpRequest(EVAL_USAGE);
  const suites = v.suite ? v.suite.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean) : null;
  // null: the comparison's default; parsed as compare and report parse it
  const tolerance = v.tolerance === undefined ? null : toleranceArg(v.tolerance);
  const limit = positiveInt('limit', v.limit);
  const subset = positiveInt('subset', v.subset);
  const subsetSeed = v['subset-seed'] === undefined ? null : Number(v['subset-seed']);
  if (subsetSeed !== null && !(Number.isInteger(subsetSeed) && subsetSeed >= 0)) throw new UsageError(`--subset-seed ${v['subset-seed']}: must be a whole number, 0 or more.`);
  if (subsetSeed !== null && subset === null) throw new UsageError('--subset-seed needs --subset N.');
  // --limit takes the first items, --subset a random draw: one run is one or the other
  if (limit !== null && subset !== null) throw new UsageError('--limit and --subset cannot be combined: --limit N takes the first N items, --subset N draws N at random. Use one.');
  if (v.tolerance !== undefined && tolerance === null) throw new UsageError(`--tolerance ${v.tolerance}: must be a number of points, 0 or more.`);
  const accept = acceptDeviationArg(v['accept-deviation']);
  if (!accept.ok) throw new UsageError(accept.message);
  let shard = null;
  if (v.shard !== undefined) {
    const parsedShard = parseShard(v.shard);
    if (!parsedShard.ok) throw new UsageError(`--shard ${v.shard}: ${parsedShard.reason}.`);
    shard = parsedShard.shard;
  }
  return {
    config: v.config ?? 'configs/demo.yaml',
    overrides: {
      suites,
      limit,
      subset,
      subsetSeed,
      samples: positiveInt('samples', v.samples),
      concurrency: positiveInt('concurrency', v.concurrency),
      output: v.output ?? null,
      shard,
    },
    dryRun: v['dry-run'],
    resume: v.resume ?? null,
    check: v.check,
    tolerance,
    acceptDeviations: accept.patterns,
    unsafeLocalExec: v['unsafe-local-exec'],
  };
}
