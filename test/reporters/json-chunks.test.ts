/**
 * The chunked JSON must be exactly `JSON.stringify(value, null, 2)`.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {writeInPieces} from '../../src/commands/check.js'
import {jsonChunks} from '../../src/reporters/json-chunks.js'

const joined = (value: unknown) => [...jsonChunks(value)].join('')

describe('jsonChunks', () => {
  it('joins to JSON.stringify(value, null, 2) for generated JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({maxDepth: 6}), (value) => {
        expect(joined(value)).toBe(JSON.stringify(value, null, 2))
      }),
      {numRuns: 500}
    )
  })

  it('leaves out what JSON.stringify leaves out, and writes null where it does', () => {
    const value = {a: undefined, b: [undefined, () => 1, Symbol('s'), 1], c: {toJSON: () => 'x'}, d: {}, e: [], f: {g: {h: [{i: 'new\nline'}]}}}
    expect(joined(value)).toBe(JSON.stringify(value, null, 2))
  })

  it('gives many pieces for long lists, at any depth, so that none is the whole text', () => {
    const results = Array.from({length: 5000}, (_, index) => ({index, message: {text: 'x'.repeat(50)}}))
    for (const value of [{findings: results}, {runs: [{tool: {name: 't'}, results}]}]) {
      const chunks = [...jsonChunks(value)]
      expect(chunks.join('')).toBe(JSON.stringify(value, null, 2))
      expect(chunks.length).toBeGreaterThan(15)
      expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(40_000)
    }
  })
})

describe('writeInPieces', () => {
  it('writes every chunk, in order, in few large pieces', () => {
    const written: string[] = []
    const chunks = Array.from({length: 1000}, (_, index) => `${index},`)
    writeInPieces(chunks, (text) => written.push(text), 100)
    expect(written.join('')).toBe(chunks.join(''))
    expect(written.length).toBeLessThan(60)
    expect(written.slice(0, -1).every((piece) => piece.length >= 100)).toBe(true)
  })
})
