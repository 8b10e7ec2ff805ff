/**
 * The fast path (`plain-text.ts`) must give exactly what the LaTeX parser gives: the same
 * entries, fields (in the same order), places, problems, raw and standalone texts. Both
 * paths read the same files and generated values, and the results are compared whole.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {readBibliography, readBibliographyThroughParser} from '../../src/bibliography/read.js'
import type {Bibliography, ReadBibliographyOptions} from '../../src/bibliography/read.js'
import {needsLatexParser, plainFieldText} from '../../src/bibliography/plain-text.js'

const repository = new URL('../../', import.meta.url)
const readText = (relative: string): string => readFileSync(new URL(relative, repository), 'utf8')

/**
 * Where two values first differ: in a primitive, a prototype (records are prototype-free)
 * or the own keys and their order. `toStrictEqual` cannot be used: it compares objects'
 * `constructor` properties, and a field called `constructor` is data here.
 */
function firstDifference(actual: unknown, expected: unknown, at = 'result'): string | undefined {
  if (typeof actual !== 'object' || actual === null || typeof expected !== 'object' || expected === null) {
    return Object.is(actual, expected) ? undefined : `${at}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`
  }
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return `${at}: another prototype`
  const actualKeys = Reflect.ownKeys(actual).map(String)
  const expectedKeys = Reflect.ownKeys(expected).map(String)
  if (actualKeys.join('\n') !== expectedKeys.join('\n')) {
    return `${at}: keys ${JSON.stringify(actualKeys)} ≠ ${JSON.stringify(expectedKeys)}`
  }
  for (const key of actualKeys) {
    const difference = firstDifference(
      (actual as Record<string, unknown>)[key],
      (expected as Record<string, unknown>)[key],
      `${at}.${key}`
    )
    if (difference) return difference
  }
  return undefined
}

/** The fast path's reading is the parser's, down to key order (which JSON output shows). */
function expectSameReading(text: string, options?: ReadBibliographyOptions): Bibliography {
  const fast = readBibliography(text, options)
  const slow = readBibliographyThroughParser(text, options)
  expect(firstDifference(fast, slow)).toBeUndefined()
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow))
  return fast
}

const undatedWeb: ReadBibliographyOptions = {allowUndated: ['online', 'misc']}

describe('both paths read real files identically', () => {
  it.each([
    ['corpus/bibliography.bib'],
    ['test/fixtures/bibliography/biblatex-examples.bib'],
    ['test/fixtures/bibliography/zotero-export.bib']
  ])('%s', (relative) => {
    const text = readText(relative)
    const bib = expectSameReading(text, undatedWeb)
    expectSameReading(text)
    expect(bib.entries.length).toBeGreaterThan(10)
  })
})

describe('both paths read the synthetic corpora identically', () => {
  const generator = fileURLToPath(new URL('../shared/tools/gen-corpus.mjs', repository))
  let directory = ''
  beforeAll(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'factlint-bib-'))
  })
  afterAll(() => rmSync(directory, {recursive: true, force: true}))

  // 100,000 claims take about ten seconds to write: run with FACTLINT_BIG_CORPUS=1.
  const sizes = process.env['FACTLINT_BIG_CORPUS'] ? [10_000, 100_000] : [10_000]
  it.runIf(existsSync(generator)).each(sizes)('%i claims', (claims) => {
    const target = path.join(directory, String(claims))
    const generated = spawnSync(process.execPath, [generator, target, String(claims)], {encoding: 'utf8'})
    expect(generated.status, generated.stderr).toBe(0)
    const text = readFileSync(path.join(target, 'bibliography.bib'), 'utf8')
    const bib = expectSameReading(text, undatedWeb)
    expect(bib.entries).toHaveLength(claims / 50)
  }, 120_000)
})

