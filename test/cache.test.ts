/**
 * `--cache` must give exactly the findings of a full run, whatever changed in between, and
 * check again only the files that changed.
 */
import {spawnSync} from 'node:child_process'
import {appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {CacheOptions, CacheStats} from '../src/cache/claim-cache.js'
import {decodeShard, encodeShard, type CacheEntry} from '../src/cache/shard-codec.js'
import {lintCorpus} from '../src/lint.js'
import {listMarkdownFiles} from '../src/pipeline/read.js'
import {buildReport} from '../src/report/model.js'
import {claimStatuses, qualifiers, stances, type Place, type SeveritySetting} from '../src/types.js'
import {claim, defaultBibliography, defaultMeasures, validClaim, writeCorpus} from './helpers/corpus.js'

const generator = path.resolve('../shared/tools/gen-corpus.mjs')

function syntheticCorpus(claims: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'factlint-cache-corpus-'))
  expect(spawnSync(process.execPath, [generator, root, String(claims), '5']).status).toBe(0)
  return root
}

function report(root: string, cache?: Omit<CacheOptions, 'stats'>, ruleOverrides?: Record<string, SeveritySetting>): {json: string; stats: CacheStats} {
  const stats: CacheStats = {reused: 0, checked: 0, hashed: 0}
  const result = lintCorpus({root, ...(cache ? {cache: {...cache, stats}} : {}), ...(ruleOverrides ? {ruleOverrides} : {})})
  return {json: JSON.stringify(buildReport(result)), stats}
}

function full(root: string, ruleOverrides?: Record<string, SeveritySetting>): string {
  return report(root, undefined, ruleOverrides).json
}

/** A clock ten seconds ahead: what it records counts as settled at once. */
const later = () => Date.now() + 10_000

