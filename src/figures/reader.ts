/**
 * The reader of figures: finds the numbers and dates that English prose states and turns
 * each into a qualified value, with the exact offsets of its words.
 *
 * "Around 200,000 Hungarians fled, nearly two percent of the country's population."
 *   → {text: "Around 200,000", value: 200000, qualifier: 'approx', unit: 'hungarian'}
 *   → {text: "nearly two percent", value: 2, qualifier: 'nearly', kind: 'percent'}
 *
 * How it works, in one pass: a tokenizer cuts the text into words, numbers and
 * punctuation with offsets (skipped ranges and URLs become barriers that nothing reads
 * across); at each token the reader tries, in order, a date, a number in digits, a number
 * in words; a number that starts a figure may then join a second one into a range; the
 * qualifier is found by looking back at most four tokens, a unit by looking ahead at most
 * two. Every step looks a bounded distance, so the whole is linear in the text.
 * The decisions and known misreadings are in docs/figure-reader.md.
 */
import type {Qualifier} from '../types.js'
import {
  compareDates,
  decadeRange,
  formatDate,
  isMonthAbbreviation,
  isValidDay,
  isYearNumber,
  monthOf,
  monthWords,
  seasonWords,
  type DateParts,
  type DecadePart
} from './dates.js'
import {
  hyphens,
  isHyphenLink,
  isNumberWord,
  mayStateNumber,
  numberWordStarts,
  ordinalWords,
  parseFraction,
  parseNumberWords,
  scaleOf,
  type WordSequenceToken
} from './number-words.js'

/** A scalar figure value: a number, or an ISO date `1956-10-23` | `1956-10` | `1956` | `--10-23` (day and month, no year). */
export type ReadValue = number | string

export interface ReadFigure {
  /** The exact matched words, e.g. "around 2,500", "nearly two percent", "24-foot", "4 November". */
  text: string
  /** Offsets of `text` in the input string: `input.slice(start, end) === text`. */
  start: number
  end: number
  /**
   * Offsets of the number or date words alone, without qualifier, range words or unit
   * ("2,500" in "around 2,500 deaths"): what a coverage check ("is this number declared?")
   * should compare.
   */
  numberStart: number
  numberEnd: number
  value: ReadValue | {min: ReadValue; max: ReadValue}
  qualifier: Qualifier
  /** 'date' for dates and bare years in date position, 'percent' for percentages, else 'number'. */
  kind: 'number' | 'percent' | 'date'
  /** A unit word glued to or following the number, singular and lower-case: 'foot', 'percent', 'troop', 'year', 'person'. */
  unit?: string
}

export interface ReadOptions {
  /** Ranges [start, end) of the input to skip entirely (citations, quotations, not-figures phrases). */
  skip?: Array<[number, number]>
}

/** Qualifier words before a count or percentage, lower-case, as the reader matches them. */
export const countQualifierPhrases: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ['around', 'approx'],
  ['about', 'approx'],
  ['roughly', 'approx'],
  ['some', 'approx'],
  ['an estimated', 'approx'],
  ['estimated', 'approx'],
  ['approximately', 'approx'],
  ['approx.', 'approx'],
  ['c.', 'approx'],
  ['ca.', 'approx'],
  ['circa', 'approx'],
  ['~', 'approx'],
  ['perhaps', 'approx'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['just under', 'nearly'],
  ['close to', 'nearly'],
  ['just short of', 'nearly'],
  ['at least', 'at-least'],
  ['no fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['not fewer than', 'at-least'],
  ['not less than', 'at-least'],
  ['a minimum of', 'at-least'],
  ['more than', 'more-than'],
  ['over', 'more-than'],
  ['well over', 'more-than'],
  ['just over', 'more-than'],
  ['a little over', 'more-than'],
  ['slightly more than', 'more-than'],
  ['in excess of', 'more-than'],
  ['well in excess of', 'more-than'],
  ['upwards of', 'more-than'],
  ['above', 'more-than'],
  ['well above', 'more-than'],
  ['up to', 'at-most'],
  ['at most', 'at-most'],
  ['no more than', 'at-most'],
  ['not more than', 'at-most'],
  ['a maximum of', 'at-most'],
  ['as many as', 'at-most'],
  ['fewer than', 'less-than'],
  ['less than', 'less-than'],
  ['slightly fewer than', 'less-than'],
  ['slightly less than', 'less-than'],
  ['under', 'less-than'],
  ['well under', 'less-than'],
  ['below', 'less-than'],
  ['well below', 'less-than']
])

/**
 * Qualifier words before a date. "by 8 November" means on or before it (at-most);
 * "since 1953" means from then on (at-least, as the brief asks); "until" and "from"
 * alone qualify nothing (the date is exact).
 */
export const dateQualifierPhrases: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ['around', 'approx'],
  ['about', 'approx'],
  ['roughly', 'approx'],
  ['approximately', 'approx'],
  ['c.', 'approx'],
  ['ca.', 'approx'],
  ['circa', 'approx'],
  ['~', 'approx'],
  ['by', 'at-most'],
  ['no later than', 'at-most'],
  ['not later than', 'at-most'],
  ['not after', 'at-most'],
  ['before', 'less-than'],
  ['after', 'more-than'],
  ['since', 'at-least'],
  ['no earlier than', 'at-least'],
  ['not before', 'at-least']
])

/** Approximation words that suit a year as well as a count: they do not make "around 1956" a count. */
const yearFriendlyQualifierPhrases: ReadonlySet<string> = new Set([
  'around',
  'about',
  'roughly',
  'approximately',
  'approx.',
  'c.',
  'ca.',
  'circa',
  '~'
])

const longestQualifierPhrase = 4

/**
 * The last token of every qualifier phrase, as `phrase` spells it: the last word, or "."
 * for phrases that end in one ("c.", "approx."), or "~". A token that is none of these
 * ends no qualifier, so `qualifierEndingAt` need not build the phrases that end with it.
 */
const qualifierLastTokens: ReadonlySet<string> = new Set(
  [...countQualifierPhrases.keys(), ...dateQualifierPhrases.keys()].map((phrase) => {
    const last = phrase.slice(phrase.lastIndexOf(' ') + 1)
    return last.endsWith('.') ? '.' : last
  })
)

/** The first token of every qualifier phrase, as `phrase` spells it: the first word without its full stop ("c", "approx"), or "~". */
const qualifierFirstTokens: ReadonlySet<string> = new Set(
  [...countQualifierPhrases.keys(), ...dateQualifierPhrases.keys()].map((phrase) => {
    const first = phrase.split(' ')[0] ?? ''
    return first.endsWith('.') ? first.slice(0, -1) : first
  })
)

/** Qualifier words after a number: "2,000 or more". */
const postfixQualifierPhrases: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ['or more', 'at-least'],
  ['or over', 'at-least'],
  ['or so', 'approx'],
  ['or fewer', 'at-most'],
  ['or less', 'at-most']
])

const percentWords: ReadonlySet<string> = new Set(['percent', 'pct'])

/**
 * Abbreviations written glued to digits that are units, not codes ("5km"). Not "m":
 * "2.5m" is a million as often as a metre, and a wrong value is worse than none.
 */
const gluedUnitAbbreviations: ReadonlyMap<string, string> = new Map([
  ['km', 'kilometre'],
  ['cm', 'centimetre'],
  ['mm', 'millimetre'],
  ['ft', 'foot'],
  ['mi', 'mile'],
  ['kg', 'kilogram']
])

const currencySymbols: ReadonlyMap<string, string> = new Map([
  ['$', 'dollar'],
  ['£', 'pound'],
  ['€', 'euro']
])

/** Words after a hyphen that say something of the number but are not its unit ("a 2,000-strong crowd"). */
const hyphenatedNonUnits: ReadonlySet<string> = new Set(['strong', 'fold', 'odd', 'plus'])

const ordinalSuffixes: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th'])

/**
 * Words after which digits are a reference, not a figure: "p. 178", "pp. 12–14",
 * "No. 5", "chapter 3". The abbreviations count only with their full stop.
 */
