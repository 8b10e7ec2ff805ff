/** Read and parse claim files in this thread (the workers run the same function). */
import path from 'node:path'
import type {ClaimFacts} from '../types.js'
import {parseClaim, unreadableClaim} from './parse-claim.js'
import {readSource} from './read.js'

export function parseClaimFiles(root: string, files: readonly string[], maxFileSize: number): ClaimFacts[] {
  return files.map((file) => {
    const read = readSource(path.join(root, file), maxFileSize)
    return read.ok ? parseClaim(file, read.text) : unreadableClaim(file, read.problem)
  })
}
