// Punkt's trained English parameters (nltk_data `punkt_tab/english/`), read from the files shipped beside
// this module. NLTK reads the same four files in `load_punkt_params`; the pickle older NLTK loads holds the same sets.
import { readFileSync } from 'node:fs';
import { projectPath } from '../../../harness/paths.ts';

export type PunktParameters = {
  abbrevTypes: ReadonlySet<string>;
  /** "first\tsecond" pairs */
  collocations: ReadonlySet<string>;
  sentStarters: ReadonlySet<string>;
  orthoContext: ReadonlyMap<string, number>;
};

export const PUNKT_ENGLISH_DIR = projectPath('suites', 'livebench', 'ifeval', 'punkt-english');

/** Lines of a parameter file. Lines are kept as written: the abbreviation ". . " ends in a space. */
function lines(dir: string, name: string): string[] {
  const path = `${dir}/${name}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Punkt parameters: cannot read ${path} (${String(error)}); the file ships with the project, restore it from git`);
  }
  return text.split('\n').filter((line) => line !== '');
}

function tabbed(dir: string, name: string, line: string): [string, string] {
  const parts = line.split('\t');
  const [a, b] = parts;
  if (parts.length !== 2 || a === undefined || b === undefined) {
    throw new Error(`Punkt parameters: ${dir}/${name} line ${JSON.stringify(line)} is not two tab-separated fields; restore the file from git`);
  }
  return [a, b];
}

export function loadPunktParameters(dir: string = PUNKT_ENGLISH_DIR): PunktParameters {
  const orthoContext = new Map<string, number>();
  for (const line of lines(dir, 'ortho_context.tab')) {
    const [type, flags] = tabbed(dir, 'ortho_context.tab', line);
    const value = Number(flags);
    if (!Number.isInteger(value)) throw new Error(`Punkt parameters: ${dir}/ortho_context.tab has a non-integer flag in ${JSON.stringify(line)}`);
    orthoContext.set(type, value);
  }
  return {
    abbrevTypes: new Set(lines(dir, 'abbrev_types.txt')),
    collocations: new Set(lines(dir, 'collocations.tab').map((line) => tabbed(dir, 'collocations.tab', line).join('\t'))),
    sentStarters: new Set(lines(dir, 'sent_starters.txt')),
    orthoContext,
  };
}

let english: PunktParameters | undefined;

/** The English parameters, read once. */
export function punktEnglish(): PunktParameters {
  english ??= loadPunktParameters();
  return english;
}
