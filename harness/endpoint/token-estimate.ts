// Cheap token estimates for the tokens-per-minute bucket. No tokenizer on the hot path: a prompt is
// about 4 characters per token, and the completion size is learned from the usage endpoints report.
import type { GenerationParams } from '../config/schema.ts';
import type { SampleRequest, Usage } from '../suite.ts';

const CHARS_PER_TOKEN = 4;
/** chat templates add a few tokens per message (role markers) */
const TOKENS_PER_MESSAGE = 4;
/** before any response arrives and without max_tokens, expect this many completion tokens */
const INITIAL_COMPLETION_TOKENS = 1024;
/** weight of the newest observation in the running average */
const LEARNING_RATE = 0.2;

export type TokenEstimator = {
  /** prompt + expected completion tokens for one request */
  estimate(request: SampleRequest, generation: GenerationParams): number;
  /** feed back what a response really used */
  observe(usage: Usage): void;
  expectedCompletionTokens(): number;
};

export function promptTokenEstimate(request: SampleRequest): number {
  if (request.kind === 'completion') return Math.ceil(request.prompt.length / CHARS_PER_TOKEN);
  let chars = 0;
  for (const message of request.messages) chars += message.content.length;
  return Math.ceil(chars / CHARS_PER_TOKEN) + TOKENS_PER_MESSAGE * request.messages.length;
}

export function createTokenEstimator(initialCompletionTokens = INITIAL_COMPLETION_TOKENS): TokenEstimator {
  let expected = initialCompletionTokens;
  let observed = 0;
  return {
    estimate(request, generation) {
      // before the first observation, a stated max_tokens is the honest guess: reasoning models use it
      const guess = observed === 0 && generation.max_tokens !== undefined ? generation.max_tokens : expected;
      const completion = Math.min(guess, generation.max_tokens ?? Number.POSITIVE_INFINITY);
      return promptTokenEstimate(request) + Math.ceil(completion);
    },
    observe(usage) {
      // completion_tokens already includes reasoning tokens in the OpenAI usage format
      const used = usage.completion_tokens;
      expected = observed === 0 ? used : expected + LEARNING_RATE * (used - expected);
      observed++;
    },
    expectedCompletionTokens: () => expected,
  };
}
