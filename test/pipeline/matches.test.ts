/**
 * `nextMatch` steps through a global pattern's matches exactly as `matchAll` does: the
 * same matches at the same indices, with the same groups, past empty matches by one code
 * point under `u` and one code unit otherwise.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {nextMatch} from '../../src/pipeline/matches.js'

function all(pattern: RegExp, text: string): Array<[number, string[]]> {
  const found: Array<[number, string[]]> = []
  pattern.lastIndex = 0
  for (let match = nextMatch(pattern, text); match; match = nextMatch(pattern, text)) found.push([match.index, [...match]])
  return found
}

function viaMatchAll(pattern: RegExp, text: string): Array<[number, string[]]> {
  return [...text.matchAll(pattern)].map((match) => [match.index ?? 0, [...match]])
}

const patterns = [
  /\[([^[\]]*)\]/g,
  /@(?:\{([^{}]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&\-+?<>~/]*[\p{L}\p{N}_])?))/gu,
  /[^\r\n]+(?:(?:\r\n|\n|\r)[^\r\n]+)*/g,
  /a*/g,
  /(?:)/gu,
  /(?:)/g,
  /\b(?:x|y)?\b/giu
]
const alphabet = ['a', 'x', 'Y', '@', '[', ']', '{', '}', ' ', '\n', '\r', '.', 'é', '😀', '\ud800', '\udc00', '1']

describe('nextMatch', () => {
  it('gives what matchAll gives, for patterns that can and cannot match empty text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 30}), fc.constantFrom(...patterns), (units, pattern) => {
        const text = units.join('')
        expect(all(pattern, text)).toEqual(viaMatchAll(pattern, text))
      }),
      {numRuns: 2000}
    )
  })

  it('steps past an empty match by a whole surrogate pair under u, by one code unit without', () => {
    expect(all(/(?:)/gu, '😀a').map(([index]) => index)).toEqual([0, 2, 3])
    expect(all(/(?:)/g, '😀a').map(([index]) => index)).toEqual([0, 1, 2, 3])
  })
})
