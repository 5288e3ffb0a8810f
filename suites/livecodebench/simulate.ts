// Answers for the offline simulator. There are no reference solutions in the dataset, so a "correct"
// answer is a lookup table from each test input to its expected output, which passes the real grader.
import type { Problem } from './dataset.ts';
import type { TestCase } from '../../harness/code-grading/test-cases.ts';

/** Tables above this size would make absurd responses; the simulator then answers wrongly. */
const MAX_TABLE_CHARS = 2_000_000;

function fenced(code: string): string {
  return `Here is my solution.\n\n\`\`\`python\n${code}\n\`\`\`\n`;
}

/** A JSON string literal is also a valid Python string literal. */
function pythonString(text: string): string {
  return JSON.stringify(text);
}

export function simulatedAnswer(problem: Problem, tests: TestCase[], correct: boolean): string {
  const table: Record<string, string> = {};
  for (const test of tests) table[test.input] = test.output;
  const json = JSON.stringify(table);
  if (!correct || json.length > MAX_TABLE_CHARS) {
    if (problem.fn_name) return fenced(`class Solution:\n    def ${problem.fn_name}(self, *args):\n        return None`);
    return fenced('print("simulated wrong answer")');
  }
  if (problem.fn_name) {
    return fenced(
      [
        'import json',
        `RAW = json.loads(${pythonString(json)})`,
        'TABLE = {json.dumps([json.loads(line) for line in k.split("\\n")]): json.loads(v) for k, v in RAW.items()}',
        'class Solution:',
        `    def ${problem.fn_name}(self, *args):`,
        '        return TABLE[json.dumps(list(args))]',
      ].join('\n'),
    );
  }
  return fenced(['import sys, json', `TABLE = json.loads(${pythonString(json)})`, 'print(TABLE[sys.stdin.read()])'].join('\n'));
}
