/**
 * The reader's fast paths read as the general ones did: URL starts found code by code in
 * any case, words of lower-case ASCII taken as their own lower case, integers summed digit
 * by digit up to 15 digits and parsed as strings beyond, the sieve of words that can start
 * a figure, qualifier phrases built only from tokens that can start and end one, ranges
 * built without spreads. Each case below was read by the reader before the fast paths
 * existed, with these results.
 */
import {describe, expect, it} from 'vitest'
import {readFigures} from '../../src/figures/reader.js'

const read = (text: string) => readFigures(text).map((figure) => [figure.text, figure.value, figure.qualifier, figure.kind, figure.unit ?? null])

describe('tokenizer fast paths', () => {
  it.each([
    ['See HTTPS://Example.org/1956 where 5 people died.', [['5', 5, 'exact', 'number', 'person']]],
    ['WwW.rev.hu/1956 and 2,500 troops', [['2,500', 2500, 'exact', 'number', 'troop']]],
    ['Http://x.hu/7 had 3 tanks', [['3', 3, 'exact', 'number', 'tank']]],
    ['httpx://x 12 people', [['12', 12, 'exact', 'number', 'person']]]
  ])('URLs in any case are barriers: %s', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  it.each([
    ['About 1234567890123456 people', [['About 1234567890123456', 1234567890123456, 'approx', 'number', 'person']]],
    ['about 999,999,999,999,999 people', [['about 999,999,999,999,999', 999999999999999, 'approx', 'number', 'person']]],
    ['some 0007 agents', [['some 0007', 7, 'approx', 'number', 'agent']]]
  ])('integers have the value Number gives their digits: %s', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  it.each([
    ["O'Neil counted 2,500 Hungarians", [['2,500', 2500, 'exact', 'number', 'hungarian']]],
    ['Nagy\u2019s 20,000 Soldiers\u2019 wives', [['20,000', 20000, 'exact', 'number', 'soldier']]],
    ['\u0130n 1956 nearly TWELVE Hungarians', [['1956', '1956', 'exact', 'date', null]]]
  ])('words with capitals, apostrophes or other letters are lower-cased as before: %s', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  it.each([
    ['see ISBN 978-0-691-13282-2 and pp. 12\u201314 for 5 tanks', [['5', 5, 'exact', 'number', 'tank']]],
    [
      'in mid-1956 and early 1957, by the autumn of 1956',
      [
        ['mid-1956', '1956', 'exact', 'date', null],
        ['early 1957', '1957', 'exact', 'date', null],
        ['by the autumn of 1956', '1956', 'at-most', 'date', null]
      ]
    ],
    [
      'a third of the 30 villages, zero deaths, half a million, an estimated 2,000',
      [
        ['a third', 1 / 3, 'exact', 'number', null],
        ['30', 30, 'exact', 'number', 'village'],
        ['zero', 0, 'exact', 'number', 'death'],
        ['half a million', 500000, 'exact', 'number', null],
        ['an estimated 2,000', 2000, 'approx', 'number', null]
      ]
    ],
    [
      'Between 2 and 3 million fled from 23 October to 4 November 1956',
      [
        ['Between 2 and 3 million', {min: 2000000, max: 3000000}, 'range', 'number', null],
        ['from 23 October to 4 November 1956', {min: '1956-10-23', max: '1956-11-04'}, 'range', 'date', null]
      ]
    ],
    [
      'no more than 40-odd, c. 1,500 or so, ~300 people, approx. 70 troops',
      [
        ['no more than 40-odd', 40, 'at-most', 'number', null],
        ['c. 1,500', 1500, 'approx', 'number', null],
        ['~300', 300, 'approx', 'number', 'person'],
        ['approx. 70', 70, 'approx', 'number', 'troop']
      ]
    ],
    [
      'Sept. 1956 to Dec. 1956; twenty-one; a dozen; Eighty men',
      [
        ['Sept. 1956 to Dec. 1956', {min: '1956-09', max: '1956-12'}, 'range', 'date', null],
        ['twenty-one', 21, 'exact', 'number', null],
        ['a dozen', 12, 'exact', 'number', null]
      ]
    ]
  ])('start words, qualifiers and ranges read as before: %s', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })
})
