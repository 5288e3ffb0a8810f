// Runs LiveBench's tablereformat scoring in real Python workers (Debian's python3-pandas and python3-lxml).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveBenchQuestion } from '../../../../suites/livebench/question.ts';
import { scoreTablereformat, TABLEREFORMAT_DEVIATIONS } from '../../../../suites/livebench/scorers/data-analysis.ts';
import type { CreatedScorer } from '../../../../suites/livebench/scorers/types.ts';

const resources = { signal: new AbortController().signal };

function fixtures(): LiveBenchQuestion[] {
  const url = new URL('../../../fixtures/livebench/data_analysis/question.jsonl', import.meta.url);
  const out: LiveBenchQuestion[] = [];
  for (const line of readFileSync(url, 'utf8').trim().split('\n')) {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null) continue;
    const row = new Map(Object.entries(parsed));
    const text = (key: string): string => {
      const value: unknown = row.get(key);
      if (typeof value !== 'string') throw new Error(`fixture lacks ${key}`);
      return value;
    };
    const turns: unknown = row.get('turns');
    if (text('task') !== 'tablereformat' || !Array.isArray(turns)) continue;
    out.push({
      question_id: text('question_id'), category: text('category'), task: 'tablereformat', subtask: null,
      turns: turns.filter((t): t is string => typeof t === 'string'),
      livebench_release_date: text('livebench_release_date'), livebench_removal_date: text('livebench_removal_date'),
      ground_truth: text('ground_truth'), raw: {},
    });
  }
  return out;
}

const [toJson, toCsv, toJsonl, toHtml] = fixtures();
let created: CreatedScorer;
beforeAll(async () => {
  created = await scoreTablereformat.create(resources);
}, 60_000);
afterAll(async () => {
  await created.close();
});

async function score(question: LiveBenchQuestion | undefined, answer: string): Promise<number> {
  if (question === undefined) throw new Error('fixture missing');
  return (await created.scorer(question, answer, resources)).score;
}

const RECORDS = '[{"id":7,"name":"Ann","score":1.5},{"id":9,"name":"Bob","score":null}]';

describe('tablereformat, JSON output', () => {
  it('reads the ground truth itself and any orient pandas accepts first (index, then records)', async () => {
    expect(await score(toJson, toJson?.ground_truth ?? '')).toBe(1);
    expect(await score(toJson, RECORDS)).toBe(1);
  });
  it('takes the last ```json fence and drops a leading "Here is ... format:" phrase', async () => {
    expect(await score(toJson, `Sure:\n\`\`\`json\n${RECORDS}\n\`\`\`\nDone.`)).toBe(1);
    expect(await score(toJson, `Here is the table in JSON format: ${RECORDS}`)).toBe(1);
  });
  it('strips string cells, compares numbers within 1e-6 and NaN equal to NaN', async () => {
    expect(await score(toJson, RECORDS.replace('"Ann"', '" Ann "').replace('1.5', '1.5000000001'))).toBe(1);
    expect(await score(toJson, RECORDS.replace('null', '2'))).toBe(0);
  });
  it('an unreadable answer scores 0', async () => {
    expect(await score(toJson, 'I cannot convert this table.')).toBe(0);
  });
});

describe('tablereformat, CSV output', () => {
  it('accepts columns in another order but not rows in another order', async () => {
    expect(await score(toCsv, 'pop,city\n700000,Oslo\n285000,Bergen')).toBe(1);
    expect(await score(toCsv, 'city,pop\nBergen,285000\nOslo,700000')).toBe(0);
  });
  it('removes a leading fence line and every ```', async () => {
    expect(await score(toCsv, '```csv\ncity,pop\nOslo,700000\nBergen,285000\n```')).toBe(1);
  });
  it('re-reads from the header line, dropping trailing lines only while they break the parse', async () => {
    expect(await score(toCsv, 'city,pop\nOslo,700000\nBergen,285000\nextra,row,here,too')).toBe(1);
    // prose after the table parses as a row of its own, so the recovery keeps it and the table differs
    expect(await score(toCsv, 'Sure, here it is.\n\ncity,pop\nOslo,700000\nBergen,285000\n\nLet me know if you need more.')).toBe(0);
  });
});

describe('tablereformat, JSONL and HTML output', () => {
  it('jsonl: recovers the record lines that hold every column name, after &amp; is unescaped', async () => {
    expect(await score(toJsonl, toJsonl?.ground_truth ?? '')).toBe(1);
    expect(await score(toJsonl, 'Here are the rows:\n{"team":"R&amp;D","city":"Oslo","wins":3}\nand\n{"team":"Ops","city":"Bergen","wins":5}\nDone.')).toBe(1);
    // a record line lacking a column name is skipped by the recovery
    expect(await score(toJsonl, 'Rows:\n{"team":"R&D","city":"Oslo","wins":3}\n{"team":"Ops","wins":5}\n{"team":"Ops","city":"Bergen","wins":5}')).toBe(1);
    expect(await score(toJsonl, '{"team":"R&D","city":"Oslo","wins":3}\n{"team":"Ops","city":"Bergen","wins":6}')).toBe(0);
  });
  it('html: reads the last ```html fence through read_html; a missing row or no table scores 0', async () => {
    expect(await score(toHtml, toHtml?.ground_truth ?? '')).toBe(1);
    const reordered = '<table><tr><th>age</th><th>name</th></tr><tr><td>31</td><td>Ann</td></tr><tr><td>27</td><td>Bob</td></tr></table>';
    expect(await score(toHtml, `Sure!\n\`\`\`html\n${reordered}\n\`\`\``)).toBe(1);
    expect(await score(toHtml, '<table><tr><th>name</th><th>age</th></tr><tr><td>Ann</td><td>31</td></tr></table>')).toBe(0);
    expect(await score(toHtml, '<p>no table</p>')).toBe(0);
  });
});

describe('tablereformat errors', () => {
  it('a ground truth pandas cannot read is an error, as upstream raises', async () => {
    const broken = toJson && { ...toJson, ground_truth: 'not json at all' };
    await expect(score(broken, RECORDS)).rejects.toThrow(/tablereformat question e9c3a2b4.*exception/);
  });
  it("upstream's header retry that never ends is an error here", async () => {
    const quoted = toCsv && { ...toCsv, ground_truth: '"""a",c\n1,2\n' };
    await expect(score(quoted, '"a,c\n1,2')).rejects.toThrow(/EndlessRetry/);
  });
  it('records the interpreter, pandas and the named deviations', () => {
    expect(created.facts['tablereformat_reference_pandas']).toBe('2.2.2');
    expect(created.facts['tablereformat_modules']).toHaveProperty('pandas');
    expect(created.deviations).toContain(TABLEREFORMAT_DEVIATIONS.endlessRetry);
  });
});
