/**
 * `--cache`: keep each claim file's per-file outcome (its summary and what the per-file
 * rules reported), keyed by the file's content hash, so a re-check reads, parses and
 * checks only the files that changed. The cross-file rules always run again on every
 * summary, so the findings are exactly those of a full run (`test/cache.test.ts`).
 *
 * The whole cache is dropped when anything else an outcome depends on differs from the
 * run that wrote it (its fingerprint): factlint's code and schemas, the config, the
 * `--rule` flags, and the bytes of the bibliography and of `measures.yaml`. Editing a
 * claim re-checks one file; editing the bibliography re-checks them all.
 *
 * Finding out which files changed: with the `metadata` strategy (the default) a file
 * whose size, modification and change times and inode are those recorded is taken as
 * unchanged without reading it, as git's index and ESLint's cache do; any other file is
 * read and hashed, and checked again only when its hash differs. A file modified within
 * two seconds of being recorded is always hashed, so an edit in the same timestamp tick
 * is not missed (git's "racy clean" entries). The `content` strategy hashes every file.
 *
 * On disk the cache is JSON (it parses twice as fast as v8's serialisation of the same
 * data; the layout is in `shard-codec.ts`) in 16 shards by path, so a one-file edit
 * rewrites one sixteenth of it, and the bibliography and measures as read, so that an
 * unchanged bibliography is not read again. Each file carries the fingerprint; one that
 * cannot be read is a slower run.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import type {Bibliography} from '../bibliography/read.js'
import type {Config} from '../corpus/config.js'
import type {MeasureRegistry} from '../corpus/measures.js'
import {checkRead, withoutPrototypes, type FileOutcome, type FilePhase} from '../pipeline/check-file.js'
import {bytesRead, claimFilePath, mapReadAhead, readBytes, type BytesResult} from '../pipeline/read.js'
import {codeDirectory, schemaDirectory} from '../paths.js'
import {stage} from '../timing.js'
import {writeFileAtomic} from '../split/write.js'
import {decodeShard, encodeShard, type CacheEntry, type FileStamp} from './shard-codec.js'
import type {SeveritySetting} from '../types.js'

export const defaultCacheLocation = 'node_modules/.cache/factlint'

export const cacheStrategies = ['metadata', 'content'] as const
export type CacheStrategy = (typeof cacheStrategies)[number]

export interface CacheStats {
  /** Files whose outcome came from the cache. */
  reused: number
  /** Files read, parsed and checked. */
  checked: number
  /** Files read and hashed to find out whether they changed. */
  hashed: number
}

export interface CacheOptions {
  /** The cache folder. */
  location: string
  strategy?: CacheStrategy
  /** Counts of this run, filled in as it goes (tests read them). */
  stats?: CacheStats
  /** The clock (ms since the epoch); tests move it to see the stat shortcut without waiting. */
  now?: () => number
}

/** Bump when the layout of a shard (`shard-codec.ts`) or of the inputs file changes. */
const formatVersion = 5
/** Timestamps closer than this to the moment they were recorded are not trusted. */
const racyWindowMs = 2000

const shardCount = 16

let codeHash: string | undefined

/**
 * A hash of factlint's code and schemas: every file of the build under `dist/` (or every
 * source module, when run from the TypeScript sources) and `schema/*.json`, by content.
 * Hashing names, sizes and times instead would save ~6 ms a run, but every reinstall
 * gives the files new times: a CI job that keeps its cache folder between runs (and
 * installs factlint afresh each time) would never reuse it.
 */
function codeFingerprint(): string {
  if (codeHash) return codeHash
  const hash = createHash('sha256').update(String(formatVersion))
  for (const [directory, pattern] of [
    [codeDirectory, /\.(?:js|cjs|ts)$/],
    [schemaDirectory, /\.json$/]
  ] as const) {
    if (!existsSync(directory)) continue
    const names = (readdirSync(directory, {recursive: true}) as string[]).filter((name) => pattern.test(name)).sort()
    for (const name of names) hash.update(name).update(readFileSync(path.join(directory, name)))
  }
  codeHash = hash.digest('base64')
  return codeHash
}

/** Everything a file's outcome depends on besides the file itself. */
function cacheFingerprint(root: string, config: Config, ruleOverrides: Record<string, SeveritySetting>): string {
  const hash = createHash('sha256').update(codeFingerprint())
  hash.update(JSON.stringify(config)).update(JSON.stringify(ruleOverrides))
  for (const file of [config.paths.bibliography, config.paths.measures]) {
    const absolute = path.join(root, file)
    hash.update(file).update(existsSync(absolute) ? readFileSync(absolute) : '\u0000missing')
  }
  return hash.digest('base64')
}

/** The shard of a path: FNV-1a of its UTF-16 code units. */
function shardOf(file: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < file.length; index++) hash = Math.imul(hash ^ file.charCodeAt(index), 0x01000193)
  return (hash >>> 0) % shardCount
}

function cachePrefix(location: string, root: string): string {
  return path.join(location, `claims-${createHash('sha256').update(root).digest('hex').slice(0, 16)}`)
}

function loadShard(file: string, fingerprint: string): Map<string, CacheEntry> {
  try {
    return decodeShard(readFileSync(file, 'latin1'), fingerprint)
  } catch {
    // A shard that is missing or cannot be read is only a slower run.
    return new Map()
  }
}

/**
 * What the per-file pass learnt of a file before working on it: its shard, and a cached
 * entry its stamp vouches for, or the file's bytes with its stamp and cached entry (if any).
 */
type FileLook = {shard: number} & ({reuse: CacheEntry} | {reuse?: undefined; cached: CacheEntry | undefined; stamp: FileStamp | undefined; read: BytesResult})

