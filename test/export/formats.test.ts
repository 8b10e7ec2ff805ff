/**
 * Every export format on the real corpus and on the fixtures: what comes out reads back
 * (with our reader, the CSL schema, citation-js's RIS reader) as the entries that went in.
 */
import {describe, expect, it} from 'vitest'
import {canonicalType, readBibliography, toCsl, type Bibliography} from '../../src/bibliography/index.js'
import {risToCsl} from '../../src/bibliography/ris.js'
import {exportBibliography} from '../../src/export/index.js'
import type {BibEntry} from '../../src/types.js'
import {bibliographies, bibliography, keysOf, validateCslData} from './helpers.js'

const names = Object.keys(bibliographies) as Array<keyof typeof bibliographies>

function firstEntries(bib: Bibliography): Map<string, BibEntry> {
  const map = new Map<string, BibEntry>()
  for (const entry of bib.entries) if (!map.has(entry.key)) map.set(entry.key, entry)
  return map
}

/** An entry's fields with BibLaTeX's names, as biber reads BibTeX's. */
function biblatexView(entry: BibEntry): Record<string, string> {
  const fields: Record<string, string> = {}
  const aliases: Record<string, string> = {journal: 'journaltitle', address: 'location', school: 'institution'}
  for (const [name, value] of Object.entries(entry.fields)) {
    const target = aliases[name] ?? name
    if (name !== target && entry.fields[target] !== undefined) continue
    fields[target] = value
  }
  const subtype: Record<string, string> = {techreport: 'techreport', phdthesis: 'phdthesis', mastersthesis: 'mathesis'}
  if (subtype[entry.type] !== undefined && fields['type'] === undefined) fields['type'] = subtype[entry.type] as string
  if (fields['date'] === undefined && fields['year'] !== undefined && /^\d{4}$/.test(fields['year'])) {
    const month = fields['month']
    fields['date'] = month !== undefined && /^\d{1,2}$/.test(month) ? `${fields['year']}-${month.padStart(2, '0')}` : fields['year']
    if (month === undefined || /^\d{1,2}$/.test(month)) delete fields['month']
    delete fields['year']
  } else if (fields['date'] !== undefined) {
    delete fields['year']
    delete fields['month']
  }
  return fields
}

const bibtexTypes = new Set(['conference', 'article', 'book', 'booklet', 'inbook', 'incollection', 'inproceedings', 'manual', 'mastersthesis', 'misc', 'phdthesis', 'proceedings', 'techreport', 'unpublished'])

