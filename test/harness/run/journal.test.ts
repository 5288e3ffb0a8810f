import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isoNow, openJournal, type JournalEntry } from '../../../harness/run/journal.ts';

const entry = (key: string, status: 'ok' | 'error' = 'ok'): JournalEntry => ({
  key,
  request_hash: 'h',
  status,
  completion:
    status === 'ok'
      ? { content: `answer ${key}`, reasoning: null, finish_reason: 'stop', truncated: false, truncated_in_thinking: false, usage: null }
      : null,
  error: status === 'error' ? { kind: 'transient', status: 500, code: null, message: 'boom', retryAfterMs: null } : null,
  attempts: 1,
  latency_ms: 5,
  at: '2026-01-01T00:00:00.000Z',
});

const dir = (): string => mkdtempSync(join(tmpdir(), 'parity-journal-'));
const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').filter(Boolean);

describe('journal', () => {
  it('appends and reads back by key', async () => {
    const path = join(dir(), 'journal.jsonl');
    const j = await openJournal(path);
    j.append(entry('a/1/0'));
    j.append(entry('a/2/0'));
    expect(j.read('a/2/0')?.completion?.content).toBe('answer a/2/0');
    expect(j.has('a/1/0')).toBe(true);
    expect(j.has('a/3/0')).toBe(false);
    j.close();
    const again = await openJournal(path);
    expect(again.read('a/1/0')?.completion?.content).toBe('answer a/1/0');
    expect(again.opened).toEqual({ kept: 2, droppedErrors: 0, droppedTorn: 0 });
    again.close();
  });

  it('drops a torn last line and error entries on reopen, leaving no duplicate after a retry', async () => {
    const path = join(dir(), 'journal.jsonl');
    const j = await openJournal(path);
    j.append(entry('s/1/0'));
    j.append(entry('s/2/0', 'error'));
    j.append(entry('s/3/0'));
    j.close();
    // a kill -9 in the middle of a write leaves half a line
    appendFileSync(path, JSON.stringify(entry('s/4/0')).slice(0, 40));
    const resumed = await openJournal(path);
    expect(resumed.opened).toEqual({ kept: 2, droppedErrors: 1, droppedTorn: 1 });
    expect(resumed.has('s/2/0')).toBe(false);
    expect(resumed.has('s/4/0')).toBe(false);
    resumed.append(entry('s/2/0'));
    resumed.append(entry('s/4/0'));
    expect(resumed.read('s/3/0')?.completion?.content).toBe('answer s/3/0');
    expect(resumed.read('s/4/0')?.completion?.content).toBe('answer s/4/0');
    resumed.close();
    const keys = lines(path).map((l) => JSON.parse(l).key);
    expect(keys.sort()).toEqual(['s/1/0', 's/2/0', 's/3/0', 's/4/0']);
  });

  it('treats a complete final line without its newline as torn', async () => {
    const path = join(dir(), 'journal.jsonl');
    writeFileSync(path, `${JSON.stringify(entry('k/1/0'))}\n${JSON.stringify(entry('k/2/0'))}`);
    const j = await openJournal(path);
    expect(j.opened.droppedTorn).toBe(1);
    expect(j.has('k/2/0')).toBe(false);
    j.close();
  });

  it('refuses a corrupt line in the middle, naming file and line', async () => {
    const path = join(dir(), 'journal.jsonl');
    writeFileSync(path, `${JSON.stringify(entry('k/1/0'))}\n{not json\n${JSON.stringify(entry('k/2/0'))}\n`);
    await expect(openJournal(path)).rejects.toThrow(/journal.jsonl:2: corrupt journal line/);
  });
});

describe('isoNow', () => {
  it('is the ISO time of the current millisecond, also when the clock moves within or across one', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(Date.parse('2026-03-01T12:00:00.123Z'));
      expect(isoNow()).toBe('2026-03-01T12:00:00.123Z');
      expect(isoNow()).toBe('2026-03-01T12:00:00.123Z');
      vi.setSystemTime(Date.parse('2026-03-01T12:00:00.124Z'));
      expect(isoNow()).toBe('2026-03-01T12:00:00.124Z');
      vi.setSystemTime(Date.parse('2026-02-28T23:59:59.999Z')); // a clock set back is followed too
      expect(isoNow()).toBe(new Date().toISOString());
    } finally {
      vi.useRealTimers();
    }
  });
});
