/**
 * Line starts and points: `\r\n`, `\n` and a lone `\r` each end a line, whichever way
 * `lineStartsOf` finds them (`indexOf` for texts without `\r`, a look at each character
 * otherwise).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lineStartsOf, pointAt} from '../../src/pipeline/positions.js'

/** The line starts as the definition says: just past each line ending. */
function byDefinition(text: string): number[] {
  return [0, ...[...text.matchAll(/\r\n|\n|\r/g)].map((ending) => (ending.index ?? 0) + ending[0].length)]
}

describe('lineStartsOf', () => {
  it('starts a line after each \\n, \\r\\n and lone \\r, with or without any \\r in the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', ' ', '\n', '\r', '\r\n', '\n\n', '😀'), {maxLength: 40}), (pieces) => {
        const text = pieces.join('')
        expect(lineStartsOf(text)).toEqual(byDefinition(text))
      }),
      {numRuns: 3000}
    )
  })

  it('gives one line to a text without line endings, and an empty last line after a final one', () => {
    expect(lineStartsOf('')).toEqual([0])
    expect(lineStartsOf('abc')).toEqual([0])
    expect(lineStartsOf('a\nb\n')).toEqual([0, 2, 4])
    expect(lineStartsOf('a\r\nb\rc')).toEqual([0, 3, 5])
  })
})

describe('pointAt', () => {
  it('gives 1-based lines and columns', () => {
    const starts = lineStartsOf('ab\ncd\r\nef')
    expect(pointAt(starts, 0)).toEqual({line: 1, column: 1, offset: 0})
    expect(pointAt(starts, 4)).toEqual({line: 2, column: 2, offset: 4})
    expect(pointAt(starts, 8)).toEqual({line: 3, column: 2, offset: 8})
  })
})