describe.each(names)('export of %s', (name) => {
  const bib = bibliography(name)
  const keys = keysOf(bib)

  it('biblatex: every entry reads back with the same fields, under BibLaTeX names', () => {
    const result = exportBibliography(bib, 'biblatex')
    expect(result.failures).toEqual([])
    const back = readBibliography(result.output)
    expect(keysOf(back)).toEqual(keys)
    const original = firstEntries(bib)
    for (const entry of firstEntries(back).values()) {
      const source = original.get(entry.key) as BibEntry
      expect(canonicalType(entry.type), entry.key).toBe(canonicalType(source.type))
      expect(biblatexView(entry), entry.key).toEqual(biblatexView(source))
      for (const bibtexName of ['journal', 'address', 'school']) {
        if (source.fields[bibtexName] !== undefined && entry.fields[bibtexName] !== undefined) expect.fail(`${entry.key} keeps ${bibtexName}`)
      }
    }
    expect(back.problems.filter((problem) => problem.kind === 'parse')).toEqual([])
  })

  it('bibtex: every entry reads back under BibTeX names and types, with the same titles, names and years', () => {
    const result = exportBibliography(bib, 'bibtex')
    expect(result.failures).toEqual([])
    const back = readBibliography(result.output)
    // xdata entries are folded into the entries that use them.
    expect(keysOf(back)).toEqual(expect.arrayContaining(keys.filter((key) => firstEntries(bib).get(key)?.type !== 'xdata')))
    const original = firstEntries(bib)
    for (const entry of firstEntries(back).values()) {
      const source = original.get(entry.key) as BibEntry
      expect(bibtexTypes.has(entry.type) || !bibtexTypes.has(canonicalType(source.type)), `${entry.key}: @${entry.type}`).toBe(true)
      expect(entry.fields['journaltitle'], entry.key).toBeUndefined()
      expect(entry.fields['location'], entry.key).toBeUndefined()
      for (const field of ['author', 'editor', 'publisher', 'url', 'doi', 'isbn']) expect(entry.fields[field], `${entry.key}.${field}`).toBe(source.fields[field])
      const subtitle = source.fields['subtitle']
      if (source.fields['title'] !== undefined) {
        expect(entry.fields['title'], entry.key).toBe(subtitle === undefined ? source.fields['title'] : `${source.fields['title']}: ${subtitle}`)
      }
      const year = (source.fields['date'] ?? source.fields['year'])?.slice(0, 4)
      if (year !== undefined && /^\d{4}$/.test(year)) expect(entry.fields['year']?.slice(0, 4), entry.key).toBe(year)
    }
  })

  it('csl-json: validates against the official CSL-JSON schema, one item per entry, keyed by citation key', () => {
    const result = exportBibliography(bib, 'csl-json')
    const items = JSON.parse(result.output) as Array<{id: string; 'citation-key': string}>
    expect(validateCslData(items), JSON.stringify(validateCslData.errors?.slice(0, 3))).toBe(true)
    expect(items.map((item) => item.id)).toEqual(keys)
    expect(items.every((item) => item['citation-key'] === item.id)).toBe(true)
  })

  it('ris: reads back (citation-js) with the same keys and titles, one record per entry', () => {
    const result = exportBibliography(bib, 'ris')
    const items = toCsl(bib).items
    const back = risToCsl(result.output)
    // RIS's ID holds 20 characters; readers cut longer keys, and the export says so.
    expect(back.map((item) => item['id'])).toEqual(items.map((item) => item.id.slice(0, 20)))
    const long = items.filter((item) => item.id.length > 20)
    expect(result.notes.some((note) => note.startsWith('RIS keeps 20 characters of an ID'))).toBe(long.length > 0)
    expect(back.map((item) => item['title'])).toEqual(items.map((item) => item['title']))
    expect(result.output.split('\n').every((line) => line === '' || /^[A-Z][A-Z0-9]  - /.test(line))).toBe(true)
    expect(result.output.match(/^TY {2}- /gm)).toHaveLength(keys.length)
  })

  it('text and html: one formatted reference per entry', () => {
    const text = exportBibliography(bib, 'text')
    expect(text.exported.sort()).toEqual([...keys].sort())
    expect(text.output.trim().split('\n')).toHaveLength(keys.length)
    const html = exportBibliography(bib, 'html')
    const ids = [...html.output.matchAll(/data-csl-entry-id="([^"]*)"/g)].map((match) => match[1])
    expect(ids.sort()).toEqual([...keys].sort())
    expect(html.output.startsWith('<div class="csl-bib-body">')).toBe(true)
  })
})

