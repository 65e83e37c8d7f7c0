// Quick-filter text is folded on both sides: lower case, diacritics removed, so `novak` finds `Novák`
// and `DVORAK` finds `Dvořák`. Only the non-ASCII characters are normalised, each distinct one once,
// which matters when a projection of 100,000 rows is built.

const NON_ASCII = /[\u0080-\uffff]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const folded = new Map<string, string>();

function foldChar(ch: string): string {
  let f = folded.get(ch);
  if (f === undefined) folded.set(ch, (f = ch.normalize('NFD').replace(COMBINING_MARKS, '')));
  return f;
}

export function fold(text: string): string {
  return text.toLowerCase().replace(NON_ASCII, foldChar);
}
