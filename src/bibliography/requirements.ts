/**
 * What each entry type needs: BibLaTeX's data model (`blx-dm.def`,
 * `\DeclareDatamodelConstraints`), read with BibTeX's names accepted, plus the quality
 * tier that the corpus keeps in `keywords`.
 */
import type {BibEntry, Place, StageProblem, Tier} from '../types.js'
import {tiers} from '../types.js'

export type BibProblemKind = 'parse' | 'duplicate-key' | 'missing-field' | 'bad-field' | 'string-expansion' | 'unknown-type'

export interface BibProblem extends StageProblem {
  key?: string
  kind: BibProblemKind
}

/** The contract's long works: a citation of one of these needs a locator. */
export const longWorkTypes: ReadonlySet<string> = new Set([
  'book',
  'mvbook',
  'collection',
  'mvcollection',
  'proceedings',
  'report',
  'thesis',
  'phdthesis',
  'mastersthesis',
  'techreport',
  'manual'
])

/** BibTeX types and BibLaTeX aliases, mapped to the BibLaTeX type whose constraints apply. */
const typeAliases: ReadonlyMap<string, string> = new Map([
  ['techreport', 'report'],
  ['phdthesis', 'thesis'],
  ['mastersthesis', 'thesis'],
  ['conference', 'inproceedings'],
  ['www', 'online'],
  ['electronic', 'online']
])

/** Types whose `type` field BibTeX makes implicit (`@phdthesis` is a thesis of type phdthesis). */
const implicitSubtype: ReadonlySet<string> = new Set(['techreport', 'phdthesis', 'mastersthesis'])

/** One required field: any of these names satisfies it (BibLaTeX name first). */
type Requirement = readonly [string, ...string[]]

const author: Requirement = ['author']
const editor: Requirement = ['editor']
const title: Requirement = ['title']
const booktitle: Requirement = ['booktitle']
const journaltitle: Requirement = ['journaltitle', 'journal']
const institution: Requirement = ['institution', 'school']

/**
 * Mandatory fields per BibLaTeX type, besides the date. One relaxation: `book` accepts an
 * editor instead of an author, as the contract asks (an edited volume filed as `@book`
 * is common in Zotero exports and is a fine source).
 */
const requiredFields: ReadonlyMap<string, readonly Requirement[]> = new Map(
  Object.entries({
  article: [author, journaltitle, title],
  book: [['author', 'editor'], title],
  mvbook: [author, title],
  mvcollection: [author, title],
  mvreference: [author, title],
  inbook: [author, title, booktitle],
  bookinbook: [author, title, booktitle],
  suppbook: [author, title, booktitle],
  booklet: [['author', 'editor'], title],
  collection: [editor, title],
  reference: [editor, title],
  incollection: [author, editor, title, booktitle],
  suppcollection: [author, editor, title, booktitle],
  inreference: [author, editor, title, booktitle],
  manual: [title],
  misc: [title],
  online: [title, ['url']],
  patent: [author, title, ['number']],
  periodical: [editor, title],
  suppperiodical: [],
  proceedings: [editor, title],
  mvproceedings: [editor, title],
  inproceedings: [author, title, booktitle],
  report: [author, title, ['type'], institution],
  thesis: [author, title, ['type'], institution],
  unpublished: [author, title],
  set: [['entryset']],
  xdata: []
  } satisfies Record<string, readonly Requirement[]>)
)

/** Types the data model holds to `date` xor `year` (not `mvproceedings`/`mvreference`, not containers). */
const datedTypes: ReadonlySet<string> = new Set([
  'article',
  'book',
  'inbook',
  'bookinbook',
  'suppbook',
  'booklet',
  'collection',
  'incollection',
  'suppcollection',
  'manual',
  'misc',
  'mvbook',
  'mvcollection',
  'online',
  'patent',
  'periodical',
  'suppperiodical',
  'proceedings',
  'inproceedings',
  'reference',
  'inreference',
  'report',
  'thesis',
  'unpublished'
])

/**
 * Types BibLaTeX knows but does not constrain (standard styles print them as `misc`):
 * held to `misc`'s needs, a title and a date, since a fact needs a datable source.
 */
const unconstrainedTypes: ReadonlySet<string> = new Set([
  'artwork',
  'audio',
  'bibnote',
  'commentary',
  'customa',
  'customb',
  'customc',
  'customd',
  'custome',
  'customf',
  'dataset',
  'image',
  'jurisdiction',
  'legal',
  'legislation',
  'letter',
  'movie',
  'music',
  'performance',
  'review',
  'software',
  'standard',
  'video'
])

