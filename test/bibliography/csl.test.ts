import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {readBibliography, toCsl} from '../../src/bibliography/index.js'

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/bibliography/${name}`, import.meta.url), 'utf8')

describe('toCsl', () => {
  it('converts all 92 entries of biblatex-examples.bib, keys as ids, in file order', () => {
    const bib = readBibliography(fixture('biblatex-examples.bib'))
    const csl = toCsl(bib)
    expect(csl.failures).toEqual([])
    expect(csl.items.map((item) => item.id)).toEqual(bib.entries.map((entry) => entry.key))
    expect(csl.items.every((item) => item['citation-key'] === item.id)).toBe(true)
    // The three annotations with `\enquote*{…}` that citation-js's grammar rejects go in as plain text.
    expect(csl.replacedFields.map(({key, field}) => `${key}.${field}`)).toEqual(['reese.annotation', 'britannica.annotation', 'cms.annotation'])
    const reese = csl.items.find((item) => item.id === 'reese')
    expect(reese).toMatchObject({type: 'article-journal', title: 'Georgia in Anglo-Spanish Diplomacy, 1736-1739'})
    expect(reese?.['annote']).toMatch(/^An article entry with a series/)
  })

  it('resolves crossref through the parent entry', () => {
    const csl = toCsl(readBibliography(fixture('biblatex-examples.bib')), ['westfahl:space'])
    expect(csl.items).toHaveLength(1)
    expect(csl.items[0]).toMatchObject({
      id: 'westfahl:space',
      type: 'chapter',
      'container-title': 'Space and Beyond: The Frontier Theme in Science Fiction',
      editor: [{family: 'Westfahl', given: 'Gary'}],
      issued: {'date-parts': [[2000]]}
    })
  })

  it('converts the Zotero-style export: corporate authors, macros, months, URLs', () => {
    const csl = toCsl(readBibliography(fixture('zotero-export.bib')))
    expect(csl.failures).toEqual([])
    expect(csl.replacedFields).toEqual([])
    const byId = new Map(csl.items.map((item) => [item.id, item]))
    expect(byId.size).toBe(11)
    expect(byId.get('un1957hungary')).toMatchObject({type: 'report', author: [{family: 'United Nations'}], number: 'A/3592'})
    expect(byId.get('lendvai2008')).toMatchObject({publisher: 'Princeton University Press', issued: {'date-parts': [[2008]]}})
    expect(byId.get('time1957')).toMatchObject({'container-title': 'Time', issued: {'date-parts': [[1957, 1]]}})
    expect(byId.get('cia1956')).toMatchObject({URL: 'https://www.cia.gov/readingroom/search/site/Hungary%201956%20revolution'})
    expect(byId.get('szoke2011')).toMatchObject({type: 'thesis', author: [{family: 'Szőke', given: 'Katalin'}]})
    expect(byId.get('workshop2006')).toMatchObject({
      type: 'paper-conference',
      'container-title': 'Hungarian Crisis of 1956 Workshop: Proceedings, 2006'
    })
  })

  it('converts only the keys asked for, in that order; an unknown key is a failure', () => {
    const bib = readBibliography(fixture('zotero-export.bib'))
    const csl = toCsl(bib, ['time1957', 'kramer1998', 'nobody2000', 'time1957'])
    expect(csl.items.map((item) => item.id)).toEqual(['time1957', 'kramer1998'])
    expect(csl.failures).toEqual([{key: 'nobody2000', reason: 'No entry with key `nobody2000` could be read'}])
  })

  it('one broken entry is a failure and the rest convert', () => {
    const bib = readBibliography(
      [
        '@book{a, author = {X}, title = {A}, year = 1990}',
        '@book{broken, author = {Y}, title = {B}, year = 1991}',
        '@book{c, author = {Z}, title = {C}, year = 1992}'
      ].join('\n')
    )
    bib.standalone['broken'] = 'this text lost its entry'
    bib.raw['broken'] = 'this text lost its entry'
    const csl = toCsl(bib)
    expect(csl.items.map((item) => item.id)).toEqual(['a', 'c'])
    expect(csl.failures.map((failure) => failure.key)).toEqual(['broken'])
  })

  it('a name list citation-js rejects is left out; the item still converts', () => {
    const bib = readBibliography('@book{odd, author = {\\enquote*{Anon}}, title = {T}, year = 1956}')
    const csl = toCsl(bib)
    expect(csl.failures).toEqual([])
    expect(csl.items[0]).toMatchObject({id: 'odd', title: 'T'})
    expect(csl.items[0]?.['author']).toBeUndefined()
    expect(csl.replacedFields.map(({key, field, reason}) => `${key}.${field} ${reason.split(':')[0]}`)).toEqual(['odd.author Left out'])
  })

  it('keys that citation-js would not read as labels survive as ids', () => {
    const csl = toCsl(readBibliography('@misc{nagy:1956/a+b(ii), title = {T}, year = 1956}'))
    expect(csl.items.map((item) => item.id)).toEqual(['nagy:1956/a+b(ii)'])
  })
})