const locatorAbbreviations: ReadonlySet<string> = new Set([
  'p',
  'pp',
  'para',
  'paras',
  'chap',
  'chaps',
  'ch',
  'vol',
  'vols',
  'no',
  'nos',
  'nr',
  'doc',
  'docs',
  'fig',
  'figs',
  'sec',
  'art',
  'fol',
  'fols',
  'n',
  'nn'
])
const locatorWords: ReadonlySet<string> = new Set([
  'page',
  'pages',
  'chapter',
  'chapters',
  'paragraph',
  'paragraphs',
  'footnote',
  'footnotes',
  'volume',
  'volumes'
])

/**
 * The words at which `readAt` can find something: a reference (`skipReference`), a date
 * (`matchDate`: a month, "early", "mid", "late", a season) or a number in words
 * (`matchWords`). Every other word starts nothing, and most words of prose are such.
 */
const wordsThatCanStart: ReadonlySet<string> = new Set([
  'isbn',
  ...locatorAbbreviations,
  ...locatorWords,
  ...monthWords,
  'early',
  'mid',
  'late',
  ...seasonWords,
  ...numberWordStarts
])

/**
 * A sieve before `wordsThatCanStart`, which most words of prose fail: for each pair of
 * first two letters (a–z, then a–z or none), a bit per word length (below 31) that some
 * word of the set has. A word whose bit is clear is not in the set, and the sieve needs no
 * hash of a freshly cut string; any other word (longer, or not starting with two ASCII
 * letters) is looked up in the set as before.
 */
const startSieveColumns = 27
const startSieve = new Uint32Array(26 * startSieveColumns)
function startSieveSlot(word: string): number | undefined {
  const first = word.charCodeAt(0) - 97
  if (!(first >= 0 && first < 26) || word.length >= 31) return undefined
  if (word.length === 1) return first * startSieveColumns
  const second = word.charCodeAt(1) - 97
  return second >= 0 && second < 26 ? first * startSieveColumns + second + 1 : undefined
}
for (const word of wordsThatCanStart) {
  const slot = startSieveSlot(word)
  if (slot !== undefined) startSieve[slot] = (startSieve[slot] ?? 0) | (1 << word.length)
}

/** `wordsThatCanStart.has(lower)`, most often answered by the sieve. */
function canStartFigure(lower: string): boolean {
  const slot = startSieveSlot(lower)
  if (slot !== undefined && ((startSieve[slot] ?? 0) & (1 << lower.length)) === 0) return false
  return wordsThatCanStart.has(lower)
}

const dashes: ReadonlySet<string> = new Set([...hyphens, '\u2013'])
const sentenceEnds: ReadonlySet<string> = new Set(['.', '!', '?', '\u2026'])
const closingMarks: ReadonlySet<string> = new Set(['"', "'", '\u2019', '\u201d', ')', ']', '»'])
const apostrophes: ReadonlySet<string> = new Set(["'", '\u2019'])
const quotesAndBrackets: ReadonlySet<string> = new Set([...closingMarks, '(', '[', '\u201c', '\u2018', '«'])

/** "rose from 2,000 to 3,000" states two values, not a range. */
const changeVerbs: ReadonlySet<string> = new Set([
  'rose',
  'risen',
  'rising',
  'fell',
  'fallen',
  'falling',
  'increased',
  'increasing',
  'decreased',
  'decreasing',
  'grew',
  'grown',
  'growing',
  'dropped',
  'climbed',
  'declined',
  'jumped',
  'shrank',
  'went',
  'changed',
  'revised'
])

/** Determiners after which a year-looking number before a noun is a year: "the 1956 refugees". */
const attributiveDeterminers: ReadonlySet<string> = new Set([
  'the',
  'its',
  'their',
  'his',
  'her',
  'our',
  'my',
  'your',
  'this',
  'that'
])

/** "one" is no count in "one of those moments", "no one knows", "one day". */
const oneFollowersThatAreNotCounts: ReadonlySet<string> = new Set([
  'of',
  'another',
  'day',
  'night',
  'morning',
  'evening',
  'afternoon',
  'way',
  'hand',
  'after',
  'by'
])
const onePredecessorsThatAreNotCounts: ReadonlySet<string> = new Set([
  'no',
  'any',
  'every',
  'each',
  'the',
  'this',
  'that',
  'which',
  'such',
  'only',
  'little',
  'last',
  'someone',
  'everyone'
])

/** Ages, not decades: "in their 70s". */
const possessiveDeterminers: ReadonlySet<string> = new Set(['their', 'his', 'her', 'our', 'my', 'your', 'its'])

/**
 * Function words that are never the unit noun after a number; also adverbs ending in -s
 * that would otherwise look like plural nouns.
 */
const notUnitWords: ReadonlySet<string> = new Set(
  (
    'a an the of and or but nor yet so who whom whose which that what when where while why how ' +
    'were was are is be been being had have has having did do does done will would could should ' +
    'may might must can shall in on at by for from to with without into onto out up down over ' +
    'under more less fewer than as such per each every other others those these this it its they ' +
    'them their he she his her hers we our ours you your yours i me my not no also still only just ' +
    'later earlier ago before after since until till then there here all both some many most much ' +
    'few several any again ever never already alone together across among between during through ' +
    'about around against along behind beyond within near including included plus minus always ' +
    'perhaps afterwards towards besides nevertheless thus whereas unless various previous ' +
    'alive dead killed wounded missing fled died'
  ).split(' ')
)

const irregularPlurals: ReadonlyMap<string, string> = new Map([
  ['people', 'person'],
  ['men', 'man'],
  ['women', 'woman'],
  ['children', 'child'],
  ['feet', 'foot'],
  ['teeth', 'tooth'],
  ['lives', 'life'],
  ['wives', 'wife'],
  ['knives', 'knife'],
  ['halves', 'half'],
  ['data', 'datum'],
  ['criteria', 'criterion']
])

/** Plural-looking words that are not plurals, or whose singular is irregular. */
const notPlural: ReadonlySet<string> = new Set(['news', 'series', 'species', 'means', 'politics', 'economics', 'this'])

function looksPlural(lower: string): boolean {
  if (irregularPlurals.has(lower)) return true
  if (notPlural.has(lower) || notUnitWords.has(lower)) return false
  if (lower.length < 3 || !lower.endsWith('s')) return false
  if (lower.includes("'")) return false
  return !lower.endsWith('ss') && !lower.endsWith('us') && !lower.endsWith('is')
}

/** The singular of a plural noun, lower-case: "troops" → "troop", "casualties" → "casualty". */
export function singularNoun(word: string): string {
  const lower = word.toLowerCase().replace(/\u2019/g, "'")
  const irregular = irregularPlurals.get(lower)
  if (irregular !== undefined) return irregular
  if (!looksPlural(lower)) return lower
  if (lower.endsWith('ies') && lower.length > 4) return `${lower.slice(0, -3)}y`
  for (const ending of ['ches', 'shes', 'sses', 'xes', 'zes', 'oes']) {
    if (lower.endsWith(ending)) return lower.slice(0, -2)
  }
  return lower.slice(0, -1)
}

// ---------------------------------------------------------------------------------------
// Tokens

type TokenKind = 'word' | 'number' | 'punct' | 'barrier'

interface NumberInfo {
  value: number
  /** Digits before any decimal point, separators not counted. */
  integerDigits: number
  /** Written with thousands separators: "200,000". */
  grouped: boolean
  decimal: boolean
}

interface Token extends WordSequenceToken {
  kind: TokenKind
  /** The text as written. */
  text: string
  start: number
  end: number
  /** First token of a sentence (after . ! ? or a blank line): capitals here say nothing about names. */
  sentenceStart: boolean
  number?: NumberInfo
}

const letterPattern = /[\p{L}\p{M}]/u
const spacePattern = /\s/

// What one UTF-16 code unit is to the tokenizer, looked up once per unit: testing a
// Unicode regular expression on every character was the tokenizer's largest cost.
const unknownClass = 0
const letterClass = 1
const spaceClass = 2
const otherClass = 3
const characterClasses = new Uint8Array(0x10000)
for (let code = 0; code < 128; code += 1) {
  const char = String.fromCharCode(code)
  characterClasses[code] = letterPattern.test(char) ? letterClass : spacePattern.test(char) ? spaceClass : otherClass
}

