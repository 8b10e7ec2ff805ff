/**
 * Stage 1, read: bytes from disk to text, with every way a file can be unreadable turned
 * into a problem at a position (never an exception that stops the run).
 */
import {closeSync, fstatSync, openSync, readdirSync, readSync} from 'node:fs'
import path from 'node:path'
import {lineStartsOf, placeAt} from './positions.js'
import type {StageProblem} from '../types.js'

export const defaultMaxFileSize = 256 * 1024

export type ReadResult = {ok: true; text: string} | {ok: false; problem: StageProblem}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/** Decode UTF-8 (dropping a BOM); a bad byte or a NUL is a problem at its place. */
export function decodeSource(bytes: Uint8Array, maxFileSize = defaultMaxFileSize): ReadResult {
  if (bytes.length > maxFileSize) return {ok: false, problem: sizeProblem(bytes.length, maxFileSize)}
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    const offset = firstInvalidUtf8(bytes)
    const prefix = decoder.decode(bytes.subarray(0, offset))
    return {
      ok: false,
      problem: {
        reason: `Unexpected byte \`0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}\` at byte offset ${offset}, expected UTF-8 text`,
        place: placeAt(lineStartsOf(prefix), prefix.length)
      }
    }
  }
  const nul = text.indexOf('\u0000')
  if (nul !== -1) {
    return {
      ok: false,
      problem: {reason: 'Unexpected NUL byte, expected text', place: placeAt(lineStartsOf(text), nul)}
    }
  }
  return {ok: true, text}
}

export function readSource(absolutePath: string, maxFileSize = defaultMaxFileSize): ReadResult {
  const read = readBytes(absolutePath, maxFileSize)
  return read.ok ? decodeSource(read.bytes, maxFileSize) : read
}

export type BytesResult = {ok: true; bytes: Uint8Array} | {ok: false; problem: StageProblem}

/** Caps up to this size are read through one reused buffer (see `readBytes`). */
const scratchCap = 1024 * 1024
let scratch: Buffer | undefined

/**
 * The file's bytes, or a problem (too large, unreadable) without reading a large file.
 * Under the usual cap the file is read into a reused buffer one byte longer than the cap,
 * until the end: a file that fills it is too large, and only then is its size asked for.
 * That is one system call less per file than asking for the size first (an `fstat` was
 * ~15 ms of reading 10,000 claims).
 */
