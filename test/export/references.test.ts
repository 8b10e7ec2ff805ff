/**
 * The formatter (one citeproc engine per style, items registered once) gives byte for byte
 * what citation-js's `Cite#format('bibliography')` gives, on a few hundred entries made to
 * collide (same authors, same years: year suffixes and name disambiguation at work).
 */
import {createRequire} from 'node:module'
import {describe, expect, it} from 'vitest'
import {builtinStyle, formatBibliography, renderBibliography, type CslStyle} from '../../src/bibliography/citeproc.js'
import type {CslItem} from '../../src/bibliography/index.js'

const require = createRequire(import.meta.url)
interface NaiveCite {
  Cite: new (data: unknown) => {format(name: string, options: object): string}
}

/** citation-js as documented: what the formatter must match. */
function naive(items: readonly CslItem[], template: string, format: 'html' | 'text', lang?: string): string {
  const {Cite} = require('@citation-js/core') as NaiveCite
  require('@citation-js/plugin-csl')
  return new Cite(structuredClone(items)).format('bibliography', {template, format, ...(lang ? {lang} : {})})
}

/** A deterministic bibliography with many same-author, same-year entries. */
function collidingItems(count: number): CslItem[] {
  const families = ['Kovács', 'Nagy', 'Szabó', 'Tóth', 'Horváth', 'Gati', 'Békés', 'Rainer']
  const givens = ['János', 'Éva', 'József', 'Anna', 'Csaba', 'Charles']
  const types = ['book', 'article-journal', 'chapter', 'webpage', 'report']
  let seed = 1956
  const next = (limit: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    // The low bits of this generator cycle quickly: use the high ones.
    return Math.floor(seed / 65536) % limit
  }
  return Array.from({length: count}, (_, index) => {
    const authors = Array.from({length: 1 + next(3)}, () => ({family: families[next(families.length)] as string, given: givens[next(givens.length)] as string}))
    const type = types[next(types.length)] as string
    const item: CslItem = {
      id: `item-${index}`,
      type,
      author: authors,
      title: `Study ${next(40)} of the <i>Revolution</i> & its “aftermath”`,
      issued: {'date-parts': [[1956 + next(8)]]}
    }
    if (type === 'article-journal') Object.assign(item, {'container-title': 'Journal of Cold War Studies', volume: String(next(20)), page: '1-20', DOI: `10.5555/${index}`})
    if (type === 'book' || type === 'report') Object.assign(item, {publisher: 'Corvina', 'publisher-place': 'Budapest'})
    if (type === 'chapter') Object.assign(item, {'container-title': 'Twelve Days', editor: [{family: 'Sebestyen', given: 'Victor'}], publisher: 'Weidenfeld & Nicolson'})
    if (type === 'webpage') Object.assign(item, {URL: `https://example.org/${index}?a=1&b=2`})
    return item
  })
}

const items = collidingItems(250)

describe('formatted references', () => {
  it.each([
    ['apa', 'html', 250],
    ['vancouver', 'text', 80],
    ['harvard1', 'html', 80]
  ] as const)('%s as %s: the same bytes as citation-js on %i colliding entries', (styleName, format, count) => {
    const style = builtinStyle(styleName) as CslStyle
    const some = items.slice(0, count)
    const expected = naive(some, styleName, format)
    expect(renderBibliography(formatBibliography(some, {style, format}))).toBe(expected)
    expect(expected).toMatch(format === 'html' ? /data-csl-entry-id="item-0"/ : /Study/)
  })

  it('gives the same bytes on every call, in either format', () => {
    const style = builtinStyle('apa') as CslStyle
    const html = renderBibliography(formatBibliography(items, {style, format: 'html'}))
    const text = renderBibliography(formatBibliography(items, {style, format: 'text'}))
    expect(renderBibliography(formatBibliography(items, {style, format: 'html'}))).toBe(html)
    expect(text).toBe(naive(items, 'apa', 'text'))
    expect(html).toMatch(/\(19\d\da\)/)
  })

  it('reads the items again when the same ids stand for other data', () => {
    const style = builtinStyle('apa') as CslStyle
    const first = formatBibliography(items.slice(0, 5), {style, format: 'text'})
    const changed = items.slice(0, 5).map((item) => ({...item, title: `Changed ${item.id}`}))
    const second = formatBibliography(changed, {style, format: 'text'})
    expect(second.entries.map((entry) => entry.text)).not.toEqual(first.entries.map((entry) => entry.text))
    expect(renderBibliography(second)).toBe(naive(changed, 'apa', 'text'))
  })

  it('forces a locale when asked, as citation-js does', () => {
    const style = builtinStyle('apa') as CslStyle
    const german = renderBibliography(formatBibliography(items.slice(0, 20), {style, format: 'text', locale: 'de-DE'}))
    expect(german).toBe(naive(items.slice(0, 20), 'apa', 'text', 'de-DE'))
    expect(german).not.toBe(renderBibliography(formatBibliography(items.slice(0, 20), {style, format: 'text'})))
  })

  it('keys the entries in the style order', () => {
    const style = builtinStyle('apa') as CslStyle
    const formatted = formatBibliography(items.slice(0, 30), {style, format: 'html'})
    expect(formatted.entries).toHaveLength(30)
    for (const entry of formatted.entries) expect(entry.text).toContain(`data-csl-entry-id="${entry.key}"`)
    expect(formatBibliography([], {style, format: 'html'})).toEqual({entries: [], start: '', end: ''})
  })
})
