/**
 * The command line's code cache (`src/code-cache.ts`): used when valid, never when the
 * bundle changed (even to the same length, which V8 alone would not notice), rewritten
 * when V8 refuses it, and never in the way of a run.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {codeCacheKey, codeCacheLimit, loadBundle} from '../src/code-cache.js'

function bundleFolder(source: string, cache?: string): {file: string; cache: string} {
  const folder = mkdtempSync(path.join(tmpdir(), 'factlint-code-cache-'))
  const file = path.join(folder, 'bundle.cjs')
  writeFileSync(file, source)
  writeFileSync(path.join(folder, 'sibling.cjs'), 'module.exports = "sibling"\n')
  return {file, cache: cache ?? path.join(folder, '.code-cache')}
}

// V8 keeps what this process compiled, by source and file name: a second load of the same
// file would come from there, whatever the cache holds. A second copy of the bundle, with
// the first one's cache folder, is compiled again, from the cache.
let unique = 0
const uniqueSource = () => `${source}// ${++unique} ${Date.now()}\n`

const source = `#!/usr/bin/env node
const sibling = require('./sibling.cjs')
exports.where = () => [__filename, __dirname, sibling]
exports.answer = function answer(n) { return n * 2 + 1 }
`
const cacheFiles = (cache: string) => (existsSync(cache) ? readdirSync(cache) : [])

describe('loadBundle', () => {
  it('runs the bundle as a CommonJS module beside its own files', () => {
    const {file, cache} = bundleFolder(source)
    const {exports} = loadBundle<{where: () => string[]}>(file, {cacheDirectory: cache, purpose: 'check'})
    expect(exports.where()).toEqual([file, path.dirname(file), 'sibling'])
  })

  it('writes the cache after the first run and uses it in the next', () => {
    const text = uniqueSource()
    const {file, cache} = bundleFolder(text)
    const first = loadBundle<{answer: (n: number) => number}>(file, {cacheDirectory: cache, purpose: 'check'})
    expect(first.found).toBe('missing')
    expect(first.exports.answer(20)).toBe(41)
    expect(first.save()).toBe('written')
    expect(cacheFiles(cache)).toHaveLength(1)
    const second = loadBundle<{answer: (n: number) => number}>(bundleFolder(text, cache).file, {cacheDirectory: cache, purpose: 'check'})
    expect(second.found).toBe('used')
    expect(second.exports.answer(20)).toBe(41)
    expect(second.save()).toBe('used')
    expect(cacheFiles(cache)).toHaveLength(1)
  })

  it('never uses the cache of another bundle of the same length', () => {
    const {file, cache} = bundleFolder(source)
    loadBundle(file, {cacheDirectory: cache, purpose: 'check'}).save()
    const edited = source.replace('n * 2 + 1', 'n * 3 + 1')
    expect(edited.length).toBe(source.length)
    writeFileSync(file, edited)
    const after = loadBundle<{answer: (n: number) => number}>(file, {cacheDirectory: cache, purpose: 'check'})
    expect(after.found).toBe('missing')
    expect(after.exports.answer(20)).toBe(61)
  })

  it('keeps one cache per purpose', () => {
    const {file, cache} = bundleFolder(source)
    loadBundle(file, {cacheDirectory: cache, purpose: 'check'}).save()
    expect(loadBundle(file, {cacheDirectory: cache, purpose: 'report'}).found).toBe('missing')
  })

  it('rewrites a cache that V8 refuses', () => {
    const text = uniqueSource()
    const {file, cache} = bundleFolder(text)
    loadBundle(file, {cacheDirectory: cache, purpose: 'check'}).save()
    const [name] = cacheFiles(cache)
    writeFileSync(path.join(cache, name!), Buffer.from('not a code cache'))
    const refused = loadBundle<{answer: (n: number) => number}>(bundleFolder(text, cache).file, {cacheDirectory: cache, purpose: 'check'})
    expect(refused.found).toBe('refused')
    expect(refused.exports.answer(1)).toBe(3)
    expect(refused.save()).toBe('rewritten')
    expect(loadBundle(bundleFolder(text, cache).file, {cacheDirectory: cache, purpose: 'check'}).found).toBe('used')
  })

  it('runs without a cache where none can be written, and leaves no temporary file', () => {
    const {file, cache} = bundleFolder(source)
    // A file where the folder should be: mkdir fails (as in a read-only install; tests may run as root).
    writeFileSync(cache, '')
    const loaded = loadBundle<{answer: (n: number) => number}>(file, {cacheDirectory: cache, purpose: 'check'})
    expect(loaded.exports.answer(2)).toBe(5)
    expect(loaded.save()).toBe('unwritable')
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['.code-cache', 'bundle.cjs', 'sibling.cjs'])
    expect(readFileSync(cache, 'utf8')).toBe('')
  })

  it('keeps the newest caches of a folder, so that changing Node options cannot fill the disk', () => {
    const {file, cache} = bundleFolder(uniqueSource())
    mkdirSync(cache)
    for (let index = 0; index < codeCacheLimit + 5; index++) {
      const old = path.join(cache, `old-${index}.v8cache`)
      writeFileSync(old, '')
      utimesSync(old, 1000 + index, 1000 + index)
    }
    writeFileSync(path.join(cache, 'notes.txt'), 'not a cache')
    expect(loadBundle(file, {cacheDirectory: cache, purpose: 'check'}).save()).toBe('written')
    const kept = cacheFiles(cache)
    expect(kept.filter((name) => name.endsWith('.v8cache'))).toHaveLength(codeCacheLimit)
    expect(kept.some((name) => name.startsWith('bundle.cjs-'))).toBe(true)
    expect(kept).toContain('notes.txt')
    // The oldest went first.
    for (let index = 0; index < 6; index++) expect(kept).not.toContain(`old-${index}.v8cache`)
    expect(kept).toContain('old-6.v8cache')
  })

  it('has no cache without a folder', () => {
    const {file} = bundleFolder(source)
    const loaded = loadBundle(file, {cacheDirectory: undefined, purpose: 'check'})
    expect(loaded.found).toBe('off')
    expect(loaded.save()).toBe('off')
  })
})

describe('codeCacheKey', () => {
  const runtime = {version: 'v20.20.2', arch: 'x64', execArgv: [] as string[], nodeOptions: undefined}
  it('changes with the source, the purpose, Node and its options', () => {
    const key = codeCacheKey('a', 'check', runtime)
    expect(codeCacheKey('a', 'check', runtime)).toBe(key)
    for (const other of [
      codeCacheKey('b', 'check', runtime),
      codeCacheKey('a', 'report', runtime),
      codeCacheKey('a', 'check', {...runtime, version: 'v20.19.0'}),
      codeCacheKey('a', 'check', {...runtime, arch: 'arm64'}),
      codeCacheKey('a', 'check', {...runtime, execArgv: ['--max-inlined-bytecode-size=460']}),
      codeCacheKey('a', 'check', {...runtime, nodeOptions: '--v8-pool-size=0'})
    ]) {
      expect(other).not.toBe(key)
    }
  })
})

describe('the built command', () => {
  /** A copy of the package (its build, schemas and package.json) whose code cache this test owns. */
  function installed(): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'factlint-installed-'))
    cpSync('dist', path.join(folder, 'dist'), {recursive: true, filter: (from) => !from.endsWith('.map') && !from.includes('.code-cache')})
    cpSync('schema', path.join(folder, 'schema'), {recursive: true})
    cpSync('package.json', path.join(folder, 'package.json'))
    symlinkSync(path.resolve('node_modules'), path.join(folder, 'node_modules'))
    return folder
  }
  const corpus = path.resolve('corpus')

  it('writes the cache on the first check, uses it on the next, with the same output, and drops it when the bundle changes', () => {
    const folder = installed()
    const bin = path.join(folder, 'dist/bin.js')
    const run = (...argv: string[]) => spawnSync(process.execPath, [bin, ...argv], {encoding: 'utf8', env: {...process.env, FACTLINT_TIMING: '1', FACTLINT_CODE_CACHE: ''}})
    const caches = () => cacheFiles(path.join(folder, 'dist/.code-cache'))

    const first = run('check', corpus, '--format', 'json')
    expect(first.stderr).toContain('code cache: missing')
    expect(caches()).toHaveLength(1)
    const second = run('check', corpus, '--format', 'json')
    expect(second.stderr).toContain('code cache: used')
    expect(second.stdout).toBe(first.stdout)
    expect(second.status).toBe(first.status)

    // A mistyped command is no run worth a cache.
    expect(run('chek', corpus).status).toBe(2)
    expect(caches()).toHaveLength(1)

    const bundle = path.join(folder, 'dist/factlint.cjs')
    const text = readFileSync(bundle, 'utf8')
    const edited = text.replace('internal error', 'internal Error')
    expect(edited).not.toBe(text)
    expect(edited.length).toBe(text.length)
    writeFileSync(bundle, edited)
    const third = run('check', corpus, '--format', 'json')
    expect(third.stderr).toContain('code cache: missing')
    expect(third.stdout).toBe(first.stdout)
    expect(caches()).toHaveLength(2)
  })

  it('keeps the vendor bundles a run loads in the cache too (the BibTeX parser, for values with LaTeX)', () => {
    const folder = installed()
    const root = mkdtempSync(path.join(tmpdir(), 'factlint-latex-corpus-'))
    cpSync(corpus, root, {recursive: true})
    const bibliography = path.join(root, 'bibliography.bib')
    writeFileSync(bibliography, readFileSync(bibliography, 'utf8').replace('title = {', 'title = {Gy{\\H{o}}r: '))
    const run = () => spawnSync(process.execPath, [path.join(folder, 'dist/bin.js'), 'check', root, '--format', 'json'], {encoding: 'utf8', env: {...process.env, FACTLINT_CODE_CACHE: ''}})
    const first = run()
    expect(first.stdout).toContain('"summary"')
    expect(cacheFiles(path.join(folder, 'dist/.code-cache')).map((name) => name.replace(/-[0-9a-f]{32}\.v8cache$/, '')).sort()).toEqual(['bibtex-parser.cjs', 'factlint.cjs'])
    expect(run().stdout).toBe(first.stdout)
  })

  it('runs without the cache when FACTLINT_CODE_CACHE=0', () => {
    const folder = installed()
    const child = spawnSync(process.execPath, [path.join(folder, 'dist/bin.js'), 'check', corpus], {encoding: 'utf8', env: {...process.env, FACTLINT_TIMING: '1', FACTLINT_CODE_CACHE: '0'}})
    expect(child.stderr).toContain('code cache: off')
    expect(existsSync(path.join(folder, 'dist/.code-cache'))).toBe(false)
  })
})