export function readBytes(absolutePath: string, maxFileSize = defaultMaxFileSize): BytesResult {
  let descriptor: number | undefined
  try {
    descriptor = openSync(absolutePath, 'r')
    if (maxFileSize >= scratchCap) return readSized(descriptor, maxFileSize)
    if (!scratch || scratch.length < maxFileSize + 1) scratch = Buffer.allocUnsafe(Math.max(maxFileSize + 1, defaultMaxFileSize + 1))
    const length = readUpTo(descriptor, scratch, maxFileSize + 1)
    if (length > maxFileSize) return {ok: false, problem: sizeProblem(Math.max(length, fstatSync(descriptor).size), maxFileSize)}
    // A copy (small ones share a pooled slab, as `Buffer.from` does): the buffer is read
    // into again for the next file.
    return {ok: true, bytes: Buffer.from(scratch.subarray(0, length))}
  } catch (error) {
    return {ok: false, problem: {reason: `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, place: placeAt([0], 0)}}
  } finally {
    if (descriptor !== undefined) closeSync(descriptor)
  }
}

/** How far reading runs ahead of the work on the files (`mapReadAhead`): this many files, or this many bytes. */
const readAhead: Readonly<{files: number; bytes: number}> = {files: 128, bytes: 4 * 1024 * 1024}

/**
 * `each` of the files under `root` (relative, as listed) with the result of reading it, in
 * order, the files read in batches ahead of the work (`mapReadAhead`).
 */
export function mapFileReads<T>(root: string, files: readonly string[], maxFileSize: number, each: (file: string, read: BytesResult) => T): T[] {
  return mapReadAhead(files, (file) => readBytes(claimFilePath(root, file), maxFileSize), bytesRead, each)
}

/**
 * `each` of the files with what `read` gave for it, in order; `read` runs in batches ahead
 * of `each` (`limits.files` files, or fewer once `size` of them reaches `limits.bytes`).
 * The system calls of reading (`open`, `read`, `close`) cost about three times as much
 * interleaved with parsing and rules as in a row: the 30,000 calls of reading 10,000
 * claims took ~160 ms one file at a time and ~60 ms in batches of 128 (`node
 * --cpu-prof`), and the whole check 0.1 s less (docs/performance.md, item 17). The cache
 * takes each file's stamp in the same batches, before its bytes.
 */
export function mapReadAhead<R, T>(
  files: readonly string[],
  read: (file: string) => R,
  size: (result: R) => number,
  each: (file: string, result: R) => T,
  limits = readAhead
): T[] {
  const results: T[] = []
  const batch: R[] = []
  let start = 0
  while (start < files.length) {
    batch.length = 0
    let bytes = 0
    for (let index = start; index < files.length && batch.length < limits.files && bytes < limits.bytes; index++) {
      const result = read(files[index] as string)
      bytes += size(result)
      batch.push(result)
    }
    for (const [offset, result] of batch.entries()) results.push(each(files[start + offset] as string, result))
    start += batch.length
  }
  return results
}

/** Bytes a read holds (none when it failed). */
export function bytesRead(read: BytesResult): number {
  return read.ok ? read.bytes.length : 0
}

/** One fstat, one read: the size is checked before a byte is read (large caps). */
function readSized(descriptor: number, maxFileSize: number): BytesResult {
  const size = fstatSync(descriptor).size
  if (size > maxFileSize) return {ok: false, problem: sizeProblem(size, maxFileSize)}
  const bytes = Buffer.allocUnsafe(size)
  return {ok: true, bytes: bytes.subarray(0, readUpTo(descriptor, bytes, size))}
}

/** Read from the start of the file into `buffer` until `limit` bytes or the end: how many were read. */
function readUpTo(descriptor: number, buffer: Buffer, limit: number): number {
  let length = 0
  while (length < limit) {
    const count = readSync(descriptor, buffer, length, limit - length, length)
    if (count === 0) break
    length += count
  }
  return length
}

function sizeProblem(size: number, maxFileSize: number): StageProblem {
  return {
    reason: `Unexpected file size of ${size} bytes, expected at most ${maxFileSize} (set \`maxFileSize\` in factlint.config.json to raise the cap)`,
    place: placeAt([0], 0)
  }
}

/** Byte offset of the first byte that is not part of a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0
    let length = 0
    let min = 0
    if (byte < 0x80) length = 1
    else if (byte >= 0xc2 && byte <= 0xdf) (length = 2), (min = 0x80)
    else if (byte >= 0xe0 && byte <= 0xef) (length = 3), (min = 0x800)
    else if (byte >= 0xf0 && byte <= 0xf4) (length = 4), (min = 0x10000)
    else return index
    let codePoint = length === 1 ? byte : byte & (0xff >> (length + 1))
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return index
      codePoint = (codePoint << 6) | (next & 0x3f)
    }
    if (length > 1 && (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))) return index
    index += length
  }
  return bytes.length
}

/**
 * The absolute path of a file that `listMarkdownFiles` listed under `root` (an absolute,
 * resolved folder): the same as `path.join(root, file)` for such a path, without
 * normalising it again; `path.join` was about 10 ms of a 10,000-file run.
 */
export function claimFilePath(root: string, file: string): string {
  if (file.startsWith('../') || file.includes('/../') || file.includes('/./')) return path.join(root, file)
  return root.endsWith(path.sep) ? `${root}${file}` : `${root}${path.sep}${file}`
}

/**
 * Every `*.md` below `directory`, relative to `root`, `/`-separated, sorted. A walk with
 * `withFileTypes` is several times faster than `readdirSync(…, {recursive: true})`, which
 * stats every entry; like it, the walk does not follow symbolic links to folders.
 */
export function listMarkdownFiles(root: string, directory: string): string[] {
  const files: string[] = []
  const walk = (absolute: string, relative: string): void => {
    for (const entry of readdirSync(absolute, {withFileTypes: true})) {
      if (entry.isDirectory()) walk(path.join(absolute, entry.name), `${relative}${entry.name}/`)
      else if (entry.name.endsWith('.md')) files.push(`${relative}${entry.name}`)
    }
  }
  try {
    walk(path.join(root, directory), `${path.posix.join(directory.split(path.sep).join('/'), '.')}/`.replace(/^\.\//, ''))
  } catch {
    return []
  }
  return files.sort(compareStrings)
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
