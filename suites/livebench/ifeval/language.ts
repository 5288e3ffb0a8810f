// Language detection (IFEval uses the `langdetect` package) has no faithful TypeScript route: langdetect
// samples n-gram features with an unseeded random generator over its own profiles. Release 2024-11-25 uses
// none of the three instructions that need it, so reaching detection is an error, never a guessed verdict.

export const LANGUAGE_DETECTION_DEVIATION = 'ifeval-no-langdetect';

export class LanguageDetectionUnavailableError extends Error {}

export function languageDetectionUnavailable(instructionId: string, language: string): never {
  throw new LanguageDetectionUnavailableError(
    `instruction ${instructionId} needs langdetect to decide whether the response is in language "${language}"; ` +
      `this port has no language detector (deviation "${LANGUAGE_DETECTION_DEVIATION}"), so the question cannot be scored. ` +
      'Release 2024-11-25 does not use it; questions from other releases that do are not supported yet.',
  );
}
