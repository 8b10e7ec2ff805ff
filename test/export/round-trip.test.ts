/**
 * BibTeX → CSL-JSON → BibTeX: what a reference manager gets from our CSL-JSON and writes
 * back as BibLaTeX (citation-js standing for it) keeps keys, types, authors, titles,
 * dates, publishers, URLs, DOIs and ISBNs.
 */
import {describe, expect, it} from 'vitest'
import {canonicalType, readBibliography} from '../../src/bibliography/index.js'
import {exportBibliography} from '../../src/export/index.js'
import type {BibEntry} from '../../src/types.js'
import {bibliography, cslToBiblatexText, keysOf} from './helpers.js'

/**
 * CSL has one type for several BibLaTeX ones: an edited volume is a `book` with editors,
 * a chapter in a book or a collection a `chapter`. These are the same type to it.
 */
const sameInCsl: Record<string, string> = {collection: 'book', incollection: 'inbook'}

function typeInCsl(type: string): string {
  const canonical = canonicalType(type)
  return sameInCsl[canonical] ?? canonical
}

function dateOf(entry: BibEntry): string | undefined {
  const {date, year, month} = entry.fields
  if (date !== undefined) return date
  if (year === undefined) return undefined
  return month === undefined ? year : `${year}-${month.padStart(2, '0')}`
}

/** Who published it: BibLaTeX spreads this over publisher, institution, school, organization, howpublished. */
function publisherOf(entry: BibEntry): string | undefined {
  const {publisher, institution, school, organization, howpublished} = entry.fields
  return publisher ?? institution ?? school ?? organization ?? howpublished
}

describe.each(['corpus', 'zotero-export', 'round-trip'] as const)('round trip of %s through CSL-JSON', (name) => {
  const bib = bibliography(name)
  const items = JSON.parse(exportBibliography(bib, 'csl-json').output) as unknown[]
  const back = readBibliography(cslToBiblatexText(items))
  const original = new Map(bib.entries.map((entry) => [entry.key, entry]))

  it('keeps every key', () => {
    expect(keysOf(back)).toEqual(keysOf(bib))
  })

  it('keeps types, authors, titles, dates, publishers, URLs, DOIs and ISBNs', () => {
    for (const entry of back.entries) {
      const source = original.get(entry.key) as BibEntry
      const view = (bibEntry: BibEntry) => ({
        type: typeInCsl(bibEntry.type),
        author: bibEntry.fields['author'],
        editor: bibEntry.fields['editor'],
        title: bibEntry.fields['title'],
        date: dateOf(bibEntry),
        publisher: publisherOf(bibEntry),
        url: bibEntry.fields['url'],
        doi: bibEntry.fields['doi'],
        isbn: bibEntry.fields['isbn']
      })
      expect(view(entry), entry.key).toEqual(view(source))
    }
  })
})
