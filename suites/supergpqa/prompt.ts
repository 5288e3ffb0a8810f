// The official prompts (SuperGPQA/SuperGPQA config/prompt/*.yaml, as loaded from YAML) and the question block
// of infer/data_loader.py. Templates keep Python str.format syntax, so their hash matches the official text.
import { createHash } from 'node:crypto';
import type { SampleRequest } from '../../harness/suite.ts';

export type PromptMode = 'zero-shot' | 'five-shot';

export const INSTRUCTION =
  "Answer the following multiple choice question. There is only one correct answer. The last line of your response should be in the format 'Answer: $LETTER' (without quotes), where LETTER is one of A, B, C, D, E, F, G, H, I, or J.";

/** config/prompt/zero-shot.yaml: the instruction lists A to J whatever the number of options; the newline at the end is kept. */
export const ZERO_SHOT_TEMPLATE = `${INSTRUCTION}\n\n{}\n`;

/** config/prompt/five-shot.yaml: five physics exemplars in MMLU-Pro CoT style, line by line (trailing spaces are official). */
export const FIVE_SHOT_TEMPLATE = [
  INSTRUCTION,
  '',
  'Question: ',
  'A refracting telescope consists of two converging lenses separated by 100 cm. The eye-piece lens has a focal length of 20 cm. The angular magnification of the telescope is',
  'A) 10',
  'B) 40',
  'C) 6',
  'D) 25',
  'E) 15',
  'F) 50',
  'G) 30',
  'H) 4',
  'I) 5',
  'J) 20',
  '',
  'Answer: Let\'s think step by step. In a refracting telescope, if both lenses are converging, the focus of both lenses must be between the two lenses, and thus the focal lengths of the two lenses must add up to their separation. Since the focal length of one lens is 20 cm, the focal length of the other must be 80 cm. The magnification is the ratio of these two focal lengths, or 4.',
  'Answer: H.',
  '',
  'Question: ',
  'Say the pupil of your eye has a diameter of 5 mm and you have a telescope with an aperture of 50 cm. How much more light can the telescope gather than your eye? ',
  'A) 1000 times more',
  'B) 50 times more',
  'C) 5000 times more',
  'D) 500 times more',
  'E) 10000 times more',
  'F) 20000 times more',
  'G) 2000 times more',
  'H) 100 times more',
  'I) 10 times more',
  'J) N/A',
  '',
  'Answer: Let\'s think step by step. The amount of light a telescope can gather compared to the human eye is proportional to the area of its apertures. The area of a circle is given by the formula $A = \\pi \\left(\\frac{{D}}{{2}}\\right)^2$, where $D$ is the diameter. Therefore, the relative light-gathering power is calculated as:',
  '\\[',
  '\\frac{{\\left(\\frac{{50 \\text{{ cm}}}}{{2}}\\right)^2}}{{\\left(\\frac{{5 \\text{{ mm}}}}{{2}}\\right)^2}} = \\frac{{\\left(\\frac{{50 \\text{{ cm}}}}{{0.1 \\text{{ cm}}}}\\right)^2}}{{\\left(\\frac{{5 \\text{{ mm}}}}{{0.1 \\text{{ cm}}}}\\right)^2}} = \\frac{{500^2}}{{5^2}} = 10000.',
  '\\]',
  'Answer: E.',
  '',
  'Question: ',
  'Where do most short-period comets come from and how do we know? ',
  'A) The Kuiper belt; short period comets tend to be in the plane of the solar system like the Kuiper belt. ',
  'B) The asteroid belt; short period comets tend to come from random directions indicating a spherical distribution of comets called the asteroid belt. ',
  'C) The asteroid belt; short period comets tend to be in the plane of the solar system just like the asteroid belt. ',
  'D) The Oort cloud; short period comets have orbital periods similar to asteroids like Vesta and are found in the plane of the solar system just like the Oort cloud. ',
  'E) The Oort Cloud; short period comets tend to come from random directions indicating a spherical distribution of comets called the Oort Cloud. ',
  'F) The Oort cloud; short period comets tend to be in the plane of the solar system just like the Oort cloud. ',
  'G) The asteroid belt; short period comets have orbital periods similar to asteroids like Vesta and are found in the plane of the solar system just like the asteroid belt. ',
  'Answer: Let\'s think step by step. Most short-period comets originate from the Kuiper belt. This is deduced from the observation that these comets tend to follow orbits that lie in the plane of the solar system, similar to the distribution of objects in the Kuiper belt itself. Thus, the alignment of these cometary orbits with the ecliptic plane points to their Kuiper belt origin.',
  'Answer: A.',
  '',
  'Question: ',
  'Colors in a soap bubble result from light ',
  'A) dispersion ',
  'B) deflection ',
  'C) refraction ',
  'D) reflection ',
  'E) interference ',
  'F) converted to a different frequency ',
  'G) polarization ',
  'H) absorption ',
  'I) diffraction ',
  'J) transmission ',
  '',
  'Answer: Let\'s think step by step. The colorful patterns observed in a soap bubble are caused by the phenomenon of light interference. This occurs when light waves bounce between the two surfaces of the soap film, combining constructively or destructively based on their phase differences and the varying thickness of the film. These interactions result in vibrant color patterns due to variations in the intensity of different wavelengths of light.',
  'Answer: E.',
  '',
  'Question: ',
  'A microwave oven is connected to an outlet, 120 V, and draws a current of 2 amps. At what rate is energy being used by the microwave oven? ',
  'A) 240 W',
  'B) 120 W',
  'C) 10 W',
  'D) 480 W',
  'E) 360 W',
  'F) 200 W',
  'G) 30 W',
  'H) 150 W',
  'I) 60 W',
  'J) 300 W',
  '',
  'Answer: Let\'s think step by step. The rate of energy usage, known as power, in an electrical circuit is calculated by the product of voltage and current. For a microwave oven connected to a 120 V outlet and drawing a current of 2 amps, the power consumption can be calculated as follows:',
  '\\[',
  '\\text{{Power}} = \\text{{Voltage}} \\times \\text{{Current}} = 120 \\, \\text{{V}} \\times 2 \\, \\text{{A}} = 240 \\, \\text{{W}}.',
  '\\]',
  'Therefore, the microwave oven uses energy at a rate of 240 watts.',
  'Answer: A.',
  '',
  'Question: ',
  '{}',
  '',
  'Answer: Let\'s think step by step. ',
  '',
].join('\n');