/** The BibLaTeX type whose constraints apply to a type as written (`techreport` → `report`). */
export function canonicalType(type: string): string {
  const lower = type.toLowerCase()
  return typeAliases.get(lower) ?? lower
}

export function isKnownType(type: string): boolean {
  const canonical = canonicalType(type)
  return requiredFields.has(canonical) || unconstrainedTypes.has(canonical)
}

export interface RequirementOptions {
  /** Entry types (as written or canonical) that may lack `date`/`year`. */
  allowUndated?: string[]
  /** Finds the target of `crossref`/`xdata`, whose fields BibLaTeX lets the entry inherit. */
  lookup?: (key: string) => BibEntry | undefined
}

/** Fields a child never inherits (BibLaTeX's `\DefaultInheritance` exceptions, the ones that matter here). */
const notInherited: ReadonlySet<string> = new Set([
  'ids',
  'crossref',
  'xref',
  'xdata',
  'entryset',
  'entrysubtype',
  'execute',
  'label',
  'options',
  'presort',
  'related',
  'relatedoptions',
  'relatedstring',
  'relatedtype',
  'shorthand',
  'shorthandintro',
  'sortkey',
  'keywords'
])

const bookLikeParents: ReadonlySet<string> = new Set(['book', 'collection', 'reference', 'proceedings'])
const multiVolumeParents: ReadonlySet<string> = new Set(['mvbook', 'mvcollection', 'mvreference', 'mvproceedings'])
const partTypes: ReadonlySet<string> = new Set(['inbook', 'bookinbook', 'suppbook', 'incollection', 'suppcollection', 'inreference', 'inproceedings'])
const bookPartTypes: ReadonlySet<string> = new Set(['inbook', 'bookinbook', 'suppbook'])
/** Where a title mapping applies, titles pass down only through it: a part has its own title. */
const ownTitleFields: ReadonlySet<string> = new Set(['title', 'subtitle', 'titleaddon', 'shorttitle', 'sorttitle', 'indextitle', 'indexsorttitle'])

/** Where a parent's titles land in a child, by the pair of types (BibLaTeX's `\DefaultInheritance`). */
function titleTargets(parentType: string, childType: string): ReadonlyMap<string, string> | undefined {
  if (multiVolumeParents.has(parentType)) {
    return new Map([['title', 'maintitle'], ['subtitle', 'mainsubtitle'], ['titleaddon', 'maintitleaddon']])
  }
  if (bookLikeParents.has(parentType) && partTypes.has(childType)) {
    return new Map([['title', 'booktitle'], ['subtitle', 'booksubtitle'], ['titleaddon', 'booktitleaddon']])
  }
  if (parentType === 'periodical' && (childType === 'article' || childType === 'suppperiodical')) {
    return new Map([['title', 'journaltitle'], ['subtitle', 'journalsubtitle']])
  }
  return undefined
}

/**
 * The names of the fields an entry has, own or inherited through `crossref` and `xdata`
 * (BibLaTeX's default inheritance: same name, except that a book-like parent's title is
 * the part's `booktitle`, a multi-volume parent's title its `maintitle`, and a
 * periodical's title an article's `journaltitle`).
 */
export function availableFields(entry: BibEntry, lookup?: (key: string) => BibEntry | undefined): Set<string> {
  const available = new Set(Object.keys(entry.fields).filter((name) => entry.fields[name] !== ''))
  if (!lookup) return available
  const childType = canonicalType(entry.type)
  const seen = new Set<string>([entry.key])
  const inheritFrom = (child: BibEntry, depth: number): void => {
    if (depth > 8) return
    const parents: Array<{key: string; viaXdata: boolean}> = []
    const crossref = child.fields['crossref']?.trim()
    if (crossref) parents.push({key: crossref, viaXdata: false})
    for (const key of (child.fields['xdata'] ?? '').split(',')) {
      if (key.trim()) parents.push({key: key.trim(), viaXdata: true})
    }
    for (const {key, viaXdata} of parents) {
      if (seen.has(key)) continue
      seen.add(key)
      const parent = lookup(key)
      if (!parent) continue
      // xdata entries are field containers: everything passes down under its own name.
      const targets = viaXdata ? undefined : titleTargets(canonicalType(parent.type), childType)
      for (const [name, value] of Object.entries(parent.fields)) {
        if (value === '' || notInherited.has(name)) continue
        if (targets && ownTitleFields.has(name)) {
          const target = targets.get(name)
          if (target) available.add(target)
          continue
        }
        available.add(name)
        if (name === 'author' && bookPartTypes.has(childType)) available.add('bookauthor')
      }
      inheritFrom(parent, depth + 1)
    }
  }
  inheritFrom(entry, 0)
  return available
}

