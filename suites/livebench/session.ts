// The scoring session: each chosen task's scorer. Factories (worker pools, sandboxes) are created on
// the first answer of one of their tasks, so a run creates only what the questions it holds need, once
// per factory, and closes them after scoring. A scorer that throws gives the sample score 0 and a
// recorded scoring error (LiveBench HEAD does the same; a8f61ff aborted the whole run). A factory that
// cannot start is an error of the sample (no score), never a 0.
import type { JsonValue } from '../../harness/json.ts';
import type { SampleScore, SuiteSession } from '../../harness/suite.ts';
import type { LiveBenchOptions, Registry } from './options.ts';
import type { LiveBenchQuestion } from './question.ts';
import type { CreatedScorer, ScorerFactory, TaskScorer } from './scorers/types.ts';

export type LiveBenchSession = { scorerFor(task: string): Promise<TaskScorer> };

/** What the created factories reported, per run (keyed by the options object the run holds). */
export type FactoryReport = { facts: Record<string, JsonValue>; deviations: string[] };
const reports = new WeakMap<LiveBenchOptions, FactoryReport>();

export function factoryReport(options: LiveBenchOptions): FactoryReport | null {
  return reports.get(options) ?? null;
}

export async function openSession(registry: Registry, options: LiveBenchOptions, flags: { unsafeLocalExec: boolean }): Promise<SuiteSession<LiveBenchSession>> {
  const lifetime = new AbortController();
  const report: FactoryReport = { facts: {}, deviations: [] };
  reports.set(options, report);
  // one factory may serve several tasks (coding): it is named by all the run's tasks it serves
  const tasksOf = new Map<ScorerFactory, string[]>();
  for (const task of options.tasks) {
    const entry = registry[task];
    if (entry === undefined) throw new Error(`livebench: task ${task} has no scorer (the options check should have refused it)`);
    if (typeof entry !== 'function') tasksOf.set(entry, [...(tasksOf.get(entry) ?? []), task]);
  }
  const creating = new Map<ScorerFactory, Promise<CreatedScorer>>();
  const create = (factory: ScorerFactory): Promise<CreatedScorer> => {
    const known = creating.get(factory);
    if (known !== undefined) return known;
    const name = (tasksOf.get(factory) ?? []).join('+');
    const made = factory.create({ signal: lifetime.signal, unsafeLocalExec: flags.unsafeLocalExec }).then((created) => {
      for (const [key, value] of Object.entries(created.facts)) report.facts[`${name}.${key}`] = value;
      for (const deviation of created.deviations) report.deviations.push(`${name}: ${deviation}`);
      return created;
    });
    creating.set(factory, made);
    return made;
  };
  return {
    value: {
      async scorerFor(task) {
        const entry = registry[task];
        if (entry === undefined || !options.tasks.includes(task)) throw new Error(`livebench: task ${task} is not part of this run`);
        return typeof entry === 'function' ? entry : (await create(entry)).scorer;
      },
    },
    async close() {
      lifetime.abort();
      const created = await Promise.allSettled(creating.values());
      await Promise.allSettled(created.flatMap((c) => (c.status === 'fulfilled' ? [c.value.close()] : [])));
    },
  };
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
  // outside the try: a pool that cannot start leaves the sample unscored, it does not make it wrong
  const scorer = await session.scorerFor(question.task);
  try {
    const graded = await scorer(question, stripThinking(content), { signal });
    // above 1 only where LiveBench's own scorer goes there: connections credits a repeated correct group again
    const ceiling = question.task === 'connections' ? Number.POSITIVE_INFINITY : 1;
    if (!Number.isFinite(graded.score) || graded.score < 0 || graded.score > ceiling) throw new Error(`scorer returned ${graded.score}, outside [0, 1]`);
    const verdict = graded.score >= 1 ? 'correct' : graded.score === 0 ? 'incorrect' : 'partial';
    return { value: graded.score, verdict, extracted: graded.extracted, groups, ...(graded.details === undefined ? {} : { details: graded.details }) };
  } catch (err) {
    if (signal.aborted) throw err;
    const message = err instanceof Error ? err.message : String(err);
    return { value: 0, verdict: 'scoring_error', extracted: null, groups, details: { scoring_error: message }, scoring_error: message };
  }
}
