/**
 * `--cache` must give exactly the findings of a full run, before and after an edit.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseWithCache, type CacheStats} from '../src/cache/claim-cache.js'
import {defaultConfig} from '../src/corpus/config.js'
import {lintCorpus} from '../src/lint.js'
import {buildReport} from '../src/report/model.js'
import {listMarkdownFiles} from '../src/pipeline/read.js'

function report(root: string, cache?: string, stats?: CacheStats): string {
  const result = lintCorpus({root, ...(cache ? {parseClaims: (r, files, config) => parseWithCache(r, files, config, cache, stats)} : {})})
  return JSON.stringify(buildReport(result))
}

describe('--cache', () => {
  it('gives the findings of a full run, and re-parses only what changed', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'factlint-cache-corpus-'))
    const cache = mkdtempSync(path.join(tmpdir(), 'factlint-cache-'))
    expect(spawnSync(process.execPath, [path.resolve('../shared/tools/gen-corpus.mjs'), root, '300', '5']).status).toBe(0)

    const cold: CacheStats = {reused: 0, parsed: 0}
    expect(report(root, cache, cold)).toBe(report(root))
    expect(cold).toEqual({reused: 0, parsed: 300})

    // Edit one claim so that it conflicts with nothing and cites an unknown key.
    const [first] = listMarkdownFiles(root, 'claims')
    const file = path.join(root, first as string)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/sources:\n/, 'sources:\n  - key: no-such-work2020\n'))
    const warm: CacheStats = {reused: 0, parsed: 0}
    const cached = report(root, cache, warm)
    expect(warm).toEqual({reused: 299, parsed: 1})
    expect(cached).toBe(report(root))
    expect(cached).toContain('no-such-work2020')
  })

  it('is dropped when the config changes', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'factlint-cache-corpus-'))
    const cache = mkdtempSync(path.join(tmpdir(), 'factlint-cache-'))
    expect(spawnSync(process.execPath, [path.resolve('../shared/tools/gen-corpus.mjs'), root, '40', '5']).status).toBe(0)
    const files = listMarkdownFiles(root, 'claims')
    parseWithCache(root, files, defaultConfig(), cache)
    const stats: CacheStats = {reused: 0, parsed: 0}
    parseWithCache(root, files, {...defaultConfig(), maxFileSize: 100_000}, cache, stats)
    expect(stats).toEqual({reused: 0, parsed: 40})
  })

  it('works from the command line', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'factlint-cache-corpus-'))
    const cache = mkdtempSync(path.join(tmpdir(), 'factlint-cache-'))
    expect(spawnSync(process.execPath, [path.resolve('../shared/tools/gen-corpus.mjs'), root, '50', '5']).status).toBe(0)
    const run = (...extra: string[]) => spawnSync(process.execPath, [path.resolve('dist/bin.js'), 'check', root, '--format', 'json', ...extra], {encoding: 'utf8'}).stdout
    const plain = run()
    expect(run('--cache-location', cache)).toBe(plain)
    expect(run('--cache-location', cache)).toBe(plain)
  })
})
