// Health of one replica: a refused connection takes it out at once, other failures after a few in a row;
// it comes back only after a cool-down and a probe that reaches the server.
import type { ClassifiedError } from './errors.ts';

export type HealthPolicy = {
  /** failures in a row (5xx, timeouts, broken connections) that take a replica out */
  failuresToEject: number;
  /** first cool-down; doubles each time the same replica goes out again without a success between */
  cooldownMs: number;
  maxCooldownMs: number;
};

export const DEFAULT_HEALTH_POLICY: HealthPolicy = { failuresToEject: 3, cooldownMs: 2000, maxCooldownMs: 60_000 };

export type ReplicaState = {
  url: string;
  inFlight: number;
  failuresInRow: number;
  ejections: number;
  /** null while serving; otherwise when its cool-down ends */
  downUntil: number | null;
  probing: Promise<void> | null;
  stats: { requests: number; errors: number; ok: number; latencyMsTotal: number; ejections: number };
};

export function newReplica(url: string): ReplicaState {
  return { url, inFlight: 0, failuresInRow: 0, ejections: 0, downUntil: null, probing: null, stats: { requests: 0, errors: 0, ok: 0, latencyMsTotal: 0, ejections: 0 } };
}

/** Connection-level failures that mean nobody is listening: no point in asking that replica again soon. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Whether a failure speaks about the replica's health (a 429 or a 400 does not: the server answered). */
export function healthVerdict(error: ClassifiedError): 'unreachable' | 'failure' | 'none' {
  if (error.status === null && error.code !== null && UNREACHABLE.has(error.code)) return 'unreachable';
  if (error.kind === 'timeout' || (error.kind === 'transient' && (error.status === null || error.status >= 500))) return 'failure';
  return 'none';
}

export function recordSuccess(replica: ReplicaState, latencyMs: number): void {
  replica.failuresInRow = 0;
  replica.ejections = 0;
  replica.stats.ok += 1;
  replica.stats.latencyMsTotal += latencyMs;
}

/** Returns true when this failure took the replica out. */
export function recordFailure(replica: ReplicaState, error: ClassifiedError, now: number, policy: HealthPolicy): boolean {
  replica.stats.errors += 1;
  const verdict = healthVerdict(error);
  if (verdict === 'none' || replica.downUntil !== null) return false;
  replica.failuresInRow += 1;
  if (verdict === 'failure' && replica.failuresInRow < policy.failuresToEject) return false;
  const cooldown = Math.min(policy.maxCooldownMs, policy.cooldownMs * 2 ** replica.ejections);
  replica.ejections += 1;
  replica.stats.ejections += 1;
  replica.downUntil = now + cooldown;
  return true;
}

/** After a probe: back in service, or out for a longer cool-down. */
export function recordProbe(replica: ReplicaState, reachable: boolean, now: number, policy: HealthPolicy): void {
  if (reachable) {
    replica.downUntil = null;
    replica.failuresInRow = 0;
    return;
  }
  const cooldown = Math.min(policy.maxCooldownMs, policy.cooldownMs * 2 ** replica.ejections);
  replica.ejections += 1;
  replica.downUntil = now + cooldown;
}
