// The private-test decoder and its pickle reader, on blobs encoded the official way (pickle 4, zlib, base64).
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PickleError, unpickleString } from '../../../harness/code-grading/pickle.ts';
import { decodeTestCases } from '../../../harness/code-grading/test-cases.ts';

const blobs: unknown = JSON.parse(readFileSync(new URL('../../fixtures/livecodebench/blobs.json', import.meta.url), 'utf8'));

function field(obj: unknown, ...path: string[]): unknown {
  let at = obj;
  for (const key of path) at = typeof at === 'object' && at !== null ? Reflect.get(at, key) : undefined;
  return at;
}
function text(obj: unknown, ...path: string[]): string {
  const value = field(obj, ...path);
  if (typeof value !== 'string') throw new Error(`fixture field ${path.join('.')} missing`);
  return value;
}

describe('decodeTestCases', () => {
  it('decodes a framed protocol-4 blob', () => {
    expect(decodeTestCases(text(blobs, 'small', 'blob'))).toEqual(field(blobs, 'small', 'tests'));
  });

  it('decodes a large unframed BINUNICODE blob', () => {
    const [test, ...rest] = decodeTestCases(text(blobs, 'big_unframed', 'blob'));
    expect(rest).toEqual([]);
    expect(test?.input.length).toBe(field(blobs, 'big_unframed', 'input_length'));
    expect(test?.output).toBe(text(blobs, 'big_unframed', 'output'));
  });

  it('takes plain JSON first, as the official loader does', () => {
    expect(decodeTestCases('[{"input": "1", "output": "2", "testtype": "functional"}]')).toEqual([{ input: '1', output: '2', testtype: 'functional' }]);
  });

  it('names the field when neither form decodes', () => {
    expect(() => decodeTestCases('not a blob!', 'private_test_cases')).toThrow(/private_test_cases: neither JSON nor base64/);
    const notTests = Buffer.from(deflateSync(Buffer.from([0x80, 0x04, 0x8c, 0x02, 0x31, 0x32, 0x94, 0x2e]))).toString('base64');
    expect(() => decodeTestCases(notTests)).toThrow(/not a list of tests|expected array/);
  });
});

describe('unpickleString', () => {
  it('reads SHORT_BINUNICODE under protocol 5 with a frame', () => {
    const bytes = Buffer.from([0x80, 0x05, 0x95, 0x05, 0, 0, 0, 0, 0, 0, 0, 0x8c, 0x01, 0x78, 0x94, 0x2e]);
    expect(unpickleString(bytes)).toBe('x');
  });

  it('reads BINUNICODE8 and multi-byte UTF-8', () => {
    const payload = Buffer.from('héllo ✓', 'utf8');
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(payload.length));
    expect(unpickleString(Buffer.concat([Buffer.from([0x80, 0x04, 0x8d]), length, payload, Buffer.from([0x94, 0x2e])]))).toBe('héllo ✓');
  });

  it('rejects every other opcode, naming it', () => {
    // protocol 4 pickle of os.system via STACK_GLOBAL: never executed, rejected at the first unknown opcode
    const evil = Buffer.from([0x80, 0x04, 0x8c, 0x02, 0x6f, 0x73, 0x94, 0x8c, 0x06, ...Buffer.from('system'), 0x94, 0x93, 0x2e]);
    expect(() => unpickleString(evil)).toThrow(PickleError);
    expect(() => unpickleString(evil)).toThrow(/second value|opcode/);
    expect(() => unpickleString(Buffer.from([0x80, 0x04, 0x63, 0x2e]))).toThrow(/unsupported pickle opcode 0x63 at offset 2/);
    expect(() => unpickleString(Buffer.from([0x80, 0x04, 0x4e, 0x2e]))).toThrow(/opcode 0x4e/);
  });

  it('rejects old protocols, truncation and trailing bytes', () => {
    expect(() => unpickleString(Buffer.from([0x80, 0x02, 0x8c, 0x01, 0x78, 0x2e]))).toThrow(/protocol 2/);
    expect(() => unpickleString(Buffer.from([0x80, 0x04, 0x8c, 0x05, 0x78]))).toThrow(/runs past the end/);
    expect(() => unpickleString(Buffer.from([0x80, 0x04, 0x8c, 0x01, 0x78, 0x2e, 0x00]))).toThrow(/trailing/);
    expect(() => unpickleString(Buffer.from([0x80, 0x04, 0x8c, 0x01, 0x78]))).toThrow(/without STOP/);
    expect(() => unpickleString(Buffer.from([0x8c, 0x01, 0x78, 0x2e]))).toThrow(/PROTO/);
  });
});
