// Code extraction of lcb_runner's extract_code for chat styles: the text between the last two fence lines.

export const EXTRACTOR_ID = 'lcb-extract-code-last-fenced-block@28fef95';

/**
 * Every line that contains ``` anywhere counts as a fence; fewer than two means no code (null).
 * An unclosed final fence therefore pairs with the previous block's closing fence, as upstream.
 */
export function extractCode(output: string): string | null {
  const lines = output.split('\n');
  const fences: number[] = [];
  lines.forEach((line, i) => {
    if (line.includes('```')) fences.push(i);
  });
  const open = fences[fences.length - 2];
  const close = fences[fences.length - 1];
  if (open === undefined || close === undefined) return null;
  return lines.slice(open + 1, close).join('\n');
}
