/**
 * The chunked JSON must be exactly `JSON.stringify(value, null, 2)`.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {writeInPieces} from '../../src/commands/check.js'
import {writeEncoded} from '../../src/commands/io.js'
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

describe('writeEncoded', () => {
  // Pieces of every width of UTF-8 (1 to 4 bytes), some longer than the buffer.
  const pieces = Array.from({length: 400}, (_, index) => (index % 97 === 0 ? 'ő–😀'.repeat(40) : `${index}: é ő – 😀,`))
  const expected = Buffer.from(pieces.join(''), 'utf8')

  /** A stream that writes at once (as stdout to a file), or holds what it is given until later (as a pipe that is full). */
  function stream(queues: boolean) {
    const held: Array<{bytes: Uint8Array | string; copy: Buffer}> = []
    return {
      held,
      writableLength: 0,
      write(chunk: Uint8Array | string) {
        held.push({bytes: chunk, copy: Buffer.from(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)})
        if (queues) this.writableLength += chunk.length
        return true
      }
    }
  }
  const written = (held: Array<{bytes: Uint8Array | string}>) =>
    Buffer.concat(held.map(({bytes}) => (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)))

  it('writes the UTF-8 of the joined pieces, in buffers of at most the given size', () => {
    const out = stream(false)
    writeEncoded(pieces, out, 256)
    expect(Buffer.concat(out.held.map(({copy}) => copy)).equals(expected)).toBe(true)
    expect(out.held.length).toBeLessThan(pieces.length / 4)
    expect(out.held.every(({bytes}) => typeof bytes === 'string' || bytes.length <= 256)).toBe(true)
  })

  it('fills one buffer again for a stream that wrote at once', () => {
    const out = stream(false)
    writeEncoded(pieces, out, 256)
    const buffers = new Set(out.held.flatMap(({bytes}) => (typeof bytes === 'string' ? [] : [(bytes as Buffer).buffer])))
    expect(buffers.size).toBe(1)
  })

  it('never fills again a buffer that a stream still holds', () => {
    const out = stream(true)
    writeEncoded(pieces, out, 256)
    // What the stream holds at the end is still what it was given.
    expect(written(out.held).equals(expected)).toBe(true)
    expect(out.held.every(({bytes, copy}) => Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).equals(copy))).toBe(true)
  })
})
