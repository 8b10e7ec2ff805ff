import {describe, expect, it} from 'vitest'
import {cslToBiblatex} from '../../src/bibliography/from-csl.js'
import {readBibliography} from '../../src/bibliography/index.js'
import {assignCitationKeys, parseDate, parseSourceLine} from '../../src/split/sources.js'

function parsed(line: string) {
  const draft = parseSourceLine(line)
  assignCitationKeys([draft.item])
  const {note: _note, ...rest} = draft.item
  return rest
}

describe('parseSourceLine', () => {
  it('reads a book: author – title with commas, publisher, year', () => {
    expect(parsed('Charles Gati – Failed Illusions: Moscow, Washington, Budapest, and the 1956 Hungarian Revolt, Stanford University Press, 2006.')).toEqual({
      id: 'gati2006',
      'citation-key': 'gati2006',
      type: 'book',
      title: 'Failed Illusions: Moscow, Washington, Budapest, and the 1956 Hungarian Revolt',
      author: [{family: 'Gati', given: 'Charles'}],
      publisher: 'Stanford University Press',
      issued: {'date-parts': [[2006]]}
    })
  })

  it('tells a publisher without a publishing word from the title', () => {
    const item = parsed('George Mikes – The Hungarians: A Thousand Years of Victory in Defeat, André Deutsch, 1957.')
    expect([item.title, item.publisher]).toEqual(['The Hungarians: A Thousand Years of Victory in Defeat', 'André Deutsch'])
    expect(parsed('Csaba Békés – Hungary’s Cold War: International Relations, 1945–1956, Central European University Press, 2022.').title).toBe(
      'Hungary’s Cold War: International Relations, 1945–1956'
    )
  })

  it('reads an organisation’s web page with a year in parentheses', () => {
    expect(parsed('UN Refugee Agency (UNHCR) – The 1956 Hungarian Refugee Crisis and the Birth of Modern Refugee Policy (2006). Available at: https://www.unhcr.org/hungary-1956')).toEqual({
      id: 'unhcr2006',
      'citation-key': 'unhcr2006',
      type: 'webpage',
      title: 'The 1956 Hungarian Refugee Crisis and the Birth of Modern Refugee Policy',
      author: [{literal: 'UN Refugee Agency (UNHCR)'}],
      URL: 'https://www.unhcr.org/hungary-1956',
      issued: {'date-parts': [[2006]]}
    })
  })

  it('reads a quoted article title with a full date', () => {
    const item = parsed('The Guardian – “Budapest 1956: When Students Defied the Tanks,” 23 October 2016. Available at: https://www.theguardian.com/world/2016/oct/23/x')
    expect([item.type, item.title, item['container-title'], item.issued, item['citation-key']]).toEqual([
      'article-newspaper',
      'Budapest 1956: When Students Defied the Tanks',
      'The Guardian',
      {'date-parts': [[2016, 10, 23]]},
      'guardian2016'
    ])
  })

  it('reads a report number, and keeps words it cannot place in the note', () => {
    const report = parsed('United Nations General Assembly – Report of the Special Committee on the Problem of Hungary (A/3592), 1957.')
    expect([report.type, report.number, report.title, report['citation-key']]).toEqual(['report', 'A/3592', 'Report of the Special Committee on the Problem of Hungary', 'unga1957'])
    const declassified = parseSourceLine('CIA Historical Review Program – Hungary 1956: The Full Story of the Hungarian Revolution, declassified 1996.')
    expect(declassified.item.issued).toEqual({'date-parts': [[1996]]})
    expect(declassified.item.note).toContain('Not placed in a field: declassified 1996.')
  })

  it('reads editors and several people', () => {
    const item = parsed('Günter Bischof, Stefan Karner and Peter Ruggenthaler (eds.) – The Prague Spring and the Warsaw Pact Invasion of Czechoslovakia in 1968, Lexington Books, 2010.')
    expect(item.editor).toEqual([
      {family: 'Bischof', given: 'Günter'},
      {family: 'Karner', given: 'Stefan'},
      {family: 'Ruggenthaler', given: 'Peter'}
    ])
    expect(item['citation-key']).toBe('bischof2010')
  })
})

describe('parseDate', () => {
  it.each([
    ['2006', [2006]],
    ['12 November 1956', [1956, 11, 12]],
    ['November 12, 1956', [1956, 11, 12]],
    ['Oct 1956', [1956, 10]]
  ])('%s', (text, parts) => {
    expect(parseDate(text)?.parts).toEqual(parts)
  })
  it('gives up on what is no date', () => {
    expect(parseDate('photographs and artefacts')).toBeUndefined()
  })
})

describe('assignCitationKeys', () => {
  it('gives distinct keys: a title word, then a letter', () => {
    const items = ['Ann Lee – First Book, A Press, 2001.', 'Ann Lee – Second Book, A Press, 2001.', 'Ann Lee – Second Book, A Press, 2001.'].map((line) => parseSourceLine(line).item)
    assignCitationKeys(items, new Set(['lee2001']))
    expect(items.map((item) => item['citation-key'])).toEqual(['lee2001first', 'lee2001second', 'lee2001secondb'])
  })
})

describe('cslToBiblatex', () => {
  it('writes entries that the bibliography reader reads back, with TeX specials escaped', () => {
    const items = ['Victor Sebestyen – Twelve Days: Revolution 1956, Weidenfeld & Nicolson, 2006.', 'Ann Lee – Prices Rose 50% in a Year, A Press, 2001.'].map((line) => parseSourceLine(line).item)
    assignCitationKeys(items)
    const drafts = cslToBiblatex(items)
    expect(drafts.failures).toEqual([])
    expect(drafts.text).toContain('Weidenfeld \\& Nicolson')
    const bib = readBibliography(drafts.text)
    expect(bib.entries.map((entry) => [entry.key, entry.type, entry.fields.publisher])).toEqual([
      ['sebestyen2006', 'book', 'Weidenfeld & Nicolson'],
      ['lee2001', 'book', 'A Press']
    ])
    expect(bib.entries[1]?.fields.title).toContain('50%')
    expect(bib.problems.filter((problem) => problem.kind === 'parse')).toEqual([])
  })

  it('keeps citation keys with hyphens (citation-js would rename them)', () => {
    const drafts = cslToBiblatex([{'citation-key': 'bbc-hungary-1956', id: 'bbc-hungary-1956', type: 'webpage', title: 'The 1956 Hungarian Revolution', issued: {'date-parts': [[2006]]}}] as unknown as Parameters<typeof cslToBiblatex>[0])
    expect(drafts.failures).toEqual([])
    expect(drafts.text).toContain('{bbc-hungary-1956,')
  })
})
