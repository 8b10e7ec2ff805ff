/**
 * `--cache`: keep each claim file's parsed facts, keyed by the file's content hash, so a
 * re-check parses only the files that changed. Every rule, per file and cross-file, runs
 * again on the facts, so the findings are exactly those of a full run.
 *
 * The whole cache is dropped when factlint's parsing code, the claim schema or the
 * config differ from those that wrote it (its fingerprint).
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import type {Config} from '../corpus/config.js'
import {unreadableClaim} from '../pipeline/parse-claim.js'
import {parseClaimBytes} from '../pipeline/parse-files.js'
import {readBytes} from '../pipeline/read.js'
import type {ClaimFacts} from '../types.js'

export const defaultCacheLocation = 'node_modules/.cache/factlint'

interface CacheFile {
  fingerprint: string
  entries: Record<string, {hash: string; facts: ClaimFacts}>
}

let codeFingerprint: string | undefined

/** A hash of the code that turns a file into facts, and of the claim schema. */
function parserFingerprint(): string {
  if (codeFingerprint) return codeFingerprint
  const hash = createHash('sha256')
  for (const directory of ['../pipeline/', '../yaml/', '../../schema/']) {
    const url = new URL(directory, import.meta.url)
    for (const name of readdirSync(url).sort()) {
      if (/\.(?:js|ts|json)$/.test(name)) hash.update(name).update(readFileSync(new URL(name, url)))
    }
  }
  codeFingerprint = hash.digest('base64')
  return codeFingerprint
}

export function cacheFingerprint(config: Config): string {
  return createHash('sha256').update(parserFingerprint()).update(JSON.stringify(config)).digest('base64')
}

function load(file: string, fingerprint: string): CacheFile['entries'] {
  if (!existsSync(file)) return {}
  try {
    const cache = deserialize(readFileSync(file)) as CacheFile
    return cache.fingerprint === fingerprint ? cache.entries : {}
  } catch {
    // A cache that cannot be read is only a slower run.
    return {}
  }
}

export interface CacheStats {
  reused: number
  parsed: number
}

/** Parse claim files through the cache at `location` (a folder), updating it. */
export function parseWithCache(root: string, files: readonly string[], config: Config, location: string, stats?: CacheStats): ClaimFacts[] {
  const fingerprint = cacheFingerprint(config)
  const cacheFile = path.join(location, `claims-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.v8`)
  const previous = load(cacheFile, fingerprint)
  const entries: CacheFile['entries'] = {}
  let changed = Object.keys(previous).length !== files.length
  const facts = files.map((file) => {
    const read = readBytes(path.join(root, file), config.maxFileSize)
    if (!read.ok) return unreadableClaim(file, read.problem)
    const hash = createHash('sha1').update(read.bytes).digest('base64')
    const cached = previous[file]
    if (cached && cached.hash === hash) {
      entries[file] = cached
      if (stats) stats.reused++
      return cached.facts
    }
    changed = true
    if (stats) stats.parsed++
    const parsed = parseClaimBytes(file, read.bytes, config.maxFileSize)
    entries[file] = {hash, facts: parsed}
    return parsed
  })
  if (changed) {
    mkdirSync(location, {recursive: true})
    const temporary = `${cacheFile}.${process.pid}.tmp`
    writeFileSync(temporary, serialize({fingerprint, entries} satisfies CacheFile))
    renameSync(temporary, cacheFile)
  }
  return facts
}