function describe(requirement: Requirement): string {
  const [first, ...rest] = requirement
  if (rest.length === 0) return '`' + first + '`'
  return '`' + first + '` (or ' + rest.map((name) => '`' + name + '`').join(', ') + ')'
}

/** Problems with what an entry's type needs: missing fields, the date, the type itself. */
export function requiredFieldProblems(entry: BibEntry, options: RequirementOptions = {}): BibProblem[] {
  const problems: BibProblem[] = []
  const type = entry.type.toLowerCase()
  const canonical = canonicalType(type)
  const label = `\`@${type}\` entry \`${entry.key}\``
  if (!isKnownType(type)) {
    problems.push({
      kind: 'unknown-type',
      key: entry.key,
      reason: `Unexpected entry type \`@${type}\`, expected a BibLaTeX or BibTeX type such as \`@book\`, \`@article\` or \`@online\``,
      place: entry.place,
      actual: type
    })
  }
  const available = availableFields(entry, options.lookup)
  const needs = requiredFields.get(canonical) ?? requiredFields.get('misc') ?? []
  for (const requirement of needs) {
    if (requirement[0] === 'type' && implicitSubtype.has(type)) continue
    if (requirement.some((name) => available.has(name))) continue
    problems.push(missing(entry, requirement, `Unexpected ${label} without ${describe(requirement)}, expected it for this type`))
  }

  const needsDate = datedTypes.has(canonical) || !requiredFields.has(canonical)
  const allowUndated = options.allowUndated ?? []
  const undatedAllowed = allowUndated.some((allowed) => {
    const lower = allowed.toLowerCase()
    return lower === type || lower === canonical
  })
  if (needsDate && !undatedAllowed && !available.has('date') && !available.has('year')) {
    problems.push(missing(entry, ['date', 'year'], `Unexpected ${label} without \`date\` or \`year\`, expected one of them`))
  }
  problems.push(...dateProblems(entry))
  if (options.lookup) problems.push(...referenceProblems(entry, options.lookup))
  return problems
}

/** `crossref` and `xdata` must name entries of the file, or the inheritance they promise is lost. */
function referenceProblems(entry: BibEntry, lookup: (key: string) => BibEntry | undefined): BibProblem[] {
  const problems: BibProblem[] = []
  const check = (field: 'crossref' | 'xdata', keys: string[]): void => {
    for (const key of keys) {
      if (lookup(key)) continue
      problems.push({
        kind: 'bad-field',
        key: entry.key,
        reason: `Unexpected \`${field}\` \`${key}\` in entry \`${entry.key}\`, expected the key of an entry in this file`,
        place: entry.fieldPlaces[field] ?? entry.place,
        actual: key
      })
    }
  }
  const crossref = entry.fields['crossref']?.trim()
  if (crossref) check('crossref', [crossref])
  const xdata = entry.fields['xdata']
  if (xdata) check('xdata', xdata.split(',').map((key) => key.trim()).filter(Boolean))
  return problems
}

function missing(entry: BibEntry, requirement: Requirement, reason: string): BibProblem {
  // An empty field was written: point at it, since that is where the fix goes.
  const written = requirement.find((name) => entry.fieldPlaces[name] !== undefined)
  const place: Place = (written && entry.fieldPlaces[written]) || entry.place
  return {kind: 'missing-field', key: entry.key, reason, place, expected: [...requirement]}
}

/**
 * `date` must be an ISO 8601 / EDTF date or range (`1956`, `1956-10`, `1956-10-23`,
 * `1984/1986`, `1956~`, `195X`); `year` alongside it must agree with it. The data model
 * says date xor year; both are accepted when they agree, since Zotero exports often
 * write both.
 */
function dateProblems(entry: BibEntry): BibProblem[] {
  const problems: BibProblem[] = []
  const date = entry.fields['date']
  const datePlace = entry.fieldPlaces['date'] ?? entry.place
  if (date !== undefined && date !== '') {
    if (!isEdtfDateOrRange(date)) {
      problems.push({
        kind: 'bad-field',
        key: entry.key,
        reason: `Unexpected \`date\` \`${date}\`, expected an ISO 8601 date or range such as \`1956-10-23\`, \`1956-10\` or \`1956/1957\``,
        place: datePlace,
        actual: date
      })
      return problems
    }
    const year = entry.fields['year']
    const start = date.split('/')[0] ?? ''
    const dateYear = /^-?\d{4}/.exec(start)?.[0]
    if (year !== undefined && year !== '' && dateYear !== undefined && year.trim() !== dateYear && /^-?\d{1,4}$/.test(year.trim())) {
      problems.push({
        kind: 'bad-field',
        key: entry.key,
        reason: `Unexpected \`year\` \`${year.trim()}\` next to \`date\` \`${date}\`, expected them to agree (or only one of them)`,
        place: entry.fieldPlaces['year'] ?? entry.place,
        actual: year.trim(),
        expected: [dateYear]
      })
    }
  }
  return problems
}

