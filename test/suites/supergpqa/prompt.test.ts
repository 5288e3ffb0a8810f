import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIVE_SHOT_TEMPLATE, buildRequest, formatTemplate, templateHash } from '../../../suites/supergpqa/prompt.ts';

const OPTIONS = ['Dispersion', 'Thin-film interference', 'Total internal reflection', 'Polarisation'];
const QUESTION = 'Which phenomenon makes a thin oil film on water look coloured?';

// sha256 of prompt_format[0] after yaml.safe_load of config/prompt/{zero,five}-shot.yaml (SuperGPQA/SuperGPQA 03a3e27).
const OFFICIAL_ZERO_SHOT_SHA256 = 'a8599edb2bcc920d577d9675b2b796b9bd42ed1c945520aba4f0a30da154f290';
const OFFICIAL_FIVE_SHOT_SHA256 = 'a8deacfd03416c98998a1944e5d77bc333b5ff5334c42da768bf0d6775c21e52';

describe('zero-shot prompt', () => {
  it('is one user message with the official text, A to J listed, and the trailing newline', () => {
    expect(buildRequest('zero-shot', QUESTION, OPTIONS)).toEqual({
      kind: 'chat',
      messages: [
        {
          role: 'user',
          content:
            "Answer the following multiple choice question. There is only one correct answer. The last line of your response should be in the format 'Answer: $LETTER' (without quotes), where LETTER is one of A, B, C, D, E, F, G, H, I, or J.\n" +
            '\n' +
            'Which phenomenon makes a thin oil film on water look coloured?\n' +
            'A) Dispersion\n' +
            'B) Thin-film interference\n' +
            'C) Total internal reflection\n' +
            'D) Polarisation\n',
        },
      ],
    });
  });

  it('hashes the official template text', () => {
    expect(templateHash('zero-shot')).toBe(OFFICIAL_ZERO_SHOT_SHA256);
  });
});

describe('five-shot prompt', () => {
  const request = buildRequest('five-shot', QUESTION, OPTIONS);
  const prompt = request.kind === 'completion' ? request.prompt : '';

  it('is a raw completion prompt for base models', () => {
    expect(request.kind).toBe('completion');
  });

  it('hashes the official template text (five physics exemplars, verbatim)', () => {
    expect(templateHash('five-shot')).toBe(OFFICIAL_FIVE_SHOT_SHA256);
    expect(createHash('sha256').update(FIVE_SHOT_TEMPLATE).digest('hex')).toBe(OFFICIAL_FIVE_SHOT_SHA256);
  });

  it('ends with the question block and the open chain of thought', () => {
    expect(prompt.endsWith(
      'Question: \n' +
        'Which phenomenon makes a thin oil film on water look coloured?\n' +
        'A) Dispersion\nB) Thin-film interference\nC) Total internal reflection\nD) Polarisation\n' +
        '\n' +
        "Answer: Let's think step by step. \n",
    )).toBe(true);
  });

  it('un-doubles the braces of str.format in the exemplars', () => {
    expect(prompt).toContain('$A = \\pi \\left(\\frac{D}{2}\\right)^2$');
    expect(prompt).toContain('\\text{Power} = \\text{Voltage} \\times \\text{Current} = 120 \\, \\text{V} \\times 2 \\, \\text{A} = 240 \\, \\text{W}.');
    expect(prompt).not.toContain('{{');
    expect(prompt.match(/^Question: $/gm)).toHaveLength(6);
    expect(prompt.match(/^Answer: [A-J]\.$/gm)).toEqual(['Answer: H.', 'Answer: E.', 'Answer: A.', 'Answer: E.', 'Answer: A.']);
  });
});

describe('formatTemplate', () => {
  it('inserts the value once, verbatim, like str.format', () => {
    expect(formatTemplate('{{x}} {} {{}}', 'a {} $& b')).toBe('{x} a {} $& b {}');
  });
});
