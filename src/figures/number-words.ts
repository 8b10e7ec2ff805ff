/**
 * English cardinal number words ("thirty-three", "two hundred thousand", "a dozen",
 * "two and a half million") and simple fractions ("two-thirds", "a quarter of"), parsed
 * from the reader's tokens. No package does this well enough for prose: the ones on the
 * registry either turn "one of those moments" into 1 or lose the token offsets that a
 * finding has to point at.
 */

/** The little a number-word parser needs to know about a token; the reader's tokens have more. */
export interface WordSequenceToken {
  kind: 'word' | 'number' | 'punct' | 'barrier'
  /** Lower-case text, with typographic apostrophes made straight. */
  lower: string
  /** No whitespace between this token and the one before it. */
  glued: boolean
}

export interface NumberWordsMatch {
  value: number
  /** Index of the last token that belongs to the number. */
  last: number
  /** The word itself when the number is one bare word ("one", "half"), for callers that treat those specially. */
  singleWord?: string
}

const unitWords: ReadonlyMap<string, number> = new Map([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9]
])

const teenWords: ReadonlyMap<string, number> = new Map([
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19]
])

const tensWords: ReadonlyMap<string, number> = new Map([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90]
])

const scaleWordValues: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1_000],
  ['million', 1_000_000],
  ['billion', 1_000_000_000]
])

/**
 * Scale words that multiply what comes before them; also used after digits ("2.5 million").
 * Without a prototype, so that a word such as "constructor" is no key of it.
 */
export const scaleWords: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(scaleWordValues))
)

/** The multiplier a scale word stands for ("thousand" → 1000), or undefined. */
export function scaleOf(word: string): number | undefined {
  return scaleWordValues.get(word)
}

/**
 * Plural scale words say "many", not how many: "thousands", "tens of thousands",
 * "hundreds", "dozens", "millions". They are never figures. Listed for documentation and
 * for callers; the parser needs no special case since it only knows the singular words.
 */
export const vaguePluralWords: readonly string[] = [
  'tens',
  'dozens',
  'scores',
  'hundreds',
  'thousands',
  'millions',
  'billions'
]

/** Hyphen-like characters that join compound words ("thirty-three", "24-foot"). */
export const hyphens: ReadonlySet<string> = new Set(['-', '\u2010', '\u2011'])

const ordinalUnitWords = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth'
]

/** Ordinal words: never figures (contract: "ordinals are not"). */
export const ordinalWords: ReadonlySet<string> = new Set([
  ...ordinalUnitWords,
  'twentieth',
  'thirtieth',
  'fortieth',
  'fiftieth',
  'sixtieth',
  'seventieth',
  'eightieth',
  'ninetieth',
  'hundredth',
  'thousandth',
  'millionth',
  'billionth'
])

const fractionDenominators: ReadonlyMap<string, {denominator: number; plural: boolean}> = new Map([
  ['half', {denominator: 2, plural: false}],
  ['halves', {denominator: 2, plural: true}],
  ['third', {denominator: 3, plural: false}],
  ['thirds', {denominator: 3, plural: true}],
  ['quarter', {denominator: 4, plural: false}],
  ['quarters', {denominator: 4, plural: true}],
  ['fifth', {denominator: 5, plural: false}],
  ['fifths', {denominator: 5, plural: true}],
  ['sixth', {denominator: 6, plural: false}],
  ['sixths', {denominator: 6, plural: true}],
  ['eighth', {denominator: 8, plural: false}],
  ['eighths', {denominator: 8, plural: true}],
  ['tenth', {denominator: 10, plural: false}],
  ['tenths', {denominator: 10, plural: true}]
])

/** Whether a word can start or continue a cardinal number ("a" and "half" only in context). */
export function isNumberWord(word: string): boolean {
  return (
    unitWords.has(word) ||
    teenWords.has(word) ||
    tensWords.has(word) ||
    scaleWordValues.has(word) ||
    word === 'zero' ||
    word === 'dozen' ||
    word === 'half'
  )
}

/**
 * The words with which `parseNumberWords` or `parseFraction` can begin a match: any other
 * first word gives undefined, so a reader may pass such words by without asking.
 */
export const numberWordStarts: ReadonlySet<string> = new Set([
  ...unitWords.keys(),
  ...teenWords.keys(),
  ...tensWords.keys(),
  'zero',
  'half',
  'a',
  'an'
])

/**
 * Every word that a number in words needs at least one of: the words of the tables
 * (units, teens, tens, scales, "zero", "dozen", "half") and the fractions' denominators
 * ("a third of" has no other). A number in digits needs a digit.
 */
