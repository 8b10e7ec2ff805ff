/**
 * Reading an article's source list ("Author – Title, Publisher, Year. Available at: URL")
 * into CSL-JSON items, the lingua franca citation-js turns into BibLaTeX. Free-text
 * references have no grammar; this reads the common shapes and records what it could not
 * place in a note, so nothing of the line is lost and the historian sees what to check.
 */
import {slugify} from './ids.js'

/** The subset of CSL-JSON the drafts use (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslName {
  family?: string
  given?: string
  literal?: string
}

export interface CslItem {
  id: string
  'citation-key': string
  type: 'book' | 'webpage' | 'article-newspaper' | 'article-magazine' | 'report' | 'document'
  title: string
  author?: CslName[]
  editor?: CslName[]
  publisher?: string
  'container-title'?: string
  number?: string
  /** A report's kind, BibLaTeX's `type`. */
  genre?: string
  URL?: string
  issued?: {'date-parts': number[][]}
  note?: string
}

export interface SourceDraft {
  /** The line as the article gives it. */
  line: string
  item: CslItem
}

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** Words that make an author an organisation, not a person. */
const organisationWords =
  /\b(agency|archive|archives|assembly|association|bbc|center|centre|collection|collections|committee|council|encyclopaedia|encyclopedia|foundation|history|institute|institution|library|magazine|museum|news|office|program|programme|project|radio|review|service|society|times|university|wikipedia|press|guardian|economist|post|journal|herald|tribune)\b/i

const publisherWords = /\b(press|books|publishers?|publishing|verlag|university|institution|editions|éditions)\b/i

export function parseSourceLine(line: string): SourceDraft {
  let rest = line.trim()
  const unplaced: string[] = []

  let url: string | undefined
  const available = /\s*(?:Available (?:at|from)|URL|Online)\s*:?\s*<?(https?:\/\/\S+?)>?\.?\s*$/i.exec(rest)
  const bareUrl = /\s*<?(https?:\/\/\S+?)>?\.?\s*$/.exec(rest)
  const urlMatch = available ?? bareUrl
  if (urlMatch) {
    url = urlMatch[1]
    rest = rest.slice(0, urlMatch.index)
  }
  rest = rest.replace(/[.\s]+$/, '')

  let authorText: string | undefined
  const dash = /\s[–—-]\s/.exec(rest)
  if (dash) {
    authorText = rest.slice(0, dash.index).trim()
    rest = rest.slice(dash.index + dash[0].length).trim()
  }
  let editors = false
  const editorMark = authorText === undefined ? null : /\s*\((eds?)\.?\)\s*$/i.exec(authorText)
  if (editorMark && authorText !== undefined) {
    editors = true
    authorText = authorText.slice(0, editorMark.index)
  }
  const people = authorText === undefined ? [] : peopleIn(authorText)
  const organisation = authorText !== undefined && people.length === 0

  let title: string
  let quoted = false
  const quotedTitle = /^[“"]([^”"]+?)[,.]?[”"]\s*,?\s*(.*)$/.exec(rest)
  let tail: string[]
  if (quotedTitle) {
    title = (quotedTitle[1] ?? '').trim()
    quoted = true
    tail = (quotedTitle[2] ?? '').split(/,\s*/).map((part) => part.trim()).filter(Boolean)
  } else {
    title = rest
    tail = []
  }

  let issued: number[] | undefined
  const parenthesisedYear = /\s*\((\d{4})\)\s*$/.exec(title)
  if (parenthesisedYear) {
    issued = [Number(parenthesisedYear[1])]
    title = title.slice(0, parenthesisedYear.index).trim()
  }

  // Without quotation marks the title and what follows share commas: read from the right.
  let publisher: string | undefined
  if (!quoted) {
    const segments = title.split(/,\s+/)
    if (!issued && segments.length > 1) {
      const date = parseDate(segments.at(-1) ?? '')
      if (date) {
        issued = date.parts
        if (date.remark) unplaced.push(date.remark)
        segments.pop()
      }
    }
    const publisherSegments: string[] = []
    while (segments.length > 1) {
      const last = segments.at(-1) ?? ''
      const isPublisher =
        publisherWords.test(last) ||
        (publisherSegments.length === 0 && issued !== undefined && authorText !== undefined && !organisation && last.split(/\s+/).length <= 4 && !last.includes(':'))
      if (!isPublisher || /^\d/.test(last)) break
      publisherSegments.unshift(last)
      segments.pop()
    }
    if (publisherSegments.length > 0) publisher = publisherSegments.join(', ')
    title = segments.join(', ')
  } else {
    for (const part of tail) {
      const date = issued ? undefined : parseDate(part)
      if (date) {
        issued = date.parts
        if (date.remark) unplaced.push(date.remark)
      } else unplaced.push(part)
    }
  }

  let number: string | undefined
  const reportNumber = /\s*\(([A-Z]+\/[\w./-]+|No\.?\s*[\w./-]+)\)\s*$/.exec(title)
  if (reportNumber) {
    number = reportNumber[1]
    title = title.slice(0, reportNumber.index).trim()
  }

  const type: CslItem['type'] = quoted
    ? /magazine|time\b/i.test(authorText ?? '')
      ? 'article-magazine'
      : 'article-newspaper'
    : number !== undefined || /^report\b/i.test(title)
      ? 'report'
      : publisher !== undefined && !organisation
        ? 'book'
        : url !== undefined
          ? 'webpage'
          : authorText !== undefined && !organisation
            ? 'book'
            : 'document'

  const item: CslItem = {id: '', 'citation-key': '', type, title: title.replace(/^[“"]|[”"]$/g, '')}
  if (authorText) item[editors ? 'editor' : 'author'] = organisation ? [{literal: authorText}] : people
  if (quoted && authorText) item['container-title'] = authorText.replace(/\s+magazine$/i, '')
  if (publisher) item.publisher = publisher
  else if (type === 'report' && organisation && authorText) item.publisher = authorText
  if (type === 'report') item.genre = 'Report'
  if (number) item.number = number
  if (url) item.URL = url
  if (issued) item.issued = {'date-parts': [issued]}
  const notes = [`Draft from the article's source list: ${line.trim()}`]
  if (unplaced.length > 0) notes.push(`Not placed in a field: ${unplaced.join('; ')}.`)
  item.note = notes.join(' ')
  return {line: line.trim(), item}
}

