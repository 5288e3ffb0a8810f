import { describe, expect, it } from 'vitest';
import { lightResponse } from '../../../harness/endpoint/light-response.ts';

const make = (body: string, status = 200) =>
  lightResponse(Buffer.from(body), { status, statusText: 'OK', headers: { 'Content-Type': 'application/json', 'retry-after': '3' }, url: 'http://x/v1/chat' });

describe('lightResponse', () => {
  it('answers what the SDK reads: status, ok, headers.get and json', async () => {
    const r = make('{"a": 1}');
    expect(r.status).toBe(200);
    expect(r.ok).toBe(true);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(r.headers.get('Retry-After')).toBe('3');
    expect(r.headers.get('missing')).toBeNull();
    expect(await r.json()).toEqual({ a: 1 });
    expect(r.bodyUsed).toBe(true);
  });
  it('refuses a second read, as fetch does', async () => {
    const r = make('hello');
    expect(await r.text()).toBe('hello');
    await expect(r.text()).rejects.toThrow(/already been read/);
  });
  it('keeps full Fetch semantics for the rest: body stream, headers iteration, status', async () => {
    const r = make('stream me', 503);
    expect(r.ok).toBe(false);
    expect([...r.headers.keys()]).toEqual(['content-type', 'retry-after']);
    const reader = r.body?.getReader();
    const chunk = await reader?.read();
    expect(Buffer.from(chunk?.value ?? new Uint8Array()).toString()).toBe('stream me');
  });
  it('has no body for 204', () => {
    expect(lightResponse(Buffer.alloc(0), { status: 204, statusText: '', headers: {}, url: 'http://x' }).body).toBeNull();
  });
});
