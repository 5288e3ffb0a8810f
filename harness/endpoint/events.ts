// What the endpoint layer reports to the runner, which owns logging. Nothing here logs by itself.
import type { ClassifiedError } from './errors.ts';

export type EndpointEvent =
  | { type: 'retry'; attempt: number; delayMs: number; error: ClassifiedError }
  | { type: 'rate_limited'; retryAfterMs: number | null; concurrency: number }
  | { type: 'concurrency'; from: number; to: number; reason: 'rate_limited' | 'recovered' }
  | { type: 'fatal'; error: ClassifiedError };

export type EndpointEventHandler = (event: EndpointEvent) => void;
