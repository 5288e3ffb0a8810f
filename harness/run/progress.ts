// Progress: one live line on a TTY, a plain line every few seconds elsewhere (CI logs).
export type Progress = {
  addTotal(n: number): void;
  generated(ok: boolean, completionTokens: number): void;
  scored(value: number): void;
  note(message: string): void;
  stop(): void;
};

export type ProgressOptions = {
  label: string;
  stream?: NodeJS.WriteStream;
  intervalMs?: number;
  now?: () => number;
};

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  const now = options.now ?? Date.now;
  const started = now();
  const state = { total: 0, done: 0, errors: 0, tokens: 0, scored: 0, sum: 0 };
  const notes: string[] = [];

  const line = (): string => {
    const seconds = Math.max(0.001, (now() - started) / 1000);
    const rate = state.done / seconds;
    const left = state.total - state.scored - state.errors;
    const eta = rate > 0 && left > 0 ? `${Math.ceil(left / rate)}s` : '-';
    const acc = state.scored > 0 ? ` score ${((100 * state.sum) / state.scored).toFixed(1)}` : '';
    return `${options.label}: ${state.scored + state.errors}/${state.total} done, ${rate.toFixed(1)} req/s, ETA ${eta}, ${state.tokens} tokens out, ${state.errors} errors${acc}`;
  };
  const print = (): void => {
    if (tty) stream.write(`\r\x1b[2K${line()}`);
    else stream.write(`${line()}\n`);
  };
  const timer = setInterval(print, options.intervalMs ?? (tty ? 250 : 5000));
  timer.unref();

  return {
    addTotal: (n) => {
      state.total += n;
    },
    generated: (ok, tokens) => {
      state.done += 1;
      state.tokens += tokens;
      if (!ok) state.errors += 1;
    },
    scored: (value) => {
      state.scored += 1;
      state.sum += value;
    },
    note: (message) => {
      if (notes.length < 20) notes.push(message);
    },
    stop: () => {
      clearInterval(timer);
      print();
      if (tty) stream.write('\n');
      for (const n of notes) stream.write(`  ${n}\n`);
    },
  };
}
