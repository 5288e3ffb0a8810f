// Reads a YAML config (with `extends:`), validates it and resolves every suite's options.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { SuiteDefinition, SuiteInstance } from '../suite-runtime.ts';
import { registerSecret } from '../endpoint/scrub.ts';
import { COMMON_SUITE_KEYS, commonSuiteSchema, configSchema, type CommonSuiteConfig, type Config } from './schema.ts';
import { deepMerge, isRecord } from './merge.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type ResolvedSuite = { id: string; common: CommonSuiteConfig; options: Record<string, unknown>; instance: SuiteInstance };
export type LoadedConfig = { file: string; config: Config; raw: Record<string, unknown>; suites: ResolvedSuite[] };

/** `--config qwen3-max.yaml` also finds `configs/qwen3-max.yaml`. */
export function findConfigFile(arg: string, cwd = process.cwd()): string {
  const candidates = [arg, join('configs', arg), join('configs', `${arg}.yaml`)].map((p) => resolve(cwd, p));
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new ConfigError(`${arg}: config file not found (also looked in configs/). List the configs with: ls configs/`);
}

function readYaml(file: string, chain: string[]): Record<string, unknown> {
  if (chain.includes(file)) throw new ConfigError(`${file}: extends: forms a cycle (${[...chain, file].join(' -> ')}). Remove one extends.`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`${file}: cannot read the file. Check the path.`);
  }
  let doc: unknown;
  try {
    doc = parse(text, { schema: 'core', uniqueKeys: true });
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ConfigError(`${file}: not valid YAML: ${reason}`);
  }
  if (!isRecord(doc)) throw new ConfigError(`${file}: the top level must be a mapping with model:, suites: and so on.`);
  const base = doc['extends'];
  if (base === undefined) return doc;
  if (typeof base !== 'string') throw new ConfigError(`${file}: extends: must be a relative path to another YAML file.`);
  const basePath = resolve(dirname(file), base);
  const { extends: _ignored, ...own } = doc;
  return deepMerge(readYaml(basePath, [...chain, file]), own);
}

function describeIssue(file: string, error: z.ZodError): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.') || '(top level)';
    const fix = issue.code === 'unrecognized_keys' ? ' Remove it or check its spelling.' : ' Fix the value; README.md (Config) lists every key.';
    return `  ${path}: ${issue.message}.${fix}`;
  });
  return `${file}: invalid config\n${lines.join('\n')}`;
}

export function loadConfig(fileArg: string, registry: ReadonlyMap<string, SuiteDefinition>): LoadedConfig {
  const file = findConfigFile(fileArg);
  const rel = relative(process.cwd(), file);
  const shown = rel === '' || rel.startsWith('..') ? file : rel;
  return resolveConfig(readYaml(file, []), shown, registry);
}

/** Validates an already-merged config object; `shown` names its origin in errors (a file, or a run's spec.json). */
export function resolveConfig(raw: Record<string, unknown>, shown: string, registry: ReadonlyMap<string, SuiteDefinition>): LoadedConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssue(shown, parsed.error));
  const config = parsed.data;
  const suites: ResolvedSuite[] = [];
  for (const [id, body] of Object.entries(config.suites)) {
    const where = `${shown}: suites.${id}`;
    const definition = registry.get(id);
    if (!definition) throw new ConfigError(`${where}: unknown suite. Known suites: ${[...registry.keys()].join(', ')}.`);
    const common: Record<string, unknown> = {};
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      if ((COMMON_SUITE_KEYS as readonly string[]).includes(key)) common[key] = value;
      else own[key] = value;
    }
    const commonParsed = commonSuiteSchema.safeParse(common);
    if (!commonParsed.success) throw new ConfigError(describeIssue(`${where}`, commonParsed.error));
    const configured = definition.configure(own);
    if (!configured.ok) throw new ConfigError(`${where}.${configured.error}. See suites/${id}/README.md for the options.`);
    if (configured.instance.judge && !config.judge) {
      throw new ConfigError(`${where}: this suite is scored by an LLM judge; add a top-level judge: block (same keys as model:).`);
    }
    suites.push({ id, common: commonParsed.data, options: own, instance: configured.instance });
  }
  if (suites.length === 0) throw new ConfigError(`${shown}: suites: is empty. Add at least one suite, e.g. suites: { ${[...registry.keys()][0] ?? '<id>'}: {} }.`);
  return { file: shown, config, raw, suites };
}

/** The API key from the environment, checked before any request. Null for keyless local endpoints. */
export function apiKeyFor(envName: string | undefined, where: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (envName === undefined) return null;
  const value = env[envName];
  if (value === undefined || value.trim() === '') {
    throw new ConfigError(`${where}.endpoint.api_key_env: environment variable ${envName} is not set. Export it (export ${envName}=...) or remove api_key_env for a local server without a key.`);
  }
  registerSecret(value.trim());
  return value.trim();
}