export const TEMPLATES: Record<PromptMode, string> = { 'zero-shot': ZERO_SHOT_TEMPLATE, 'five-shot': FIVE_SHOT_TEMPLATE };

export function templateHash(mode: PromptMode): string {
  return createHash('sha256').update(TEMPLATES[mode]).digest('hex');
}

/** Python's str.format with one positional field: `{}` takes the value, `{{` and `}}` become single braces. */
export function formatTemplate(template: string, value: string): string {
  return template.replace(/\{\{|\}\}|\{\}/g, (token) => (token === '{}' ? value : token.charAt(0)));
}

/** `question\nA) opt\nB) opt...`, as infer/data_loader.py builds it. */
export function questionBlock(question: string, options: readonly string[]): string {
  const lines = options.map((option, i) => `${String.fromCharCode(65 + i)}) ${option}`);
  return `${question}\n${lines.join('\n')}`;
}

/** Zero-shot: one user message, no system prompt. Five-shot: the raw prompt, for base models on /completions. */
export function buildRequest(mode: PromptMode, question: string, options: readonly string[]): SampleRequest {
  const prompt = formatTemplate(TEMPLATES[mode], questionBlock(question, options));
  if (mode === 'five-shot') return { kind: 'completion', prompt };
  return { kind: 'chat', messages: [{ role: 'user', content: prompt }] };
}
