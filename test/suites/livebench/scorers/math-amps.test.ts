import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../../../harness/paths.ts';
import { startPythonWorkers } from '../../../../harness/python/worker-pool.ts';
import { cleanAmpsAnswer, cleanAmpsGroundTruth, planAmpsHard } from '../../../../suites/livebench/math/amps-hard.ts';
import { normalizeFinalAnswer } from '../../../../suites/livebench/math/normalize-answer.ts';
import type { LiveBenchQuestion } from '../../../../suites/livebench/question.ts';
import { questionFromRow } from '../../../../suites/livebench/rows.ts';
import { scoreAmpsHard } from '../../../../suites/livebench/scorers/math.ts';
import type { CreatedScorer } from '../../../../suites/livebench/scorers/types.ts';

const FIXTURE = projectPath('test', 'fixtures', 'livebench', 'math', 'question.jsonl');
const questions = new Map(
  readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => questionFromRow(JSON.parse(line), `${FIXTURE}:${i + 1}`))
    .map((q) => [q.question_id, q]),
);
function question(id: string): LiveBenchQuestion {
  const found = questions.get(id);
  if (!found) throw new Error(`no fixture question ${id}`);
  return found;
}

describe('AMPS_Hard reply cleaning and box handling (no Python)', () => {
  it('drops the integration constant, \\left/\\right and spacing commands, turns \\dfrac/\\tfrac into \\frac and \\cdot into *', () => {
    expect(cleanAmpsAnswer('\\left(x\\right)+C \\cdot \\dfrac{1}{2}\\,\\tfrac{3}{4}\\;\\Bigl(y\\Bigr)\n')).toBe('(x) * \\frac{1}{2}\\frac{3}{4}(y)');
  });
  it('rewrites only a doubly escaped \\\\fbox{ (LiveBench replaces the two-backslash string)', () => {
    expect(cleanAmpsAnswer('\\\\fbox{1}')).toBe('\\\\boxed{1}');
    expect(cleanAmpsAnswer('\\fbox{1}')).toBe('\\fbox{1}');
  });
  it('cleans the ground truth: \\left/\\right gone, " ^" joined, "\\ " as *', () => {
    expect(cleanAmpsGroundTruth('\\lambda ^2 \\left(x\\right) 20\\ 2^{3/5}')).toBe('\\lambda^2 (x) 20*2^{3/5}');
  });
  it('compares the normalized last box', () => {
    expect(planAmpsHard('3', 'first $\\boxed{2}$ then $\\boxed{x = \\frac12}$')).toEqual({ kind: 'compare', groundTruth: '3', parsed: ' \\frac{1}{2}' });
  });
  it('lets any "\\boxed " with a space win, cut at the next $', () => {
    expect(planAmpsHard('3', 'so $\\boxed 3$ but really \\boxed{4}')).toEqual({ kind: 'compare', groundTruth: '3', parsed: '3' });
  });
  it('without a box, needs the reply to end with the ground truth (one final "." dropped)', () => {
    expect(planAmpsHard('4 i \\sqrt{5}', 'The mean is 4 i \\sqrt{5}.')).toMatchObject({ kind: 'decided', score: 1 });
    expect(planAmpsHard('4 i \\sqrt{5}', 'The mean is 4i\\sqrt{5}.')).toMatchObject({ kind: 'decided', score: 0 });
    expect(planAmpsHard('4 i \\sqrt{5}', 'The mean is 4 i \\sqrt{5}..')).toMatchObject({ kind: 'decided', score: 0 });
  });
  it('reports what LiveBench raises on: an empty reply and a box remove_boxed rejects', () => {
    expect(planAmpsHard('1', '')).toMatchObject({ kind: 'raises', pythonError: 'IndexError' });
    expect(planAmpsHard('1', '\\boxedx {1}')).toMatchObject({ kind: 'raises', pythonError: 'AssertionError' });
  });
});

describe('normalize_final_answer', () => {
  it.each([
    ['x = 5', ' 5'],
    ['a = b = \\frac{1}{2}', ' \\frac{1}{2}'],
    ['\\text{the value } 7', 'the value  7'],
    ['\\textbf{7}', '7'],
    ['\\overline{12}', '12'],
    ['\\frac12', '\\frac{1}{2}'],
    ['\\fracab c', '\\frac{a}{b} c'],
    ['\\sqrt2', '\\sqrt{2}'],
    ['\\sqrt[3]{2}', '\\sqrt[3]{2}'],
    ['$5$ apples', '5'],
    ['1,000,000', '1000000'],
    ['1,2,x', '1,2,x'],
    ['²,000', '²000'],
  ])('%s -> %s', (raw, normalized) => {
    expect(normalizeFinalAnswer(raw)).toBe(normalized);
  });
});

