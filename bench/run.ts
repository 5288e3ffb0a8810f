// npm run bench: speed and memory figures, measured in one run (quote ratios; this machine is noisy).
import { runGradingBench } from './grading.ts';
import { runRunnerBench } from './runner.ts';

const which = new Set(process.argv.slice(2));
const all = which.size === 0;
if (all || which.has('runner')) {
  process.stdout.write(`${await runRunnerBench({ requests: 10_000, concurrency: 200, latencyMs: 200 })}\n`);
}
if (all || which.has('grading')) {
  process.stdout.write(`${await runGradingBench()}\n`);
}