const numberWordsAndDenominators: readonly string[] = [
  ...unitWords.keys(),
  ...teenWords.keys(),
  ...tensWords.keys(),
  ...scaleWordValues.keys(),
  'zero',
  'dozen',
  'half',
  ...fractionDenominators.keys()
]

// A substring search, with no word boundaries: it may say yes to "someone", never no to a
// number, wherever the reader's tokens start or end (a skipped range can cut "one" out of
// "someone"). The words are ASCII, and only ASCII letters lower-case to ASCII letters that
// spell one ("K", the Kelvin sign, gives "k", which none has), so `i` matches every case
// the reader's lower-casing could turn into a number word.
const numberWord = new RegExp([...new Set(numberWordsAndDenominators)].join('|'), 'i')
const digit = /[0-9]/

/**
 * Whether `text` may state a number: it has a digit or a number word somewhere. When not,
 * the reader of figures can find nothing in it, whatever it skips.
 */
export function mayStateNumber(text: string): boolean {
  // Digits first: most texts that state a number have one, and the test is much cheaper.
  return digit.test(text) || numberWord.test(text)
}

/** What the words before have built, to decide which word may come next. */
type Previous = 'none' | 'multiplier' | 'unit' | 'teen' | 'tens' | 'compound' | 'fraction' | 'hundred' | 'scale'

function wordAt(tokens: readonly WordSequenceToken[], index: number): string | undefined {
  const token = tokens[index]
  return token !== undefined && token.kind === 'word' ? token.lower : undefined
}

/** A word separated from the previous token by whitespace. */
function spacedWordAt(tokens: readonly WordSequenceToken[], index: number): string | undefined {
  const token = tokens[index]
  return token !== undefined && !token.glued ? wordAt(tokens, index) : undefined
}

/** A hyphen glued on both sides: `thirty-three`. */
export function isHyphenLink(tokens: readonly WordSequenceToken[], index: number): boolean {
  const hyphen = tokens[index]
  const next = tokens[index + 1]
  return (
    hyphen !== undefined &&
    hyphen.kind === 'punct' &&
    hyphens.has(hyphen.lower) &&
    hyphen.glued &&
    next !== undefined &&
    next.glued
  )
}

function multipliesWhatPrecedes(word: string | undefined): boolean {
  return word !== undefined && (scaleWordValues.has(word) || word === 'dozen')
}

/**
 * Parse the cardinal number whose first word is `tokens[first]`: "two", "thirty-three",
 * "one hundred and fifty", "two hundred thousand", "a thousand", "a dozen",
 * "half a million", "two and a half million", "half". Returns undefined when the words
 * there are not a number (a bare "a", a lone "thousand", a vague plural).
 *
 * The grammar is a small state machine, so "two three" stops after "two" and "thousand
 * million" after "thousand"; it runs in time linear in the words it consumes.
 */