describe('AMPS_Hard through sympy (Python workers)', () => {
  let created: CreatedScorer;
  const resources = { signal: new AbortController().signal };
  beforeAll(async () => {
    created = await scoreAmpsHard.create(resources);
  }, 60_000);
  afterAll(async () => {
    await created.close();
  });
  const score = async (id: string, reply: string): Promise<number> => (await created.scorer(question(id), reply, resources)).score;

  it('accepts an equal form and rejects a different value', async () => {
    expect(await score('amps-fixture-1', 'so $\\boxed{\\dfrac{23\\sqrt{2}}{2}}$')).toBe(1);
    expect(await score('amps-fixture-1', 'so $\\boxed{\\frac{23}{2}}$')).toBe(0);
    expect(await score('amps-fixture-5', '$\\boxed{\\lambda^2 - 11\\lambda + 22}$')).toBe(1);
    expect(await score('amps-fixture-5', '$\\boxed{x^2 - 11x + 22}$')).toBe(0);
  });

  it('counts a numeric answer within 0.001 as equal', async () => {
    expect(await score('amps-fixture-1', '$\\boxed{16.2634}$')).toBe(1);
    expect(await score('amps-fixture-1', '$\\boxed{16.26}$')).toBe(0);
  });

  it('accepts any reading of an ambiguous Lark parse, even a wrong one', async () => {
    // the ground truth's Lark readings include cos(5)*cos(x - sin(5)*sin(x))
    expect(await score('amps-fixture-2', '$\\boxed{\\cos(5)\\cos(x - \\sin(5)\\sin(x))}$')).toBe(1);
  });

  it('drops "+ C" before comparing', async () => {
    expect(await score('amps-fixture-2', '$\\boxed{\\cos(x+5) + C}$')).toBe(1);
  });

  it('falls back to the ANTLR backend where Lark cannot parse', async () => {
    const reply = '$\\boxed{e^{3 x^5-6} x \\left(2 \\sec ^2\\left(x^2+9\\right)+15 x^3 \\tan \\left(x^2+9\\right)\\right)}$';
    const scored = await created.scorer(question('amps-fixture-4'), reply, resources);
    expect(scored.score).toBe(1);
    expect(scored.details?.['parsed_by']).toEqual(['antlr', 'antlr']);
  });

  it('reads i as a plain symbol, so 4\\sqrt{-5} is not 4 i \\sqrt{5}', async () => {
    expect(await score('amps-fixture-3', '$\\boxed{4\\sqrt{5} i}$')).toBe(1);
    expect(await score('amps-fixture-3', '$\\boxed{4\\sqrt{-5}}$')).toBe(0);
  });

  it('raises on an empty reply, as LiveBench does (the session records a scoring error)', async () => {
    await expect(Promise.resolve(created.scorer(question('amps-fixture-1'), '', resources))).rejects.toThrow(/IndexError/);
  });

  it('reports the interpreter and library versions and names its deviations', () => {
    expect(created.facts['amps_hard_python']).toBe('/usr/bin/python3');
    expect(created.facts['amps_hard_modules']).toMatchObject({ sympy: expect.any(String), lark: expect.any(String), antlr4: expect.any(String) });
    expect(created.deviations).toContain('amps-hard-sympy-debian');
  });
});

describe('the regenerated ANTLR parser', () => {
  it('refuses to load when the installed SymPy grammar is not the one it was generated from', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'parity-math-'));
    try {
      cpSync(projectPath('suites', 'livebench', 'math'), copy, { recursive: true });
      writeFileSync(join(copy, 'antlr_generated', 'LaTeX.g4.sha256'), `${'0'.repeat(64)}\n`);
      await expect(
        startPythonWorkers({ module: join(copy, 'amps_hard.py'), size: 1, requires: [{ module: 'sympy', debianPackage: 'python3-sympy' }] }),
      ).rejects.toThrow(/generate-antlr-parser\.sh/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);
});
