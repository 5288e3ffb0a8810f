// Sandboxed execution of untrusted Python: bubblewrap isolation, rlimits, output caps, a worker pool.
export { BWRAP_MISSING, findExecutable, resolveSandboxMode, type ModeOptions } from './detect.ts';
export { missingModules, probeEnvironment, type PythonEnvironment } from './environment.ts';
export { startSandboxed, type Running } from './execute.ts';
export { createSandboxPool, defaultPoolSize, type SandboxPool } from './pool.ts';
export { DEFAULT_LIMITS, SandboxError, type SandboxLimits, type SandboxMode, type SandboxRequest, type SandboxResult } from './types.ts';
