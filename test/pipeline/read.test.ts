/**
 * Reading a claim file: its bytes in full, whatever their size up to the cap, and a
 * problem with the real size beyond it (`readBytes` reads into a reused buffer one byte
 * longer than the cap and asks for the size only when that fills).
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {claimFilePath, mapFileReads, mapReadAhead, readBytes} from '../../src/pipeline/read.js'

const folder = mkdtempSync(path.join(tmpdir(), 'factlint-read-'))

function file(name: string, bytes: Uint8Array): string {
  const absolute = path.join(folder, name)
  writeFileSync(absolute, bytes)
  return absolute
}

function pattern(size: number): Buffer {
  const bytes = Buffer.alloc(size)
  for (let index = 0; index < size; index++) bytes[index] = 97 + (index % 26)
  return bytes
}

describe('readBytes', () => {
  it('gives every byte of files up to the cap, each its own copy', () => {
    for (const size of [0, 1, 4095, 4096, 65_537, 1000]) {
      const bytes = pattern(size)
      const read = readBytes(file(`f${size}.md`, bytes), 65_537)
      expect(read.ok && Buffer.from(read.bytes).equals(bytes), `size ${size}`).toBe(true)
    }
    const first = readBytes(file('a.md', Buffer.from('first')))
    readBytes(file('b.md', Buffer.from('second file')))
    expect(first.ok && Buffer.from(first.bytes).toString()).toBe('first')
  })

  it('reports a file one byte over the cap, or far over it, with its real size', () => {
    for (const [size, cap] of [
      [101, 100],
      [300_000, 100],
      [2_000_001, 2_000_000],
      [5_000, 4_999]
    ] as const) {
      const read = readBytes(file(`big${size}.md`, pattern(size)), cap)
      expect(read.ok ? 'read' : read.problem.reason).toBe(`Unexpected file size of ${size} bytes, expected at most ${cap} (set \`maxFileSize\` in factlint.config.json to raise the cap)`)
    }
  })

  it('reads under a cap of a megabyte or more by the file size', () => {
    const bytes = pattern(1_500_000)
    const read = readBytes(file('large.md', bytes), 2_000_000)
    expect(read.ok && Buffer.from(read.bytes).equals(bytes)).toBe(true)
  })

  it('turns a missing file or a folder into a problem', () => {
    expect(readBytes(path.join(folder, 'missing.md'))).toMatchObject({ok: false, problem: {reason: 'Cannot read file: ENOENT'}})
    expect(readBytes(folder)).toMatchObject({ok: false, problem: {reason: 'Cannot read file: EISDIR'}})
  })
})

describe('claimFilePath', () => {
  it('is path.join for listed files, and for paths that path.join would normalise', () => {
    for (const [root, file] of [
      ['/corpus', 'claims/s/a.md'],
      ['/', 'claims/a.md'],
      ['/corpus', '../elsewhere/claims/a.md'],
      ['/corpus', 'claims/./s/../a.md']
    ] as const) {
      expect(claimFilePath(root, file)).toBe(path.join(root, file))
    }
  })
})

describe('mapReadAhead', () => {
  /** The order of reads and work for `files`, with each result's size from `sizes`. */
  function trace(files: string[], sizes: Record<string, number>, limits: {files: number; bytes: number}): {events: string[]; results: string[]} {
    const events: string[] = []
    const results = mapReadAhead(
      files,
      (name) => (events.push(`read ${name}`), name),
      (name) => sizes[name] ?? 0,
      (name, read) => (events.push(`work ${name}`), `${name}:${read}`),
      limits
    )
    return {events, results}
  }

  it('reads a batch of files before working on them, and keeps their order', () => {
    const {events, results} = trace(['a', 'b', 'c', 'd', 'e'], {}, {files: 2, bytes: 100})
    expect(events).toEqual(['read a', 'read b', 'work a', 'work b', 'read c', 'read d', 'work c', 'work d', 'read e', 'work e'])
    expect(results).toEqual(['a:a', 'b:b', 'c:c', 'd:d', 'e:e'])
  })

  it('ends a batch once its bytes reach the limit, after at least one file', () => {
    const {events} = trace(['a', 'b', 'c', 'd'], {a: 60, b: 50, c: 500, d: 1}, {files: 10, bytes: 100})
    expect(events).toEqual(['read a', 'read b', 'work a', 'work b', 'read c', 'work c', 'read d', 'work d'])
  })

  it('does nothing for no files', () => {
    expect(trace([], {}, {files: 2, bytes: 100})).toEqual({events: [], results: []})
  })
})

describe('mapFileReads', () => {
  it('gives each listed file its own bytes, and a problem for one that cannot be read, across batches', () => {
    const names = Array.from({length: 300}, (_, index) => `batch-${index}.md`)
    for (const [index, name] of names.entries()) file(name, pattern(index))
    const listed = [...names.slice(0, 150), 'missing.md', ...names.slice(150)]
    const results = mapFileReads(folder, listed, 4096, (name, read) => ({name, read}))
    expect(results.map(({name}) => name)).toEqual(listed)
    for (const {name, read} of results) {
      if (name === 'missing.md') expect(read).toMatchObject({ok: false, problem: {reason: 'Cannot read file: ENOENT'}})
      else expect(read).toEqual({ok: true, bytes: pattern(Number(/\d+/.exec(name)?.[0]))})
    }
  })
})