/** A file's stamp; none when it cannot be stat'ed (gone, or a folder lost its permissions since it was listed): it is then read, and reading it gives the finding. */
function stampOf(file: string): FileStamp | undefined {
  let stats: Stats | undefined
  try {
    stats = statSync(file, {throwIfNoEntry: false})
  } catch {
    return undefined
  }
  return stats && {size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino}
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino
}

/** The recorded stamp can be trusted: the file had not changed for a while when it was taken. */
function settled(entry: CacheEntry): boolean {
  return Math.max(entry.stamp.mtimeMs, entry.stamp.ctimeMs) < entry.stampedAt - racyWindowMs
}

/** The bibliography and measures as read, kept beside the claims (their bytes are in the fingerprint). */
export interface CorpusInputs {
  bibliography: Bibliography
  bibliographyPresent: boolean
  measures: MeasureRegistry
}

interface InputsFile extends CorpusInputs {
  fingerprint: string
}

export interface ClaimCache {
  /** The bibliography and measures of the run that wrote the cache, when they are the same bytes. */
  inputs(): CorpusInputs | undefined
  saveInputs(inputs: CorpusInputs): void
  /** Run the per-file phase through the cache, updating it. */
  check(files: readonly string[], phase: FilePhase): FileOutcome[]
}

/** Open the cache of the corpus at `root` in `options.location`. */
export function openClaimCache(root: string, config: Config, ruleOverrides: Record<string, SeveritySetting>, options: CacheOptions): ClaimCache {
  const fingerprint = cacheFingerprint(root, config, ruleOverrides)
  const prefix = cachePrefix(options.location, root)
  // v8's format, not JSON: a value such as an infinite tolerance must come back as it was.
  const inputsFile = `${prefix}-inputs.v8`
  return {
    inputs() {
      try {
        const cached = deserialize(readFileSync(inputsFile)) as InputsFile
        if (cached.fingerprint !== fingerprint) return undefined
        const {bibliography, measures} = withoutPrototypes(cached.bibliography, cached.measures)
        return {bibliography, bibliographyPresent: cached.bibliographyPresent, measures}
      } catch {
        return undefined
      }
    },
    saveInputs(inputs) {
      write(inputsFile, serialize({fingerprint, ...inputs} satisfies InputsFile))
    },
    check(files, phase) {
      const shardPaths = Array.from({length: shardCount}, (_, index) => `${prefix}-${index.toString(16)}.json`)
      return checkThroughShards(files, phase, options, fingerprint, shardPaths)
    }
  }
}

function checkThroughShards(files: readonly string[], phase: FilePhase, options: CacheOptions, fingerprint: string, shardPaths: string[]): FileOutcome[] {
  const {root, config} = phase.context
  const strategy = options.strategy ?? 'metadata'
  const stats = options.stats
  const previous = shardPaths.map((file) => loadShard(file, fingerprint))
  stage('read the cache')
  const next = shardPaths.map(() => new Map<string, CacheEntry>())
  const dirty = new Set<number>()
  const now = (options.now ?? Date.now)()

  // The stamp is taken before the bytes are read: a change in between is seen next time.
  // A file's bytes are read only when its stamp cannot vouch for the cached outcome.
  const look = (file: string): FileLook => {
    const absolute = claimFilePath(root, file)
    const shard = shardOf(file)
    const cached = previous[shard]?.get(file)
    const stamp = stampOf(absolute)
    if (strategy === 'metadata' && cached && stamp && settled(cached) && sameStamp(stamp, cached.stamp)) return {shard, reuse: cached}
    return {shard, cached, stamp, read: readBytes(absolute, config.maxFileSize)}
  }
  const outcomes = mapReadAhead(files, look, (found) => (found.reuse ? 0 : bytesRead(found.read)), (file, found): FileOutcome => {
    const {shard} = found
    const entries = next[shard] as Map<string, CacheEntry>
    if (found.reuse) {
      entries.set(file, found.reuse)
      if (stats) stats.reused++
      return found.reuse.outcome
    }
    const {cached, stamp, read} = found
    // An unreadable file is checked every time: its problem may be in the file system.
    if (!read.ok || !stamp) {
      dirty.add(shard)
      if (stats) stats.checked++
      return checkRead(file, read, phase)
    }
    if (stats) stats.hashed++
    const hash = createHash('sha1').update(read.bytes).digest('base64')
    if (cached && cached.hash === hash) {
      // Same bytes: keep the outcome. The new stamp is worth writing once it can be
      // trusted next time; before that the file is hashed again whatever is recorded.
      const stamped: CacheEntry = {...cached, stamp, stampedAt: now}
      entries.set(file, stamped)
      if (settled(stamped)) dirty.add(shard)
      if (stats) stats.reused++
      return cached.outcome
    }
    dirty.add(shard)
    if (stats) stats.checked++
    const outcome = checkRead(file, read, phase)
    entries.set(file, {hash, stamp, stampedAt: now, outcome})
    return outcome
  })
  stage('per-file phase: stat every file, check the changed ones')
  // A shard that lost files (deleted or renamed claims) is rewritten too.
  for (const [index, entries] of next.entries()) if (entries.size !== previous[index]?.size) dirty.add(index)
  for (const index of dirty) write(shardPaths[index] as string, encodeShard(fingerprint, next[index] as Map<string, CacheEntry>))
  stage('write the changed shards')
  return outcomes
}

/** Write a cache file by renaming a finished temporary file into place. */
function write(file: string, data: string | Uint8Array): void {
  try {
    writeFileAtomic(file, data, {overwrite: true})
  } catch {
    // A cache that cannot be written is only a slower next run.
  }
}
