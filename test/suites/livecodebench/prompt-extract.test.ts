// The official chat prompt, rendered verbatim, and last-fenced-block extraction.
import { describe, expect, it } from 'vitest';
import { extractCode } from '../../../suites/livecodebench/extract.ts';
import { buildRequest, promptTemplateHash, SYSTEM_MESSAGE } from '../../../suites/livecodebench/prompt.ts';

describe('prompt', () => {
  it('renders the stdin variant', () => {
    const request = buildRequest('Print 1.', '');
    expect(request).toEqual({
      kind: 'chat',
      messages: [
        { role: 'system', content: SYSTEM_MESSAGE },
        {
          role: 'user',
          content:
            '### Question:\nPrint 1.\n\n### Format: Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows. Ensure that when the python program runs, it reads the inputs, runs the algorithm and writes output to STDOUT.\n```python\n# YOUR CODE HERE\n```\n\n### Answer: (use the provided format with backticks)\n\n',
        },
      ],
    });
  });

  it('renders the starter-code variant with the stub verbatim', () => {
    const starter = 'class Solution:\n    def f(self, x: int) -> int:\n        ';
    const request = buildRequest('Q', starter);
    const user = request.kind === 'chat' ? request.messages[1]?.content : undefined;
    expect(user).toBe(
      `### Question:\nQ\n\n### Format: You will use the following starter code to write the solution to the problem and enclose your code within delimiters.\n\`\`\`python\n${starter}\n\`\`\`\n\n### Answer: (use the provided format with backticks)\n\n`,
    );
    expect(SYSTEM_MESSAGE).toBe(
      'You are an expert Python programmer. You will be given a question (problem specification) and will generate a correct Python program that matches the specification and passes all tests.',
    );
    expect(promptTemplateHash()).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('extractCode', () => {
  it('takes the last fenced block, dropping the language tag line', () => {
    expect(extractCode('a\n```python\nx = 1\n```\nthen\n```python\nprint(2)\n```\nend')).toBe('print(2)');
  });

  it('returns null without two fence lines', () => {
    expect(extractCode('print(1)')).toBeNull();
    expect(extractCode('```python\nprint(1)')).toBeNull();
  });

  it('counts fences anywhere in a line, as upstream does', () => {
    expect(extractCode('text ```python\nprint(3)\nx```')).toBe('print(3)');
  });

  it('pairs a dangling final fence with the previous closing fence', () => {
    expect(extractCode('```python\nprint(1)\n```\nprose between\n```python\nprint(2')).toBe('prose between');
  });

  it('keeps an empty block as empty code (graded, then failing)', () => {
    expect(extractCode('```\n```')).toBe('');
  });
});