/** EDTF level 0/1 as biber reads it, without regular-expression backtracking. */
export function isEdtfDateOrRange(value: string): boolean {
  const trimmed = value.trim()
  if (trimmed === '') return false
  const parts = trimmed.split('/')
  if (parts.length > 2) return false
  if (parts.length === 1) return isEdtfDate(parts[0] ?? '')
  const [from = '', to = ''] = parts
  // Open (`1956/`, `1956/..`) and unknown (`/1956`) ends are allowed, not both at once.
  const fromOpen = from === '' || from === '..'
  const toOpen = to === '' || to === '..'
  if (fromOpen && toOpen) return false
  return (fromOpen || isEdtfDate(from)) && (toOpen || isEdtfDate(to))
}

function isEdtfDate(value: string): boolean {
  let text = value
  // Uncertain / approximate markers at the end (`1956?`, `1956~`, `1956%`).
  while (text.endsWith('?') || text.endsWith('~') || text.endsWith('%')) text = text.slice(0, -1)
  const timeAt = text.indexOf('T')
  if (timeAt !== -1) {
    if (!isTime(text.slice(timeAt + 1))) return false
    text = text.slice(0, timeAt)
  }
  if (text.startsWith('-')) text = text.slice(1)
  const [year, month, day, ...rest] = text.split('-')
  if (rest.length > 0 || year === undefined) return false
  if (!/^[\dX]{4}$/.test(year)) return false
  if (month !== undefined) {
    if (!/^[\dX]{2}$/.test(month)) return false
    const monthNumber = Number(month)
    // 21–24 are EDTF seasons.
    if (!month.includes('X') && !((monthNumber >= 1 && monthNumber <= 12) || (monthNumber >= 21 && monthNumber <= 24))) return false
  }
  if (day !== undefined) {
    if (month === undefined || !/^[\dX]{2}$/.test(day)) return false
    const dayNumber = Number(day)
    if (!day.includes('X') && (dayNumber < 1 || dayNumber > 31)) return false
  }
  return true
}

function isTime(value: string): boolean {
  return /^\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}(:\d{2})?)?$/.test(value)
}

/**
 * The tier of a source from its keywords (`tier:primary`, comma or semicolon separated,
 * case-insensitive). No tier keyword, or one naming no known tier, means `unknown`.
 */
export function tierOf(keywords: string | undefined): Tier {
  for (const word of tierWords(keywords)) {
    const tier = tiers.find((candidate) => candidate === word)
    if (tier) return tier
  }
  return 'unknown'
}

/** The words after `tier:` in a keywords list, lower-case, in order. */
export function tierWords(keywords: string | undefined): string[] {
  if (!keywords) return []
  const words: string[] = []
  for (const keyword of keywords.split(/[,;]/)) {
    const trimmed = keyword.trim().toLowerCase()
    if (!trimmed.startsWith('tier')) continue
    const rest = trimmed.slice('tier'.length).trimStart()
    if (!rest.startsWith(':')) continue
    words.push(rest.slice(1).trim())
  }
  return words
}

/** A `bad-field` problem for a tier word that is not a tier, or for two tiers that disagree. */
export function tierProblems(entry: BibEntry): BibProblem[] {
  const words = tierWords(entry.fields['keywords'])
  if (words.length === 0) return []
  const place = entry.fieldPlaces['keywords'] ?? entry.place
  const known = tiers.filter((tier) => tier !== 'unknown') as string[]
  const problems: BibProblem[] = []
  for (const word of words) {
    if (!known.includes(word)) {
      problems.push({
        kind: 'bad-field',
        key: entry.key,
        reason: `Unexpected tier \`tier:${word}\`, expected one of ${known.map((tier) => '`tier:' + tier + '`').join(', ')}`,
        place,
        actual: word,
        expected: known
      })
    }
  }
  const distinct = [...new Set(words.filter((word) => known.includes(word)))]
  if (distinct.length > 1) {
    problems.push({
      kind: 'bad-field',
      key: entry.key,
      reason: `Unexpected tiers ${distinct.map((tier) => '`tier:' + tier + '`').join(' and ')} on one entry, expected one tier`,
      note: `The first, \`tier:${distinct[0]}\`, is used.`,
      place,
      actual: distinct.join(', ')
    })
  }
  return problems
}
