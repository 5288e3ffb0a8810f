// Grading model-written programs: test-case decoding, running a grading driver in the sandbox, verdicts,
// and the sandbox environment as protocol facts. Shared by every suite that executes code.
export {
  compareWithDriver,
  DRIVER_SUPPORT,
  driverFiles,
  driverLimits,
  gradeWithDriver,
  MEMORY_LIMIT_BYTES,
  parseDriverOutput,
  sampleTimeoutS,
  VERDICTS,
  verdictFrom,
  type DriverLine,
  type GradeLimits,
  type GradeOutcome,
  type GradeTests,
  type GradingDriver,
  type Verdict,
} from './driver.ts';
export { PickleError, unpickleString } from './pickle.ts';
export { environmentDetails, environmentDeviations, openGradingSession, type GradingSession, type GradingSessionOptions } from './session.ts';
export { decodeTestCases, testCaseSchema, type TestCase } from './test-cases.ts';