/** The class of the code unit at `index`: a letter (`\p{L}`, `\p{M}`), white space (`\s`) or other; other past either end. */
function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  // NaN outside the text, as `text[index]` is undefined there.
  if (!(code >= 0)) return otherClass
  const known = characterClasses[code] ?? unknownClass
  if (known !== unknownClass) return known
  const char = String.fromCharCode(code)
  const found = letterPattern.test(char) ? letterClass : spacePattern.test(char) ? spaceClass : otherClass
  characterClasses[code] = found
  return found
}

function isLetterAt(text: string, index: number): boolean {
  return classAt(text, index) === letterClass
}

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code >= 48 && code <= 57
}

function isAsciiLowerCaseAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code >= 97 && code <= 122
}

/**
 * The integer that the digits (and thousands commas) in [start, end) write. Summed digit
 * by digit, it is exact up to 15 digits, where it equals `Number` of the digits, without
 * the string and the regular expression.
 */
function integerValue(text: string, start: number, end: number): number {
  let value = 0
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index)
    if (code !== 44) value = value * 10 + (code - 48)
  }
  return value
}

function isSpaceAt(text: string, index: number): boolean {
  return classAt(text, index) === spaceClass
}

function isApostropheAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code === 39 || code === 0x2019
}

function isCapitalised(text: string): boolean {
  const first = text.charAt(0)
  return first !== first.toLowerCase() && first === first.toUpperCase()
}

/** Sort, clip and merge skip ranges so the tokenizer can walk them with one pointer. */
function normaliseRanges(ranges: ReadonlyArray<readonly [number, number]>, length: number): Array<[number, number]> {
  // Loops, not map/filter: most runs have one or two ranges, and this runs once per read.
  const clipped: Array<[number, number]> = []
  for (const [rangeStart, rangeEnd] of ranges) {
    const start = Math.max(0, rangeStart)
    const end = Math.min(length, rangeEnd)
    if (end > start) clipped.push([start, end])
  }
  // Ranges with the same start merge into one whatever their order: only starts need sorting.
  if (clipped.length > 1) clipped.sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const range of clipped) {
    const last = merged[merged.length - 1]
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push(range)
  }
  return merged
}

const urlTrailingPunctuation = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', "'", '"', '\u2019', '\u201d', '»'])

/** The code unit at `index` is the ASCII letter `lower` in either case (`lower` a lower-case ASCII letter's code). */
function isAsciiLetterAt(text: string, index: number, lower: number): boolean {
  return (text.charCodeAt(index) | 0x20) === lower
}

/**
 * `https://`, `http://` or `www.` at `position`, in any case. Code by code rather than
 * `slice(…).toLowerCase().startsWith(…)`: no other code unit lower-cases to one of these
 * ASCII letters (only the Kelvin sign and dotted capital I lower-case to ASCII, to k and i),
 * so the answer is the same, without a string per word that starts with h or w.
 */
function isUrlStart(text: string, position: number): boolean {
  const first = text.charCodeAt(position) | 0x20
  if (first === 0x77) {
    return isAsciiLetterAt(text, position + 1, 0x77) && isAsciiLetterAt(text, position + 2, 0x77) && text.charCodeAt(position + 3) === 0x2e
  }
  if (first !== 0x68 || !isAsciiLetterAt(text, position + 1, 0x74) || !isAsciiLetterAt(text, position + 2, 0x74) || !isAsciiLetterAt(text, position + 3, 0x70)) {
    return false
  }
  const afterHttp = isAsciiLetterAt(text, position + 4, 0x73) ? position + 5 : position + 4
  return text.charCodeAt(afterHttp) === 0x3a && text.charCodeAt(afterHttp + 1) === 0x2f && text.charCodeAt(afterHttp + 2) === 0x2f
}

function urlEnd(text: string, position: number, limit: number): number | undefined {
  // Every URL start begins with h or w: most tokens are refused here at once.
  const first = text.charCodeAt(position) | 0x20
  if (first !== 0x68 && first !== 0x77) return undefined
  if (isLetterAt(text, position - 1) || isDigitAt(text, position - 1)) return undefined
  if (!isUrlStart(text, position)) return undefined
  let end = position
  while (end < limit && !isSpaceAt(text, end) && text.charAt(end) !== '<' && text.charAt(end) !== '>') end += 1
  while (end > position && urlTrailingPunctuation.has(text.charAt(end - 1))) end -= 1
  return end
}

/** Lower-case, with typographic apostrophes made straight. */
function lowerWord(text: string): string {
  const lower = text.toLowerCase()
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower
}

function tokenize(text: string, skip: ReadonlyArray<readonly [number, number]>): Token[] {
  const ranges = skip.length === 0 ? skip : normaliseRanges(skip, text.length)
  const tokens: Token[] = []
  let rangeIndex = 0
  let position = 0
  let newlines = 0
  let sawSpace = false
  // A sentence ends at . ! ? ; quotes and brackets around the boundary change nothing.
  let afterSentenceEnd = true

  // `ownLowerCase`, when given, is the token's text, which lower-cases to itself.
  const push = (kind: TokenKind, start: number, end: number, ownLowerCase?: string): Token => {
    const tokenText = ownLowerCase ?? text.slice(start, end)
    const lower = ownLowerCase ?? lowerWord(tokenText)
    const token: Token = {
      kind,
      text: tokenText,
      lower,
      start,
      end,
      glued: tokens.length > 0 && !sawSpace,
      // A blank line before the token starts a sentence too.
      sentenceStart: afterSentenceEnd || newlines >= 2,
      // Every token has the field, so all tokens share one shape for the reader's lookups.
      number: undefined
    }
    if (kind !== 'punct') afterSentenceEnd = false
    else if (!quotesAndBrackets.has(lower)) afterSentenceEnd = sentenceEnds.has(lower)
    tokens.push(token)
    sawSpace = false
    newlines = 0
    return token
  }

  while (position < text.length) {
    const range = ranges[rangeIndex]
    if (range !== undefined && position >= range[0]) {
      push('barrier', range[0], range[1])
      position = Math.max(position, range[1])
      rangeIndex += 1
      continue
    }
    const limit = range === undefined ? text.length : range[0]
    const characterClass = classAt(text, position)

    if (characterClass === spaceClass) {
      // The whole run of white space up to the next skipped range, in one loop.
      do {
        if (text.charCodeAt(position) === 10) newlines += 1
        position += 1
      } while (position < limit && isSpaceAt(text, position))
      sawSpace = true
      continue
    }

    const url = urlEnd(text, position, limit)
    if (url !== undefined) {
      push('barrier', position, url)
      position = url
      continue
    }

    if (characterClass === letterClass) {
      // Lower-case ASCII letters and straight apostrophes are their own lower case, and
      // most words are only those: they need no call to `toLowerCase`.
      let ownLowerCase = isAsciiLowerCaseAt(text, position)
      let end = position + 1
      while (end < limit) {
        const code = text.charCodeAt(end)
        if (code >= 97 && code <= 122) end += 1
        else if (isLetterAt(text, end)) {
          ownLowerCase = false
          end += 1
        } else if (isApostropheAt(text, end) && end + 1 < limit && isLetterAt(text, end + 1)) {
          if (code !== 39 || !isAsciiLowerCaseAt(text, end + 1)) ownLowerCase = false
          end += 2
        } else break
      }
      push('word', position, end, ownLowerCase ? text.slice(position, end) : undefined)
      position = end
      continue
    }

    if (isDigitAt(text, position)) {
      let end = position
      while (end < limit && isDigitAt(text, end)) end += 1
      const integerDigits = end - position
      let grouped = false
      if (integerDigits <= 3) {
        // "200,000": a comma followed by exactly three digits continues the number.
        while (
          end + 3 < limit &&
          text.charCodeAt(end) === 44 &&
          isDigitAt(text, end + 1) &&
          isDigitAt(text, end + 2) &&
          isDigitAt(text, end + 3) &&
          !(end + 4 < limit && isDigitAt(text, end + 4))
        ) {
          end += 4
          grouped = true
        }
      }
      let groupedIntegerDigits = integerDigits
      if (grouped) groupedIntegerDigits += ((end - position - integerDigits) / 4) * 3
      let decimal = false
      if (text.charCodeAt(end) === 46 && end + 1 < limit && isDigitAt(text, end + 1)) {
        decimal = true
        end += 1
        while (end < limit && isDigitAt(text, end)) end += 1
      }
      const raw = text.slice(position, end)
      // Digits, commas and a point have no case: the text is its own lower case.
      const token = push('number', position, end, raw)
      token.number = {
        value: decimal || groupedIntegerDigits > 15 ? Number(grouped ? raw.replace(/,/g, '') : raw) : integerValue(text, position, end),
        integerDigits: groupedIntegerDigits,
        grouped,
        decimal
      }
      position = end
      continue
    }

    const codePoint = text.codePointAt(position) ?? 0
    const width = codePoint > 0xffff ? 2 : 1
    // ASCII punctuation has no case and no typographic apostrophe: it is its own lower case.
    push('punct', position, position + width, codePoint < 128 ? text.charAt(position) : undefined)
    position += width
  }

  return tokens
}

