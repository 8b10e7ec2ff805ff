import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {readBibliography} from '../../src/bibliography/index.js'
import type {ReadBibliographyOptions} from '../../src/bibliography/index.js'

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/bibliography/${name}`, import.meta.url), 'utf8')

/** `line:column kind key` for each problem, in report order. */
function problemsOf(text: string, options?: ReadBibliographyOptions): string[] {
  return readBibliography(text, options).problems.map(
    (problem) => `${problem.place?.start.line}:${problem.place?.start.column} ${problem.kind}${problem.key ? ' ' + problem.key : ''}`
  )
}

const keysOf = (text: string): string[] => readBibliography(text).entries.map((entry) => entry.key)
const lines = (...rows: string[]): string => rows.join('\n')

describe('biblatex-examples.bib (TeX Live)', () => {
  const text = fixture('biblatex-examples.bib')
  const bib = readBibliography(text)
  const byKey = new Map(bib.entries.map((entry) => [entry.key, entry]))

  it('reads all 92 entries, in file order, with their `@type{key,` places', () => {
    expect(bib.entries).toHaveLength(92)
    expect(new Set(bib.entries.map((entry) => entry.key)).size).toBe(92)
    expect(bib.entries[0]?.key).toBe('westfahl:space')
    expect(bib.entries[0]?.place.start).toEqual({line: 10, column: 1, offset: 354})
    expect(bib.entries[0]?.place.end?.line).toBe(10)
    expect(bib.entries.at(-1)?.key).toBe('loh')
    expect(byKey.get('gaonkar:in')?.type).toBe('incollection')
  })

  it('reports exactly the entries that break the data model, each at its line', () => {
    expect(problemsOf(text)).toEqual([
      '1046:1 missing-field vizedom:related',
      '1398:1 missing-field baez/online',
      '1432:1 missing-field itzhaki',
      '1469:1 missing-field wassenberg',
      '1567:1 missing-field jcg'
    ])
    expect(bib.problems[1]?.expected).toEqual(['url'])
  })

  it('resolves LaTeX, @string macros and concatenation to plain Unicode text', () => {
    const aksin = byKey.get('aksin')
    expect(aksin?.fields['author']).toBe(
      'Aksın, Özge; Türkmen, Hayati; Artok, Levent; Çetinkaya, Bekir; Ni, Chaoying; Büyükgüngör, Orhan; Özkal, Erhan'
    )
    // `~` (a no-break space in TeX) is plain text's space, so that titles compare and search as typed.
    expect(aksin?.fields['journaltitle']).toBe('J. Organomet. Chem.')
    expect(aksin?.fieldPlaces['journaltitle']?.start).toMatchObject({line: 50, column: 3})
    expect(byKey.get('nietzsche:ksa')?.fields['publisher']).toBe('Deutscher Taschenbuch-Verlag; Walter de Gruyter')
    expect(byKey.get('nietzsche:ksa')?.fields['location']).toBe('München; Berlin; New York')
    expect(byKey.get('angenendt')?.fields['pages']).toBe('431–456, 791–823')
    expect(byKey.get('jaffe')?.fields['title']).toBe(
      'Regesta Pontificum Romanorum ab condita ecclesia ad annum post Christum natum mcxcviii'
    )
    expect(byKey.get('laufenberg')?.fields['holder']).toBe('Robert Bosch GmbH; Daimler Chrysler AG; Bayerische Motoren Werke AG')
    expect(byKey.get('sigfridsson')?.fields['doi']).toBe('10.1002/(SICI)1096-987X(199803)19:4<377::AID-JCC1>3.0.CO;2-P')
  })

  it('keeps the entries whose annotation holds `\\enquote*{…}`', () => {
    for (const key of ['reese', 'britannica', 'cms']) {
      expect(byKey.get(key)?.fields['annotation']).toMatch(/^(An|This is)/)
    }
    expect(byKey.get('reese')?.fields['title']).toBe('Georgia in Anglo-Spanish Diplomacy, 1736-1739')
  })

  it('keeps each entry as written and as standalone BibTeX with macros expanded', () => {
    expect(bib.raw['aksin']).toMatch(/^@article\{aksin,\n {2}author {7}= \{Aks\{\\i\}n/)
    expect(bib.raw['aksin']?.endsWith('}')).toBe(true)
    expect(bib.standalone['aksin']).toContain('journaltitle = {J.~Organomet. Chem.}')
    expect(bib.standalone['nietzsche:ksa']).toContain('publisher = {Deutscher Taschenbuch-Verlag and Walter de Gruyter}')
  })

  it('reads tiers only from `tier:` keywords', () => {
    // The file's own keywords are `primary`/`secondary`, not tiers.
    expect(byKey.get('aristotle:anima')?.tier).toBe('unknown')
  })
})

describe('zotero-export.bib (Better BibTeX style)', () => {
  const text = fixture('zotero-export.bib')
  const bib = readBibliography(text)
  const byKey = new Map(bib.entries.map((entry) => [entry.key, entry]))

  it('reads every entry with its tier', () => {
    expect(bib.entries.map((entry) => `${entry.key}:${entry.tier}`)).toEqual([
      'lendvai2008:scholarly',
      'kramer1998:scholarly',
      'un1957hungary:primary',
      'rev1956chronology:primary',
      'time1957:primary',
      'bekes2002intro:scholarly',
      'cia1956:primary',
      'szoke2011:scholarly',
      'workshop2006:scholarly',
      'rferl-eyewitness:primary',
      'fortepan1956:primary'
    ])
  })

  it('flags only the undated entries, unless their types may be undated', () => {
    expect(problemsOf(text)).toEqual(['40:1 missing-field rev1956chronology', '102:1 missing-field rferl-eyewitness'])
    expect(problemsOf(text, {allowUndated: ['online', 'misc']})).toEqual([])
  })

  it('turns accents, dashes, macros and corporate names into text', () => {
    expect(byKey.get('un1957hungary')?.fields['author']).toBe('United Nations')
    expect(byKey.get('szoke2011')?.fields['author']).toBe('Szőke, Katalin')
    expect(byKey.get('szoke2011')?.fields['title']).toBe('Győr and Its Factories in October 1956')
    expect(byKey.get('bekes2002intro')?.fields['editor']).toBe('Békés, Csaba; Byrne, Malcolm; Rainer, János M.')
    expect(byKey.get('kramer1998')?.fields['pages']).toBe('163–214')
    expect(byKey.get('lendvai2008')?.fields['publisher']).toBe('Princeton University Press')
    expect(byKey.get('workshop2006')?.fields['booktitle']).toBe('Hungarian Crisis of 1956 Workshop: Proceedings, 2006')
    expect(byKey.get('cia1956')?.fields['month']).toBe('10')
    expect(byKey.get('time1957')?.fields['month']).toBe('1')
    expect(byKey.get('cia1956')?.fields['url']).toBe('https://www.cia.gov/readingroom/search/site/Hungary%201956%20revolution')
    expect(byKey.get('rferl-eyewitness')?.fields['note']).toBe('Listener reports; 40% were sent from Vienna')
    expect(byKey.get('kramer1998')?.fields['keywords']).toBe('Tier:Scholarly; Soviet Union')
  })
})

describe('bad input', () => {
  it('an unterminated entry at the end of the file keeps its fields', () => {
    const text = lines('@book{a,', '  author = {X},', '  title = {A},', '  year = 1990,')
    expect(problemsOf(text)).toEqual(['1:1 parse a'])
    expect(readBibliography(text).entries[0]?.fields).toMatchObject({author: 'X', title: 'A', year: '1990'})
  })

  it('an unterminated entry does not swallow the next one', () => {
    const text = lines(
      '@book{a,',
      '  author = {X},',
      '  title = {A},',
      '  year = 1990,',
      '',
      '@book{b, author = {Y}, title = {B}, year = 1991}'
    )
    expect(problemsOf(text)).toEqual(['1:1 parse a'])
    expect(readBibliography(text).problems[0]?.reason).toBe('Unexpected end of entry `a` without `}`, expected `}` to close it')
    expect(keysOf(text)).toEqual(['a', 'b'])
  })

  it('an unclosed brace is reported at the brace, and the next entry still loads', () => {
    const text = lines('@book{a,', '  author = {X},', '  title = {A {B,', '  year = 1990}', '', '@book{b, author = {Y}, title = {B}, year = 1991}')
    expect(problemsOf(text)).toEqual(['1:1 missing-field a', '1:1 missing-field a', '3:11 parse a'])
    expect(keysOf(text)).toEqual(['a', 'b'])
    expect(readBibliography(text).entries[1]?.fields['title']).toBe('B')
  })

  it('a missing comma after the key', () => {
    const text = lines('@book{a', '  author = {X}, title = {A}, year = 1990}')
    expect(problemsOf(text)).toEqual(['2:3 parse a'])
    expect(readBibliography(text).problems[0]?.reason).toBe('Unexpected `a` after the key `a`, expected `,`')
    expect(readBibliography(text).entries[0]?.fields).toMatchObject({author: 'X', title: 'A', year: '1990'})
  })

  it('a missing comma between fields', () => {
    const text = lines('@book{a,', '  author = {X}', '  title = {A}, year = 1990}')
    expect(problemsOf(text)).toEqual(['3:3 parse a'])
    expect(readBibliography(text).entries[0]?.fields['title']).toBe('A')
  })

  it('a field without `=`', () => {
    expect(problemsOf('@book{a, author {X}, title = {A}, year = 1990}')).toContain('1:17 parse a')
    expect(keysOf('@book{a, author {X}, title = {A}, year = 1990}')).toEqual(['a'])
  })

  it('an entry without a key is a problem, not an entry', () => {
    expect(problemsOf('@book{, title = {A}, year = 1990}')).toEqual(['1:7 parse'])
    expect(problemsOf('@book{title = {A}, year = 1990}')).toEqual(['1:7 parse'])
    expect(keysOf('@book{title = {A}, year = 1990}')).toEqual([])
  })

  it('duplicate keys: the second is reported and points at the first', () => {
    const text = lines('@book{a, author = {X}, title = {A}, year = 1990}', '', '@book{a, author = {Y}, title = {B}, year = 1991}')
    const bib = readBibliography(text)
    expect(problemsOf(text)).toEqual(['3:1 duplicate-key a'])
    expect(bib.problems[0]?.note).toBe('First defined at line 1; citations resolve to that entry.')
    expect(bib.entries).toHaveLength(2)
    expect(bib.raw['a']).toContain('title = {A}')
  })

  it('a duplicate field keeps the first value', () => {
    const text = '@book{a, author = {X}, title = {A}, title = {B}, year = 1990}'
    expect(problemsOf(text)).toEqual(['1:37 bad-field a'])
    expect(readBibliography(text).entries[0]?.fields['title']).toBe('A')
  })

  it('an entry with `\\enquote*{…}` loads without a problem', () => {
    const text = lines(
      '@article{reese, author = {Reese, Trevor R.}, title = {Georgia}, journaltitle = {WMQ}, date = 1958,',
      '  annotation = {the string \\enquote*{series} is appended}}'
    )
    expect(problemsOf(text)).toEqual([])
    expect(readBibliography(text).entries[0]?.fields['annotation']).toContain('series')
  })

  it('LaTeX the parser rejects costs that field only, kept without braces', () => {
    const text = '@book{a, author = {X}, title = {Costs in $ and {x}}, year = 1990}'
    const bib = readBibliography(text)
    expect(problemsOf(text)).toEqual(['1:24 bad-field a'])
    expect(bib.problems[0]?.reason).toContain('Unclosed math section')
    expect(bib.entries[0]?.fields).toMatchObject({author: 'X', title: 'Costs in $ and x', year: '1990'})
  })

  it('a `@string` that doubles itself 30 times is capped at the line where it passes the cap', () => {
    const rows = ['@string{s0 = "xx"}']
    for (let index = 1; index <= 30; index++) rows.push(`@string{s${index} = s${index - 1} # s${index - 1}}`)
    rows.push('@book{k, author = {X}, title = s30, year = 1990}')
    const text = lines(...rows)
    // s16 is 2^17 = 131 072 characters, the first over 100 000.
    expect(problemsOf(text)).toEqual(['17:1 string-expansion', '32:24 missing-field k', '32:32 string-expansion k'])
    expect(readBibliography(text).entries[0]?.fields).toMatchObject({author: 'X', year: '1990'})
  })

  it('the expansion cap is configurable', () => {
    const text = lines('@string{a = "12345678"}', '@string{b = a # a}', '@misc{k, title = a, year = 1990}')
    expect(problemsOf(text, {maxStringExpansion: 10})).toEqual(['2:1 string-expansion'])
    expect(readBibliography(text, {maxStringExpansion: 10}).entries[0]?.fields['title']).toBe('12345678')
  })

  it('an undefined macro is reported at its use, with a note when it is defined later', () => {
    const text = lines('@book{a, author = {X}, title = {A}, year = 1990, publisher = pup}', '@string{pup = {PUP}}')
    const bib = readBibliography(text)
    expect(problemsOf(text)).toEqual(['1:62 string-expansion a'])
    expect(bib.problems[0]?.note).toBe('`@string` `pup` is defined later, at line 2.')
    expect(bib.entries[0]?.fields['publisher']).toBe('pup')
  })

  it('an empty file and a file of comments have no entries and no problems', () => {
    expect(readBibliography('')).toEqual({entries: [], problems: [], raw: {}, standalone: {}})
    const comments = lines(
      '% A comment line',
      '@comment{jabref-meta: databaseType:biblatex;}',
      '@preamble{"\\newcommand{\\noop}[1]{}"}',
      '% @book{x, title = {commented out}}'
    )
    expect(readBibliography(comments).entries).toEqual([])
    expect(problemsOf(comments)).toEqual([])
  })

  it('text between entries is a comment, as in BibTeX', () => {
    const text = lines(
      '@book{a, author = {X}, title = {A}, year = 1990}',
      'Some notes between entries, with {braces} and "quotes".',
      '@book{b, author = {Y}, title = {B}, year = 1991}'
    )
    expect(problemsOf(text)).toEqual([])
    expect(keysOf(text)).toEqual(['a', 'b'])
  })

  it('fields left behind by an extra `}` are reported', () => {
    const text = lines('@book{a, author = {X}, title = {A}},', '  year = 1990,', '}', '@book{b, author = {Y}, title = {B}, year = 1991}')
    expect(problemsOf(text)).toEqual(['1:1 missing-field a', '1:36 parse a'])
    expect(keysOf(text)).toEqual(['a', 'b'])
  })

  it('a stray `@` between entries is reported where it is', () => {
    const text = lines(
      '@book{a, author = {X}, title = {A}, year = 1990}',
      'Mail me@example.org for corrections.',
      '@book{b, author = {Y}, title = {B}, year = 1991}'
    )
    expect(problemsOf(text)).toEqual(['2:8 parse'])
    expect(keysOf(text)).toEqual(['a', 'b'])
  })

  it('missing required fields, per type', () => {
    expect(problemsOf('@book{a, author = {X}, title = {A}}')).toEqual(['1:1 missing-field a'])
    expect(readBibliography('@book{a, author = {X}, title = {A}}').problems[0]?.expected).toEqual(['date', 'year'])
    const online = readBibliography('@online{a, title = {A}, date = {2020}}')
    expect(online.problems.map((problem) => problem.expected)).toEqual([['url']])
    const article = readBibliography('@article{a, author = {X}, title = {A}, year = 1990}')
    expect(article.problems.map((problem) => problem.reason)).toEqual([
      'Unexpected `@article` entry `a` without `journaltitle` (or `journal`), expected it for this type'
    ])
  })

  it('an empty required field is reported at the field', () => {
    expect(problemsOf('@book{a, author = {X}, title = {}, year = 1990}')).toEqual(['1:24 missing-field a'])
  })

  it('BibTeX names and types are accepted', () => {
    const text = lines(
      '@article{a, author = {X}, title = {A}, journal = {J}, year = 1990}',
      '@incollection{b, author = {X}, editor = {E}, title = {B}, booktitle = {C}, address = {Budapest}, year = 1990}',
      '@phdthesis{c, author = {X}, title = {C}, school = {ELTE}, year = 2011}',
      '@mastersthesis{d, author = {X}, title = {D}, school = {ELTE}, year = 2011}',
      '@techreport{e, author = {X}, title = {E}, institution = {CIA}, year = 1956, month = oct}',
      '@conference{f, author = {X}, title = {F}, booktitle = {Proc.}, year = 2006}',
      '@www{g, title = {G}, url = {https://example.org/a%20b}, year = 2020}'
    )
    expect(problemsOf(text)).toEqual([])
  })

  it('@report and @thesis need their `type`; the BibTeX types carry it', () => {
    expect(problemsOf('@report{a, author = {X}, title = {A}, institution = {I}, year = 1990}')).toEqual(['1:1 missing-field a'])
    expect(problemsOf('@thesis{a, author = {X}, title = {A}, school = {S}, year = 1990}')).toEqual(['1:1 missing-field a'])
    expect(readBibliography('@thesis{a, author = {X}, title = {A}, school = {S}, year = 1990}').problems[0]?.expected).toEqual([
      'type'
    ])
  })

  it('an unknown entry type is reported and held to `@misc`', () => {
    expect(problemsOf('@artcle{a, author = {X}, journal = {J}, year = 1990}')).toEqual([
      '1:1 unknown-type a',
      '1:1 missing-field a'
    ])
  })

  it('tiers: keywords, case-insensitive; an unknown tier is a problem at `keywords`', () => {
    const text = lines(
      '@misc{a, title = {A}, year = 1990, keywords = {Hungary; TIER:Press}}',
      '@misc{b, title = {B}, year = 1990,',
      '  keywords = {tier:gold}}',
      '@misc{c, title = {C}, year = 1990}'
    )
    const bib = readBibliography(text)
    expect(bib.entries.map((entry) => entry.tier)).toEqual(['press', 'unknown', 'unknown'])
    expect(problemsOf(text)).toEqual(['3:3 bad-field b'])
    expect(bib.problems[0]?.reason).toBe(
      'Unexpected tier `tier:gold`, expected one of `tier:primary`, `tier:scholarly`, `tier:reference`, `tier:press`, `tier:popular`'
    )
  })

  it('two different tiers on one entry are a problem; the first is used', () => {
    const bib = readBibliography('@misc{a, title = {A}, year = 1990, keywords = {tier:primary, tier:popular}}')
    expect(bib.entries[0]?.tier).toBe('primary')
    expect(bib.problems.map((problem) => problem.kind)).toEqual(['bad-field'])
  })

  it('`date` must be a date, and a `year` beside it must agree', () => {
    expect(problemsOf('@misc{a, title = {A}, date = {23 Oct 1956}}')).toEqual(['1:23 bad-field a'])
    expect(problemsOf('@misc{a, title = {A}, date = {1956-10-23}, year = 1956}')).toEqual([])
    expect(problemsOf('@misc{a, title = {A}, date = {1956-10-23}, year = 1957}')).toEqual(['1:44 bad-field a'])
  })

  it('crossref: inherited fields count, a dangling crossref is reported', () => {
    const text = lines(
      '@incollection{part, author = {X}, title = {P}, pages = {1--9}, crossref = {whole}}',
      '@collection{whole, editor = {E}, title = {W}, year = 2000}',
      '@incollection{lost, author = {X}, title = {L}, crossref = {nowhere}}'
    )
    expect(problemsOf(text)).toEqual([
      '3:1 missing-field lost',
      '3:1 missing-field lost',
      '3:1 missing-field lost',
      '3:48 bad-field lost'
    ])
  })

  it('CRLF line ends and a BOM keep lines and columns right', () => {
    const text = '\uFEFF@book{a,\r\n  author = {X},\r\n  title = {A}\r\n  year = 1990}\r\n'
    expect(problemsOf(text)).toEqual(['4:3 parse a'])
    expect(readBibliography(text).entries[0]?.fieldPlaces['title']?.start).toMatchObject({line: 3, column: 3})
  })

  it('`__proto__` and `constructor` are only names', () => {
    const text = lines(
      '@book{__proto__, author = {X}, title = {A}, year = 1990, constructor = {c}}',
      '@constructor{toString, title = {T}, year = 1990}',
      '@misc{polluter, title = constructor, year = 1990, keywords = {tier:constructor}}'
    )
    const bib = readBibliography(text)
    expect(bib.entries.map((entry) => entry.key)).toEqual(['__proto__', 'toString', 'polluter'])
    expect(bib.raw['__proto__']).toContain('@book{__proto__,')
    expect(bib.entries[0]?.fields['constructor']).toBe('c')
    expect(bib.entries[2]?.fields['title']).toBe('constructor')
    expect(problemsOf(text)).toEqual(['2:1 unknown-type toString', '3:25 string-expansion polluter', '3:51 bad-field polluter'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('a huge file of small entries stays linear (no quadratic rescans)', () => {
    // 2 000 unterminated entries in a row: each must stop at the next, not at the end of the file.
    const text = Array.from({length: 2000}, (_, index) => `@misc{k${index}, title = {T ${index}`).join('\n')
    const bib = readBibliography(text, {allowUndated: ['misc']})
    expect(bib.entries).toHaveLength(2000)
    // Each: the unclosed `{` of its title, and so no title.
    expect(bib.problems).toHaveLength(4000)
    expect(bib.problems.slice(0, 2).map((problem) => `${problem.place?.start.line}:${problem.place?.start.column} ${problem.kind}`)).toEqual([
      '1:1 missing-field',
      '1:19 parse'
    ])
  })
})
