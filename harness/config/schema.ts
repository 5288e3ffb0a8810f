// The config contract. Other tools write these files, so every object is strict.
import { z } from 'zod';
import { jsonValueSchema } from '../json.ts';

export const generationSchema = z
  .strictObject({
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().gt(0).max(1).optional(),
    max_tokens: z.number().int().positive().optional(),
    presence_penalty: z.number().min(-2).max(2).optional(),
    frequency_penalty: z.number().min(-2).max(2).optional(),
    seed: z.number().int().optional(),
    stop: z.array(z.string()).optional(),
    /** vendor parameters (top_k, min_p, enable_thinking, ...), sent verbatim in the request body */
    extra_body: z.record(z.string(), jsonValueSchema).optional(),
  })
  .describe('sampling parameters sent with each request');
export type GenerationParams = z.infer<typeof generationSchema>;

export const endpointSchema = z.strictObject({
  /** one URL, or a list of replicas serving the same model (each request goes to the least busy one) */
  base_url: z.union([
    z.url({ message: 'must be a URL such as https://api.example.com/v1' }),
    z.array(z.url({ message: 'each replica must be a URL such as http://gpu-a:8000/v1' })).min(1, 'list at least one replica URL'),
  ]),
  /** name of the environment variable that holds the key; left out for local servers */
  api_key_env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the NAME of an environment variable, not the key itself')
    .optional(),
  model: z.string().min(1),
  /** "chat" (default) uses /chat/completions; "completions" sends raw prompts for base models */
  api: z.enum(['chat', 'completions']).default('chat'),
  /** extra HTTP headers (no secrets: use api_key_env) */
  headers: z.record(z.string(), z.string()).optional(),
  /**
   * ask for a server-sent event stream (stream: true, with usage in the last chunk) and assemble it into the
   * same answer; for providers that answer some models only when streamed, and for proxies that cut idle
   * connections on long generations. runner.timeout_s then bounds the silence between chunks.
   */
  stream: z.boolean().default(false),
});
export type EndpointConfig = z.infer<typeof endpointSchema>;

export const modelSchema = z.strictObject({
  name: z.string().min(1),
  id: z.string().min(1),
  endpoint: endpointSchema,
  generation: generationSchema.default({}),
  /** set by simulated endpoints so no output can be mistaken for a real model */
  simulated: z.boolean().default(false),
  /** USD per million tokens, for cost estimates in reports */
  pricing: z.strictObject({ input_per_mtok: z.number().min(0), output_per_mtok: z.number().min(0) }).optional(),
});
export type ModelConfig = z.infer<typeof modelSchema>;

export const runnerSchema = z.strictObject({
  concurrency: z.number().int().min(1).max(4096).default(16),
  requests_per_minute: z.number().positive().optional(),
  tokens_per_minute: z.number().positive().optional(),
  /** per attempt; when streaming, the longest silence between two chunks */
  timeout_s: z.number().positive().default(600),
  /** overall cap on one attempt, streamed or not; unset: none beyond timeout_s */
  max_request_s: z.number().positive().optional(),
  max_retries: z.number().int().min(0).max(100).default(8),
  /** with several base_url replicas: most requests in flight on any one of them (concurrency is the total) */
  concurrency_per_replica: z.number().int().min(1).optional(),
});
export type RunnerConfig = z.infer<typeof runnerSchema>;

/** Keys every suite accepts; suite-specific keys are validated by the suite's own optionsSchema. */
export const commonSuiteSchema = z.strictObject({
  samples: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).optional(),
  dataset: z.strictObject({ path: z.string().min(1) }).optional(),
  generation: generationSchema.optional(),
});
export type CommonSuiteConfig = z.infer<typeof commonSuiteSchema>;
export const COMMON_SUITE_KEYS = ['samples', 'limit', 'dataset', 'generation'] as const;

export const simulatorSchema = z.strictObject({
  /** probability that the simulated model returns the gold answer */
  accuracy: z.number().min(0).max(1).default(0.7),
  seed: z.number().int().default(1),
  latency_ms: z.number().min(0).default(0),
});

export const configSchema = z.strictObject({
  extends: z.string().optional(),
  model: modelSchema,
  judge: modelSchema.optional(),
  runner: runnerSchema.default({ concurrency: 16, timeout_s: 600, max_retries: 8 }),
  /** raw per-suite objects; checked key by key against each suite in load.ts */
  suites: z.record(z.string(), z.record(z.string(), z.unknown())),
  reference: z.string().optional(),
  output: z.string().default('results/runs'),
  /** start an in-process simulated endpoint (the offline demo); model.endpoint.base_url is then ignored */
  simulator: simulatorSchema.optional(),
});
export type Config = z.infer<typeof configSchema>;
