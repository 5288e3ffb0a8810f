// Texts for the Punkt agreement check: hand-written prose with the cases Punkt decides on (abbreviations,
// initials, decimals, ellipses, quotes, brackets, lists), variants of given texts, and seeded random text.

export const PROSE: readonly string[] = [
  'Mr. Smith went to Washington D.C. on Jan. 5. He said "Hi." Then... he left!',
  'The U.S. economy grew 3.5% in Q3. Analysts, e.g. J. P. Morgan, expected 2.9%.',
  'Dr. Jones (a.k.a. "the Doc") arrived at 5 p.m. on Sept. 3rd. Nobody noticed.',
  'It cost $3.88. That was cheap! Wasn\'t it? "Yes," she said.',
  'He paused... and then he spoke. "Well..." It was late.',
  'See Fig. 3 and Eq. 2.1 for details. Results are in Sec. 4.',
  '(This is a note.) The next sentence follows. [Another one.] Done.',
  'Prof. Ada Lovelace, Ph.D., wrote the first program. It ran on paper.',
  'Items: 1. apples 2. pears 3. plums. That is all.',
  '“Curly quotes.” Are they handled? ‘Single ones.’ Maybe.',
  'The meeting is at 10 a.m. The CEO will attend.',
  'I. M. Pei designed it. The building opened in 1989.',
  'Gen. Patton led the army. Lt. Col. Smith followed. St. Louis was next.',
  'Wait -- what? No!! Really?! Yes.',
  'Version 2.0.1 shipped. Version 3 is next. v. 4 later.',
  'The temperature was -3.5 degrees. It was cold. Very cold.',
  'She lives on Elm St. in Springfield. Her neighbour is Mrs. Brown.',
  'Use the `--force` flag. Then run it again.',
  'This is the end of the first paragraph.\n\nThis starts the second. And this continues it.',
  'A list:\n* first item.\n* second item.\n- third item\nThe end.',
  'Title: <<My Story>>\n\nOnce upon a time, there was a cat. The cat was happy.\n\nP.S. The end.',
  'SECTION 1\nIntro text here. More text.\nSECTION 2\nBody text. The end.',
  'What is 3.14? It is pi. And e is 2.718...',
  'He said, "I will come at 5." She replied, "Fine."',
  'The company (Acme Inc.) reported earnings. Shares rose 5%.',
  'It was a dark and stormy night; the rain fell in torrents. Except at occasional intervals.',
  'The U.K. and the U.S.A. signed. Then the U.N. voted.',
  'Call me at 555-1234. Or email me at test@example.com. Thanks.',
  'He won the 1st prize. She won the 2nd. They celebrated.',
  'Vol. 3, No. 2 (1999), pp. 10-20. Published by Oxford Univ. Press.',
  'ALL CAPS SENTENCE HERE. ANOTHER ONE FOLLOWS. and a lowercase one.',
  'no capitals at all. still going. the end.',
  '"Quoted start. Inside quote." Outside now. \'Single. Quote.\' Done.',
  'Numbers like 1,000.50 and .5 and -0.25. Also 10. Then 20.',
  'An ellipsis at the end...',
  'Multiple marks?!? Yes!!! OK.',
  'Emoji are fine 😀. Next sentence 🚀! Last one?',
  'Ünïcödé tëxt hëre. Ánother séntence. Ça va.',
  'Tabs\tand\tspaces.  Two spaces after. Three   spaces.',
  'Line one without period\nLine two also\nLine three.',
  'The film "Gone With the Wind." was long. Critics liked it.',
  '[1] First reference. [2] Second reference.',
  'Etc. is an abbreviation. So is vs. in sports. The Jets vs. the Giants.',
  'On Fri. Feb. 14 we met. On Mon. Mar. 3 we parted.',
  'a. first option b. second option c. third option.',
  'The No. 1 team won. No. It did not lose.',
  '   Leading spaces. Trailing spaces.   ',
  '',
  '...',
  '. . . spaced ellipsis . . . here. Done.',
];

/** Variants of a given text that move Punkt's decisions: paragraph pieces, joined lines, case changes, quotes. */
export function variantsOf(text: string): string[] {
  const out = text.split('\n\n').filter((p) => p.trim() !== '');
  out.push(text.replace(/\n+/g, ' '));
  out.push(text.toLowerCase());
  out.push(text.toUpperCase());
  out.push(`"${text}"`);
  out.push(text.replace(/\. /g, '... '));
  out.push(text.replace(/\. /g, '.) '));
  return out;
}

const PIECES = [
  'the', 'The', 'a', 'He', 'she', 'It', 'However', 'however', 'But', 'Mr.', 'Mrs.', 'Dr.', 'Jan.', 'U.S.', 'U.S.A.', 'e.g.', 'i.e.',
  'etc.', 'vs.', 'St.', 'Inc.', 'Co.', 'Ltd.', 'Fig.', 'No.', 'J.', 'K.', 'a.', 'B.', 'p.m.', 'a.m.', '3.5', '10.', '1,000.', '2nd.',
  '-4.2', '.5', '...', '..', '. . .', '!', '?', '?!', '.', '."', '.)', '.]', '."\'', '"', '\'', '(', ')', '[', ']', '{', '}', '--', '-',
  ',', ';', ':', 'word.', 'Word.', 'WORD.', 'end!', 'why?', 'Washington', 'smith', 'Smith.', 'P.S.', 'Ph.D.', 'Bros.', 'Sept.',
  '“', '”', '‘', '’', 'Éclair.', 'über.', '😀.', '*', '**', '\n', '\n\n', '\t', '  ', 'and', 'In', 'in', 'sales', 'Sales', 'So', 'so',
  '\r\n', '\u00a0', '\u2028', '\x85', '\x0c', '\x1c', '\ufeff', 'ǅ.', 'İ.', 'ß.', 'ΣΑΣ.', '٣.', '½.', 'x.y.z', 'A-B.', 'non-U.S.', 'mid-Jan.',
  '**Bold.**', '## Heading', '1.', '2)', 'http://x.com.', 'e.g.,', 'i.e.,', '(e.g.', 'U.S.)', '.”', '!”', '?’', '```', '<<Title>>', 'P.S.', 'P.P.S', '***', '******',
  '*', '- item.', 'Section 1', 'etc.)', 'No.1', '5.', 'Inc.,', 'Ltd.;', 'a.m.,', 'Mr.Smith', 'end.Next', '3.', '..."', '"...', '?!"', ':', '—', '–',
];

/** A seeded pseudo-random generator (mulberry32), so a run can be repeated. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` random texts of 5-40 pieces, joined by a space or nothing. */
export function randomTexts(count: number, seed: number): string[] {
  const next = prng(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 5 + Math.floor(next() * 36);
    let text = '';
    for (let j = 0; j < length; j++) {
      text += PIECES[Math.floor(next() * PIECES.length)] ?? '';
      text += next() < 0.8 ? ' ' : '';
    }
    texts.push(text);
  }
  return texts;
}
