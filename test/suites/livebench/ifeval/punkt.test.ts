// The Punkt port against sentence lists NLTK 3.8 produced from the same English parameters
// (test/fixtures/livebench/ifeval/punkt-english-sentences.json), plus the parameter files themselves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadPunktParameters } from '../../../../suites/livebench/ifeval/punkt-params.ts';
import { countSentences, punktSentences } from '../../../../suites/livebench/ifeval/punkt.ts';

const fixture = z
  .array(z.object({ text: z.string(), sentences: z.array(z.string()) }))
  .parse(JSON.parse(readFileSync(new URL('../../../fixtures/livebench/ifeval/punkt-english-sentences.json', import.meta.url), 'utf8')));

describe('Punkt English parameters', () => {
  it('holds the counts nltk_data ships: 156 abbreviations, 37 collocations, 39 starters, 20366 contexts', () => {
    const params = loadPunktParameters();
    expect(params.abbrevTypes.size).toBe(156);
    expect(params.collocations.size).toBe(37);
    expect(params.sentStarters.size).toBe(39);
    expect(params.orthoContext.size).toBe(20366);
    // the one abbreviation that ends in a space survives loading
    expect(params.abbrevTypes.has('. . ')).toBe(true);
    expect(params.orthoContext.get('monetary')).toBe(110);
  });

  it('names the file when a parameter file is missing', () => {
    expect(() => loadPunktParameters('/nonexistent-punkt-dir')).toThrow(/nonexistent-punkt-dir\/ortho_context\.tab/);
  });
});

describe('punktSentences matches NLTK', () => {
  it.each(fixture.map((c) => [c.text.slice(0, 60), c] as const))('%s', (_label, c) => {
    expect(punktSentences(c.text)).toEqual(c.sentences);
  });

  it('keeps abbreviations, initials and decimals inside a sentence', () => {
    expect(countSentences('Mr. Smith paid $3.50 to J. Doe at 5 p.m. on Jan. 5. He left.')).toBe(2);
  });

  it('moves closing quotes and brackets onto the sentence they close', () => {
    expect(punktSentences('He said "Stop." Then (quietly.) she left.')).toEqual(['He said "Stop."', 'Then (quietly.)', 'she left.']);
  });

  it('counts no sentence in blank text', () => {
    expect(countSentences('')).toBe(0);
    expect(countSentences(' \n\t ')).toBe(0);
  });
});
