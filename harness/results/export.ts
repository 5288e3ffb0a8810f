// Lays a run out in the Every Eval Ever datastore layout:
// <out>/data/<benchmark>/<developer>/<model>/<uuid>.json and <uuid>_samples.jsonl (same bytes as samples.jsonl).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { constants, copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { aggregatePathFor } from './datastore.ts';
import { readSamplesFile, readScoresFile, ResultsFileError, SAMPLES_FILE, SCORES_FILE } from './files.ts';
import { datastoreProblems } from './gate.ts';

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

/** Checks the samples file against its record: rows valid, same identity, declared checksum and count. */
async function verifySamples(runDir: string, evaluationId: string, modelId: string, checksum: string | undefined, rows: number | undefined) {
  const path = join(runDir, SAMPLES_FILE);
  let count = 0;
  for await (const row of readSamplesFile(path)) {
    count++;
    if (row.evaluation_id !== evaluationId || row.model_id !== modelId) {
      throw new ResultsFileError(
        `${path}:${count}: evaluation_id/model_id (${row.evaluation_id}, ${row.model_id}) differ from scores.json (${evaluationId}, ${modelId}); re-run \`npm run score -- ${runDir}\``,
      );
    }
  }
  if (count === 0) throw new ResultsFileError(`${path}: no rows; the datastore needs at least one sample`);
  if (rows !== undefined && rows !== count) {
    throw new ResultsFileError(`${path}: ${count} rows, but scores.json declares total_rows ${rows}; re-run \`npm run score -- ${runDir}\``);
  }
  const actual = await sha256Of(path);
  if (checksum !== undefined && checksum !== actual) {
    throw new ResultsFileError(`${path}: sha256 ${actual} differs from scores.json checksum ${checksum}; re-run \`npm run score -- ${runDir}\``);
  }
}

export async function exportRun(runDir: string, outDir: string): Promise<{ aggregatePath: string; samplesPath: string }> {
  const record = await readScoresFile(runDir);
  const detailed = record.detailed_evaluation_results;
  if (detailed === undefined) {
    throw new ResultsFileError(`${join(runDir, SCORES_FILE)}: detailed_evaluation_results is missing; re-run \`npm run score -- ${runDir}\``);
  }
  const problems = datastoreProblems(record);
  if (problems.length > 0) {
    const where = join(runDir, SCORES_FILE);
    throw new ResultsFileError(`${problems.map((p) => `${where}: ${p}`).join('\n')}\nThe datastore rejects these; fix the suite's metric bounds and re-score.`);
  }
  await verifySamples(runDir, record.evaluation_id, record.model_info.id, detailed.checksum, detailed.total_rows);
  const samplesPath = join(outDir, detailed.file_path);
  const aggregatePath = join(outDir, aggregatePathFor(detailed.file_path));
  await mkdir(dirname(samplesPath), { recursive: true });
  try {
    // never overwrite: a datastore file is published once
    await copyFile(join(runDir, SAMPLES_FILE), samplesPath, constants.COPYFILE_EXCL);
    await copyFile(join(runDir, SCORES_FILE), aggregatePath, constants.COPYFILE_EXCL);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ResultsFileError(`${outDir}: cannot write the export (${reason}); choose an empty directory`);
  }
  return { aggregatePath, samplesPath };
}
