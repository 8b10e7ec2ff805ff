/**
 * Reading a claim file: its bytes in full, whatever their size up to the cap, and a
 * problem with the real size beyond it (`readBytes` reads into a reused buffer one byte
 * longer than the cap and asks for the size only when that fills).
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {claimFilePath, readBytes} from '../../src/pipeline/read.js'

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
