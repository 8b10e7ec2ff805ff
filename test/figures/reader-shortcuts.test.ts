/**
 * The reader's shortcuts leave its readings as they were. `readFigures` does not tokenize a
 * text without a digit or a number word (`mayStateNumber`); that is safe because every
 * figure's own number words contain one, which the properties below check on many texts,
 * with skipped ranges cutting words anywhere.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {isNumberWord, mayStateNumber, parseNumberWords, scaleWords, type WordSequenceToken} from '../../src/figures/number-words.js'
import {readFigures} from '../../src/figures/reader.js'

const numberWords = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty',
  'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion', 'dozen', 'half'
]
const denominators = ['half', 'halves', 'third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'sixth', 'sixths', 'eighth', 'eighths', 'tenth', 'tenths']

/** Prose fragments around the reader's vocabulary, with names, marks and letters that case-fold oddly. */
const fragments = [
  'Around ', 'around ', 'some ', 'Some ', 'nearly ', 'more than ', 'at least ', 'up to ', 'between ', ' and ', ' to ', 'from ', 'by ',
  'before ', 'since ', 'the ', 'their ', 'in ', 'on ', 'a ', 'an ', 'A ', 'of ', 'or more', 'or so', '-odd', '-plus',
  '2,500', '200,000', '1956', '1948', '23', '4', '77', '2.5', '0.5', '1,000,000', '10', '60', '1960s', "'70s", '70s', '1956-10-23',
  'one', 'One', 'two', 'Two', 'TWO', 'three', 'twenty', 'thirty-three', 'forty-five', 'hundred', 'thousand', 'Thousand',
  'million', 'dozen', 'a dozen', 'half', 'half a million', 'two and a half', 'a third of', 'two-thirds', 'three quarters',
  'October', 'Oct.', 'November', 'May', 'spring', 'autumn of ', 'early ', 'mid-', 'late ', 'percent', ' per cent', '%', 'people',
  'Hungarians', 'troops', 'Soviet tanks', 'died', 'fled', 'someone', 'everyone', 'none', 'often', 'attention', 'tenth', 'first',
  '19th-century', 'thousands', 'tens of thousands', 'Charter ', 'Route ', 'Two Thousand Words', 'p. ', 'pp. ', 'chapter ',
  'No. ', 'ISBN ', 'A/', 'T-', 'MiG-', '10:30', '10 p.m.', 'https://example.org/1956 ', 'www.x.hu/2,500. ', '$', '£', '~',
  'km', '-foot', '-year-old', '–', '-', '—', '/', '+', ', ', '. ', '! ', '? ', '; ', ' ', ' ', ' ', '  ', '\n', '\n\n', '\t',
  '"', '\u201c', '\u201d', '\u2019', "'", '(', ')', '[', ']', '\u00a0', 'Émigré ', 'İ', '\u212a', 'ſ', '\u{1F600}', 'Ⅻ', 'constructor '
]

const textsWithSkips = fc.tuple(
  fc.array(fc.constantFrom(...fragments), {maxLength: 40}),
  fc.array(fc.tuple(fc.integer({min: -2, max: 220}), fc.integer({min: -2, max: 30})), {maxLength: 4})
)

describe('mayStateNumber', () => {
  it('finds every number word and denominator in any case, and every digit', () => {
    for (const word of [...numberWords, ...denominators]) {
      for (const written of [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]) {
        expect(mayStateNumber(`He said ${written}.`), written).toBe(true)
      }
    }
    for (const digit of '0123456789') expect(mayStateNumber(`Route ${digit}`)).toBe(true)
  })

  it('finds nothing in prose without digits or number words', () => {
    expect(mayStateNumber('Rákosi ruled Hungary; Nagy was executed.')).toBe(false)
    expect(mayStateNumber('Thousands fled in the autumn, and hundreds more later.')).toBe(true) // "thousand" is in "Thousands"
    expect(mayStateNumber('')).toBe(false)
  })

  it('holds for the number words of every figure the reader finds, so skipping the others loses nothing', () => {
    fc.assert(
      fc.property(textsWithSkips, ([parts, skips]) => {
        const input = parts.join('')
        const skip = skips.map(([start, length]): [number, number] => [start, start + length])
        for (const figure of readFigures(input, {skip})) {
          expect(mayStateNumber(input.slice(figure.numberStart, figure.numberEnd)), figure.text).toBe(true)
        }
      }),
      {numRuns: 3000}
    )
  })

  it('leaves texts without digits or number words unread', () => {
    fc.assert(
      fc.property(textsWithSkips, ([parts, skips]) => {
        const input = parts.join('')
        const skip = skips.map(([start, length]): [number, number] => [start, start + length])
        if (!mayStateNumber(input)) expect(readFigures(input, {skip})).toEqual([])
      }),
      {numRuns: 1000}
    )
  })
})

describe('words that name properties of every object', () => {
  // The tables were plain objects, so "constructor" found `Object` and read as a number.
  it('are not numbers', () => {
    expect(readFigures('The constructor of 5 bridges')).toMatchObject([{text: '5', value: 5}])
    expect(readFigures('two hundred and constructor').map((figure) => figure.text)).toEqual(['two hundred'])
    expect(readFigures('5 constructor people').map((figure) => [figure.text, figure.value])).toEqual([['5', 5]])
    expect(isNumberWord('constructor')).toBe(false)
    expect(isNumberWord('__proto__')).toBe(false)
    expect('constructor' in scaleWords).toBe(false)
    const token = (lower: string): WordSequenceToken => ({kind: 'word', lower, glued: false})
    expect(parseNumberWords([token('constructor')], 0)).toBeUndefined()
    expect(parseNumberWords([token('a'), token('constructor')], 0)).toBeUndefined()
  })

  it('leave the scale words as they were', () => {
    expect(scaleWords).toEqual({hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000})
    expect(readFigures('2.5 million').map((figure) => figure.value)).toEqual([2_500_000])
  })
})
