// The scoring session: each chosen task's scorer, with factories (worker pools, sandboxes) created
// once, only for tasks in the run, and closed after scoring. A scorer that throws gives the sample
// score 0 and a recorded scoring error (LiveBench HEAD does the same; a8f61ff aborted the whole run).
import type { JsonValue } from '../../harness/json.ts';
import type { SampleScore, SuiteSession } from '../../harness/suite.ts';
import type { LiveBenchOptions, Registry } from './options.ts';
import type { LiveBenchQuestion } from './question.ts';
import type { CreatedScorer, TaskScorer } from './scorers/types.ts';

export type LiveBenchSession = { scorers: ReadonlyMap<string, TaskScorer> };

/** What the created factories reported, per run (keyed by the options object the run holds). */
export type FactoryReport = { facts: Record<string, JsonValue>; deviations: string[] };
const reports = new WeakMap<LiveBenchOptions, FactoryReport>();

export function factoryReport(options: LiveBenchOptions): FactoryReport | null {
  return reports.get(options) ?? null;
}

export async function openSession(registry: Registry, options: LiveBenchOptions): Promise<SuiteSession<LiveBenchSession>> {
  const lifetime = new AbortController();
  const scorers = new Map<string, TaskScorer>();
  const created: CreatedScorer[] = [];
  const report: FactoryReport = { facts: {}, deviations: [] };
  const closeAll = async () => {
    lifetime.abort();
    await Promise.allSettled(created.map((c) => c.close()));
  };
  try {
    for (const task of options.tasks) {
      const entry = registry[task];
      if (entry === undefined) throw new Error(`livebench: task ${task} has no scorer (the options check should have refused it)`);
      if (typeof entry === 'function') {
        scorers.set(task, entry);
        continue;
      }
      const made = await entry.create({ signal: lifetime.signal });
      created.push(made);
      scorers.set(task, made.scorer);
      for (const [key, value] of Object.entries(made.facts)) report.facts[`${task}.${key}`] = value;
      for (const deviation of made.deviations) report.deviations.push(`${task}: ${deviation}`);
    }
  } catch (err) {
    await closeAll();
    throw err;
  }
  reports.set(options, report);
  return { value: { scorers }, close: closeAll };
}

/** LiveBench deletes `<think>...</think>` (DOTALL, non-greedy) before scoring, whatever the endpoint did. */
export function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?<\/think>/g, '');
}

export function groupsOf(question: LiveBenchQuestion): Record<string, string> {
  // subtask: LiveBench's dispatch key, the question's subtask where it has one, else its task
  return { category: question.category, task: question.task, subtask: question.subtask ?? question.task };
}

export async function scoreAnswer(session: LiveBenchSession, question: LiveBenchQuestion, content: string, signal: AbortSignal): Promise<SampleScore> {
  const groups = groupsOf(question);
  const scorer = session.scorers.get(question.task);
  try {
    if (scorer === undefined) throw new Error(`no scorer for task ${question.task}`);
    const graded = await scorer(question, stripThinking(content), { signal });
    if (!Number.isFinite(graded.score) || graded.score < 0 || graded.score > 1) throw new Error(`scorer returned ${graded.score}, outside [0, 1]`);
    const verdict = graded.score === 1 ? 'correct' : graded.score === 0 ? 'incorrect' : 'partial';
    return { value: graded.score, verdict, extracted: graded.extracted, groups, ...(graded.details === undefined ? {} : { details: graded.details }) };
  } catch (err) {
    if (signal.aborted) throw err;
    const message = err instanceof Error ? err.message : String(err);
    return { value: 0, verdict: 'scoring_error', extracted: null, groups, details: { scoring_error: message }, scoring_error: message };
  }
}
