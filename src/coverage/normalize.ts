/**
 * Text as `coverage` compares it: typographic quotes, apostrophes and dashes made plain,
 * whitespace runs made one space, no space around a dash, NFC. Every character of the
 * result remembers where it came from, so a match in the normalised article maps back to
 * the sentences it touches.
 */

export interface NormalizedText {
  text: string
  /** `offsets[i]` is the offset in the original of `text[i]`; one extra entry for the end. */
  offsets: number[]
}

const replacements: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", 'ʼ': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
  '…': '...'
}

export function normalizeText(original: string): NormalizedText {
  const characters: string[] = []
  const offsets: number[] = []
  // Clusters of a base character and its combining marks, so NFC never merges across two.
  for (const match of original.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const at = match.index ?? 0
    const cluster = match[0]
    const replaced = /^\s$/u.test(cluster) ? ' ' : (replacements[cluster] ?? cluster.normalize('NFC'))
    for (const character of replaced) {
      if (character === ' ') {
        const previous = characters.at(-1)
        // One space for a run; none at the start, none next to a dash.
        if (previous === undefined || previous === ' ' || previous === '-') continue
      }
      if (character === '-' && characters.at(-1) === ' ') {
        characters.pop()
        offsets.pop()
      }
      characters.push(character)
      offsets.push(at)
    }
  }
  if (characters.at(-1) === ' ') {
    characters.pop()
    offsets.pop()
  }
  offsets.push(original.length)
  return {text: characters.join(''), offsets}
}

/** The normalised form alone, for comparing two short texts. */
export function normalized(text: string): string {
  return normalizeText(text).text
}

/** The first index of the normalised text whose original offset is at or after `offset`. */
export function normalizedIndexOf(text: NormalizedText, offset: number): number {
  let low = 0
  let high = text.offsets.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if ((text.offsets[middle] ?? Infinity) < offset) low = middle + 1
    else high = middle
  }
  return low
}
