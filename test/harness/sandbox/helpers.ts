// Shared setup for sandbox tests: one resolved bwrap mode and small limits so each test is fast.
import { resolveSandboxMode } from '../../../harness/sandbox/detect.ts';
import { DEFAULT_LIMITS, type SandboxLimits, type SandboxMode } from '../../../harness/sandbox/types.ts';

export const SMALL_LIMITS: SandboxLimits = {
  ...DEFAULT_LIMITS,
  wallMs: 3_000,
  cpuSeconds: 2,
  memoryBytes: 512 * 1024 ** 2,
  processes: 32,
  fileSizeBytes: 1024 ** 2,
  stdoutBytes: 1024 ** 2,
  stderrBytes: 16 * 1024,
};

let cached: Promise<SandboxMode> | null = null;
export function bwrapMode(): Promise<SandboxMode> {
  cached ??= resolveSandboxMode({ unsafeLocalExec: false });
  return cached;
}