/** The people an author field names ("A, B and C"), or none when it names an organisation. */
export function peopleIn(author: string): CslName[] {
  if (isOrganisation(author) && !/,|\band\b/.test(author)) return []
  // "Lendvai, Paul": one person, family name first.
  const inverted = /^([^,\s]+(?:\s[^,\s]+)?),\s*([^,\s]+(?:\s[^,\s]+)?)$/.exec(author)
  if (inverted && !/\band\b/.test(author)) return [personName(author)]
  const names = author.split(/\s*,\s*|\s+and\s+|\s*&\s*/).filter(Boolean)
  if (names.length === 0 || names.some((name) => isOrganisation(name))) return []
  return names.map(personName)
}

export function isOrganisation(author: string): boolean {
  const words = author.split(/\s+/)
  if (words.length === 1 || words.length > 4) return true
  if (/^the\b/i.test(author) || /[()/&]/.test(author)) return true
  if (words.some((word) => /^\p{Lu}{2,}$/u.test(word))) return true
  return organisationWords.test(author)
}

function personName(author: string): CslName {
  const comma = author.indexOf(',')
  if (comma > 0) return {family: author.slice(0, comma).trim(), given: author.slice(comma + 1).trim()}
  const words = author.split(/\s+/)
  const family = words.pop() ?? author
  return words.length > 0 ? {family, given: words.join(' ')} : {family}
}

/** "2006", "declassified 1996", "12 November 1956", "November 12, 1956", "November 1956". */
export function parseDate(text: string): {parts: number[]; remark?: string} | undefined {
  const value = text.trim().replace(/\.$/, '')
  let match = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(value)
  if (match) {
    const month = monthNumber(match[2] ?? '')
    if (month) return {parts: [Number(match[3]), month, Number(match[1])]}
  }
  match = /^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(value)
  if (match) {
    const month = monthNumber(match[1] ?? '')
    if (month) return {parts: [Number(match[3]), month, Number(match[2])]}
  }
  match = /^([A-Za-z]+)\s+(\d{4})$/.exec(value)
  if (match) {
    const month = monthNumber(match[1] ?? '')
    if (month) return {parts: [Number(match[2]), month]}
  }
  if (/^\d{4}$/.test(value)) return {parts: [Number(value)]}
  match = /^([\p{L}\s]+?)\s+(\d{4})$/u.exec(value)
  if (match && value.split(/\s+/).length <= 3) return {parts: [Number(match[2])], remark: value}
  return undefined
}

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase()
  if (lower.length < 3) return undefined
  const index = months.findIndex((month) => month.startsWith(lower))
  return index === -1 ? undefined : index + 1
}

/**
 * A BibTeX-safe key: letters and digits only (citation-js drops keys with other
 * characters). A person gives the family name, an organisation its acronym or first
 * significant word; then the year; an organisation without a year adds a title word.
 */
export function citationKeyFor(item: CslItem): string {
  const name = (item.author ?? item.editor)?.[0]
  const year = item.issued?.['date-parts'][0]?.[0]
  const titleWord = significantWords(item.title)[0] ?? ''
  let base: string
  if (name?.literal !== undefined) base = organisationShortName(name.literal)
  else if (name?.family !== undefined) base = letters(name.family)
  else base = titleWord
  let key = `${base}${year ?? ''}`
  if (name?.literal !== undefined && year === undefined) key += titleWord
  return key === '' ? 'source' : key
}

/** Distinct keys in list order: a clash gets a title word, then a letter (`gati2006b`). */
export function assignCitationKeys(items: CslItem[], taken: Set<string> = new Set()): void {
  for (const item of items) {
    let key = citationKeyFor(item)
    if (taken.has(key)) {
      const word = significantWords(item.title).find((candidate) => !key.endsWith(candidate))
      if (word) key += word
    }
    const base = key
    for (let letter = 98; taken.has(key); letter++) key = `${base}${String.fromCharCode(letter)}`
    taken.add(key)
    item.id = key
    item['citation-key'] = key
  }
}

function organisationShortName(name: string): string {
  const acronym = /\(([A-Z][A-Za-z]*[A-Z])\)/.exec(name)?.[1]
  if (acronym) return acronym.toLowerCase()
  const capitals = name.split(/[\s/]+/).find((word) => /^\p{Lu}{2,}$/u.test(word))
  if (capitals) return letters(capitals)
  const words = significantWords(name.replace(/\s+magazine$/i, ''))
  const capitalised = name.split(/[\s/]+/).filter((word) => /^\p{Lu}/u.test(word) && !/^(the|and|of|for)$/i.test(word))
  if (capitalised.length >= 3) return capitalised.map((word) => letters(word).charAt(0)).join('')
  return words[0] ?? 'source'
}

function significantWords(text: string): string[] {
  return slugify(text)
    .split('-')
    .filter((word) => word.length > 2 && !/^\d+$/.test(word) && !['the', 'and', 'for', 'from', 'with'].includes(word))
}

function letters(text: string): string {
  return slugify(text).replace(/-/g, '')
}
