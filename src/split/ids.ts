/**
 * Readable kebab-case ids from words: claim ids from their sentence, section ids from
 * their heading. Pure functions of the text, so a re-run of `split` on the same article
 * yields the same ids, and duplicates are numbered in article order.
 */

/** Letters that Unicode decomposition does not reduce to ASCII. */
const transliterations: Record<string, string> = {ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i'}

/**
 * Lower-case ASCII words joined by hyphens. Apostrophes and the stops of "U.S." vanish ("Moscow’s" → `moscows`),
 * as do thousands separators ("200,000" → `200000`); every other run of non-alphanumerics
 * becomes one hyphen.
 */
export function slugify(text: string): string {
  return text
    // Dotted abbreviations are one word: "U.S." → `us`, not `u-s`.
    .replace(/(?<!\p{L})(?:\p{L}\.){2,}/gu, (abbreviation) => abbreviation.replace(/\./g, ''))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => transliterations[letter] ?? letter)
    .replace(/['’ʼ‘`]/g, '')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Words that carry little of a sentence's meaning; left out of ids to keep them short. */
export const stopWords: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are around as at be because been before being below
  between both but by can could did do does doing down during each even few for from further had has have having he
  her here hers him his how i if in into is it its itself just more most my no nor not now of off on once only or
  other our out over own same she should so some such than that the their them then there these they this those
  through to too under until up very was we were what when where which while who whom why will with within would
  you your yet still much many`.split(/\s+/)
)

export const maxIdWords = 6
export const maxIdLength = 60

/** The id a sentence suggests: its first few meaningful words. */
export function idFromSentence(sentence: string): string {
  const words = slugify(sentence).split('-').filter(Boolean)
  const meaningful = words.filter((word) => !stopWords.has(word))
  const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, maxIdWords)
  let id = ''
  for (const word of chosen) {
    const next = id === '' ? word : `${id}-${word}`
    if (next.length > maxIdLength && id !== '') break
    id = next.slice(0, maxIdLength).replace(/-+$/, '')
  }
  return id === '' ? 'sentence' : id
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet; records the choice. */
export function claimId(base: string, taken: Set<string>): string {
  let id = base
  for (let counter = 2; taken.has(id); counter++) id = `${base}-${counter}`
  taken.add(id)
  return id
}
