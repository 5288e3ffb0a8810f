// A mock OpenAI-compatible endpoint with fixed latency, in its own process so its CPU is not charged to the harness.
import { startSimServer } from '../harness/sim/server.ts';

const latencyMs = Number(process.argv[2] ?? '200');
const sim = await startSimServer({ accuracy: 0, seed: 1, latencyMs, fallback: 'Reasoning done. The answer is $\\boxed{1}$.' });
process.stdout.write(`${sim.baseUrl}\n`);
process.on('SIGTERM', () => {
  void sim.close().then(() => process.exit(0));
});
