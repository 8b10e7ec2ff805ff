import {describe, expect, it} from 'vitest'
import {
  canonicalType,
  isEdtfDateOrRange,
  longWorkTypes,
  requiredFieldProblems,
  tierOf
} from '../../src/bibliography/index.js'
import type {BibEntry} from '../../src/types.js'

const place = {start: {line: 1, column: 1, offset: 0}}

function entry(type: string, names: string[], key = 'k'): BibEntry {
  const fields: Record<string, string> = {}
  for (const name of names) fields[name] = name === 'crossref' ? 'parent' : 'x'
  if (names.includes('date')) fields['date'] = '1956'
  if (names.includes('year')) fields['year'] = '1956'
  return {key, type, tier: 'unknown', fields, place, fieldPlaces: {}}
}

/** The `expected` of each problem: which field (or alternatives) is missing. */
const missing = (bibEntry: BibEntry, options?: Parameters<typeof requiredFieldProblems>[1]): string[] =>
  requiredFieldProblems(bibEntry, options).map((problem) => `${problem.kind}: ${problem.expected?.join('|') ?? problem.actual}`)

describe('what each type needs (BibLaTeX data model, BibTeX names accepted)', () => {
  const valid: Array<[string, string[]]> = [
    ['article', ['author', 'journaltitle', 'title', 'date']],
    ['article', ['author', 'journal', 'title', 'year']],
    ['book', ['author', 'title', 'date']],
    // The relaxation the contract asks for: an edited volume filed as a book.
    ['book', ['editor', 'title', 'year']],
    ['mvbook', ['author', 'title', 'date']],
    ['inbook', ['author', 'title', 'booktitle', 'date']],
    ['bookinbook', ['author', 'title', 'booktitle', 'date']],
    ['booklet', ['editor', 'title', 'date']],
    ['collection', ['editor', 'title', 'date']],
    ['reference', ['editor', 'title', 'date']],
    ['incollection', ['author', 'editor', 'title', 'booktitle', 'year']],
    ['inreference', ['author', 'editor', 'title', 'booktitle', 'year']],
    ['manual', ['title', 'year']],
    ['misc', ['title', 'date']],
    ['online', ['title', 'url', 'date']],
    ['www', ['title', 'url', 'year']],
    ['electronic', ['title', 'url', 'year']],
    ['patent', ['author', 'title', 'number', 'date']],
    ['periodical', ['editor', 'title', 'date']],
    ['proceedings', ['editor', 'title', 'date']],
    ['mvproceedings', ['editor', 'title']],
    ['inproceedings', ['author', 'title', 'booktitle', 'date']],
    ['conference', ['author', 'title', 'booktitle', 'year']],
    ['report', ['author', 'title', 'type', 'institution', 'date']],
    ['techreport', ['author', 'title', 'institution', 'year']],
    ['thesis', ['author', 'title', 'type', 'institution', 'date']],
    ['thesis', ['author', 'title', 'type', 'school', 'date']],
    ['phdthesis', ['author', 'title', 'school', 'year']],
    ['mastersthesis', ['author', 'title', 'school', 'year']],
    ['unpublished', ['author', 'title', 'date']],
    ['set', ['entryset']],
    ['xdata', []],
    ['Book', ['author', 'title', 'date']]
  ]
  it.each(valid)('@%s with %j', (type, names) => {
    expect(missing(entry(type, names))).toEqual([])
  })

  const invalid: Array<[string, string[], string[]]> = [
    ['book', ['title', 'date'], ['missing-field: author|editor']],
    ['book', ['author', 'title'], ['missing-field: date|year']],
    ['mvbook', ['editor', 'title', 'date'], ['missing-field: author']],
    ['inbook', ['author', 'title', 'date'], ['missing-field: booktitle']],
    ['collection', ['author', 'title', 'date'], ['missing-field: editor']],
    ['incollection', ['author', 'title', 'booktitle', 'date'], ['missing-field: editor']],
    ['article', ['author', 'title', 'date'], ['missing-field: journaltitle|journal']],
    ['online', ['title', 'date'], ['missing-field: url']],
    ['patent', ['author', 'title', 'date'], ['missing-field: number']],
    ['periodical', ['title', 'date'], ['missing-field: editor']],
    ['report', ['author', 'title', 'institution', 'date'], ['missing-field: type']],
    ['techreport', ['author', 'title', 'year'], ['missing-field: institution|school']],
    ['thesis', ['author', 'title', 'type', 'date'], ['missing-field: institution|school']],
    ['unpublished', ['title', 'date'], ['missing-field: author']],
    ['set', [], ['missing-field: entryset']],
    // Types BibLaTeX knows but does not constrain are held to @misc.
    ['letter', ['author', 'date'], ['missing-field: title']],
    ['dataset', ['title'], ['missing-field: date|year']],
    ['artcle', ['title', 'date'], ['unknown-type: artcle']]
  ]
  it.each(invalid)('@%s with %j', (type, names, expected) => {
    expect(missing(entry(type, names))).toEqual(expected)
  })

  it('says what is missing in words', () => {
    const [problem] = requiredFieldProblems(entry('online', ['title', 'date'], 'fortepan'))
    expect(problem).toMatchObject({
      kind: 'missing-field',
      key: 'fortepan',
      reason: 'Unexpected `@online` entry `fortepan` without `url`, expected it for this type',
      place
    })
  })

  it('allowUndated exempts types from the date, by the written or the BibLaTeX name', () => {
    expect(missing(entry('online', ['title', 'url']), {allowUndated: ['online']})).toEqual([])
    expect(missing(entry('www', ['title', 'url']), {allowUndated: ['online']})).toEqual([])
    expect(missing(entry('book', ['author', 'title']), {allowUndated: ['online']})).toEqual(['missing-field: date|year'])
  })
})

