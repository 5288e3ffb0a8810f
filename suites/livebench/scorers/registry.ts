// Which tasks this build scores: task name -> scorer (or a factory for scorers that need a pool).
// A task is offered only once its scorer is here; a config naming any other task is an error.
import type { TaskScorerEntry } from './types.ts';

export const TASK_SCORERS: Readonly<Record<string, TaskScorerEntry>> = {};
