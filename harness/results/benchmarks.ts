// The one place that maps suite ids to the names published tables use. Reproduced records name a
// benchmark by suite id ("aime25", "supergpqa/difficulty=hard"); reference records by the table's
// canonical title ("AIME25", "LiveBench"). Versions and windows are protocol facts, not names.
import { SUITE_IDS, type SuiteId } from '../suite.ts';

export type BenchmarkName = {
  suite: SuiteId;
  /** the title reference records use as evaluation_name */
  title: string;
  /** the official dataset repository on the Hugging Face Hub; null when split over several repos */
  hf_repo: string | null;
  /** where the dataset is published */
  url: string;
  /** other spellings seen in published tables (compared after normalising case and punctuation) */
  aliases: readonly string[];
};

export const BENCHMARK_NAMES: Record<SuiteId, BenchmarkName> = {
  aime25: { suite: 'aime25', title: 'AIME25', hf_repo: 'math-ai/aime25', url: 'https://huggingface.co/datasets/math-ai/aime25', aliases: ["AIME'25", 'AIME 2025', 'AIME2025'] },
  supergpqa: { suite: 'supergpqa', title: 'SuperGPQA', hf_repo: 'm-a-p/SuperGPQA', url: 'https://huggingface.co/datasets/m-a-p/SuperGPQA', aliases: [] },
  livecodebench: {
    suite: 'livecodebench',
    title: 'LiveCodeBench',
    hf_repo: 'livecodebench/code_generation_lite',
    url: 'https://huggingface.co/datasets/livecodebench/code_generation_lite',
    aliases: ['LCB'],
  },
  'arena-hard-v2': {
    suite: 'arena-hard-v2',
    title: 'Arena-Hard v2',
    hf_repo: 'lmarena-ai/arena-hard-auto',
    url: 'https://github.com/lmarena/arena-hard-auto',
    aliases: ['Arena-Hard-Auto v2', 'Arena-Hard-Auto v2.0', 'arena-hard-v2.0'],
  },
  livebench: { suite: 'livebench', title: 'LiveBench', hf_repo: null, url: 'https://huggingface.co/livebench', aliases: [] },
};

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_NAME = new Map<string, SuiteId>();
for (const id of SUITE_IDS) {
  const entry = BENCHMARK_NAMES[id];
  for (const name of [id, entry.title, ...entry.aliases]) BY_NAME.set(normalise(name), id);
}

export type BenchmarkSlice = { suite: SuiteId; slice: string | null };

/** Which benchmark (and slice) an evaluation_name denotes: "aime25", "AIME25", "supergpqa/difficulty=hard". */
export function benchmarkOf(evaluationName: string): BenchmarkSlice | null {
  const cut = evaluationName.indexOf('/');
  const head = cut === -1 ? evaluationName : evaluationName.slice(0, cut);
  const suite = BY_NAME.get(normalise(head));
  if (suite === undefined) return null;
  const slice = cut === -1 ? null : evaluationName.slice(cut + 1).trim();
  return { suite, slice: slice === '' ? null : slice };
}
