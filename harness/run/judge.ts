// Judge calls made while scoring: journaled by key, so a resume or a re-score never pays for a judgment twice.
import type { GenerationParams } from '../config/schema.ts';
import type { Sender } from '../endpoint/sender.ts';
import type { JudgeCall } from '../suite.ts';
import { entryFor, requestHash, type Journal } from './journal.ts';
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
    const hash = requestHash(args.judgeModel, request, args.generation);
    const known = args.journal.read(fullKey);
    if (known?.completion && known.request_hash === hash) return known.completion;
    const sent = await args.sender.send(request, args.generation, args.signal);
    args.journal.append(entryFor(fullKey, hash, sent));
    if (!sent.ok) throw new JudgeFailure(sent.error);
    return sent.completion;
  };
}
