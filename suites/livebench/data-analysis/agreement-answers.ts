// Generated answers for measuring agreement with LiveBench's own scorers: per real question, the truth in
// the asked format and in others, wrong and partial answers, boxes, fences, prose, and random mutations.
import type { LiveBenchQuestion } from '../question.ts';
import { rightReply, wrongReply } from './ground-truth-replies.ts';

/** mulberry32: a small seeded generator, so the same seed gives the same answers */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ['', ' ', '\n', '**', '\\boxed{', '}', '<solution>', '</solution>', 'yes', 'no', ', ', '.', '\r', '\x85', 'Yes',
  '**yes**', 'three', '```', '```python\n', '$', '\\fbox{', '\\textbf{', 'null', "'", '"', '{', ':', '\t', '&amp;', 'Here is the table:'];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function mutate(random: () => number, text: string): string {
  const chars = Array.from(text);
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e += 1) {
    const at = Math.floor(random() * (chars.length + 1));
    const op = random();
    if (op < 0.5) chars.splice(at, 0, pick(random, NOISE));
    else if (op < 0.8 && chars.length > 0) chars.splice(Math.min(at, chars.length - 1), 1);
    else chars.splice(at, 0, pick(random, NOISE).repeat(2));
  }
  return chars.join('');
}

function variants(q: LiveBenchQuestion, truth: string): string[] {
  const right = rightReply(q);
  const wrong = wrongReply(q);
  const common = [right, wrong, '', 'I do not know.', `${right}\n\nI hope this helps.`, `Sure!\n${right}`, right.toUpperCase(), right.toLowerCase()];
  switch (q.task) {
    case 'web_of_lies_v2':
      return [...common, `**${truth.toUpperCase()}**`, `Answer: ${truth}`, `\\boxed{${truth}}`, `\\textbf{${truth}}`, `**${truth}** wait, ${wrong}`,
        `$\\boxed{\\textbf{${truth}}}$`, `**${truth}\n**`, truth.split(', ').map((w) => `**${w}.**`).join(' and ')];
    case 'zebra_puzzle':
      return [...common, `\\boxed{${truth}}`, `<solution>\n${truth}\n</solution>`, `</solution>${truth}</solution>`, '<solution></solution>',
        `\\boxed{\\text{${truth}}}`, `<solution>position ${truth}</solution>`, `Reasoning\n${truth}`, `***${truth}***`, `So ***${truth.split(',')[0] ?? ''}***`];
    case 'spatial':
      return [...common, `\\boxed{${truth}}`, `\\boxed{\\textbf{${truth}}}`, `**${truth}** **x** **y** **z**`, `**x** **${truth.toUpperCase()}** **y**`,
        `**circle square ${truth}**`, `\\fbox{${truth}}`, ` ${truth} `, truth, `**equilateral ${truth}**`];
    case 'cta':
      return [...common, `${truth}.`, `The class is ${truth}`, `\\boxed{${truth}}`, `\\boxed{\\text{${truth}}}`, `\`${truth}\``, `${truth} or ${wrong}`, `\\boxed{${truth}`];
    case 'tablejoin': {
      const singleQuoted = truth.replaceAll('"', "'");
      return [...common, singleQuoted, `\`\`\`python\n${singleQuoted}\n\`\`\``, `Here you go:\n\`\`\`python\n${truth.replaceAll(', ', ',\n    ')}\n\`\`\``,
        `\\boxed{${singleQuoted}}`, '{}', `${singleQuoted}\nThis maps the columns.`, truth.replace(/}$/, ', "extra_col": null}'), truth.replace(/}$/, ', "zzz": "q"}'),
        `\`\`\`python\n${singleQuoted}\n\`\`\` and \`\`\`python\n${wrong}\n\`\`\``, truth.replace(/"[^"]*"}$/, 'None}')];
    }
    default:
      return [...common, `Here is the table in the requested format:\n${truth}`, `\`\`\`json\n${truth}\n\`\`\``, `\`\`\`html\n${truth}\n\`\`\``, `\`\`\`\n${truth}\n\`\`\``,
        `${truth}\n\nThis table lists the data.`, truth.replaceAll('&', '&amp;'), truth.slice(0, Math.floor(truth.length / 2)), truth.replaceAll('\t', ','),
        truth.replaceAll(',', '\t'), `${truth.trim()}\n\`\`\``, `Input Table: ${truth}`];
  }
}

/** Every variant of every question, plus `mutations` random mutations of randomly chosen variants. */
export function agreementAnswers(questions: LiveBenchQuestion[], seed: number, mutations: number): Array<{ question: LiveBenchQuestion; answer: string }> {
  const random = seededRandom(seed);
  const out: Array<{ question: LiveBenchQuestion; answer: string }> = [];
  for (const question of questions) {
    const base = variants(question, question.ground_truth ?? '');
    for (const answer of base) out.push({ question, answer });
    for (let m = 0; m < mutations; m += 1) out.push({ question, answer: mutate(random, pick(random, base)) });
  }
  return out;
}