describe('plainFieldText', () => {
  it.each([
    ['pages', '75--92', '75–92'],
    ['title', "The {UN} Special Committee: ``Report'' --- 1957", 'The UN Special Committee: “Report” — 1957'],
    ['author', 'Standeisky, Ernő and Körösényi, Peter', 'Standeisky, Ernő; Körösényi, Peter'],
    ['author', 'Ludwig van Beethoven and {United Nations}', 'van Beethoven, Ludwig; United Nations'],
    ['editor', 'Doe, Jr, John', 'Doe, Jr, John'],
    ['publisher', '{Yale University Press} and Corvina', 'Yale University Press; Corvina'],
    ['year', '0012', '12'],
    ['month', 'January', '1'],
    ['url', '{https://example.org/a_b?x=1&y=2#f}', 'https://example.org/a_b?x=1&y=2#f'],
    ['note', 'a~b\n  c', 'a b c'],
    ['title', '  ', undefined],
    ['keywords', ' , ', undefined]
  ])('%s = {%s} reads as %j', (name, tex, expected) => {
    expect(plainFieldText(name, tex)).toBe(expected)
  })

  it.each([
    ['title', "{\\'a}"],
    ['title', '$x$'],
    ['url', 'https://example.org/a%20b'],
    ['title', 'a <b> c'],
    ['note', 'one\n\ntwo'],
    ['note', 'one\r\ntwo'],
    ['title', 'a } b {'],
    ['author', 'family=Doe, given=John'],
    ['author', 'a, b, c, d'],
    ['month', 'constructor'],
    ['keywords+duplicate-1', 'x']
  ])('leaves %s = {%s} to the parser', (name, tex) => {
    expect(plainFieldText(name, tex)).toBe(needsLatexParser)
  })
})

describe('escaped special characters', () => {
  const values = ['Weidenfeld \\& Nicolson', 'Texas A\\&M University Press', 'A \\& B and C', 'Smith \\& Jones and Doe, J', '50\\% off', 'x\\_y', 'a\\#b', '\\$5', '\\&--x', 'Smith, J \\& K', '{A\\&M}']
  const fields = ['publisher', 'author', 'editor', 'title', 'journal', 'url', 'doi', 'keywords', 'note', 'file', 'year', 'month', 'pages']

  it('are read by the fast path, as the parser reads them, in every kind of field', () => {
    const text = values.map((tex, index) => [`@misc{key${index},`, ...fields.map((name) => `  ${name} = {${tex}},`), '}', ''].join('\n')).join('\n')
    expectSameReading(text, undatedWeb)
    for (const tex of values) expect(plainFieldText('publisher', tex), tex).not.toBe(needsLatexParser)
  })
})

