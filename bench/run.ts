// npm run bench: speed and memory figures, each section in its own process so peak RSS is its own.
// Quote ratios measured in one run; this machine is noisy. `npm run bench -- runner bare` runs some sections.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const SECTIONS = ['runner', 'runner-stream', 'bare', 'runner-1000', 'bare-1000', 'replicas', 'supergpqa', 'grading', 'report'] as const;
type Section = (typeof SECTIONS)[number];

/** The harness section and the bare-client section measured on the same load, for the ratio line. */
const PAIRS: ReadonlyArray<{ runner: Section; bare: Section }> = [
  { runner: 'runner', bare: 'bare' },
  { runner: 'runner-1000', bare: 'bare-1000' },
];

async function runSection(section: Section): Promise<string> {
  if (section === 'runner' || section === 'runner-stream') {
    const { runRunnerBench } = await import('./runner.ts');
    // the targets are the non-streamed runner's; the streamed variant is reported beside it
    const targets = section === 'runner' ? { efficiency: 0.92, rssMb: 150, cpuMs: 0.5 } : { efficiency: null, rssMb: null, cpuMs: null };
    return runRunnerBench({ requests: 10_000, concurrency: 200, latencyMs: 200, stream: section === 'runner-stream', targets });
  }
  if (section === 'runner-1000') {
    const { runRunnerBench } = await import('./runner.ts');
    return runRunnerBench({ requests: 50_000, concurrency: 1000, latencyMs: 200, stream: false, targets: { efficiency: 0.5, rssMb: 200, cpuMs: null } });
  }
  if (section === 'bare' || section === 'bare-1000') {
    const { runBareClientBench } = await import('./bare-client.ts');
    return section === 'bare' ? runBareClientBench({ requests: 10_000, concurrency: 200, latencyMs: 200 }) : runBareClientBench({ requests: 50_000, concurrency: 1000, latencyMs: 200 });
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

type Figures = { efficiency: number; cpu: number };

function figuresOf(output: string): Figures | null {
  const efficiency = /efficiency ([\d.]+)/.exec(output)?.[1];
  const cpu = /CPU ([\d.]+) ms\/request/.exec(output)?.[1];
  return efficiency === undefined || cpu === undefined ? null : { efficiency: Number(efficiency), cpu: Number(cpu) };
}

const args = process.argv.slice(2);
const [only] = args;
const section = SECTIONS.find((s) => s === only);
if (only === 'report-build' && args[1] !== undefined) {
  // the report section's second process: only the page, so its peak RSS is its own
  const { buildReport } = await import('./report.ts');
  process.stdout.write(`${await buildReport(args[1])}\n`);
} else if (process.env['PARITY_BENCH_CHILD'] === '1' && section && args.length === 1) {
  process.stdout.write(`${await runSection(section)}\n`);
} else if (args.some((a) => !SECTIONS.some((s) => s === a))) {
  process.stderr.write(`usage: npm run bench [-- ${SECTIONS.join('|')} ...]\n`);
  process.exitCode = 2;
} else {
  const chosen = SECTIONS.filter((s) => args.length === 0 || args.includes(s));
  process.stdout.write(`node ${process.version}, ${availableParallelism()} cores, V8 flags: ${process.execArgv.filter((a) => a.startsWith('--') && !a.startsWith('--import')).join(' ') || 'none'}\n`);
  const figures: Partial<Record<Section, Figures>> = {};
  for (const s of chosen) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), s], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      env: { ...process.env, PARITY_BENCH_CHILD: '1' },
    });
    process.stdout.write(child.stdout);
    if (child.status !== 0) process.exitCode = 1;
    const found = figuresOf(child.stdout);
    if (found !== null) figures[s] = found;
    const plain = figures.runner;
    const streamed = figures['runner-stream'];
    if (s === 'runner-stream' && plain && streamed) {
      process.stdout.write(`runner CPU per request: ${plain.cpu.toFixed(3)} ms non-streamed, ${streamed.cpu.toFixed(3)} ms streamed (x${(streamed.cpu / plain.cpu).toFixed(2)})\n`);
    }
    for (const pair of PAIRS) {
      const runner = figures[pair.runner];
      const bare = figures[pair.bare];
      if ((s === pair.runner || s === pair.bare) && runner && bare) {
        process.stdout.write(`${pair.runner} against the bare client: efficiency ${(runner.efficiency / bare.efficiency).toFixed(2)} of it, CPU per request x${(runner.cpu / bare.cpu).toFixed(1)}\n`);
      }
    }
  }
}
