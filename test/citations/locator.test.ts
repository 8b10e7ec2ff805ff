import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {isUnknownLocator, parseLocator} from '../../src/citations/locator.js'

describe('isUnknownLocator', () => {
  it('takes `unknown` in any case, with white space around it', () => {
    for (const locator of ['unknown', 'Unknown', ' UNKNOWN ', '\tunknown\n', 'un\u212Anown']) expect(isUnknownLocator(locator)).toBe(true)
    for (const locator of ['', 'unk', 'p. 54', 'unknowns', 'un known', 'not unknown']) expect(isUnknownLocator(locator)).toBe(false)
  })

  it('says what trimming and lower-casing say, for any string', () => {
    const pieces = fc.constantFrom('u', 'U', 'n', 'N', 'k', 'K', '\u212A', 'o', 'O', 'w', 'W', ' ', '\t', '\n', '\u00A0', 'İ', 'x', '.')
    const locators = fc.oneof(fc.array(pieces, {maxLength: 12}).map((list) => list.join('')), fc.string(), fc.constantFrom(' unknown', 'unknown\u2003'))
    fc.assert(
      fc.property(locators, (locator) => {
        expect(isUnknownLocator(locator)).toBe(locator.trim().toLowerCase() === 'unknown')
      }),
      {numRuns: 2000}
    )
  })
})

describe('parseLocator', () => {
  it('reads the longest form that the locator starts with', () => {
    const cases: Array<[string, ReturnType<typeof parseLocator>]> = [
      ['p. 54', {kind: 'located', label: 'page', value: '54'}],
      ['pp. 12–14', {kind: 'located', label: 'page', value: '12–14'}],
      ['Pages 3-4', {kind: 'located', label: 'page', value: '3-4'}],
      ['para. 31', {kind: 'located', label: 'paragraph', value: '31'}],
      ['paras. 2–3', {kind: 'located', label: 'paragraph', value: '2–3'}],
      ['pt. 2', {kind: 'located', label: 'part', value: '2'}],
      ['s.v. Nagy', {kind: 'located', label: 'sub-verbo', value: 'Nagy'}],
      ['sub verbo Nagy', {kind: 'located', label: 'sub-verbo', value: 'Nagy'}],
      ['vv. 3–5', {kind: 'located', label: 'verse', value: '3–5'}],
      ['vol. 2', {kind: 'located', label: 'volume', value: '2'}],
      ['§§ 4–5', {kind: 'located', label: 'section', value: '4–5'}],
      ['¶ 7', {kind: 'located', label: 'paragraph', value: '7'}],
      ['178', {kind: 'located', label: 'page', value: '178'}],
      [' Unknown ', {kind: 'unknown'}],
      ['p.', {kind: 'empty'}],
      ['  ', {kind: 'empty'}],
      ['pager 3', {kind: 'bad-label', label: 'pager'}],
      ['pages3', {kind: 'located', label: 'page', value: '3'}],
      ['folder 3', {kind: 'bad-label', label: 'folder'}],
      ['xyz 3', {kind: 'bad-label', label: 'xyz'}],
      ['ø 3', {kind: 'bad-label', label: 'ø'}]
    ]
    for (const [locator, parsed] of cases) expect(parseLocator(locator), locator).toEqual(parsed)
  })
})
