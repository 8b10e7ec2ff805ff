/**
 * The tokenizer's fast paths read as the general ones did: URL starts found code by code
 * in any case, words of lower-case ASCII taken as their own lower case, integers summed
 * digit by digit up to 15 digits and parsed as strings beyond. Each case below was read
 * by the reader before the fast paths existed, with these results.
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
})