export function parseNumberWords(
  tokens: readonly WordSequenceToken[],
  first: number
): NumberWordsMatch | undefined {
  const firstWord = wordAt(tokens, first)
  if (firstWord === undefined) return undefined
  if (firstWord === 'zero') return {value: 0, last: first, singleWord: 'zero'}

  let index = first
  let total = 0
  let group = 0
  let previous: Previous = 'none'
  let lastScale = Number.POSITIVE_INFINITY
  let last = -1

  if (firstWord === 'a' || firstWord === 'an') {
    if (!multipliesWhatPrecedes(spacedWordAt(tokens, first + 1))) return undefined
    group = 1
    previous = 'multiplier'
    index = first + 1
  } else if (firstWord === 'half') {
    const article = spacedWordAt(tokens, first + 1)
    if ((article === 'a' || article === 'an') && multipliesWhatPrecedes(spacedWordAt(tokens, first + 2))) {
      group = 0.5
      previous = 'multiplier'
      index = first + 2
    } else {
      return {value: 0.5, last: first, singleWord: 'half'}
    }
  }

  for (;;) {
    const word = wordAt(tokens, index)
    if (word === undefined) break
    // Words of one number are apart; the one glued case, "thirty-three", is read below.
    if (index !== first && tokens[index]?.glued === true) break

    const unit = unitWords.get(word)
    if (unit !== undefined) {
      if (previous !== 'none' && previous !== 'hundred' && previous !== 'scale' && previous !== 'tens') break
      group += unit
      previous = previous === 'tens' ? 'compound' : 'unit'
      last = index
      index += 1
      continue
    }
    const teen = teenWords.get(word)
    if (teen !== undefined) {
      if (previous !== 'none' && previous !== 'hundred' && previous !== 'scale') break
      group += teen
      previous = 'teen'
      last = index
      index += 1
      continue
    }
    const tens = tensWords.get(word)
    if (tens !== undefined) {
      if (previous !== 'none' && previous !== 'hundred' && previous !== 'scale') break
      group += tens
      previous = 'tens'
      last = index
      index += 1
      const afterHyphen = wordAt(tokens, index + 1)
      const compoundUnit = afterHyphen === undefined ? undefined : unitWords.get(afterHyphen)
      if (isHyphenLink(tokens, index) && compoundUnit !== undefined) {
        group += compoundUnit
        previous = 'compound'
        last = index + 1
        index += 2
      }
      continue
    }
    if (word === 'hundred') {
      if (previous === 'none' || previous === 'hundred' || previous === 'scale' || previous === 'fraction') break
      if (group >= 100) break
      group *= 100
      previous = 'hundred'
      last = index
      index += 1
      continue
    }
    const scale = scaleWordValues.get(word)
    if (scale !== undefined) {
      if (previous === 'none' || previous === 'scale' || scale >= lastScale) break
      total += group * scale
      group = 0
      lastScale = scale
      previous = 'scale'
      last = index
      index += 1
      continue
    }
    if (word === 'dozen') {
      if (previous === 'none' || previous === 'hundred' || previous === 'scale' || total !== 0) break
      group *= 12
      last = index
      break
    }
    if (word === 'and') {
      const next = spacedWordAt(tokens, index + 1)
      // "two hundred and three hundred" is two numbers: "and" only adds what is under a hundred.
      if (
        (previous === 'hundred' || previous === 'scale') &&
        next !== undefined &&
        (unitWords.has(next) || teenWords.has(next) || tensWords.has(next)) &&
        spacedWordAt(tokens, index + 2) !== 'hundred'
      ) {
        index += 1
        continue
      }
      // "a million and a half": half of the last scale.
      if (previous === 'scale' && (next === 'a' || next === 'an') && spacedWordAt(tokens, index + 2) === 'half') {
        total += lastScale / 2
        last = index + 2
        break
      }
      // "two and a half (million)": the half belongs to the group before any scale word.
      if (
        (previous === 'unit' || previous === 'teen' || previous === 'tens' || previous === 'compound') &&
        (next === 'a' || next === 'an') &&
        spacedWordAt(tokens, index + 2) === 'half'
      ) {
        group += 0.5
        previous = 'fraction'
        last = index + 2
        index += 3
        continue
      }
    }
    break
  }

  if (last === -1) return undefined
  const match: NumberWordsMatch = {value: total + group, last}
  if (last === first) match.singleWord = firstWord
  return match
}

/**
 * A simple fraction: "two-thirds", "three quarters", "one-third", and "a third of",
 * "a quarter of" (with "of", since "a third time" is an ordinal). Returns the value and
 * the index of the denominator word.
 */
export function parseFraction(
  tokens: readonly WordSequenceToken[],
  first: number
): {value: number; last: number} | undefined {
  const numeratorWord = wordAt(tokens, first)
  if (numeratorWord === undefined) return undefined
  const numerator = numeratorWord === 'a' || numeratorWord === 'an' ? 1 : unitWords.get(numeratorWord) ?? teenWords.get(numeratorWord)
  if (numerator === undefined || numerator > 10) return undefined

  const hyphenated = isHyphenLink(tokens, first + 1)
  const denominatorIndex = hyphenated ? first + 2 : first + 1
  const denominatorWord = hyphenated ? wordAt(tokens, denominatorIndex) : spacedWordAt(tokens, denominatorIndex)
  if (denominatorWord === undefined) return undefined
  const denominator = fractionDenominators.get(denominatorWord)
  if (denominator === undefined) return undefined

  if (numerator === 1) {
    if (denominator.plural) return undefined
    // "a half" alone is read as "half" elsewhere; "one-third" needs no "of".
    const article = numeratorWord === 'a' || numeratorWord === 'an'
    if (article && denominatorWord === 'half') return undefined
    if (article || !hyphenated) {
      if (spacedWordAt(tokens, denominatorIndex + 1) !== 'of') return undefined
    }
  } else if (!denominator.plural) {
    return undefined
  }
  return {value: numerator / denominator.denominator, last: denominatorIndex}
}