describe('crossref and xdata inheritance', () => {
  const parent: BibEntry = {
    key: 'parent',
    type: 'collection',
    tier: 'unknown',
    fields: {editor: 'E', title: 'Whole', date: '2000', publisher: 'P'},
    place,
    fieldPlaces: {}
  }
  const lookup = (key: string): BibEntry | undefined => (key === 'parent' ? parent : undefined)

  it('a part inherits the editor, the date, and the title as its booktitle', () => {
    const part = entry('incollection', ['author', 'title', 'crossref'])
    expect(missing(part, {lookup})).toEqual([])
    expect(missing(part)).toEqual(['missing-field: editor', 'missing-field: booktitle', 'missing-field: date|year'])
  })

  it("a book does not take its crossref parent's title as its own title through a part mapping", () => {
    const inbook = entry('inbook', ['author', 'crossref'])
    const bookParent: BibEntry = {...parent, type: 'book', fields: {author: 'A', title: 'Whole', date: '2000'}}
    expect(missing(inbook, {lookup: (key) => (key === 'parent' ? bookParent : undefined)})).toEqual(['missing-field: title'])
  })

  it('a dangling crossref is a bad field', () => {
    const orphan = entry('incollection', ['author', 'editor', 'title', 'booktitle', 'date'])
    orphan.fields['crossref'] = 'nowhere'
    expect(missing(orphan, {lookup})).toEqual(['bad-field: nowhere'])
  })
})

describe('tierOf', () => {
  it.each([
    [undefined, 'unknown'],
    ['', 'unknown'],
    ['tier:primary', 'primary'],
    ['Hungary, TIER:Press', 'press'],
    ['x; tier : scholarly ;y', 'scholarly'],
    ['tier:reference', 'reference'],
    ['tier:popular', 'popular'],
    ['tier:gold', 'unknown'],
    ['primary', 'unknown'],
    ['frontier:primary', 'unknown'],
    ['tiers:primary', 'unknown'],
    ['tier:gold, tier:press', 'press']
  ] as const)('%j → %s', (keywords, tier) => {
    expect(tierOf(keywords)).toBe(tier)
  })
})

describe('dates', () => {
  it.each(['1956', '1956-10', '1956-10-23', '1984/1986', '1968-05-19/1968-05-25', '1956~', '1956?', '195X', '1956/', '/1956', '1956/..', '-0044', '1956-21'])(
    '%s is a date',
    (value) => {
      expect(isEdtfDateOrRange(value)).toBe(true)
    }
  )
  it.each(['23 Oct 1956', '1956-13', '1956-10-32', 'n.d.', '1956/1957/1958', '/', '56', 'October 1956', '1956-10-23T25'])(
    '%s is not a date',
    (value) => {
      expect(isEdtfDateOrRange(value)).toBe(false)
    }
  )
})

describe('types', () => {
  it('long works are the contract list', () => {
    expect([...longWorkTypes].sort()).toEqual(
      ['book', 'collection', 'manual', 'mastersthesis', 'mvbook', 'mvcollection', 'phdthesis', 'proceedings', 'report', 'techreport', 'thesis'].sort()
    )
  })

  it('BibTeX types map to the BibLaTeX type whose needs apply', () => {
    expect(['techreport', 'phdthesis', 'mastersthesis', 'conference', 'www', 'electronic', 'Article', 'constructor'].map(canonicalType)).toEqual([
      'report',
      'thesis',
      'thesis',
      'inproceedings',
      'online',
      'online',
      'article',
      'constructor'
    ])
  })
})
