// Search text is folded before it is indexed or queried: lower case, Czech (and any other) diacritics
// removed, so `tiskarna` meets `Tiskárna` and `PRIHLASENI` meets `přihlášení`. The same fold runs on
// both sides; anything folded differently on one side simply never matches.

const COMBINING_MARKS = /\p{M}+/gu;
// Letters, digits and marks make words (marks too: decomposed text must not split at them).
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

// Which UTF-16 code units belong to words, learnt one code unit at a time (0 = not yet known):
// a table lookup is several times faster than a Unicode regular expression over a whole body.
const charClass = new Uint8Array(65536);
const WORD = 1;
const OTHER = 2;

function isWordChar(code: number): boolean {
  let c = charClass[code]!;
  if (c === 0) {
    c = WORD_CHAR.test(String.fromCharCode(code)) ? WORD : OTHER;
    charClass[code] = c;
  }
  return c === WORD;
}

// Articles repeat their words, so each distinct word is folded once (the cache is dropped when it
// grows past any real vocabulary).
const folded = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

function foldWord(word: string): string {
  let f = folded.get(word);
  if (f === undefined) {
    if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
    f = fold(word);
    folded.set(word, f);
  }
  return f;
}

/** Folded words of a text, in order; punctuation and Markdown syntax split words and are dropped. */
export function words(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (isWordChar(text.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(foldWord(text.slice(start, i)));
      start = -1;
    }
  }
  if (start >= 0) out.push(foldWord(text.slice(start)));
  return out;
}

// Words too common to help ranking: kept out of the index so that typing a first letter does not
// expand into postings covering every article. A query still works when it contains them.
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'if', 'in', 'is', 'it', 'its',
  'of', 'on', 'or', 'that', 'the', 'then', 'this', 'to', 'was', 'will', 'with', 'you', 'your',
  // Czech (already folded)
  'a', 'aby', 'ale', 'do', 'i', 'je', 'jsou', 'k', 'na', 'nebo', 'o', 'od', 'po', 'pro', 's', 'se', 'si', 'to',
  'u', 'v', 've', 'z', 'za', 'ze', 'ze',
]);
