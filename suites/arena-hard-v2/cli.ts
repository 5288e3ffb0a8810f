// npm run arena-hard -- leaderboard <model_judgment dir> [options]: show_result.py over official judgment files.
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { computeLeaderboard } from './leaderboard.ts';
import { formatLeaderboard } from './leaderboard-format.ts';
import { featureColumns } from './style-control.ts';

const USAGE = `usage: npm run arena-hard -- leaderboard <model_judgment dir> [options]
  --judge NAME             judge folder under the dir; repeat for an ensemble (default gpt-4.1)
  --category NAME          hard_prompt or creative_writing; repeatable (default hard_prompt)
  --control-features F     length and/or markdown; repeat for both (default none: no style control)
  --answers DIR            model_answer folder for style metadata (default <dir>/../model_answer)
  --fit converge|upstream  style-control fit (default converge)
  --rounds N               bootstrap rounds (default 100)
  --seed N                 bootstrap seed (default 20250420)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      judge: { type: 'string', multiple: true },
      category: { type: 'string', multiple: true },
      'control-features': { type: 'string', multiple: true },
      answers: { type: 'string' },
      fit: { type: 'string', default: 'converge' },
      rounds: { type: 'string', default: '100' },
      seed: { type: 'string', default: '20250420' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [command, dir] = positionals;
  if (command !== 'leaderboard' || dir === undefined) fail('expected: leaderboard <model_judgment dir>');
  const fit = values.fit;
  if (fit !== 'converge' && fit !== 'upstream') fail(`--fit must be converge or upstream, not "${fit}"`);
  const rounds = Number(values.rounds);
  const seed = Number(values.seed);
  if (!Number.isInteger(rounds) || rounds < 1) fail('--rounds must be a positive integer');
  if (!Number.isInteger(seed)) fail('--seed must be an integer');
  const controls = values['control-features'] ?? [];
  const features = controls.length > 0 ? featureColumns(controls) : null;
  const judgmentDir = resolve(dir);
  const answersDir = values.answers ? resolve(values.answers) : join(dirname(judgmentDir), 'model_answer');
  if (features) process.stdout.write(`INFO: Control features: ${JSON.stringify(controls)}\n`);
  for (const category of values.category ?? ['hard_prompt']) {
    if (category !== 'hard_prompt' && category !== 'creative_writing') fail(`invalid category "${category}"`);
    const board = await computeLeaderboard(judgmentDir, {
      judges: values.judge ?? ['gpt-4.1'],
      category,
      features,
      answersDir,
      fit,
      rounds,
      seed,
    });
    process.stdout.write(`Number of null judgments found: ${board.dropped}\n`);
    process.stdout.write(`${formatLeaderboard(category, board.summaries)}\n`);
    if (board.coefficients) process.stdout.write(`Feature Coefs: ${JSON.stringify(board.coefficients)}\n`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`arena-hard: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
