// A deliberately tiny Python unpickler: it accepts only a pickled `str` (protocol 4/5), which is all
// compressed test-case blobs contain, and rejects every other opcode so untrusted data can do nothing.

const OP = {
  PROTO: 0x80,
  FRAME: 0x95,
  SHORT_BINUNICODE: 0x8c,
  BINUNICODE: 0x58,
  BINUNICODE8: 0x8d,
  MEMOIZE: 0x94,
  STOP: 0x2e,
} as const;

export class PickleError extends Error {
  override name = 'PickleError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readUint(bytes: Uint8Array, at: number, width: 1 | 4 | 8): number {
  if (at + width > bytes.length) throw new PickleError(`truncated pickle: needed ${width} bytes at offset ${at}`);
  let value = 0;
  for (let i = width - 1; i >= 0; i--) value = value * 256 + (bytes[at + i] ?? 0);
  if (!Number.isSafeInteger(value)) throw new PickleError(`length at offset ${at} is too large`);
  return value;
}

/** Returns the string held by a protocol 4/5 pickle of a Python `str`. */
export function unpickleString(bytes: Uint8Array): string {
  let at = 0;
  let value: string | null = null;
  let sawProto = false;
  while (at < bytes.length) {
    const op = bytes[at] ?? -1;
    const opAt = at;
    at += 1;
    switch (op) {
      case OP.PROTO: {
        const version = readUint(bytes, at, 1);
        if (version < 4 || version > 5) throw new PickleError(`pickle protocol ${version} is not supported (only 4 and 5)`);
        sawProto = true;
        at += 1;
        break;
      }
      case OP.FRAME: {
        const length = readUint(bytes, at, 8);
        at += 8;
        if (at + length > bytes.length) throw new PickleError(`frame at offset ${opAt} runs past the end of the data`);
        break;
      }
      case OP.SHORT_BINUNICODE:
      case OP.BINUNICODE:
      case OP.BINUNICODE8: {
        if (value !== null) throw new PickleError(`second value at offset ${opAt}: expected a single str`);
        const width = op === OP.SHORT_BINUNICODE ? 1 : op === OP.BINUNICODE ? 4 : 8;
        const length = readUint(bytes, at, width);
        at += width;
        if (at + length > bytes.length) throw new PickleError(`string at offset ${opAt} runs past the end of the data`);
        try {
          value = utf8.decode(bytes.subarray(at, at + length));
        } catch {
          throw new PickleError(`string at offset ${opAt} is not valid UTF-8`);
        }
        at += length;
        break;
      }
      case OP.MEMOIZE:
        if (value === null) throw new PickleError(`MEMOIZE at offset ${opAt} with an empty stack`);
        break;
      case OP.STOP:
        if (!sawProto) throw new PickleError('pickle has no PROTO header; only protocol 4/5 is supported');
        if (value === null) throw new PickleError('pickle ended without a value');
        if (at !== bytes.length) throw new PickleError(`${bytes.length - at} trailing bytes after STOP`);
        return value;
      default:
        throw new PickleError(
          `unsupported pickle opcode 0x${op.toString(16).padStart(2, '0')} at offset ${opAt}: only a pickled str ` +
            '(PROTO, FRAME, SHORT_BINUNICODE, BINUNICODE, BINUNICODE8, MEMOIZE, STOP) is accepted',
        );
    }
  }
  throw new PickleError('pickle ended without STOP');
}
