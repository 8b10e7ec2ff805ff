import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {isUnknownLocator} from '../../src/citations/locator.js'

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
