import {describe, expect, it} from 'vitest'
import {normalized, normalizedIndexOf, normalizeText} from '../../src/coverage/normalize.js'

describe('normalizeText', () => {
  it.each([
    ['Moscow’s “People’s Republic”', `Moscow's "People's Republic"`],
    ['elsewhere — focused', 'elsewhere-focused'],
    ['elsewhere—focused', 'elsewhere-focused'],
    ['1945–1956', '1945-1956'],
    ['  a \n\t b  ', 'a b'],
    ['wait…', 'wait...'],
    ['Pe\u0301to\u030Bfi', 'Pétőfi']
  ])('%j → %j', (text, expected) => {
    expect(normalized(text)).toBe(expected)
  })

  it('maps every character back to where it came from', () => {
    const original = 'A  “b” — c'
    const text = normalizeText(original)
    expect(text.text).toBe('A "b"-c')
    expect(text.offsets).toEqual([0, 1, 3, 4, 5, 7, 9, 10])
    expect(normalizedIndexOf(text, 3)).toBe(2)
    expect(normalizedIndexOf(text, 10)).toBe(7)
  })
})
