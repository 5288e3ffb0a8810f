// Where a run lives in the Every Eval Ever datastore: data/<benchmark>/<developer>/<model>/<uuid>.json
// with its samples beside it as <uuid>_samples.jsonl.
//
// <benchmark> is the suite id when a run holds one suite (the benchmark is the collection, as for
// data/mmlu-pro/). A run that holds several suites is one record spanning several benchmarks, which
// the datastore files under a collection named after its source: "parity". Each result still names
// its own benchmark in evaluation_name.
import { createHash } from 'node:crypto';

export const MULTI_SUITE_COLLECTION = 'parity';

export function collectionFor(suites: readonly string[]): string {
  const distinct = [...new Set(suites)];
  const only = distinct[0];
  return distinct.length === 1 && only !== undefined ? only : MULTI_SUITE_COLLECTION;
}

/** The record's identity, shared byte for byte by scores.json and every samples.jsonl row. */
export function evaluationIdFor(modelId: string, runId: string): string {
  return `parity/${modelId}/${runId}`;
}

/** A portable path component: no reserved characters, no trailing dot or space, never "data". */
export function portableName(value: string): string {
  const cleaned = value
    .replace(/[<>:"\\|?*/\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return 'unknown';
  if (cleaned.toLowerCase() === 'data' || /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i.test(cleaned)) return `${cleaned}_`;
  return cleaned;
}

/** developer and model directories from a Hugging Face style id ("Qwen/Qwen3-235B-A22B"). */
export function modelPathParts(modelId: string): { developer: string; model: string } {
  const cut = modelId.indexOf('/');
  if (cut === -1) return { developer: 'unknown', model: portableName(modelId) };
  return { developer: portableName(modelId.slice(0, cut)), model: portableName(modelId.slice(cut + 1)) };
}

/**
 * A version-4-shaped UUID derived from the run id, so re-scoring a run names the same files.
 * The datastore accepts any canonical v4 UUID; this one is just not random.
 */
export function runUuid(runId: string): string {
  const bytes = createHash('sha256').update(`parity-run:${runId}`).digest().subarray(0, 16);
  const hex = Array.from(bytes, (b, i) => {
    if (i === 6) return ((b & 0x0f) | 0x40).toString(16).padStart(2, '0');
    if (i === 8) return ((b & 0x3f) | 0x80).toString(16).padStart(2, '0');
    return b.toString(16).padStart(2, '0');
  }).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function samplesPathFor(collection: string, modelId: string, runId: string): string {
  const { developer, model } = modelPathParts(modelId);
  return `data/${portableName(collection)}/${developer}/${model}/${runUuid(runId)}_samples.jsonl`;
}

/** The aggregate's datastore path, beside its samples file: same folder, same UUID. */
export function aggregatePathFor(samplesPath: string): string {
  return samplesPath.replace(/_samples\.jsonl$/, '.json');
}
