// pino JSON logs into the run directory. Keys and Authorization headers are redacted wherever they appear.
import { pino, type Logger } from 'pino';

export const REDACT_PATHS = [
  'apiKey',
  'api_key',
  'authorization',
  'Authorization',
  '*.apiKey',
  '*.api_key',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
];

export function createRunLogger(path: string | null): Logger {
  if (path === null) return pino({ enabled: false });
  return pino(
    { base: null, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: path, sync: true, mkdir: true }),
  );
}
