/**
 * Run the command line's CommonJS bundles (`dist/factlint.cjs`, see
 * `scripts/bundle-cli.mjs`, and the vendor bundles of `dist/vendor/` a run loads) with a
 * V8 code cache, as Node 22's `module.enableCompileCache` does for every module (Node 20
 * has none).
 *
 * Compiling is not what a run pays for most: V8 compiles a function when it is first
 * called, and a run calls hundreds. A cache made *after* a run holds every function that
 * run compiled, so the next run starts with them: the Hungary corpus is checked in about
 * 0.14 s instead of 0.17 s (0.19 s instead of 0.24 s when its bibliography has LaTeX, which
 * loads the BibTeX parser), 10,000 claims ~45 ms sooner (docs/performance.md, item 15).
 *
 * - Where: beside the bundle, in `.code-cache/`, so only who may change factlint's code
 *   may change its cache (V8 runs cached bytecode as it finds it). A folder that cannot
 *   be written (a read-only install) means no cache, never an error.
 * - Valid for: V8 checks its own version and flags and only the *length* of the source,
 *   so the file is named by a hash of the bundle's bytes, Node's version and platform,
 *   and Node's options: an edited bundle of the same length never meets an old cache.
 * - Per command: each command calls different functions, so each keeps its own cache,
 *   made by its first run (or again when V8 refuses one).
 * - Written after the command, through a temporary file renamed into place: two runs at
 *   once both write whole files, and a run that is killed leaves no half-written cache.
 */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {Script} from 'node:vm'
import {writeFileAtomic} from './split/write.js'

/** What became of the cache in a run: used; written after it (there was none, or V8 refused it); or none. */
export type CodeCacheState = 'used' | 'written' | 'rewritten' | 'unwritable' | 'off'

export interface LoadBundleOptions {
  /** The folder of the cache files; `undefined` runs without a cache. */
  cacheDirectory: string | undefined
  /** What else the cache is valid for (a command's name): part of the file name. */
  purpose: string
}

export interface LoadedBundle<Exports> {
  exports: Exports
  /** The cache at start: V8 used it, refused it, there was none, or the run has none (`cacheDirectory` undefined). */
  found: 'used' | 'refused' | 'missing' | 'off'
  /** Write the cache if it was missing or refused: call once the run is done, when the functions it called are compiled. */
  save(): CodeCacheState
}

/** The CommonJS wrapper Node puts around a module. */
const wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'] as const

/** The cache's name: what the bundle's compiled code depends on besides V8 (which V8 checks). */
export function codeCacheKey(source: string, purpose: string, runtime: {version: string; arch: string; execArgv: readonly string[]; nodeOptions: string | undefined}): string {
  return createHash('sha256')
    .update(source)
    .update(`\0${purpose}\0${runtime.version}\0${runtime.arch}\0${runtime.execArgv.join(' ')}\0${runtime.nodeOptions ?? ''}`)
    .digest('hex')
    .slice(0, 32)
}

/** Compile and run the CommonJS file `file`, from a code cache when there is a valid one. */
export function loadBundle<Exports>(file: string, options: LoadBundleOptions): LoadedBundle<Exports> {
  // A bundle starts with `#!`: valid at the top of a file, not inside the wrapper.
  const source = readFileSync(file, 'utf8').replace(/^#!.*/, '')
  const cacheFile =
    options.cacheDirectory === undefined
      ? undefined
      : path.join(
          options.cacheDirectory,
          `${path.basename(file)}-${codeCacheKey(source, options.purpose, {version: process.version, arch: process.arch, execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS})}.v8cache`
        )
  let cachedData: Buffer | undefined
  if (cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile)
    } catch {
      // None yet: this run writes it.
    }
  }
  const script = new Script(`${wrapper[0]}${source}${wrapper[1]}`, {filename: file, ...(cachedData ? {cachedData} : {})})
  const found = cacheFile === undefined ? 'off' : cachedData === undefined ? 'missing' : script.cachedDataRejected === false ? 'used' : 'refused'
  const module = {exports: {} as Exports}
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: {exports: Exports}, filename: string, dirname: string) => void
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file))
  return {
    exports: module.exports,
    found,
    save() {
      if (cacheFile === undefined) return 'off'
      if (found === 'used') return 'used'
      return writeCache(cacheFile, script.createCachedData()) ? (found === 'missing' ? 'written' : 'rewritten') : 'unwritable'
    }
  }
}

/** Cache files kept in a folder: one per command and vendor bundle, for a few sets of Node options. */
export const codeCacheLimit = 32

function writeCache(file: string, data: Buffer): boolean {
  try {
    writeFileAtomic(file, data, {overwrite: true})
  } catch {
    return false
  }
  try {
    prune(path.dirname(file))
  } catch {
    // The next run that writes a cache tries again.
  }
  return true
}

/**
 * Keep the newest `codeCacheLimit` cache files of a folder. Each new set of Node options
 * (`NODE_OPTIONS`, flags) gets caches of its own, and a tool that puts a different value
 * there on every run must not fill the disk. Only runs that write a cache look.
 */
function prune(directory: string): void {
  const caches = readdirSync(directory).filter((name) => name.endsWith('.v8cache'))
  if (caches.length <= codeCacheLimit) return
  const byAge = caches
    .map((name) => {
      try {
        return {name, time: statSync(path.join(directory, name)).mtimeMs}
      } catch {
        return {name, time: 0}
      }
    })
    .sort((a, b) => b.time - a.time || (a.name < b.name ? -1 : 1))
  for (const {name} of byAge.slice(codeCacheLimit)) rmSync(path.join(directory, name), {force: true})
}
