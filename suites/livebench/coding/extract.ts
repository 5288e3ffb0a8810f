// LiveBench's extract_code (lcb_runner/utils/extraction_utils.py @a8f61ff, lmstyle None): the FIRST
// fenced block, unlike LiveCodeBench's last; the language tag on the opening fence is ignored.

export const CODING_EXTRACTOR_ID = 'livebench-extract-code-first-fenced-block@a8f61ff';

/**
 * Every line that contains ``` anywhere is a fence; the code is the text between the first two.
 * With fewer than two fences, an answer that starts and ends with a backtick (and has more than one
 * character) is taken without those two backticks; anything else yields "" (scored 0 upstream).
 */
export function extractFirstFencedBlock(answer: string): string {
  const lines = answer.split('\n');
  const fences: number[] = [];
  lines.forEach((line, i) => {
    if (line.includes('```')) fences.push(i);
  });
  const open = fences[0];
  const close = fences[1];
  if (open === undefined || close === undefined) {
    // backtick is one UTF-16 unit, so these checks equal Python's on code points
    if (answer.length > 1 && answer.startsWith('`') && answer.endsWith('`')) return answer.slice(1, -1);
    return '';
  }
  return lines.slice(open + 1, close).join('\n');
}