describe('--cache', () => {
  it('gives the findings of a full run, and checks again only the file that changed', () => {
    const root = syntheticCorpus(300)
    const location = mkdtempSync(path.join(tmpdir(), 'factlint-cache-'))
    const cold = report(root, {location})
    expect(cold.json).toBe(full(root))
    expect(cold.stats).toEqual({reused: 0, checked: 300, hashed: 300})

    // Files written moments ago are hashed, not trusted by their times.
    const warm = report(root, {location})
    expect(warm.json).toBe(cold.json)
    expect(warm.stats).toEqual({reused: 300, checked: 0, hashed: 300})

    // Edit one claim so that it cites an unknown key.
    const [first] = listMarkdownFiles(root, 'claims')
    const file = path.join(root, first as string)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/sources:\n/, 'sources:\n  - key: no-such-work2020\n'))
    const edited = report(root, {location})
    expect(edited.stats).toEqual({reused: 299, checked: 1, hashed: 300})
    expect(edited.json).toBe(full(root))
    expect(edited.json).toContain('no-such-work2020')
  })

  it('trusts a settled file by its size and times, and still sees an edit that keeps both', () => {
    const root = syntheticCorpus(60)
    const location = mkdtempSync(path.join(tmpdir(), 'factlint-cache-'))
    report(root, {location, now: later})
    const settled = report(root, {location, now: later})
    expect(settled.stats).toEqual({reused: 60, checked: 0, hashed: 0})

    // Same length, modification time put back: the change time still tells.
    const [first] = listMarkdownFiles(root, 'claims')
    const file = path.join(root, first as string)
    const before = statSync(file)
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, text.replace('status: unverified', 'status: verified  '))
    expect(statSync(file).size).toBe(before.size)
    utimesSync(file, before.atime, before.mtime)
    const edited = report(root, {location, now: later})
    expect(edited.stats).toEqual({reused: 59, checked: 1, hashed: 1})
    expect(edited.json).toBe(full(root))
  })

  it('hashes every file with the content strategy', () => {
    const root = syntheticCorpus(30)
    const location = mkdtempSync(path.join(tmpdir(), 'factlint-cache-'))
    report(root, {location, now: later})
    expect(report(root, {location, strategy: 'content', now: later}).stats).toEqual({reused: 30, checked: 0, hashed: 30})
  })

  it('checks every file again when the bibliography, the measures, the config or a --rule flag change', () => {
    const root = syntheticCorpus(40)
    const location = mkdtempSync(path.join(tmpdir(), 'factlint-cache-'))
    const fresh = () => report(root, {location, now: later})
    fresh()
    expect(fresh().stats.checked).toBe(0)

    // A key the claims cite disappears: `unknown-source` findings appear in every file that cites it.
    const bibliography = path.join(root, 'bibliography.bib')
    const bib = readFileSync(bibliography, 'utf8')
    const firstKey = /@\w+\{([^,]+),/.exec(bib)?.[1] as string
    writeFileSync(bibliography, bib.replace(`{${firstKey},`, `{${firstKey}-renamed,`))
    const renamed = fresh()
    expect(renamed.stats.checked).toBe(40)
    expect(renamed.json).toBe(full(root))
    expect(renamed.json).toContain('unknown-source')

    appendFileSync(path.join(root, 'measures.yaml'), '  extra-measure:\n    label: Extra\n    kind: count\n')
    expect(fresh().stats.checked).toBe(40)

    writeFileSync(path.join(root, 'factlint.config.json'), JSON.stringify({rules: {'according-to-whom': 'off'}}))
    const configured = fresh()
    expect(configured.stats.checked).toBe(40)
    expect(configured.json).toBe(full(root))

    const overridden = report(root, {location, now: later}, {'locator-needed': 'off'})
    expect(overridden.stats.checked).toBe(40)
    expect(overridden.json).toBe(full(root, {'locator-needed': 'off'}))
  })

  it('follows files added and removed, and survives a damaged cache file', () => {
    const root = syntheticCorpus(40)
    const location = mkdtempSync(path.join(tmpdir(), 'factlint-cache-'))
    report(root, {location})
    const [first, second] = listMarkdownFiles(root, 'claims')
    rmSync(path.join(root, first as string))
    writeFileSync(path.join(root, 'claims', 'added.md'), readFileSync(path.join(root, second as string)))
    const changed = report(root, {location})
    expect(changed.stats).toEqual({reused: 39, checked: 1, hashed: 40})
    expect(changed.json).toBe(full(root))

    for (const name of readdirSync(location)) writeFileSync(path.join(location, name), 'not a cache')
    const damaged = report(root, {location})
    expect(damaged.stats.checked).toBe(40)
    expect(damaged.json).toBe(full(root))
  })

  it('gives the findings of a full run on hostile files: odd names, bad bytes, huge numbers, a broken bibliography', () => {
    const root = writeCorpus({
      'claims/s/a.md': validClaim('a', '  - key: constructor\nfigures:\n  - measure: constructor\n    value: 5\n    qualifier: exact\n  - measure: deaths-hungarian-1956\n    value: 1e999\n    qualifier: exact'),
      'claims/s/b.md': claim('id: b\nsources: [toString]'),
      'claims/s/c.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]),
      'claims/s/d.md': 'no frontmatter at all\n',
      'claims/s/e.md': validClaim('e', '', 'About 2,500 Hungarians and 700 Soviet soldiers died [@lendvai2008, p. 5].'),
      'claims/s/f.md': validClaim('f', 'figures:\n  - measure: deaths-hungarian-1956\n    value: .inf\n    qualifier: at-least\n  - measure: deaths-hungarian-1956\n    value: 2500\n    qualifier: at-least'),
      'bibliography.bib': `${defaultBibliography}\n@book{__proto__, title = {T\\'{e}st}, author = {A, B}, date = {2000}, publisher = {P}, location = {L}}\n@book{broken, title = {unclosed\n`,
      'measures.yaml': `${defaultMeasures}  odd:\n    label: Odd\n    kind: count\n    tolerance: 1e999\n`
    })
    const location = mkdtempSync(path.join(tmpdir(), 'factlint-cache-'))
    const expected = full(root)
    expect(report(root, {location}).json).toBe(expected)
    const again = report(root, {location})
    expect(again.stats).toEqual({reused: 6, checked: 0, hashed: 6})
    expect(again.json).toBe(expected)
  })

  it('works from the command line', () => {
    const root = syntheticCorpus(50)
    const location = mkdtempSync(path.join(tmpdir(), 'factlint-cache-'))
    const run = (...extra: string[]) => spawnSync(process.execPath, [path.resolve('dist/bin.js'), 'check', root, '--format', 'json', ...extra], {encoding: 'utf8'})
    const plain = run().stdout
    expect(run('--cache-location', location).stdout).toBe(plain)
    expect(run('--cache', '--cache-location', location, '--cache-strategy', 'content').stdout).toBe(plain)
    const wrong = run('--cache', '--cache-strategy', 'mtime')
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain('Unexpected --cache-strategy `mtime`, expected metadata or content')
  })

  it('refuses to keep full facts, which it does not store', () => {
    const root = writeCorpus({'claims/a/one.md': validClaim('one')})
    const location = mkdtempSync(path.join(tmpdir(), 'factlint-cache-'))
    expect(() => lintCorpus({root, keepFacts: true, cache: {location}})).toThrow('`keepFacts` and `cache` cannot be combined')
    expect(readdirSync(location)).toEqual([])
  })
})

