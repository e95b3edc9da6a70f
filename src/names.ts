/**
 * Pure name helpers that several stages share (resolve, identify, build,
 * corpus): an order of strings that is the same everywhere, accents folded,
 * and which of several spellings a name shows. They sit here, beside
 * types.ts and below every stage, so that an early stage (resolve) need not
 * import a later one (identify) for them. Nothing of the pipeline is
 * imported here.
 */

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Accents folded: `Marie-Josée` → `Marie-Josee`, `Türkiye` → `Turkiye`. */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Letters with diacritics: `Orbán` is the fuller spelling of `Orban`. */
const marks = (name: string) => name.normalize('NFKD').replace(/[^\p{M}]/gu, '').length;

/**
 * The form a node shows among several: most words, then the fuller spelling
 * (more diacritics), then the longest, then code-unit order.
 */
export function fullestName(names: Iterable<string>): string {
  const words = (n: string) => n.split(/\s+/).length;
  return [...names].sort((a, b) => words(b) - words(a) || marks(b) - marks(a) || b.length - a.length || compareStrings(a, b))[0]!;
}
