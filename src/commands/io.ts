import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {UsageError} from '../errors.js'

/** What a command may touch of the outside world, so tests can run commands in-process. */
export interface CommandIo {
  stdout: (text: string) => void
  /**
   * Many pieces of text for stdout, in order (a large report). Without it they go to
   * `stdout`, joined into pieces of about 64 KB (`writeInPieces`).
   */
  stdoutPieces?: (pieces: Iterable<string>) => void
  stderr: (text: string) => void
  cwd: string
  env: Record<string, string | undefined>
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean
}

export function processIo(): CommandIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stdoutPieces: (pieces) => writeEncoded(pieces, process.stdout),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY)
  }
}

/** Bytes of buffer that `writeEncoded` fills before each write. */
const encodedPieceSize = 1 << 16

/**
 * Write pieces of text to a stream as UTF-8, encoded into one buffer of 64 KB and written
 * each time it fills: one system call per 64 KB, as `writeInPieces`, without a joined
 * string and a new buffer for each write. The buffer is filled again only when the stream
 * is done with it (stdout to a file or terminal writes at once, and to a pipe on Linux);
 * after a write the stream queued instead, the next bytes go to a fresh buffer. Pieces
 * must not split a surrogate pair (JSON's pieces never cut a string).
 */
export function writeEncoded(pieces: Iterable<string>, stream: Pick<NodeJS.WriteStream, 'write' | 'writableLength'>, size = encodedPieceSize): void {
  let buffer = Buffer.allocUnsafe(size)
  let used = 0
  const flush = (): void => {
    if (used === 0) return
    stream.write(buffer.subarray(0, used))
    if (stream.writableLength > 0) buffer = Buffer.allocUnsafe(size)
    used = 0
  }
  for (const piece of pieces) {
    // A UTF-16 code unit is at most three bytes of UTF-8 (a pair of them, four).
    const most = piece.length * 3
    if (most > size) {
      flush()
      stream.write(piece)
      continue
    }
    if (used + most > size) flush()
    used += buffer.write(piece, used)
  }
  flush()
}

/**
 * The one corpus folder a command takes as its argument (default `corpus`): as typed, and
 * resolved against the working directory. A usage error when there are more arguments or
 * the folder is not there.
 */
export function corpusFolderArgument(positionals: readonly string[], cwd: string): {rootArgument: string; root: string} {
  if (positionals.length > 1) throw new UsageError(`Unexpected arguments \`${positionals.slice(1).join(' ')}\`, expected at most one corpus folder`)
  const rootArgument = positionals[0] ?? 'corpus'
  const root = path.resolve(cwd, rootArgument)
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`No corpus at \`${rootArgument}\`: expected a folder with \`claims/\``)
  return {rootArgument, root}
}

/** Exit statuses of the contract. */
export const exitStatus = {ok: 0, findings: 1, usage: 2} as const
