// SuperGPQA at full size: 26,529 synthetic questions in the native format, streamed through the runner
// against the mock endpoint, to check that the whole run stays within the memory target.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess } from './in-process.ts';
import { startMock } from './runner.ts';

const ROWS = 26_529;
const DIFFICULTIES = ['easy', 'middle', 'hard'];
const DISCIPLINES = ['Science', 'Engineering', 'Medicine', 'Literature and Arts', 'Economics'];

export async function writeQuestions(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < ROWS; i++) {
    const options = Array.from({ length: 4 + (i % 7) }, (_, j) => `option ${j} of question ${i}: ${'lorem ipsum '.repeat(3)}`);
    const letter = 'ABCDEFGHIJ'[i % options.length] ?? 'A';
    const row = {
      uuid: i.toString(16).padStart(32, '0'),
      question: `Synthetic question ${i}: ${'which statement holds for the system described here? '.repeat(4)}`,
      options,
      answer: options[i % options.length],
      answer_letter: letter,
      discipline: DISCIPLINES[i % DISCIPLINES.length],
      field: `field-${i % 72}`,
      subfield: `subfield-${i % 285}`,
      difficulty: DIFFICULTIES[i % 3],
      is_calculation: i % 2 === 0,
    };
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function runSuperGpqaScaleBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'parity-supergpqa-'));
  const data = join(dir, 'SuperGPQA-all.jsonl');
  await writeQuestions(data);
  const mock = await startMock(50);
  try {
    const raw = {
      model: { name: 'Bench mock', id: 'bench/mock', simulated: true, endpoint: { base_url: mock.url, model: 'mock' } },
      runner: { concurrency: 200, timeout_s: 60, max_retries: 2 },
      suites: { supergpqa: { dataset: { path: data } } },
      output: dir,
    };
    const { summary, seconds } = await runInProcess(raw, dir);
    const suite = summary.suites[0];
    return [
      `supergpqa at full size: ${suite?.items ?? 0} questions, ${suite?.scored_samples ?? 0} scored, ${suite?.error_samples ?? 0} errors, mock latency 50 ms, concurrency 200`,
      `  wall ${seconds.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (target <= 150), ${summary.samples_file.rows} rows in samples.jsonl`,
    ].join('\n');
  } finally {
    void mock.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
