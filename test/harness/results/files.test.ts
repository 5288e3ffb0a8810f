import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateRecord } from '../../../harness/results/aggregate.ts';
import { readAggregateFile, readSamplesFile } from '../../../harness/results/files.ts';
import { instanceRow } from '../../../harness/results/instance.ts';
import { instanceInput, runSummary } from '../../fixtures/results/run-summary.ts';

async function tempFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parity-files-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('readAggregateFile', () => {
  it('accepts one record or an array of records', async () => {
    const record = aggregateRecord(runSummary());
    expect(await readAggregateFile(await tempFile('one.json', JSON.stringify(record)))).toEqual([record]);
    expect(await readAggregateFile(await tempFile('two.json', JSON.stringify([record, record])))).toHaveLength(2);
  });

  it('names the file and the JSON path of a failing field', async () => {
    const record = aggregateRecord(runSummary());
    const [first, second] = record.evaluation_results;
    if (first === undefined || second === undefined) throw new Error('fixture has two results');
    const bad = {
      ...record,
      evaluation_results: [first, { ...second, metric_config: { ...second.metric_config, min_score: 'zero' } }],
    };
    const path = await tempFile('bad.json', JSON.stringify([record, bad]));
    await expect(readAggregateFile(path)).rejects.toThrow(`${path}: [1]: evaluation_results[1].metric_config.min_score`);
  });

  it('names a missing required field', async () => {
    const record = aggregateRecord(runSummary());
    const { deployment_type: _dropped, ...details } = record.model_info.additional_details;
    const bad = { ...record, model_info: { ...record.model_info, additional_details: details } };
    const path = await tempFile('bad.json', JSON.stringify(bad));
    await expect(readAggregateFile(path)).rejects.toThrow(/model_info\.additional_details\.deployment_type/);
  });

  it('rejects a samples path outside the datastore layout', async () => {
    const record = aggregateRecord(runSummary());
    const bad = { ...record, detailed_evaluation_results: { format: 'jsonl', file_path: 'samples.jsonl' } };
    const path = await tempFile('bad.json', JSON.stringify(bad));
    await expect(readAggregateFile(path)).rejects.toThrow(/detailed_evaluation_results\.file_path: must be data\//);
  });

  it('reports invalid JSON and an empty array with the file name', async () => {
    const broken = await tempFile('broken.json', '{"schema_version": ');
    await expect(readAggregateFile(broken)).rejects.toThrow(`${broken}: not valid JSON`);
    const empty = await tempFile('empty.json', '[]');
    await expect(readAggregateFile(empty)).rejects.toThrow(`${empty}: the array holds no records`);
  });
});

describe('readSamplesFile', () => {
  it('validates each row and names the line of a bad one', async () => {
    const good = JSON.stringify(instanceRow(instanceInput()));
    const bad = JSON.stringify({ ...instanceRow(instanceInput()), evaluation: { score: 1 } });
    const path = await tempFile('samples.jsonl', `${good}\n${bad}\n`);
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const row of readSamplesFile(path)) seen.push(row.sample_id);
      })(),
    ).rejects.toThrow(`${path}:2: evaluation.is_correct`);
    expect(seen).toEqual(['aime25-I-1']);
  });
});
