// Plausible responses to an IF question, made to land on both sides of each of its instructions: titles,
// keywords (present, absent, inside longer words), paragraph and section layouts, bullet lists, postscripts,
// end phrases, quotes, JSON (valid, with NaN, broken), lengths around the word and sentence thresholds.
import type { JsonValue } from '../../../../harness/json.ts';

export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
const chance = (rng: Rng, p: number): boolean => rng() < p;

const SENTENCES = [
  'The story begins in a small town.',
  'Dr. Smith arrived at 5 p.m. on Jan. 5.',
  'It was, by all accounts, a remarkable day!',
  'Why would anyone leave?',
  'The U.S. economy grew 3.5% last year.',
  'She said "no" and walked away.',
  'Prices rose... then fell again.',
  'Mr. Brown, the mayor, gave a speech.',
  'Nobody expected the result.',
  'In the end, the council agreed to the plan.',
  'Experts, e.g. economists, disagreed.',
  'The film (released in 2019) was a hit.',
  'Émile visited the café near St. Paul.',
  'This is simple; that is not.',
];

function strList(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function words(rng: Rng, kwargs: Record<string, JsonValue>[]): string[] {
  const out: string[] = [];
  const all = chance(rng, 0.4);
  for (const k of kwargs) {
    for (const w of [...strList(k['keywords']), ...strList(k['forbidden_words'])]) {
      if (all && strList(k['keywords']).includes(w)) out.push(w);
      else if (chance(rng, 0.6)) out.push(pick(rng, [w, w.toUpperCase(), `${w}s`, `un${w}`, `${w[0]?.toUpperCase() ?? ''}${w.slice(1)}`]));
    }
  }
  return out;
}

function paragraph(rng: Rng, extra: string[], targetWords: number): string {
  const parts: string[] = [];
  let count = 0;
  while (count < targetWords) {
    const s = chance(rng, 0.3) && extra.length > 0 ? `${pick(rng, ['We saw', 'Consider', 'Then came'])} ${pick(rng, extra)}.` : pick(rng, SENTENCES);
    parts.push(s);
    count += s.split(' ').length;
  }
  return parts.join(pick(rng, [' ', ' ', '  ', '\n']));
}

function kwInt(kwargs: Record<string, JsonValue>[], key: string, fallback: number): number {
  for (const k of kwargs) {
    const v = k[key];
    if (typeof v === 'number') return v;
  }
  return fallback;
}
function kwStr(kwargs: Record<string, JsonValue>[], key: string): string | undefined {
  for (const k of kwargs) {
    const v = k[key];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** One response to a question with these kwargs (None values may still be present). */
export function generateResponse(rng: Rng, kwargs: Record<string, JsonValue>[]): string {
  const extra = words(rng, kwargs);
  const nParagraphs = Math.max(1, kwInt(kwargs, 'num_paragraphs', kwInt(kwargs, 'num_sections', 3)) + pick(rng, [-1, 0, 0, 0, 1]));
  const wordTarget = kwInt(kwargs, 'num_words', 150) * pick(rng, [0.5, 0.9, 1, 1.1, 1.6]);
  const sentenceTarget = kwInt(kwargs, 'num_sentences', 8);
  const perParagraph = Math.max(3, Math.round(Math.min(wordTarget, sentenceTarget * pick(rng, [5, 9, 12])) / nParagraphs));
  const firstWord = kwStr(kwargs, 'first_word');
  const nth = kwInt(kwargs, 'nth_paragraph', 1);
  const splitter = kwStr(kwargs, 'section_spliter');
  const divider = pick(rng, ['\n\n', '\n\n', '\n\n', '\n***\n', ' *** ', '\n\n\n', '\n']);
  const paragraphs: string[] = [];
  for (let i = 1; i <= nParagraphs; i++) {
    // every extra word lands in the first paragraph at least once
    let p = i === 1 && extra.length > 0 ? `${extra.join(' and ')} ${pick(rng, ['matter.', 'too.', 'here'])} ${paragraph(rng, extra, perParagraph)}` : paragraph(rng, extra, perParagraph);
    if (firstWord !== undefined && i === nth && chance(rng, 0.8)) p = `${pick(rng, [firstWord, firstWord, firstWord.toUpperCase(), `"${firstWord}`, `${firstWord},`, `${firstWord}s`, `'${firstWord}.`])} ${p}`;
    if (splitter !== undefined && chance(rng, 0.8)) p = `${pick(rng, [splitter, splitter.toLowerCase()])} ${i}\n${p}`;
    if (chance(rng, 0.2)) p += `\n${pick(rng, ['* ', '- ', '*', '** '])}point one\n* point two\n- point three`;
    paragraphs.push(p);
  }
  let body = paragraphs.join(divider);
  const bullets = kwInt(kwargs, 'num_bullets', -1);
  if (bullets >= 0 && chance(rng, 0.7)) {
    const n = bullets + pick(rng, [-1, 0, 0, 1]);
    body = Array.from({ length: Math.max(0, n) }, (_, i) => `${pick(rng, ['* ', '* ', '- ', '  * '])}Point ${i + 1}. ${pick(rng, SENTENCES)}`).join('\n');
  }
  if (chance(rng, 0.5)) body = `${pick(rng, ['<<A Title>>', '<<Title of Joy>>', '<< >>', '<A Title>', '<<multi\nline>>'])}\n\n${body}`;
  const marker = kwStr(kwargs, 'postscript_marker');
  if (marker !== undefined && chance(rng, 0.7)) body += `\n\n${pick(rng, [marker, marker.toLowerCase(), 'P. S.', 'P.P.S.', 'PS'])} ${pick(rng, SENTENCES)}`;
  if (chance(rng, 0.15)) body = `${body}\n******\n${chance(rng, 0.8) ? paragraph(rng, extra, 20) : body}`;
  const end = kwStr(kwargs, 'end_phrase');
  if (end !== undefined && chance(rng, 0.7)) body += pick(rng, [` ${end}`, `\n${end}`, ` ${end.toLowerCase()}`, ` ${end} Thanks.`, ` ${end.slice(0, -1)}`]);
  const repeat = kwStr(kwargs, 'prompt_to_repeat');
  if (repeat !== undefined && chance(rng, 0.7)) body = `${pick(rng, [repeat, repeat, repeat, repeat.toUpperCase(), repeat.slice(1), `Sure! ${repeat}`])}\n\n${body}`;
  if (chance(rng, 0.1)) body += ` ${pick(rng, ['My answer is yes.', 'My answer is no.', 'My answer is maybe', 'my answer is yes.'])}`;
  if (chance(rng, 0.25)) {
    const json = pick(rng, ['{"title": "x", "text": ', '{"value": NaN, "text": ', '{\'text\': ', '[1, 2, ', '{"a": Infinity, "text": ']);
    body = `${pick(rng, ['```json\n', '```JSON\n', '```\n', ''])}${json}${JSON.stringify(body)}${pick(rng, ['}', '}', '}', ']}', '},', '}'])}${pick(rng, ['\n```', '', '\n```\n'])}`;
  }
  if (chance(rng, 0.35)) body = `"${body}${pick(rng, ['"', '"', '', '" '])}`;
  // pieces for the instructions release 2024-11-25 does not use
  if (kwInt(kwargs, 'num_placeholders', -1) >= 0) for (let i = pick(rng, [0, 1, 2, 3, 4]); i > 0; i--) body += pick(rng, [' [name]', ' [address]', ' []', ' [a\nb]']);
  if (kwInt(kwargs, 'num_highlights', -1) >= 0) for (let i = pick(rng, [0, 1, 2, 3, 4]); i > 0; i--) body += pick(rng, [' *key part*', ' **bold part**', ' * *', ' ***x***']);
  if (kwInt(kwargs, 'capital_frequency', -1) >= 0) for (let i = pick(rng, [0, 3, 10, 25]); i > 0; i--) body += pick(rng, [' NOTE', ' U.S.', ' AI', " DON'T", ' X-RAY']);
  if (kwStr(kwargs, 'keyword') !== undefined) for (let i = pick(rng, [0, 1, 2, 3, 5]); i > 0; i--) body += ` ${pick(rng, [kwStr(kwargs, 'keyword') ?? '', 'other'])}`;
  if (kwargs.some((k) => 'no_comma' in k) && chance(rng, 0.5)) body = body.replaceAll(',', '');
  if (kwargs.some((k) => 'case' in k)) body = pick(rng, [body, body.toUpperCase(), body.toLowerCase()]);
  // Unicode and line-ending traps: CRLF, no-break and other Python-only spaces, Turkish I, combining marks
  if (chance(rng, 0.1)) body = body.replaceAll('\n', '\r\n');
  if (chance(rng, 0.1)) body = body.replaceAll(' ', pick(rng, ['\u00a0', '\u2028', '\x1c', '\u3000']));
  if (chance(rng, 0.1)) body = body.replaceAll('i', pick(rng, ['ı', 'İ', 'i\u0307']));
  if (chance(rng, 0.05)) body = `\ufeff${body}\x85`;
  if (chance(rng, 0.1)) body = pick(rng, ['', '   ', '\n', 'My answer is yes.', 'ok']);
  if (chance(rng, 0.1)) body = `  ${body}\n`;
  return body;
}
