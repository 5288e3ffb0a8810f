// npm run bench: speed and memory figures, each section in its own process so peak RSS is its own.
// Quote ratios measured in one run; this machine is noisy.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const SECTIONS = ['runner', 'runner-stream', 'replicas', 'supergpqa', 'grading', 'report'] as const;
type Section = (typeof SECTIONS)[number];

async function runSection(section: Section): Promise<string> {
  if (section === 'runner' || section === 'runner-stream') {
    const { runRunnerBench } = await import('./runner.ts');
    return runRunnerBench({ requests: 10_000, concurrency: 200, latencyMs: 200, stream: section === 'runner-stream' });
  }
  if (section === 'replicas') {
    const { runReplicasBench } = await import('./replicas.ts');
    return runReplicasBench({ requests: 12_000, concurrency: 600, latencyMs: 200 });
  }
  if (section === 'supergpqa') {
    const { runSuperGpqaScaleBench } = await import('./supergpqa-scale.ts');
    return runSuperGpqaScaleBench();
  }
  if (section === 'report') {
    const { runReportBench } = await import('./report.ts');
    return runReportBench(fileURLToPath(import.meta.url));
  }
  const { runGradingBench } = await import('./grading.ts');
  return runGradingBench();
}

const arg = process.argv[2];
const section = SECTIONS.find((s) => s === arg);
if (arg === 'report-build' && process.argv[3] !== undefined) {
  // the report section's second process: only the page, so its peak RSS is its own
  const { buildReport } = await import('./report.ts');
  process.stdout.write(`${await buildReport(process.argv[3])}\n`);
} else if (section) {
  process.stdout.write(`${await runSection(section)}\n`);
} else if (arg !== undefined) {
  process.stderr.write(`usage: npm run bench [-- ${SECTIONS.join('|')}]\n`);
  process.exitCode = 2;
} else {
  process.stdout.write(`node ${process.version}, ${availableParallelism()} cores, V8 flags: ${process.execArgv.filter((a) => a.startsWith('--') && !a.startsWith('--import')).join(' ') || 'none'}\n`);
  const cpu: Partial<Record<Section, number>> = {};
  for (const s of SECTIONS) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), s], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    process.stdout.write(child.stdout);
    if (child.status !== 0) process.exitCode = 1;
    const perRequest = /CPU ([\d.]+) ms\/request/.exec(child.stdout)?.[1];
    if (perRequest !== undefined) cpu[s] = Number(perRequest);
    if (s === 'runner-stream' && cpu.runner !== undefined && cpu['runner-stream'] !== undefined) {
      process.stdout.write(`runner CPU per request: ${cpu.runner.toFixed(3)} ms non-streamed, ${cpu['runner-stream'].toFixed(3)} ms streamed (x${(cpu['runner-stream'] / cpu.runner).toFixed(2)})\n`);
    }
  }
}
