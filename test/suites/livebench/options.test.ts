// The livebench options: strict keys, the release list, and tasks offered only where a scorer exists.
import { describe, expect, it } from 'vitest';
import { optionsSchemaFor } from '../../../suites/livebench/options.ts';
import type { TaskScorer } from '../../../suites/livebench/scorers/types.ts';

const zero: TaskScorer = () => ({ score: 0, extracted: null });
const schema = optionsSchemaFor({ web_of_lies_v2: zero, zebra_puzzle: zero, spatial: zero, cta: zero });

function issue(raw: Record<string, unknown>): string {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return 'accepted';
  const first = parsed.error.issues[0];
  return `${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`;
}

describe('livebench options', () => {
  it('defaults: release 2024-11-25, the categories whose every task has a scorer, no system prompt', () => {
    expect(schema.parse({})).toEqual({
      release: '2024-11-25',
      categories: ['reasoning'],
      tasks: ['web_of_lies_v2', 'zebra_puzzle', 'spatial'],
      system_prompt: null,
      explicit: false,
    });
    expect(schema.parse({ system_prompt: 'You are a helpful assistant.' }).system_prompt).toBe('You are a helpful assistant.');
  });

  it('tasks pick their categories; a task with no scorer or of no category is refused by name', () => {
    expect(schema.parse({ tasks: ['cta', 'spatial'] })).toMatchObject({ categories: ['data_analysis', 'reasoning'], tasks: ['cta', 'spatial'], explicit: true });
    expect(issue({ tasks: ['tablejoin'] })).toMatch(/^tasks: "tablejoin" has no scorer in this build yet\. Tasks that can run: cta, spatial, web_of_lies_v2, zebra_puzzle$/);
    expect(issue({ tasks: ['house_traversal'] })).toMatch(/^tasks: "house_traversal" is not a task of this release/);
    expect(issue({ categories: ['math'] })).toMatch(/^categories: "math" cannot run whole: no scorer yet for AMPS_Hard, math_comp, olympiad/);
    expect(issue({ categories: ['reasoning'], tasks: ['cta'] })).toMatch(/^tasks: cta not in the chosen categories/);
  });

  it('unknown keys and releases are errors naming the field', () => {
    expect(issue({ relase: '2024-11-25' })).toMatch(/relase/);
    expect(issue({ release: '2025-04-02' })).toMatch(/^release: /);
    expect(issue({ categories: ['maths'] })).toMatch(/^categories\.0: /);
  });
});
