// Before a merge writes anything: the shard directories must be one sharded run, complete and disjoint.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readSpec, RunDirError, type RunSpec } from './run-dir.ts';
import { shardOf, type Shard } from './shard.ts';
import { readShardJournal, type ShardJournal } from './shard-journal.ts';

/** Bad input (exit 2): names the shard directory and what is wrong. */
export class MergeError extends RunDirError {
  override name = 'MergeError';
}

export type ShardRun = { dir: string; spec: RunSpec; shard: Shard; journal: ShardJournal };

/** A shard's run directory: the directory itself, or the one run directory inside an --output directory. */
export function findRunDir(dir: string): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new MergeError(`${dir}: no such directory. Pass the --output directory of each shard (or its run directory).`);
  if (existsSync(join(dir, 'spec.json'))) return dir;
  const runs = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'spec.json')));
  if (runs.length === 1 && runs[0] !== undefined) return join(dir, runs[0]);
  if (runs.length === 0) throw new MergeError(`${dir}: not a run: no spec.json in it or in a directory inside it. Pass the --output directory that \`npm run eval -- --shard I/N\` wrote.`);
  throw new MergeError(`${dir}: holds ${runs.length} runs (${runs.join(', ')}). Pass the one run directory to merge, e.g. ${join(dir, runs[0] ?? '')}.`);
}

/** The first path at which two JSON values differ, e.g. "model.generation.temperature"; null when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const diff = firstDifference(Reflect.get(a, key), Reflect.get(b, key), path === '' ? key : `${path}.${key}`);
      if (diff !== null) return diff;
    }
  }
  return path === '' ? '(the whole config)' : path;
}

const SCOPE_KEYS = ['suites', 'limit', 'samples'] as const;

/** Reads and checks every shard; throws a MergeError naming the directory and what is wrong. */
export function checkShards(dirs: readonly string[]): ShardRun[] {
  if (dirs.length === 0) throw new MergeError('no shard directories given. Usage: npm run merge -- out/shard-* --output results/runs');
  const runs: ShardRun[] = dirs.map((given) => {
    const dir = findRunDir(given);
    const spec = readSpec(dir);
    const shard = spec.overrides.shard;
    if (shard === null) throw new MergeError(`${dir}: not a shard (the run was started without --shard). Only runs made with --shard I/N are merged.`);
    if (!existsSync(join(dir, 'scores.json'))) {
      throw new MergeError(`${dir}: shard ${shard.index}/${shard.count} has not finished (no scores.json). Finish it first: npm run eval -- --config ${spec.config_file} --shard ${shard.index}/${shard.count} --resume ${spec.run_id} --output <its output directory>`);
    }
    return { dir, spec, shard, journal: readShardJournal(join(dir, 'journal.jsonl')) };
  });
  const [first] = runs;
  if (first === undefined) throw new MergeError('no shard directories given.');
  const count = first.shard.count;
  const byIndex = new Map<number, ShardRun>();
  for (const run of runs) {
    if (run.shard.count !== count) throw new MergeError(`${run.dir}: shard ${run.shard.index}/${run.shard.count} belongs to a split into ${run.shard.count}, but ${first.dir} is one of ${count}.`);
    const twin = byIndex.get(run.shard.index);
    if (twin) throw new MergeError(`${run.dir}: shard index ${run.shard.index} is given twice (also ${twin.dir}). Pass each shard once.`);
    byIndex.set(run.shard.index, run);
    if (run.spec.protocol_hash !== first.spec.protocol_hash) {
      const field = firstDifference(first.spec.config, run.spec.config) ?? 'a suite protocol (prompt, extractor or options)';
      throw new MergeError(`${run.dir}: ran a different protocol than ${first.dir} (protocol hash ${run.spec.protocol_hash} vs ${first.spec.protocol_hash}; config field ${field} differs). All shards must run the same config.`);
    }
    const field = firstDifference(first.spec.config, run.spec.config);
    if (field !== null) throw new MergeError(`${run.dir}: config field ${field} differs from ${first.dir}. All shards must run the same config.`);
    for (const key of SCOPE_KEYS) {
      if (JSON.stringify(run.spec.overrides[key]) !== JSON.stringify(first.spec.overrides[key])) {
        throw new MergeError(`${run.dir}: --${key === 'suites' ? 'suite' : key} ${JSON.stringify(run.spec.overrides[key])} differs from ${first.dir} (${JSON.stringify(first.spec.overrides[key])}). All shards must run the same scope.`);
      }
    }
    const datasets = firstDifference(first.spec.suites.map((s) => s.dataset), run.spec.suites.map((s) => s.dataset));
    if (datasets !== null) throw new MergeError(`${run.dir}: read a different dataset file than ${first.dir} (revision or sha256). All shards must read the same data.`);
  }
  const missing = [...Array(count).keys()].filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new MergeError(`shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing: given ${[...byIndex.keys()].sort((a, b) => a - b).join(', ')}. Pass every shard's directory.`);
  checkDisjoint(runs);
  return [...byIndex.values()].sort((a, b) => a.shard.index - b.shard.index);
}

/** Every journal key must sit in the shard its item hashes to, and in only one shard. */
function checkDisjoint(runs: readonly ShardRun[]): void {
  const owner = new Map<string, string>();
  for (const run of runs) {
    for (const key of run.journal.keys) {
      const [suite = '', ...rest] = key.split('/');
      const item = rest.slice(0, -1).join('/');
      const other = owner.get(key);
      if (other !== undefined) throw new MergeError(`${run.dir}: sample ${key} is also in ${other}: an item is in two shards. Re-run the shards from one config and one split.`);
      owner.set(key, run.dir);
      const bucket = shardOf(suite, item, run.shard.count);
      if (bucket !== run.shard.index) throw new MergeError(`${run.dir}: sample ${key} belongs to shard ${bucket}, not ${run.shard.index}. The journal was copied from another shard.`);
    }
  }
}