describe('cache shards', () => {
  it('give back infinite interval ends and other numbers JSON cannot hold', () => {
    const place = {start: {line: 2, column: 3, offset: 9}, end: {line: 2, column: 8, offset: 14}}
    const figure = (value: number, lo: number, hi: number) => ({index: 0, measure: 'm', value, qualifier: 'at-least' as const, place, fieldPlaces: {value: place}, interval: {lo, hi, loOpen: false, hiOpen: true}})
    const entry: CacheEntry = {
      hash: 'h',
      stamp: {size: 1, mtimeMs: 2.5, ctimeMs: 3.5, ino: 4},
      stampedAt: 5,
      outcome: {
        claim: {path: 'claims/s/a.md', stem: 'a', section: 's', sources: [], bodyCitations: [], figures: [figure(2500, 2500, Infinity), figure(Infinity, -Infinity, Infinity)]},
        readable: true,
        reports: [{ruleId: 'schema', file: 'claims/s/a.md', reason: 'r', place, actual: 'x'}]
      }
    }
    const text = encodeShard('f', new Map([['claims/s/a.md', entry]]))
    expect(decodeShard(text, 'f').get('claims/s/a.md')).toEqual(entry)
    expect(decodeShard(text, 'another fingerprint').size).toBe(0)
    // Written values are never changed: the run goes on using them.
    expect(entry.outcome.claim.figures[0]?.interval?.hi).toBe(Infinity)
  })

  it('give back every outcome exactly as it was written, whatever its shape', () => {
    const count = fc.integer({min: 0, max: 10_000})
    const point = fc.record({line: count, column: count, offset: count})
    // The usual shapes are packed into arrays; anything else is kept as it is.
    const place: fc.Arbitrary<Place> = fc.oneof(
      fc.record({start: point, end: point}),
      fc.record({start: point}),
      fc.record({start: fc.record({line: count, column: count})}),
      fc.record({start: point, end: fc.record({line: count, column: count})})
    )
    // Any UTF-16 text, lone surrogates too: shards are written in ASCII and must give it all back.
    const word = fc.string({minLength: 1, maxLength: 8, unit: 'binary'})
    const end = fc.oneof(fc.double({noNaN: true, noDefaultInfinity: true}), fc.constantFrom(Infinity, -Infinity))
    const interval = fc.record({lo: end, hi: end, loOpen: fc.boolean(), hiOpen: fc.boolean()})
    const figure = fc.record(
      {
        index: count,
        measure: word,
        value: fc.oneof(fc.double({noNaN: true}), word, fc.record({min: fc.integer(), max: fc.integer()})),
        qualifier: fc.constantFrom(...qualifiers),
        place,
        fieldPlaces: fc.record({value: place}, {requiredKeys: []}),
        interval: fc.option(interval),
        text: word,
        unit: word
      },
      {requiredKeys: ['index', 'measure', 'value', 'qualifier', 'place', 'fieldPlaces']}
    )
    const entry = (file: string) =>
      fc.record({
        hash: word,
        stamp: fc.record({size: count, mtimeMs: fc.double({min: 0, max: 2e12, noNaN: true}), ctimeMs: fc.double({min: 0, max: 2e12, noNaN: true}), ino: count}),
        stampedAt: count,
        outcome: fc.record({
          claim: fc.record(
            {
              path: fc.oneof(fc.constant(file), word),
              stem: word,
              section: word,
              sources: fc.array(fc.record({key: word, locator: word, stance: fc.constantFrom(...stances)}, {requiredKeys: ['key', 'stance']}), {maxLength: 3}),
              figures: fc.array(figure, {maxLength: 3}),
              bodyCitations: fc.array(fc.record({key: word, locator: word}, {requiredKeys: ['key']}), {maxLength: 3}),
              id: word,
              idPlace: place,
              status: fc.constantFrom(...claimStatuses)
            },
            {requiredKeys: ['path', 'stem', 'section', 'sources', 'figures', 'bodyCitations']}
          ),
          readable: fc.boolean(),
          reports: fc.array(
            fc.record(
              {
                ruleId: fc.constantFrom('schema', 'locator-needed', 'conflicting-figures'),
                file: fc.oneof(fc.constant(file), word),
                reason: fc.string({unit: 'binary'}),
                place,
                cause: fc.record({file: word, place, reason: word}, {requiredKeys: ['file']}),
                note: word,
                actual: word,
                expected: fc.array(word, {maxLength: 2}),
                documented: fc.boolean()
              },
              {requiredKeys: ['ruleId', 'reason']}
            ),
            {maxLength: 3}
          )
        })
      }) as fc.Arbitrary<CacheEntry>
    const shard = fc.uniqueArray(word, {maxLength: 4}).chain((files) => fc.tuple(...files.map((file) => entry(file).map((value) => [file, value] as const))))
    fc.assert(
      fc.property(shard, (entries) => {
        const written = new Map(entries)
        const text = encodeShard('f', written)
        expect(text).toMatch(/^[\x20-\x7f]*$/)
        const read = decodeShard(Buffer.from(text, 'latin1').toString('latin1'), 'f')
        expect(read).toEqual(written)
        // Claims come back with their fields in the order the per-file phase writes them
        // (a report's fields are read one by one, in no order).
        const claims = (entries: Map<string, CacheEntry>) => JSON.stringify([...entries.values()].map((entry) => entry.outcome.claim), writeInfinity)
        expect(claims(read)).toBe(claims(written))
        expect(encodeShard('f', read)).toBe(text)
      }),
      {numRuns: 300}
    )
  })
})

/** JSON.stringify writes infinite numbers as `null`: tell them apart when comparing. */
function writeInfinity(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? `number:${value}` : value
}
