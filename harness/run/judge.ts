// Judge calls made while scoring: journaled by key, so a resume or a re-score never pays for a judgment twice.
import { createHash } from 'node:crypto';
import type { GenerationParams } from '../config/schema.ts';
import type { Sender } from '../endpoint/sender.ts';
import type { JudgeCall } from '../suite.ts';
import type { Journal } from './journal.ts';
import { JudgeFailure } from './pipeline.ts';

export function createJudgeCall(args: {
  journal: Journal;
  sender: Sender;
  generation: GenerationParams;
  judgeModel: string;
  suiteId: string;
  signal: AbortSignal;
}): JudgeCall {
  return async (key, request) => {
    const fullKey = `${args.suiteId}/${key}`;
    const hash = createHash('sha256').update(JSON.stringify([args.judgeModel, request, args.generation])).digest('hex').slice(0, 32);
    const known = args.journal.read(fullKey);
    if (known?.completion && known.request_hash === hash) return known.completion;
    const sent = await args.sender.send(request, args.generation, args.signal);
    args.journal.append({
      key: fullKey,
      request_hash: hash,
      status: sent.ok ? 'ok' : 'error',
      completion: sent.ok ? sent.completion : null,
      error: sent.ok ? null : sent.error,
      attempts: sent.attempts,
      latency_ms: Math.round(sent.latency_ms),
      at: new Date().toISOString(),
    });
    if (!sent.ok) throw new JudgeFailure(sent.error);
    return sent.completion;
  };
}
