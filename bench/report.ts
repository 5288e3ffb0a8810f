// The HTML report of a SuperGPQA run at full size: 26,529 synthetic questions in the native format answered
// by the mock endpoint, then report.html written in a child process of its own, so its peak RSS is the
// report's alone. Prints the time, the peak RSS, the page's size and its chunk folder's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRunReportHtml } from '../harness/report/html/write.ts';
import { aggregateRecord } from '../harness/results/aggregate.ts';
import { writeScoresFile } from '../harness/results/files.ts';
import { runInProcess } from './in-process.ts';
import { startMock } from './runner.ts';
import { writeQuestions } from './supergpqa-scale.ts';
import { BENCHMARKS } from '../suites/index.ts';

function folderBytes(dir: string): { files: number; bytes: number } {
  const names = readdirSync(dir);
  return { files: names.length, bytes: names.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) };
}

/** Runs in the child: writes report.html for the run directory and prints its own figures. */
export async function buildReport(runDir: string): Promise<string> {
  const t0 = performance.now();
  const page = await writeRunReportHtml(runDir, { catalogue: BENCHMARKS });
  const seconds = (performance.now() - t0) / 1000;
  const chunks = folderBytes(join(runDir, 'report.samples'));
  return [
    `  report.html in ${seconds.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    `  page ${(statSync(page).size / 1024).toFixed(0)} KB; report.samples/ ${chunks.files} files, ${(chunks.bytes / 1024 / 1024).toFixed(1)} MB`,
  ].join('\n');
}

export async function runReportBench(script: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'parity-report-'));
  const data = join(dir, 'SuperGPQA-all.jsonl');
  await writeQuestions(data);
  const mock = await startMock(5);
  try {
    const raw = {
      model: { name: 'Bench mock', id: 'bench/mock', simulated: true, endpoint: { base_url: mock.url, model: 'mock' } },
      runner: { concurrency: 200, timeout_s: 60, max_retries: 2 },
      suites: { supergpqa: { dataset: { path: data } } },
      output: dir,
    };
    const { summary } = await runInProcess(raw, dir);
    await writeScoresFile(summary.run_dir, aggregateRecord(summary));
    const child = spawnSync(process.execPath, [...process.execArgv, script, 'report-build', summary.run_dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`report build failed with exit ${String(child.status)}`);
    return `report of a supergpqa run at full size: ${summary.samples_file.rows} samples\n${child.stdout.trimEnd()}`;
  } finally {
    mock.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