describe('what a format cannot carry', () => {
  it('keeps the tier keyword in every format: BibTeX/BibLaTeX keywords, CSL keyword, RIS KW', () => {
    const bib = bibliography('corpus')
    for (const format of ['bibtex', 'biblatex'] as const) expect(exportBibliography(bib, format).output).toContain('keywords = {tier:primary}')
    expect(JSON.parse(exportBibliography(bib, 'csl-json').output)[0].keyword).toBe('tier:popular')
    const ris = exportBibliography(bib, 'ris')
    expect(ris.output).toContain('KW  - tier:primary')
    expect(ris.notes.filter((note) => !note.startsWith('RIS keeps 20 characters'))).toEqual([])
  })

  it('names each field CSL cannot hold once, with the entries that have it', () => {
    const result = exportBibliography(bibliography('biblatex-examples'), 'csl-json')
    const file = result.notes.filter((note) => note.includes('`file`'))
    expect(file).toEqual(['CSL-JSON has no field for `file`; left out (2 entries: laufenberg, padhye)'])
    const fields = result.notes.map((note) => /^CSL-JSON has no field for `([^`]+)`/.exec(note)?.[1]).filter(Boolean)
    expect(new Set(fields).size).toBe(fields.length)
    expect(fields).not.toContain('keywords')
    expect(result.notes.every((note) => !note.includes('\n'))).toBe(true)
  })

  it('names the CSL fields RIS has no tag for, read back from the RIS itself', () => {
    const result = exportBibliography(bibliography('biblatex-examples'), 'ris')
    expect(result.notes).toContainEqual(expect.stringMatching(/^RIS has no tag for CSL `annote`; left out \(\d+ entries: /))
  })

  it('says which BibLaTeX types BibTeX has no name for', () => {
    const result = exportBibliography(bibliography('corpus'), 'bibtex')
    expect(result.notes).toContain(
      'BibTeX has no @online: written as @misc; use `biblatex` to keep the type (10 entries: unhcr2006, mnm-oral-history, rev-1956-archive, wilson-hungary-1956, fortepan-1956, …)'
    )
    expect(exportBibliography(bibliography('corpus'), 'biblatex').notes).toEqual([])
  })
})

describe('BibTeX and BibLaTeX details', () => {
  const bib = readBibliography(`@string{pup = "Princeton University Press"}
@techreport{r1, author = {{UN}}, title = {Report}, institution = {UN}, year = 1957, month = nov}
@thesis{t1, author = {Szabó, Anna}, title = {Councils}, subtitle = {Budapest 1956}, type = {mathesis}, institution = {ELTE}, date = {2015-06-30}}
@incollection{c1, author = {A, B}, title = {Part}, crossref = {p1}, pages = {1--2}}
@collection{p1, editor = {E, F}, title = {Whole}, publisher = pup, date = {2000}}
@book{x1, title = {With xdata}, xdata = {xd}, date = {2001}}
@xdata{xd, author = {Gati, Charles}, publisher = {Stanford University Press}}
`)

  it('biblatex: BibTeX types and fields become BibLaTeX ones', () => {
    const {output} = exportBibliography(bib, 'biblatex')
    expect(output).toContain('@report{r1,\n  author = {{UN}},\n  title = {Report},\n  institution = {UN},\n  date = {1957-11},\n  type = {techreport},\n}')
    expect(output).toContain('publisher = {Princeton University Press}')
    expect(output).toContain('@xdata{xd,')
  })

  it('bibtex: theses by kind, subtitles joined, dates split, xdata folded in, cross-referenced entries last', () => {
    const {output} = exportBibliography(bib, 'bibtex')
    expect(output).toContain('@mastersthesis{t1,\n  author = {Szabó, Anna},\n  title = {Councils: Budapest 1956},\n  school = {ELTE},\n  year = {2015},\n  month = jun,\n  date = {2015-06-30},\n}')
    expect(output).toContain('@techreport{r1,\n  author = {{UN}},\n  title = {Report},\n  institution = {UN},\n  year = {1957},\n  month = nov,\n}')
    expect(output).toContain('@book{x1,\n  title = {With xdata},\n  year = {2001},\n  author = {Gati, Charles},\n  publisher = {Stanford University Press},\n}')
    expect(output).not.toMatch(/@xdata|xdata =/)
    const order = [...output.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1])
    expect(order.indexOf('p1')).toBeGreaterThan(order.indexOf('c1'))
  })

  it('takes the parents of the chosen entries along', () => {
    const result = exportBibliography(bib, 'biblatex', {keys: ['c1']})
    expect(result.exported).toEqual(['c1', 'p1'])
    const csl = JSON.parse(exportBibliography(bib, 'csl-json', {keys: ['c1']}).output) as Array<{id: string; 'container-title'?: string}>
    expect(csl).toEqual([expect.objectContaining({id: 'c1', 'container-title': 'Whole'})])
  })

  it('names a key it cannot find and exports the others', () => {
    for (const format of ['bibtex', 'biblatex', 'csl-json', 'ris', 'text'] as const) {
      const result = exportBibliography(bib, format, {keys: ['r1', 'nowhere', 't1']})
      expect(result.failures, format).toEqual([{key: 'nowhere', reason: 'No entry with key `nowhere` could be read'}])
      expect(result.exported.sort(), format).toEqual(['r1', 't1'])
    }
  })

  it('names an entry citation-js cannot convert and exports the others', () => {
    const broken = readBibliography(`@incollection{child, author = {A, B}, title = {Part}, crossref = {parent}, year = 2000}
@collection{parent, editor = {E, F}, title = {$x^$}, year = 2000}
@book{ok, author = {C, D}, title = {Fine}, year = 2001}`)
    const result = exportBibliography(broken, 'csl-json')
    expect(result.failures.map((failure) => failure.key)).toEqual(['child'])
    expect(result.exported).toEqual(['parent', 'ok'])
  })
})
