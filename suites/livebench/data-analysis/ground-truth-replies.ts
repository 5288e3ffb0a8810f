// Replies for the ground-truth check: one that states the ground truth in the form the prompt asks for,
// and one that is plainly wrong in the same form.
import type { LiveBenchQuestion } from '../question.ts';

function truthOf(q: LiveBenchQuestion): string {
  if (q.ground_truth === null) throw new Error(`question ${q.question_id} has no ground_truth`);
  return q.ground_truth;
}

export function rightReply(q: LiveBenchQuestion): string {
  const truth = truthOf(q);
  switch (q.task) {
    case 'web_of_lies_v2':
    case 'spatial':
      return `Let me reason step by step.\n\nSo the answer is **${truth}**`;
    case 'zebra_puzzle':
      // the older prompt asks for ***X***; the 2024-11-25 one for <solution>a, b, ...</solution>
      return q.livebench_release_date < '2024-11-25' ? `Reasoning...\n***${truth.replace(/ movies$/, '')}***` : `Reasoning...\n<solution>${truth}</solution>`;
    default:
      // cta, tablejoin and tablereformat ask for only the class name, the dictionary or the table
      return truth;
  }
}

/** A class from the prompt's list that neither equals the truth nor ends with it (cta accepts a suffix). */
function otherClass(q: LiveBenchQuestion, truth: string): string {
  const clean = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}_]/gu, '');
  const listed = (q.turns[0] ?? '').split('Classes:')[1] ?? '';
  const classes = [...listed.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
  return classes.find((c) => c.trim() !== '' && !clean(c).endsWith(clean(truth))) ?? 'none_of_the_listed_classes';
}

function dropLastRow(format: string, table: string): string {
  if (format === 'json') {
    const parsed: unknown = JSON.parse(table);
    if (Array.isArray(parsed)) return JSON.stringify(parsed.slice(0, -1));
    if (typeof parsed === 'object' && parsed !== null) return JSON.stringify(Object.fromEntries(Object.entries(parsed).slice(0, -1)));
    return '[]';
  }
  if (format === 'html') {
    const at = table.lastIndexOf('<tr');
    const end = table.indexOf('</tr>', at);
    return at < 0 || end < 0 ? '' : table.slice(0, at) + table.slice(end + '</tr>'.length);
  }
  return table.trimEnd().split('\n').slice(0, -1).join('\n');
}

export function wrongReply(q: LiveBenchQuestion): string {
  const truth = truthOf(q);
  switch (q.task) {
    case 'web_of_lies_v2':
      return `**${truth.split(', ').map((w) => (w.trim() === 'yes' ? 'no' : 'yes')).join(', ')}**`;
    case 'zebra_puzzle':
      return q.livebench_release_date < '2024-11-25' ? '***zzzz***' : `<solution>${truth.split(',').map(() => 'zzzz').join(', ')}</solution>`;
    case 'spatial':
      return /^\d+$/.test(truth) ? `**${Number(truth) + 1}**` : `**${truth.includes('circle') ? 'hexagon' : 'circle'}**`;
    case 'cta':
      return otherClass(q, truth);
    case 'tablejoin':
      // every column mapped to a name that is not its partner
      return truth.replace(/: "([^"]*)"/g, (_m, value: string) => `: "${[...value].reverse().join('')}_x"`);
    case 'tablereformat': {
      const format = (q.turns[0] ?? '').split('format to ')[1]?.split(' format')[0]?.toLowerCase() ?? '';
      return dropLastRow(format, truth);
    }
    default:
      throw new Error(`no wrong reply for task ${q.task}`);
  }
}
