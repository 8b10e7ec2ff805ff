/**
 * Sentence boundaries: `Intl.Segmenter` (Unicode UAX #29 as ICU implements it), repaired
 * where Node's ICU is known to be wrong for English prose. Node's segmenter applies no
 * abbreviation suppressions, so it breaks after "Mr.", "c." and "U.S."; and it does not
 * break where a pasted text lost the space after a full stop ("themselves.Hungary").
 */

export interface SentenceSpan {
  /** The sentence without surrounding whitespace, exactly as in the text. */
  text: string
  /** Offsets of `text` in the segmented string. */
  start: number
  end: number
}

const segmenter = new Intl.Segmenter('en', {granularity: 'sentence'})

/** Titles before a name: a full stop after them never ends a sentence. */
const titles = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'maj', 'capt', 'sgt', 'cpt', 'adm', 'pres', 'gov',
  'sen', 'rep', 'rev', 'hon', 'messrs', 'mt', 'cf', 'vs', 'viz'
])

/** Abbreviations before a number ("c. 1956", "p. 178", "Oct. 23"): no boundary when a digit follows. */
const beforeNumber = new Set([
  'no', 'nos', 'vol', 'vols', 'p', 'pp', 'ch', 'chap', 'para', 'fig', 'c', 'ca', 'approx', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'
])

/**
 * Capitalised words that usually start a new sentence: after a dotted acronym ("U.S.")
 * they mark a real boundary, while any other capitalised word continues the sentence
 * ("the U.S. Army").
 */
const sentenceStarters = new Set([
  'a', 'an', 'the', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'his',
  'her', 'their', 'its', 'our', 'in', 'on', 'at', 'by', 'for', 'as', 'after', 'before', 'when', 'while', 'but', 'and',
  'yet', 'so', 'if', 'although', 'though', 'some', 'many', 'most', 'one', 'no', 'all', 'even', 'then', 'today'
])

/** Split one paragraph (or any run of prose) into sentences. */
export function splitSentences(text: string): SentenceSpan[] {
  const pieces: Array<{start: number; end: number}> = []
  for (const segment of segmenter.segment(text)) {
    for (const piece of splitAtMissingSpace(text, segment.index, segment.index + segment.segment.length)) pieces.push(piece)
  }
  const merged: Array<{start: number; end: number}> = []
  for (const piece of pieces) {
    const previous = merged.at(-1)
    if (previous && continuesSentence(text.slice(previous.start, previous.end), text.slice(piece.start, piece.end))) previous.end = piece.end
    else merged.push({...piece})
  }
  const sentences: SentenceSpan[] = []
  for (const {start, end} of merged) {
    const raw = text.slice(start, end)
    const leading = raw.length - raw.trimStart().length
    const trimmed = raw.trim()
    if (trimmed === '') continue
    sentences.push({text: trimmed, start: start + leading, end: start + leading + trimmed.length})
  }
  return sentences
}

/** "themselves.Hungary": a lower-case word, a stop, and a capitalised word with no space. */
const missingSpace = /\p{Ll}{2,}[.!?][”"’')\]]?(?=\p{Lu}\p{Ll})/gu

function splitAtMissingSpace(text: string, start: number, end: number): Array<{start: number; end: number}> {
  const pieces: Array<{start: number; end: number}> = []
  let pieceStart = start
  missingSpace.lastIndex = 0
  const slice = text.slice(start, end)
  for (const match of slice.matchAll(missingSpace)) {
    const boundary = start + (match.index ?? 0) + match[0].length
    pieces.push({start: pieceStart, end: boundary})
    pieceStart = boundary
  }
  pieces.push({start: pieceStart, end})
  return pieces
}

/** Whether `next` continues `previous` because the break followed an abbreviation. */
function continuesSentence(previous: string, next: string): boolean {
  const ending = previous.trimEnd()
  const following = next.trimStart()
  if (following === '') return true
  const lastWord = /(\S+)$/.exec(ending)?.[1] ?? ''
  if (!lastWord.endsWith('.')) return false
  const bare = lastWord.replace(/^[(“"‘']+/, '')
  const word = bare.slice(0, -1)
  if (titles.has(word.toLowerCase())) return true
  if (beforeNumber.has(word.toLowerCase()) && /^\d/.test(following)) return true
  // A single initial: "John F. Kennedy", "J. Smith".
  if (/^\p{Lu}$/u.test(word)) return true
  // Dotted abbreviations: "U.S.", "e.g.", "p.m.".
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) {
    const nextWord = /^[“"‘']?(\p{L}+)/u.exec(following)?.[1]
    if (nextWord === undefined) return /^\d/.test(following)
    if (/^\p{Ll}/u.test(nextWord)) return true
    return !sentenceStarters.has(nextWord.toLowerCase())
  }
  return false
}
