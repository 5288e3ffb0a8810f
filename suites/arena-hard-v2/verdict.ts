// Verdict extraction (gen_judgment.py get_score) and label -> outcomes (show_result.py load_judgments).

/** regex_patterns of config/arena-hard-v2.0.yaml, tried in order. */
export const VERDICT_PATTERNS = [/\[\[([AB<>=]+)\]\]/g, /\[([AB<>=]+)\]/g] as const;

/** The last match of the first pattern that matches the upper-cased judgment, or null. */
export function extractVerdict(judgment: string): string | null {
  const text = judgment.toUpperCase();
  for (const pattern of VERDICT_PATTERNS) {
    const matches = [...text.matchAll(pattern)].map((m) => m[1] ?? '').filter((m) => m !== '');
    const last = matches.at(-1);
    if (last !== undefined) return last;
  }
  return null;
}

/** Strong verdicts count this many times (load_judgments weight=3). */
export const STRONG_WEIGHT = 3;

/** Outcome for Assistant A of each label upstream knows; strong labels repeat STRONG_WEIGHT times. */
const LABEL_OUTCOMES: Readonly<Record<string, readonly number[]>> = {
  'A>B': [1],
  'A>>B': Array<number>(STRONG_WEIGHT).fill(1),
  'A=B': [0.5],
  'A<<B': Array<number>(STRONG_WEIGHT).fill(0),
  'A<B': [0],
  'B>A': [0],
  'B>>A': Array<number>(STRONG_WEIGHT).fill(0),
  'B=A': [0.5],
  'B<<A': Array<number>(STRONG_WEIGHT).fill(1),
  'B<A': [1],
};

export const KNOWN_LABELS: readonly string[] = Object.keys(LABEL_OUTCOMES);

/** Outcomes for Assistant A, or null for a label upstream does not know (a null game here). */
export function labelOutcomes(label: string): readonly number[] | null {
  return Object.hasOwn(LABEL_OUTCOMES, label) ? (LABEL_OUTCOMES[label] ?? null) : null;
}

/**
 * Battle outcomes of one (model, uid) record, 1 = model beats baseline: game 2 (model is A) read
 * directly, then game 1 (model is B) flipped, in upstream order. Null when either game is unusable,
 * because upstream drops the whole record then.
 */
export function recordOutcomes(game1Label: string | null, game2Label: string | null): number[] | null {
  if (game1Label === null || game2Label === null) return null;
  const g1 = labelOutcomes(game1Label);
  const g2 = labelOutcomes(game2Label);
  if (g1 === null || g2 === null) return null;
  return [...g2, ...g1.map((s) => 1 - s)];
}
