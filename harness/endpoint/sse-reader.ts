// Server-sent events read as the openai SDK reads them: lines end in \n, \r\n or \r; `data:` lines of one event
// are joined by \n; a blank line ends the event; comments and other fields are skipped; an event the stream
// ends in the middle of is dropped. Text is fed as it arrives, so events reach the caller one by one.

export type SseReader = {
  /** the next piece of the body, already decoded (the decoder keeps multi-byte characters whole) */
  feed(text: string): void;
};

const LINE_END = /\r\n|\r|\n/;

export function createSseReader(onEvent: (data: string, event: string | null) => void): SseReader {
  let partial = '';
  let data: string[] = [];
  let event: string | null = null;

  function line(text: string): void {
    if (text === '') {
      if (data.length > 0) {
        const joined = data.length === 1 && data[0] !== undefined ? data[0] : data.join('\n');
        const name = event;
        data = [];
        event = null;
        onEvent(joined, name);
      }
      event = null;
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
  }

  // a piece that ended in \r may have cut a \r\n in two: the \n that starts the next piece ends no line
  let afterCr = false;
  return {
    feed(text) {
      const piece = afterCr && text.startsWith('\n') ? text.slice(1) : text;
      afterCr = text.endsWith('\r');
      const lines = (partial + piece).split(LINE_END);
      // the last piece has no line end yet
      partial = lines.pop() ?? '';
      for (const l of lines) line(l);
    },
  };
}