// ---------------------------------------------------------------------------------------
// Cores: the value words of one figure, before its qualifier is known

interface Core {
  /** First and last token of the figure's words (unit glued or percent word included). */
  first: number
  last: number
  /** First and last token of the number or date words alone. */
  valueFirst: number
  valueLast: number
  kind: 'number' | 'percent' | 'date'
  value: ReadValue | {min: ReadValue; max: ReadValue}
  isRange: boolean
  unit?: string
  /** The multiplier of a scale word ("million"), so "2–3 million" can share it. */
  scale?: number
  /** The number before its scale word. */
  mantissa?: number
  /** A bare integer in digits with no separator, decimal, scale or unit. */
  plain?: number
  plainDigits?: number
  /** A bare integer that may be a year (1000–2100), still to be decided. */
  yearLike: boolean
  date?: DateParts
  postfix?: {qualifier: Qualifier; last: number}
}

type Attempt = {type: 'core'; core: Core} | {type: 'skip'; next: number} | undefined

class FigureReader {
  private readonly figures: ReadFigure[] = []
  /** No qualifier or range word may be taken from before this token: it belongs to an earlier figure. */
  private floor = 0
  /** The century of the last year read, for "the 1960s and 70s". */
  private century = 1900
  /** Reading the second number of a range: what is glued on its left is the range's dash. */
  private readingRangeEnd = false

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[]
  ) {}

  readAll(): ReadFigure[] {
    let index = 0
    while (index < this.tokens.length) {
      const next = this.readAt(index)
      if (next === undefined) {
        index += 1
      } else {
        index = next
        this.floor = next
      }
    }
    return this.figures
  }

  // --- token helpers ---

  private at(index: number): Token | undefined {
    return this.tokens[index]
  }

  private word(index: number): string | undefined {
    const token = this.tokens[index]
    return token?.kind === 'word' ? token.lower : undefined
  }

  /** A word with whitespace before it. */
  private spacedWord(index: number): string | undefined {
    const token = this.tokens[index]
    return token !== undefined && !token.glued ? this.word(index) : undefined
  }

  private isPunct(index: number, marks: ReadonlySet<string> | string): boolean {
    const token = this.tokens[index]
    if (token?.kind !== 'punct') return false
    return typeof marks === 'string' ? token.lower === marks : marks.has(token.lower)
  }

  private glued(index: number): boolean {
    return this.tokens[index]?.glued === true
  }

  /** A lower-case plural noun right there, apart from the token before: "troops", "people". */
  private pluralNounAt(index: number): boolean {
    const token = this.tokens[index]
    return token?.kind === 'word' && !token.glued && !isCapitalised(token.text) && looksPlural(token.lower)
  }

  /** A number token written as a bare integer: no separator, no decimals. */
  private plainInteger(index: number): NumberInfo | undefined {
    const info = this.tokens[index]?.number
    return info !== undefined && !info.grouped && !info.decimal ? info : undefined
  }

  /** Nothing glued after the token that would make it part of a code, unit or decade. */
  private endsCleanly(index: number): boolean {
    const next = this.tokens[index + 1]
    if (next === undefined || !next.glued) return true
    if (next.kind === 'word' || next.kind === 'number' || next.kind === 'barrier') return false
    if (next.lower === '%' || next.lower === '/' || next.lower === '+' || dashes.has(next.lower)) return false
    if (next.lower === ':' && this.tokens[index + 2]?.kind === 'number' && this.glued(index + 2)) return false
    if (apostrophes.has(next.lower) && this.word(index + 2) === 's' && this.glued(index + 2)) return false
    return true
  }

  /** A year in digits at `index`, apart from the token before it. */
  private yearAt(index: number): number | undefined {
    const token = this.tokens[index]
    const info = this.plainInteger(index)
    if (token === undefined || token.glued || info === undefined || info.integerDigits !== 4) return undefined
    if (!isYearNumber(info.value) || !this.endsCleanly(index)) return undefined
    return info.value
  }

  /** A day of the month in digits (1–31) at `index`, with an optional ordinal suffix; returns the last token. */
  private dayAt(index: number): {day: number; last: number} | undefined {
    const info = this.plainInteger(index)
    if (info === undefined || info.integerDigits > 2 || info.value < 1 || info.value > 31) return undefined
    const suffix = this.word(index + 1)
    if (suffix !== undefined && this.glued(index + 1)) {
      return ordinalSuffixes.has(suffix) ? {day: info.value, last: index + 1} : undefined
    }
    return {day: info.value, last: index}
  }

  private monthAt(index: number): {month: number; last: number} | undefined {
    const token = this.tokens[index]
    if (token?.kind !== 'word') return undefined
    const month = monthOf(token.text)
    if (month === undefined) return undefined
    const last = isMonthAbbreviation(token.text) && this.isPunct(index + 1, '.') && this.glued(index + 1) ? index + 1 : index
    return {month, last}
  }

  // --- the figure at one token ---

  /** Read the figure that starts at `index`; returns the token to go on from, or undefined when none starts there. */
  private readAt(index: number): number | undefined {
    const token = this.tokens[index]
    if (token === undefined || token.kind === 'barrier' || token.kind === 'punct') return undefined
    if (token.kind === 'word' && !canStartFigure(token.lower)) return undefined

    const skipped = this.skipReference(index)
    if (skipped !== undefined) return skipped

    const date = this.matchDate(index)
    const attempt: Attempt = date !== undefined ? {type: 'core', core: date} : this.matchQuantity(index)
    if (attempt === undefined) return undefined
    if (attempt.type === 'skip') return attempt.next
    return this.finish(attempt.core)
  }

  /** ISBNs, "p. 178", "chapter 3", "No. 5": digits that refer, not state. */
  private skipReference(index: number): number | undefined {
    const word = this.word(index)
    if (word === undefined) return undefined
    let cursor = index + 1
    if (word === 'isbn') {
      while (this.isPunct(cursor, ':') || this.word(cursor) === 'x' || this.at(cursor)?.kind === 'number' || this.isPunct(cursor, dashes)) {
        cursor += 1
      }
      return cursor
    }
    if (locatorAbbreviations.has(word) && this.isPunct(cursor, '.') && this.glued(cursor)) cursor += 1
    else if (!locatorWords.has(word)) return undefined
    if (this.at(cursor)?.kind !== 'number' || this.glued(cursor)) return undefined
    cursor += 1
    // "pp. 12–14", "p. 178f."
    while (this.isPunct(cursor, dashes) && this.glued(cursor) && this.at(cursor + 1)?.kind === 'number') cursor += 2
    return cursor
  }

  // --- dates ---

  private matchDate(index: number): Core | undefined {
    return (
      this.matchMonthFirst(index, true) ??
      this.matchDayFirst(index) ??
      this.matchModifiedDate(index) ??
      this.matchSeason(index) ??
      this.matchDecade(index, 'whole') ??
      this.matchIsoDate(index)
    )
  }

  private dateCore(first: number, last: number, parts: DateParts, valueFirst = first): Core | undefined {
    const value = formatDate(parts)
    if (value === undefined) return undefined
    if (parts.year !== undefined) this.century = Math.floor(parts.year / 100) * 100
    return {first, last, valueFirst, valueLast: last, kind: 'date', value, isRange: false, yearLike: false, date: parts}
  }

  /** "October 23, 1956", "October 23", "October 23–24, 1956", "October 1956", "October of 1956", "October–November 1956". */
  private matchMonthFirst(index: number, allowDay: boolean): Core | undefined {
    const month = this.monthAt(index)
    if (month === undefined) return undefined
    const next = month.last + 1

    if (this.isPunct(next, dashes) && this.glued(next) && this.glued(next + 1)) {
      const secondMonth = this.monthAt(next + 1)
      const year = secondMonth === undefined ? undefined : this.yearAt(secondMonth.last + 1)
      if (secondMonth === undefined || year === undefined) return undefined
      return this.dateRangeCore(index, secondMonth.last + 1, {year, month: month.month}, {year, month: secondMonth.month})
    }
    if (this.glued(next)) return undefined

    const day = allowDay ? this.dayAt(next) : undefined
    if (day !== undefined) {
      let last = day.last
      let secondDay: number | undefined
      if (this.isPunct(last + 1, dashes) && this.glued(last + 1) && this.glued(last + 2)) {
        const second = this.dayAt(last + 2)
        if (second !== undefined && second.day > day.day) {
          secondDay = second.day
          last = second.last
        }
      }
      let year: number | undefined
      const yearIndex = this.isPunct(last + 1, ',') && this.glued(last + 1) ? last + 2 : last + 1
      year = this.yearAt(yearIndex)
      if (year !== undefined) last = yearIndex
      else if (!this.endsCleanly(last)) return undefined
      // "In October 23 people died": a count after the month, not a day.
      else if (secondDay === undefined && last === day.last && day.last === next && this.pluralNounAt(last + 1)) return undefined
      if (!isValidDay(day.day, month.month, year)) return undefined
      if (secondDay !== undefined) {
        if (!isValidDay(secondDay, month.month, year)) return undefined
        return this.dateRangeCore(index, last, {year, month: month.month, day: day.day}, {year, month: month.month, day: secondDay})
      }
      return this.dateCore(index, last, {year, month: month.month, day: day.day})
    }

    const year = this.yearAt(next)
    if (year !== undefined) return this.dateCore(index, next, {year, month: month.month})
    if (this.spacedWord(next) === 'of') {
      const yearAfterOf = this.yearAt(next + 1)
      if (yearAfterOf !== undefined) return this.dateCore(index, next + 1, {year: yearAfterOf, month: month.month})
    }
    return undefined
  }

  /** "23 October 1956", "4 November", "23rd of October 1956". */
  private matchDayFirst(index: number): Core | undefined {
    if (this.blockedOnTheLeft(index)) return undefined
    const day = this.dayAt(index)
    if (day === undefined) return undefined
    let monthIndex = day.last + 1
    if (day.last > index && this.spacedWord(monthIndex) === 'of') monthIndex += 1
    if (this.at(monthIndex)?.glued !== false) return undefined
    const month = this.monthAt(monthIndex)
    if (month === undefined) return undefined
    let last = month.last
    const yearIndex = this.isPunct(last + 1, ',') && this.glued(last + 1) ? last + 2 : last + 1
    const year = this.yearAt(yearIndex)
    if (year !== undefined) last = yearIndex
    if (!isValidDay(day.day, month.month, year)) return undefined
    return this.dateCore(index, last, {year, month: month.month, day: day.day})
  }

  /** "early 1957", "mid-1956", "late October 1956", "the late 1980s" (the "the" is not part of the figure). */
  private matchModifiedDate(index: number): Core | undefined {
    const modifier = this.word(index)
    if (modifier !== 'early' && modifier !== 'mid' && modifier !== 'late') return undefined
    let target = index + 1
    if (isHyphenLink(this.tokens, target)) target += 1
    else if (this.at(target)?.glued !== false) return undefined

    const decade = this.matchDecade(target, modifier)
    if (decade !== undefined) return {...decade, first: index}
    const monthDate = this.matchMonthFirst(target, false)
    if (monthDate?.date?.year !== undefined) return {...monthDate, first: index}
    const year = this.yearAt(target) ?? (isHyphenLink(this.tokens, index + 1) ? this.gluedYearAt(target) : undefined)
    if (year !== undefined) return this.dateCore(index, target, {year}, target)
    return undefined
  }

  /** A year glued after a hyphen ("mid-1956"), which `yearAt` refuses because it is glued. */
  private gluedYearAt(index: number): number | undefined {
    const info = this.plainInteger(index)
    if (info === undefined || info.integerDigits !== 4 || !isYearNumber(info.value) || !this.endsCleanly(index)) return undefined
    return info.value
  }

  /** "autumn of 1956", "the spring 1957" (the season stands for its year). */
  private matchSeason(index: number): Core | undefined {
    const season = this.word(index)
    if (season === undefined || !seasonWords.has(season)) return undefined
    const yearIndex = this.spacedWord(index + 1) === 'of' ? index + 2 : index + 1
    const year = this.yearAt(yearIndex)
    if (year === undefined) return undefined
    return this.dateCore(index, yearIndex, {year}, index)
  }

  /** "1960s", "1950's", "70s" and "'70s" (century from the last year read). */
  private matchDecade(index: number, part: DecadePart): Core | undefined {
    const info = this.plainInteger(index)
    if (info === undefined || info.value % 10 !== 0) return undefined
    let suffix = index + 1
    if (this.isPunct(suffix, apostrophes) && this.glued(suffix)) suffix += 1
    if (this.word(suffix) !== 's' || !this.glued(suffix) || !this.endsCleanly(suffix)) return undefined

    let first = index
    let decadeStart: number
    if (info.integerDigits === 4 && isYearNumber(info.value)) {
      decadeStart = info.value
    } else if (info.integerDigits === 2) {
      if (this.isPunct(index - 1, apostrophes) && this.glued(index) && index - 1 >= this.floor) first = index - 1
      // "in their 70s" is an age.
      if (possessiveDeterminers.has(this.spacedWord(first - 1) ?? '')) return undefined
      decadeStart = this.century + info.value
    } else {
      return undefined
    }
    if (part === 'whole' && this.blockedOnTheLeft(first)) return undefined
    this.century = Math.floor(decadeStart / 100) * 100
    return {
      first,
      last: suffix,
      valueFirst: first,
      valueLast: suffix,
      kind: 'date',
      value: decadeRange(decadeStart, part),
      isRange: true,
      yearLike: false
    }
  }

  /** "1956-10-23" in prose. */
  private matchIsoDate(index: number): Core | undefined {
    const year = this.plainInteger(index)
    if (year === undefined || year.integerDigits !== 4 || !isYearNumber(year.value)) return undefined
    if (!isHyphenLink(this.tokens, index + 1) || !isHyphenLink(this.tokens, index + 3)) return undefined
    const month = this.plainInteger(index + 2)
    const day = this.plainInteger(index + 4)
    if (month === undefined || day === undefined || month.integerDigits !== 2 || day.integerDigits !== 2) return undefined
    if (month.value < 1 || month.value > 12 || !isValidDay(day.value, month.value, year.value)) return undefined
    if (!this.endsCleanly(index + 4)) return undefined
    return this.dateCore(index, index + 4, {year: year.value, month: month.value, day: day.value})
  }

  private dateRangeCore(first: number, last: number, from: DateParts, to: DateParts): Core | undefined {
    const min = formatDate(from)
    const max = formatDate(to)
    if (min === undefined || max === undefined) return undefined
    if ((compareDates(min, max) ?? 0) >= 0) return undefined
    const year = to.year ?? from.year
    if (year !== undefined) this.century = Math.floor(year / 100) * 100
    return {first, last, valueFirst: first, valueLast: last, kind: 'date', value: {min, max}, isRange: true, yearLike: false}
  }

  // --- numbers ---

  /**
   * Digits glued to letters, slashes or a hyphenated word on their left are part of a
   * code or name: "A/3592", "T-34", "MiG-15".
   */
  private blockedOnTheLeft(index: number): boolean {
    const token = this.tokens[index]
    const previous = this.tokens[index - 1]
    if (this.readingRangeEnd || token === undefined || previous === undefined || !token.glued) return false
    if (previous.kind === 'word' || previous.kind === 'number' || previous.kind === 'barrier') return true
    if (previous.lower === '/' || previous.lower === '\\' || previous.lower === '#' || previous.lower === '.') return true
    if (hyphens.has(previous.lower) || previous.lower === '\u2013') {
      const beforeHyphen = this.tokens[index - 2]
      return beforeHyphen !== undefined && previous.glued && beforeHyphen.kind !== 'punct'
    }
    return false
  }

  /** Skip a run of glued tokens (a code such as "3592b" or "19th-century"). */
  private skipGlued(index: number): number {
    let cursor = index + 1
    while (this.glued(cursor) && this.at(cursor)?.kind !== 'barrier') {
      const token = this.tokens[cursor]
      if (token?.kind === 'punct' && (sentenceEnds.has(token.lower) || token.lower === ',' || closingMarks.has(token.lower))) break
      cursor += 1
    }
    return cursor
  }

  private matchQuantity(index: number): Attempt {
    const token = this.tokens[index]
    if (token?.kind === 'number') return this.matchDigits(index)
    if (token?.kind === 'word') return this.matchWords(index)
    return undefined
  }

  private matchDigits(index: number): Attempt {
    const token = this.tokens[index]
    const info = token?.number
    if (token === undefined || info === undefined) return undefined
    if (this.blockedOnTheLeft(index)) return {type: 'skip', next: this.skipGlued(index)}

    const plain = !info.grouped && !info.decimal
    const yearShaped = plain && info.integerDigits === 4 && isYearNumber(info.value)

    // "Charter 77", "Route 66": a small bare number right after a capitalised word in
    // mid-sentence names something. Years, grouped numbers and counts of a plural noun
    // ("in Budapest 200 people") are still read.
    const previous = this.tokens[index - 1]
    if (
      plain &&
      !yearShaped &&
      !this.readingRangeEnd &&
      !this.pluralNounAt(index + 1) &&
      previous?.kind === 'word' &&
      !token.glued &&
      !previous.sentenceStart &&
      isCapitalised(previous.text) &&
      !previous.lower.endsWith("'s") &&
      monthOf(previous.text) === undefined
    ) {
      return {type: 'skip', next: this.skipGlued(index)}
    }

    // "978-0-691-13282-2" and other codes: three or more numbers joined by hyphens.
    if (isHyphenLink(this.tokens, index + 1) && this.at(index + 2)?.kind === 'number' && isHyphenLink(this.tokens, index + 3)) {
      return {type: 'skip', next: this.skipGlued(index)}
    }

    let last = index
    let unit: string | undefined
    let kind: 'number' | 'percent' = 'number'
    let postfix: Core['postfix']
    let first = index

    const currency = this.tokens[index - 1]
    if (currency?.kind === 'punct' && token.glued && currencySymbols.has(currency.lower) && index - 1 >= this.floor) {
      unit = currencySymbols.get(currency.lower)
      first = index - 1
    }

    // What is glued on the right.
    const next = this.tokens[index + 1]
    if (next !== undefined && next.glued) {
      if (next.kind === 'word') {
        const abbreviation = gluedUnitAbbreviations.get(next.lower)
        if (abbreviation === undefined || !this.endsCleanly(index + 1)) return {type: 'skip', next: this.skipGlued(index)}
        unit = abbreviation
        last = index + 1
      } else if (next.lower === '/' || next.lower === '\\') {
        return {type: 'skip', next: this.skipGlued(index)}
      } else if (next.lower === '.' && this.at(index + 2)?.kind === 'number' && this.glued(index + 2)) {
        // "3.5.1", "1956.10.23": a version or section number.
        return {type: 'skip', next: this.skipGlued(index)}
      } else if (next.lower === ':' && this.at(index + 2)?.kind === 'number' && this.glued(index + 2)) {
        // "10:30": a time of day.
        return {type: 'skip', next: this.skipTimeSuffix(index + 2)}
      } else if (apostrophes.has(next.lower) && this.word(index + 2) === 's' && this.glued(index + 2)) {
        // "1956's": a possessive year (decades were tried before).
        if (!yearShaped) return {type: 'skip', next: this.skipGlued(index)}
      }
    }

    const timeEnd = this.timeSuffixEnd(index, info)
    if (timeEnd !== undefined) return {type: 'skip', next: timeEnd}

    let value = info.value
    let scale: number | undefined
    let valueLast = index
    const scaleWord = this.spacedWord(last + 1)
    const scaleOfWord = scaleWord === undefined ? undefined : scaleOf(scaleWord)
    if (last === index && scaleOfWord !== undefined) {
      scale = scaleOfWord
      // Through the decimal string, so "1.2 million" is 1200000 and not 1199999.9999999998.
      value = Number(`${info.value}e${Math.log10(scale)}`)
      last += 1
      valueLast = last
    } else if (last === index && scaleWord === 'dozen') {
      value = info.value * 12
      last += 1
      valueLast = last
    }

    const afterNumber = this.afterNumber(last, unit)
    if (afterNumber === 'not-a-figure') return {type: 'skip', next: this.skipGlued(index)}
    last = afterNumber.last
    unit = afterNumber.unit ?? unit
    if (afterNumber.percent) kind = 'percent'
    postfix = afterNumber.postfix

    const isPlain = plain && last === index && first === index
    const core: Core = {
      first,
      last,
      valueFirst: index,
      valueLast,
      kind,
      value,
      isRange: false,
      yearLike: isPlain && yearShaped && postfix === undefined,
      mantissa: info.value
    }
    if (unit !== undefined) core.unit = unit
    if (scale !== undefined) core.scale = scale
    if (isPlain) {
      core.plain = info.value
      core.plainDigits = info.integerDigits
    }
    if (postfix !== undefined) core.postfix = postfix
    return {type: 'core', core}
  }

  /** The end of "10 p.m.", "10 pm", "10 o'clock" after a number, or undefined. */
  private timeSuffixEnd(index: number, info: NumberInfo): number | undefined {
    if (info.grouped || info.value > 24) return undefined
    return this.timeSuffixAfter(index)
  }

  private timeSuffixAfter(index: number): number | undefined {
    const word = this.spacedWord(index + 1)
    if (word === 'am' || word === 'pm' || word === "o'clock") return index + 2
    if ((word === 'a' || word === 'p') && this.isPunct(index + 2, '.') && this.word(index + 3) === 'm' && this.glued(index + 3)) {
      return this.isPunct(index + 4, '.') && this.glued(index + 4) ? index + 5 : index + 4
    }
    return undefined
  }

  private skipTimeSuffix(minuteIndex: number): number {
    return this.timeSuffixAfter(minuteIndex) ?? minuteIndex + 1
  }

  /**
   * What follows the number words or digits and belongs to the figure: a percent sign or
   * word, a hyphenated unit ("24-foot"), a glued "+", a postfix qualifier ("or more").
   */
  private afterNumber(
    last: number,
    unit: string | undefined
  ): {last: number; unit?: string; percent: boolean; postfix?: Core['postfix']} | 'not-a-figure' {
    let cursor = last
    let percent = false
    let postfix: Core['postfix']
    let foundUnit = unit

    if (this.isPunct(cursor + 1, '%') && this.glued(cursor + 1)) {
      percent = true
      cursor += 1
    } else if (percentWords.has(this.spacedWord(cursor + 1) ?? '')) {
      percent = true
      cursor += 1
    } else if (this.spacedWord(cursor + 1) === 'per' && this.spacedWord(cursor + 2) === 'cent') {
      percent = true
      cursor += 2
    } else if (isHyphenLink(this.tokens, cursor + 1) && this.at(cursor + 2)?.kind === 'word') {
      const hyphenated = this.word(cursor + 2) ?? ''
      if (ordinalWords.has(hyphenated)) return 'not-a-figure'
      if (isNumberWord(hyphenated)) return {last: cursor, percent: false}
      if (hyphenated === 'odd') postfix = {qualifier: 'approx', last: cursor + 2}
      else if (hyphenated === 'plus') postfix = {qualifier: 'at-least', last: cursor + 2}
      else if (!hyphenatedNonUnits.has(hyphenated)) foundUnit = singularNoun(hyphenated)
      cursor += 2
      // "24-year-old": the rest of the compound belongs to the words too.
      while (isHyphenLink(this.tokens, cursor + 1) && this.at(cursor + 2)?.kind === 'word') cursor += 2
    } else if (this.isPunct(cursor + 1, '+') && this.glued(cursor + 1)) {
      postfix = {qualifier: 'at-least', last: cursor + 1}
      cursor += 1
    }

    if (postfix === undefined) {
      const phrase = `${this.spacedWord(cursor + 1) ?? ''} ${this.spacedWord(cursor + 2) ?? ''}`
      const qualifier = postfixQualifierPhrases.get(phrase)
      if (qualifier !== undefined) postfix = {qualifier, last: cursor + 2}
    }

    const result: {last: number; unit?: string; percent: boolean; postfix?: Core['postfix']} = {last: cursor, percent}
    if (foundUnit !== undefined) result.unit = foundUnit
    if (postfix !== undefined) result.postfix = postfix
    return result
  }

  private matchWords(index: number): Attempt {
    const token = this.tokens[index]
    if (token === undefined) return undefined
    const fraction = parseFraction(this.tokens, index)
    const match = fraction === undefined ? parseNumberWords(this.tokens, index) : {value: fraction.value, last: fraction.last}
    if (match === undefined) return undefined
    const skipWords = {type: 'skip', next: match.last + 1} as const

    // "the Twelve Days", "Two Thousand Words": capitals in mid-sentence make a name.
    if (isCapitalised(token.text) && !token.sentenceStart) return skipWords
    // "no-one", "ex-one": a number word glued into a compound it does not start.
    if (token.glued && this.isPunct(index - 1, hyphens) && this.glued(index - 1) && this.at(index - 2)?.kind === 'word') {
      return skipWords
    }
    if (isHyphenLink(this.tokens, match.last + 1) && ordinalWords.has(this.word(match.last + 2) ?? '')) {
      return {type: 'skip', next: match.last + 3}
    }

    const single = 'singleWord' in match ? match.singleWord : undefined
    if (single === 'one') {
      const before = this.word(index - 1)
      const after = this.spacedWord(index + 1)
      if (
        (after !== undefined && oneFollowersThatAreNotCounts.has(after)) ||
        (before !== undefined && onePredecessorsThatAreNotCounts.has(before))
      ) {
        return skipWords
      }
    }
    if (single === 'half') {
      const before = this.word(index - 1)
      if (isHyphenLink(this.tokens, index + 1)) return {type: 'skip', next: index + 3}
      if (before === 'first' || before === 'second' || before === 'latter' || before === 'former') return skipWords
    }

    const afterNumber = this.afterNumber(match.last, undefined)
    if (afterNumber === 'not-a-figure') return {type: 'skip', next: this.skipGlued(match.last)}
    const core: Core = {
      first: index,
      last: afterNumber.last,
      valueFirst: index,
      valueLast: match.last,
      kind: afterNumber.percent ? 'percent' : 'number',
      value: match.value,
      isRange: false,
      yearLike: false,
      mantissa: match.value
    }
    if (afterNumber.unit !== undefined) core.unit = afterNumber.unit
    if (afterNumber.postfix !== undefined) core.postfix = afterNumber.postfix
    // "two to three thousand": the scale word can be shared with the first number of a range.
    const scale = scaleOf(this.word(match.last) ?? '')
    if (scale !== undefined && fraction === undefined) {
      core.scale = scale
      core.mantissa = match.value / scale
    }
    return {type: 'core', core}
  }

  // --- ranges, years, qualifiers, units ---

  /** Complete a core into a figure: join a range, decide year or count, find qualifier and unit. */
  private finish(left: Core): number {
    const marker = this.word(left.first - 1)
    const markerIndex = left.first - 1 >= this.floor ? left.first - 1 : undefined
    const between = marker === 'between' && markerIndex !== undefined
    const from = marker === 'from' && markerIndex !== undefined
    // "rose from 2,000 to 3,000" states two values, a before and an after.
    const change = from && changeVerbs.has(this.word(left.first - 2) ?? '')

    const range = left.postfix === undefined && !left.isRange && !change ? this.joinRange(left, between) : undefined
    if (range !== undefined) {
      return this.emit(range, between || from ? markerIndex : undefined, 'range')
    }

    let core = left
    if (core.yearLike) core = this.decideYear(core)
    if (core.isRange) return this.emit(core, undefined, 'range')

    const table = core.kind === 'date' ? dateQualifierPhrases : countQualifierPhrases
    const prefix = this.qualifierBefore(core.first, table, core.kind === 'date')
    if (prefix !== undefined) return this.emit(core, prefix.start, prefix.qualifier)
    if (core.postfix !== undefined) {
      return this.emit({...core, last: core.postfix.last}, undefined, core.postfix.qualifier)
    }
    return this.emit(core, undefined, 'exact')
  }

  /** A bare year-shaped number: a count when the words around say so, else a year. */
  private decideYear(core: Core): Core {
    if (this.yearIsCount(core, core.last)) return {...core, yearLike: false}
    const year = core.plain ?? 0
    return this.dateCore(core.first, core.last, {year}) ?? core
  }

  /**
   * "2000 troops" and "more than 1500" are counts; "in 1956", "1956 Institute" and
   * "the 1956 refugees" are years. The heuristic: a count-only qualifier before, or a
   * lower-case plural noun right after (unless a determiner stands before the number).
   */
  private yearIsCount(core: Core, lastOfRange: number): boolean {
    const qualifier = this.qualifierBefore(core.first, countQualifierPhrases, false)
    if (qualifier !== undefined && !yearFriendlyQualifierPhrases.has(qualifier.phrase)) return true
    if (!this.pluralNounAt(lastOfRange + 1)) return false
    const before = this.tokens[core.first - 1]
    const attributive =
      before?.kind === 'word' && (attributiveDeterminers.has(before.lower) || before.lower.endsWith("'s"))
    return !attributive
  }

  private joinRange(left: Core, between: boolean): Core | undefined {
    const joiner = left.last + 1
    let rightIndex: number
    let dashJoined = false
    if (this.isPunct(joiner, dashes) && this.glued(joiner) && this.glued(joiner + 1)) {
      rightIndex = joiner + 1
      dashJoined = true
    } else if (!between && this.spacedWord(joiner) === 'to' && this.at(joiner + 1)?.glued === false) {
      rightIndex = joiner + 1
    } else if (between && this.spacedWord(joiner) === 'and' && this.at(joiner + 1)?.glued === false) {
      rightIndex = joiner + 1
    } else {
      return undefined
    }

    const century = this.century
    this.readingRangeEnd = true
    const rightDate = this.matchDate(rightIndex)
    const rightAttempt: Attempt = rightDate !== undefined ? {type: 'core', core: rightDate} : this.matchQuantity(rightIndex)
    this.readingRangeEnd = false
    if (rightAttempt?.type !== 'core') {
      this.century = century
      return undefined
    }
    const right = rightAttempt.core
    const joined = this.combineRange(left, right, dashJoined)
    if (joined === undefined) this.century = century
    return joined
  }

  private combineRange(left: Core, right: Core, dashJoined: boolean): Core | undefined {
    if (left.isRange || right.isRange || right.postfix !== undefined) return undefined
    const shortYear = dashJoined && left.yearLike && right.plain !== undefined && right.plainDigits === 2
    const bothYears = left.yearLike && right.yearLike
    const datesJoined =
      left.kind === 'date' ||
      right.kind === 'date' ||
      ((bothYears || shortYear) && !this.yearIsCount(left, right.last))

    const span = {first: left.first, last: right.last, valueFirst: left.valueFirst, valueLast: right.valueLast}
    if (datesJoined) {
      const to: DateParts | undefined = right.date ?? (right.yearLike ? {year: right.plain ?? 0} : undefined)
      let from: DateParts | undefined = left.date
      if (from === undefined && left.yearLike) from = {year: left.plain ?? 0}
      else if (from === undefined && left.plain !== undefined && to?.day !== undefined && to.month !== undefined) {
        from = {day: left.plain, month: to.month}
        if (to.year !== undefined) from.year = to.year
        if (!isValidDay(left.plain, to.month, to.year)) return undefined
      }
      let end = to
      if (end === undefined && shortYear && from?.year !== undefined) {
        end = {year: Math.floor(from.year / 100) * 100 + (right.plain ?? 0)}
      }
      if (from === undefined || end === undefined) return undefined
      if (from.year === undefined && end.year !== undefined && from.month !== undefined) from = {...from, year: end.year}
      const core = this.dateRangeCore(span.first, span.last, from, end)
      if (core === undefined) return undefined
      // `dateRangeCore` made the core just now: set the span on it rather than copy it (spreads were slow here).
      core.first = span.first
      core.last = span.last
      core.valueFirst = span.valueFirst
      core.valueLast = span.valueLast
      return core
    }

    if (typeof left.value !== 'number' || typeof right.value !== 'number') return undefined
    let min = left.value
    const max = right.value
    // "2–3 million": the scale word of the second number is the first's too.
    if (left.scale === undefined && right.scale !== undefined && right.mantissa !== undefined && left.value < right.mantissa) {
      min = Number(`${left.value}e${Math.log10(right.scale)}`)
    }
    if (!(min < max)) return undefined
    const kind = left.kind === 'percent' || right.kind === 'percent' ? 'percent' : 'number'
    const core: Core = {
      first: span.first,
      last: span.last,
      valueFirst: span.valueFirst,
      valueLast: span.valueLast,
      kind,
      value: {min, max},
      isRange: true,
      yearLike: false
    }
    const unit = right.unit ?? left.unit
    if (unit !== undefined) core.unit = unit
    return core
  }

  /**
   * The qualifier phrase that ends right before token `first`, longest first
   * ("no more than" before "more than"). Dates may have "the" in between: "by the autumn of 1956".
   */
  private qualifierBefore(
    first: number,
    table: ReadonlyMap<string, Qualifier>,
    allowArticle: boolean
  ): {qualifier: Qualifier; start: number; phrase: string} | undefined {
    const found = this.qualifierEndingAt(first, table)
    if (found !== undefined || !allowArticle || this.word(first - 1) !== 'the') return found
    return this.qualifierEndingAt(first - 1, table)
  }

  private qualifierEndingAt(
    end: number,
    table: ReadonlyMap<string, Qualifier>
  ): {qualifier: Qualifier; start: number; phrase: string} | undefined {
    const longest = Math.min(longestQualifierPhrase, end - this.floor)
    const lastToken = this.tokens[end - 1]
    if (longest < 1 || lastToken === undefined || !qualifierLastTokens.has(lastToken.lower)) return undefined
    for (let length = longest; length >= 1; length -= 1) {
      // A phrase whose first token starts no qualifier is not built.
      if (!qualifierFirstTokens.has(this.tokens[end - length]?.lower ?? '')) continue
      const phrase = this.phrase(end - length, end)
      if (phrase === undefined) continue
      const qualifier = table.get(phrase)
      if (qualifier !== undefined) return {qualifier, start: end - length, phrase}
    }
    return undefined
  }

  /** Tokens [from, to) as a lower-case phrase ("no more than", "c."), or undefined if they cannot be one. */
  private phrase(from: number, to: number): string | undefined {
    let phrase = ''
    for (let index = from; index < to; index += 1) {
      const token = this.tokens[index]
      if (token === undefined) return undefined
      if (token.kind === 'word') phrase += phrase === '' ? token.lower : ` ${token.lower}`
      else if (token.kind === 'punct' && token.lower === '.' && token.glued && index > from) phrase += '.'
      else if (token.kind === 'punct' && token.lower === '~') phrase += phrase === '' ? '~' : ' ~'
      else return undefined
    }
    return phrase
  }

  /**
   * The count noun after a number: the next word if it is a plural noun ("60,000 troops"),
   * or the word after one adjective ("1,000 Soviet tanks", "2,500 Hungarian deaths").
   * After "one", a singular noun ("one survivor").
   */
  private unitNounAfter(last: number, value: number): string | undefined {
    const firstWord = this.tokens[last + 1]
    if (firstWord?.kind !== 'word' || firstWord.glued || notUnitWords.has(firstWord.lower)) return undefined
    const countsOne = value === 1
    if (looksPlural(firstWord.lower)) return countsOne ? undefined : singularNoun(firstWord.lower)
    const secondWord = this.tokens[last + 2]
    const secondIsNoun =
      secondWord?.kind === 'word' &&
      !secondWord.glued &&
      !isCapitalised(secondWord.text) &&
      !notUnitWords.has(secondWord.lower) &&
      !isNumberWord(secondWord.lower)
    if (countsOne) {
      if (!isCapitalised(firstWord.text)) return firstWord.lower
      return secondIsNoun && secondWord !== undefined && !looksPlural(secondWord.lower) ? secondWord.lower : undefined
    }
    if (secondIsNoun && secondWord !== undefined && looksPlural(secondWord.lower)) return singularNoun(secondWord.lower)
    return undefined
  }

  private emit(core: Core, startToken: number | undefined, qualifier: Qualifier): number {
    const startIndex = startToken ?? core.first
    const firstToken = this.tokens[startIndex]
    const lastToken = this.tokens[core.last]
    const valueFirst = this.tokens[core.valueFirst]
    const valueLast = this.tokens[core.valueLast]
    if (firstToken === undefined || lastToken === undefined || valueFirst === undefined || valueLast === undefined) {
      return core.last + 1
    }
    const figure: ReadFigure = {
      text: this.text.slice(firstToken.start, lastToken.end),
      start: firstToken.start,
      end: lastToken.end,
      numberStart: valueFirst.start,
      numberEnd: valueLast.end,
      value: core.value,
      qualifier,
      kind: core.kind
    }
    if (core.kind === 'percent') figure.unit = 'percent'
    else if (core.unit !== undefined) figure.unit = core.unit
    else if (core.kind === 'number') {
      const count = typeof core.value === 'object' ? core.value.max : core.value
      const noun = this.unitNounAfter(core.last, typeof count === 'number' ? count : 0)
      if (noun !== undefined) figure.unit = noun
    }
    this.figures.push(figure)
    return core.last + 1
  }
}

