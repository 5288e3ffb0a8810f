import { describe, expect, it } from 'vitest';
import { createSseReader } from '../../../harness/endpoint/sse-reader.ts';

function read(pieces: string[]): Array<[string, string | null]> {
  const events: Array<[string, string | null]> = [];
  const reader = createSseReader((data, event) => events.push([data, event]));
  for (const piece of pieces) reader.feed(piece);
  return events;
}

describe('server-sent event reader', () => {
  it('hands over each event when its blank line arrives, whatever the chunking', () => {
    const text = 'data: {"a":1}\n\n: a comment\nid: 7\ndata: {"b":2}\n\ndata: [DONE]\n\n';
    const whole = read([text]);
    expect(whole).toEqual([['{"a":1}', null], ['{"b":2}', null], ['[DONE]', null]]);
    // one character at a time gives the same events
    expect(read([...text])).toEqual(whole);
  });

  it('reads \\r\\n and \\r line ends, also a \\r\\n cut between two pieces', () => {
    expect(read(['data: x\r', '\ndata: y\r\n\r\n'])).toEqual([['x\ny', null]]);
    expect(read(['data: x\r\rdata: y\r\r'])).toEqual([['x', null], ['y', null]]);
  });

  it('joins data lines, keeps the event name, takes one space after the colon', () => {
    expect(read(['event: error\ndata:  two spaces\ndata:none\ndata\n\n'])).toEqual([[' two spaces\nnone\n', 'error']]);
  });

  it('drops an event the stream ended in the middle of, and blank lines with no data', () => {
    expect(read(['\n\ndata: complete\n\ndata: cut off'])).toEqual([['complete', null]]);
  });
});