describe('both paths read generated values identically', () => {
  const fieldNames = [
    'author', 'editor', 'translator', 'bookauthor', 'holder', 'title', 'subtitle', 'booktitle', 'journaltitle',
    'journal', 'series', 'publisher', 'location', 'address', 'institution', 'organization', 'year', 'month',
    'date', 'pages', 'volume', 'number', 'url', 'doi', 'eprint', 'file', 'keywords', 'note', 'annotation',
    'crossref', 'langid', 'isbn', 'citeulike-linkout-1', 'bdsk-url-2', 'howpublished', 'type', 'foo_bar',
    // Names the parser renames or treats as object keys: such an entry is read by the parser alone.
    'keywords+duplicate-1', 'constructor'
  ]
  const word = fc.constantFrom(
    'Nagy', 'Imre', 'Szabó', 'Ágnes', 'Ő', 'e\u0301', 'van', 'der', 'de', 'la', "d'Ors", 'Jr', 'III', 'and', 'AND',
    'And', 'Anderson', 'UN', '1956', '0012', '-12', '12.5', '.5', '3.', '1.2.3', 'jan', 'May', 'December',
    'tier:primary', 'tier:press', 'https://example.org/a_b?x=1', '10.1000/xyz', 'given=John', 'family',
    'x^2', 'a_b', '@', '|', '€', '𝔘', '\u00a0', 'constructor', '__proto__', 'x'
  )
  const punctuation = fc.constantFrom(
    ',', ';', ':', '.', '-', '--', '---', '~', "'", "''", '`', '``', '"', '!', '?', '(', ')', '[', ']', '*',
    '/', '=', '+', '&', '#'
  )
  const space = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', ' \n  ', '\n\n')
  const latex = fc.constantFrom(
    "{\\'a}", '{\\"o}', "\\'e", '\\emph{x}', '\\&', '$x$', '\\TeX', '100\\%', '<b>', 'a>b', '\\\\', "\\'{E}",
    // Escaped special characters, which the fast path reads as the characters.
    '\\$5', 'a\\#b', 'x\\_y', 'A\\&M', '\\&--', '\\_\\_', '\\%\\&',
    '%', '{', '}', '\r\n', '\\enquote*{q}', '$', '\\newcommand{\\mine}{Mine}', '\\mine'
  )
  const atom = fc.oneof(
    {weight: 10, arbitrary: word},
    {weight: 4, arbitrary: punctuation},
    {weight: 6, arbitrary: space},
    {weight: 1, arbitrary: latex}
  )
  const run = (item: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.array(item, {maxLength: 10}).map((parts) => parts.join(''))
  const inner = run(atom)
  const middle = run(fc.oneof({weight: 5, arbitrary: atom}, {weight: 1, arbitrary: inner.map((text) => `{${text}}`)}))
  const value = run(fc.oneof({weight: 5, arbitrary: atom}, {weight: 1, arbitrary: middle.map((text) => `{${text}}`)}))

  /** Names in the shapes BibTeX knows, so that the name rules meet more than noise. */
  const person = fc.oneof(
    fc.tuple(word, word).map(([last, first]) => `${last}, ${first}`),
    fc.tuple(word, word, word).map(([last, junior, first]) => `${last}, ${junior}, ${first}`),
    fc.tuple(word, fc.constantFrom('van', 'de la', 'von der'), word).map(([first, von, last]) => `${first} ${von} ${last}`),
    fc
      .tuple(fc.constantFrom('van', 'de la', "d'", "l'abbé", 'Mac'), word, word)
      .map(([von, last, first]) => `${von} ${last}, ${first}`),
    fc.tuple(word, word, fc.constantFrom(',', ', ', ',,', ', , ')).map(([last, junior, tail]) => `${last}, ${junior}${tail}`),
    word.map((corporate) => `{${corporate} Institute}`),
    value
  )
  const names = fc.array(person, {minLength: 1, maxLength: 4}).map((people) => people.join(' and '))

  const entry = fc.record({
    type: fc.constantFrom('article', 'book', 'misc', 'online', 'artcle'),
    fields: fc.uniqueArray(
      fc.tuple(fc.constantFrom(...fieldNames), fc.oneof({weight: 3, arbitrary: value}, {weight: 1, arbitrary: names})),
      {minLength: 1, maxLength: 6, selector: ([name]) => name}
    )
  })

  const bibtex = (entries: Array<{type: string; fields: Array<[string, string]>}>): string =>
    entries
      .map(({type, fields}, index) =>
        [`@${type}{key${index},`, ...fields.map(([name, tex]) => `  ${name} = {${tex}},`), '}', ''].join('\n')
      )
      .join('\n')

  it('generates mostly values the fast path reads, so that the comparison tests it', () => {
    const outcomes = fc
      .sample(entry, {numRuns: 400, seed: 1956})
      .flatMap(({fields}) => fields.map(([name, tex]) => plainFieldText(name, tex) === needsLatexParser))
    const parsed = outcomes.filter(Boolean).length
    expect(parsed).toBeGreaterThan(outcomes.length * 0.1)
    expect(parsed).toBeLessThan(outcomes.length * 0.6)
  })

  // FACTLINT_FAST_PATH_RUNS=20000 searches harder (a minute or two), in batches that
  // leave vitest's worker time to report.
  const runs = Number(process.env['FACTLINT_FAST_PATH_RUNS'] ?? 150)
  const batches = Array.from({length: Math.ceil(runs / 1000)}, (_, index) => Math.min(1000, runs - index * 1000))
  it.each(batches)('for entries of generated fields (%i runs)', (numRuns) => {
    fc.assert(
      fc.property(fc.array(entry, {minLength: 1, maxLength: 3}), (entries) => {
        expectSameReading(bibtex(entries), undatedWeb)
      }),
      {numRuns}
    )
  }, 60_000)
})