/** Every figure in a text, in order, non-overlapping. */
export function readFigures(text: string, options: ReadOptions = {}): ReadFigure[] {
  // Most prose states no number at all: a text without a digit or a number word is not tokenized.
  if (!mayStateNumber(text)) return []
  const tokens = tokenize(text, options.skip ?? [])
  return new FigureReader(text, tokens).readAll()
}

/**
 * Read one figure's `text` field (e.g. "around 2,500"): the single figure it states, or
 * undefined when it states none ("thousands") or more than one. Words around the figure
 * are allowed: "on 4 November" reads as the figure "4 November".
 */
export function readFigure(text: string): ReadFigure | undefined {
  const figures = readFigures(text)
  return figures.length === 1 ? figures[0] : undefined
}

/**
 * Phrases that look like numbers but are not figures (a claim's `not-figures`, e.g.
 * "Charter 77"), as ranges of `text` to pass as `ReadOptions.skip`. Matching is exact and
 * case-sensitive, like the `text` of a figure. Ordinals, vague plurals ("thousands"),
 * codes ("A/3592") and URLs need no entry: readFigures already passes them by.
 */
export function notFigureRanges(text: string, phrases: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const phrase of phrases) {
    if (phrase === '') continue
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) {
      ranges.push([at, at + phrase.length])
    }
  }
  return ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
}
