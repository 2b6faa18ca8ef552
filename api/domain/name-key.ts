// The key under which an account name is unique: its folded form (names.ts) reduced to a Unicode
// TR39 confusable skeleton, so `Pizza Pal\u0430ce` (Cyrillic a) and `Pizza Palace` share one key.
// Server-only: the prototype table (Unicode's confusables.txt, bundled by unhomoglyph) is ~100 KB.
import unhomoglyph from 'unhomoglyph';
import { foldName } from './names.js';

/**
 * TR39's skeleton(X) = NFD(prototypes(NFD(X))), taken over the folded name, and folded again until
 * it settles: a prototype may be a capital (`0` → `O`) whose lower case has a prototype of its own.
 */
export function nameKey(name: string): string {
  let key = foldName(name);
  for (let round = 0; round < 3; round++) {
    const next = foldName(unhomoglyph(key.normalize('NFD')).normalize('NFD')).normalize('NFD');
    if (next === key) break;
    key = next;
  }
  return key;
}
