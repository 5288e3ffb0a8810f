import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunLogger } from '../../harness/log.ts';

describe('run logger', () => {
  it('writes JSON lines and redacts keys and Authorization headers', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parity-log-')), 'log.jsonl');
    const log = createRunLogger(path);
    log.info({ apiKey: 'sk-secret-1', request: { headers: { authorization: 'Bearer sk-secret-2' } }, api_key: 'sk-secret-3' }, 'request');
    log.flush();
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/sk-secret/);
    const line = JSON.parse(text.trim());
    expect(line.msg).toBe('request');
    expect(line.apiKey).toBe('[redacted]');
    expect(line.request.headers.authorization).toBe('[redacted]');
  });
});
