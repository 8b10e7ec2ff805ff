/** Read and parse claim files in this thread (the workers and the cache use the same steps). */
import type {ClaimFacts} from '../types.js'
import {parseClaim, unreadableClaim} from './parse-claim.js'
import {decodeSource, mapFileReads, type BytesResult} from './read.js'

/** A claim from its bytes: decoded as UTF-8 and parsed, or a `frontmatter` problem. */
export function parseClaimBytes(file: string, bytes: Uint8Array, maxFileSize: number): ClaimFacts {
  const decoded = decodeSource(bytes, maxFileSize)
  return decoded.ok ? parseClaim(file, decoded.text) : unreadableClaim(file, decoded.problem)
}

/** A claim from the result of reading its file: parsed, or why it could not be read. */
export function claimFromRead(file: string, read: BytesResult, maxFileSize: number): ClaimFacts {
  return read.ok ? parseClaimBytes(file, read.bytes, maxFileSize) : unreadableClaim(file, read.problem)
}

export function parseClaimFiles(root: string, files: readonly string[], maxFileSize: number): ClaimFacts[] {
  return mapFileReads(root, files, maxFileSize, (file, read) => claimFromRead(file, read, maxFileSize))
}
