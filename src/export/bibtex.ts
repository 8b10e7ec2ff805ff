/**
 * BibLaTeX and BibTeX written from the entries' own TeX (the adapter's `standalone` text:
 * `@string` macros expanded, values braced), not through citation-js. citation-js's
 * BibTeX output renames keys it finds unsafe (`bbc-hungary-1956` → `BBC1956`), drops
 * `keywords` (the tier) and `translator` from BibTeX, writes a report's `type` as
 * `entrysubtype`, and braces every capital: a reference manager would get back other
 * keys than the claims cite. Copying the TeX keeps every field as written; only the
 * names BibLaTeX and BibTeX spell differently are translated.
 */
import type {Bibliography} from '../bibliography/index.js'
import {scanBibtex, type ScannedEntry} from '../bibliography/scan.js'

export type BibtexDialect = 'biblatex' | 'bibtex'

interface TexEntry {
  key: string
  type: string
  fields: Array<{name: string; tex: string}>
}

export interface BibtexExport {
  text: string
  /** Entries written (the selected ones and the parents they inherit from). */
  written: string[]
  failures: Array<{key: string; reason: string}>
  /** One line per kind of change a reader should know of. */
  notes: string[]
}

/** Entry types BibLaTeX reads only as aliases, and what they stand for. */
const biblatexTypes: Record<string, {type: string; subtype?: string}> = {
  techreport: {type: 'report', subtype: 'techreport'},
  phdthesis: {type: 'thesis', subtype: 'phdthesis'},
  mastersthesis: {type: 'thesis', subtype: 'mathesis'},
  conference: {type: 'inproceedings'},
  www: {type: 'online'},
  electronic: {type: 'online'}
}

/** BibLaTeX types and the BibTeX type that standard styles format them as. */
const bibtexTypes: Record<string, string> = {
  online: 'misc',
  www: 'misc',
  electronic: 'misc',
  report: 'techreport',
  collection: 'book',
  mvcollection: 'book',
  reference: 'book',
  mvreference: 'book',
  mvbook: 'book',
  bookinbook: 'incollection',
  inbook: 'incollection',
  suppbook: 'incollection',
  inreference: 'incollection',
  suppcollection: 'incollection',
  mvproceedings: 'proceedings',
  periodical: 'misc',
  suppperiodical: 'article',
  patent: 'misc',
  dataset: 'misc',
  software: 'misc',
  artwork: 'misc',
  audio: 'misc',
  image: 'misc',
  movie: 'misc',
  music: 'misc',
  performance: 'misc',
  video: 'misc',
  letter: 'misc',
  review: 'misc',
  standard: 'misc',
  legislation: 'misc',
  legal: 'misc',
  jurisdiction: 'misc',
  commentary: 'misc'
}

/** Types whose BibTeX form loses nothing a standard style prints: no note for them. */
const silentBibtexTypes = new Set(['report', 'thesis', 'bookinbook', 'inbook', 'inreference', 'suppbook', 'suppcollection', 'mvproceedings'])

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Writes the entries with these keys (and the `crossref`/`xdata` parents they need). */
export function writeBibtex(bib: Bibliography, keys: readonly string[], dialect: BibtexDialect): BibtexExport {
  const failures: BibtexExport['failures'] = []
  const notes = new Map<string, Set<string>>()
  const note = (what: string, key: string): void => {
    let keys = notes.get(what)
    if (!keys) notes.set(what, (keys = new Set()))
    keys.add(key)
  }
  const cache = new Map<string, TexEntry | undefined>()
  const entryOf = (key: string): TexEntry | undefined => {
    if (!cache.has(key)) cache.set(key, readTexEntry(bib, key))
    return cache.get(key)
  }

  const selected: TexEntry[] = []
  for (const key of new Set(keys)) {
    const entry = entryOf(key)
    if (entry) selected.push(entry)
    else failures.push({key, reason: `No entry with key \`${key}\` could be read`})
  }
  // Parents: inherited fields must travel with the entries that inherit them.
  const chosen = new Set(selected.map((entry) => entry.key))
  const parents: TexEntry[] = []
  const queue = [...selected]
  while (queue.length > 0) {
    const entry = queue.shift() as TexEntry
    for (const parentKey of parentKeys(entry)) {
      if (chosen.has(parentKey)) continue
      const parent = entryOf(parentKey)
      if (!parent) continue
      chosen.add(parentKey)
      parents.push(parent)
      queue.push(parent)
    }
  }
  const fileOrder = new Map(bib.entries.map((entry, index) => [entry.key, index] as const))
  parents.sort((a, b) => (fileOrder.get(a.key) ?? 0) - (fileOrder.get(b.key) ?? 0))
  let output = [...selected, ...parents]

  if (dialect === 'bibtex') {
    // BibTeX has no xdata: copy what the xdata entries give into each entry.
    const xdata = new Map(output.filter((entry) => entry.type === 'xdata').map((entry) => [entry.key, entry]))
    output = output.filter((entry) => entry.type !== 'xdata').map((entry) => inlineXdata(entry, xdata, entryOf))
    // BibTeX needs an entry that others cross-reference after them.
    const targets = new Set(output.flatMap((entry) => entry.fields.filter((field) => field.name === 'crossref').map((field) => field.tex.trim())))
    output = [...output.filter((entry) => !targets.has(entry.key)), ...output.filter((entry) => targets.has(entry.key))]
  }

  const converted = output.map((entry) => (dialect === 'biblatex' ? toBiblatex(entry) : toBibtex(entry, note)))
  const text = converted.map(formatEntry).join('\n\n')
  return {
    text: text === '' ? '' : `${text}\n`,
    written: output.map((entry) => entry.key),
    failures,
    notes: [...notes].map(([what, keys]) => `${what} (${keys.size} ${keys.size === 1 ? 'entry' : 'entries'}: ${[...keys].slice(0, 5).join(', ')}${keys.size > 5 ? ', …' : ''})`)
  }
}

function readTexEntry(bib: Bibliography, key: string): TexEntry | undefined {
  if (!Object.hasOwn(bib.standalone, key)) return undefined
  const text = bib.standalone[key] as string
  const scanned = scanBibtex(text).items.find((item): item is ScannedEntry => item.kind === 'entry' && item.key === key)
  if (!scanned) return undefined
  // Standalone values are single braced parts; anything else is joined as written.
  return {key, type: scanned.type, fields: scanned.fields.map((field) => ({name: field.name, tex: field.value.parts.map((part) => part.text).join('')}))}
}

function parentKeys(entry: TexEntry): string[] {
  return entry.fields.flatMap((field) => {
    if (field.name === 'crossref') return [field.tex.trim()]
    if (field.name === 'xdata') return field.tex.split(',').map((key) => key.trim())
    return []
  }).filter((key) => key !== '')
}

function inlineXdata(entry: TexEntry, xdata: Map<string, TexEntry>, entryOf: (key: string) => TexEntry | undefined): TexEntry {
  const xdataField = entry.fields.find((field) => field.name === 'xdata')
  if (!xdataField) return entry
  const fields = entry.fields.filter((field) => field.name !== 'xdata')
  const present = new Set(fields.map((field) => field.name))
  const visit = (key: string, depth: number): void => {
    const parent = xdata.get(key) ?? entryOf(key)
    if (!parent || depth > 8) return
    for (const field of parent.fields) {
      if (field.name === 'xdata') {
        for (const inner of field.tex.split(',')) visit(inner.trim(), depth + 1)
      } else if (!present.has(field.name)) {
        present.add(field.name)
        fields.push(field)
      }
    }
  }
  for (const key of xdataField.tex.split(',')) visit(key.trim(), 0)
  return {...entry, fields}
}

function toBiblatex(entry: TexEntry): TexEntry {
  let fields = entry.fields.map((field) => ({...field}))
  const has = (name: string): boolean => fields.some((field) => field.name === name)
  const alias = biblatexTypes[entry.type]
  const type = alias?.type ?? entry.type
  if (alias?.subtype !== undefined && !has('type')) fields.push({name: 'type', tex: alias.subtype})
  const renames: Record<string, string> = {journal: 'journaltitle', address: 'location', school: 'institution'}
  fields = fields.flatMap((field) => {
    const target = renames[field.name]
    if (target === undefined) return [field]
    // Both spellings given: the BibLaTeX one wins, as in biber.
    return has(target) ? [] : [{name: target, tex: field.tex}]
  })
  if (has('date')) {
    // The bibliography rule reports a year that disagrees with date; date is what biber reads.
    fields = fields.filter((field) => field.name !== 'year' && field.name !== 'month')
  } else {
    const date = dateFromYearMonth(fields)
    if (date !== undefined) {
      const yearIndex = fields.findIndex((field) => field.name === 'year')
      fields = fields.filter((field) => field.name !== 'month')
      fields.splice(yearIndex, 1, {name: 'date', tex: date})
    }
  }
  return {key: entry.key, type, fields}
}

function dateFromYearMonth(fields: TexEntry['fields']): string | undefined {
  const year = fields.find((field) => field.name === 'year')?.tex.trim()
  if (year === undefined || !/^-?\d{1,4}$/.test(year)) return undefined
  const month = fields.find((field) => field.name === 'month')?.tex.trim()
  if (month === undefined) return year.padStart(4, '0')
  const number = /^\d{1,2}$/.test(month) ? Number(month) : monthNames.indexOf(month.slice(0, 3).toLowerCase()) + 1
  if (number < 1 || number > 12) return undefined
  return `${year.padStart(4, '0')}-${String(number).padStart(2, '0')}`
}

function toBibtex(entry: TexEntry, note: (what: string, key: string) => void): TexEntry {
  let fields = entry.fields.map((field) => ({...field}))
  const get = (name: string): string | undefined => fields.find((field) => field.name === name)?.tex
  const has = (name: string): boolean => get(name) !== undefined
  let type = entry.type
  if (type === 'thesis') {
    const kind = (get('type') ?? '').trim().toLowerCase()
    type = /^(mathesis|mastersthesis|master'?s thesis|ma thesis)$/.test(kind) ? 'mastersthesis' : 'phdthesis'
    if (kind === 'phdthesis' || kind === 'mathesis' || kind === 'mastersthesis') fields = fields.filter((field) => field.name !== 'type')
  } else if (Object.hasOwn(bibtexTypes, type)) {
    const target = bibtexTypes[type] as string
    if (!silentBibtexTypes.has(type)) note(`BibTeX has no @${type}: written as @${target}; use \`biblatex\` to keep the type`, entry.key)
    type = target
  } else if (type === 'set') {
    note('BibTeX has no @set: written as @misc with its `entryset`; use `biblatex` to keep the set', entry.key)
    type = 'misc'
  }
  if (type === 'techreport') {
    const kind = (get('type') ?? '').trim().toLowerCase()
    if (kind === 'techreport') fields = fields.filter((field) => field.name !== 'type')
  }
  const isThesis = type === 'phdthesis' || type === 'mastersthesis'
  const renames: Record<string, string> = {journaltitle: 'journal', location: 'address', ...(isThesis ? {institution: 'school'} : {})}
  fields = fields.flatMap((field) => {
    const target = renames[field.name]
    if (target === undefined) return [field]
    return has(target) ? [] : [{name: target, tex: field.tex}]
  })
  // BibTeX styles print no subtitle: join it to its title, as Better BibTeX does.
  for (const [title, subtitle] of [['title', 'subtitle'], ['booktitle', 'booksubtitle'], ['journal', 'journalsubtitle'], ['maintitle', 'mainsubtitle']] as const) {
    const sub = get(subtitle)
    const main = fields.find((field) => field.name === title)
    if (sub === undefined || main === undefined) continue
    main.tex = `${main.tex}: ${sub}`
    fields = fields.filter((field) => field.name !== subtitle)
  }
  const date = get('date')
  if (date !== undefined) {
    const match = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date.trim())
    const range = /^(\d{4})[-\d]*\/(\d{4})?[-\d]*$/.exec(date.trim())
    const dateIndex = fields.findIndex((field) => field.name === 'date')
    const replacement: TexEntry['fields'] = []
    if (match && !has('year')) replacement.push({name: 'year', tex: match[1] as string})
    // A range's years, as BibTeX users write them (`1984--1986`).
    if (range && !has('year')) replacement.push({name: 'year', tex: range[2] === undefined || range[2] === range[1] ? (range[1] as string) : `${range[1]}--${range[2]}`})
    if (match?.[2] !== undefined && !has('month')) replacement.push({name: 'month', tex: monthNames[Number(match[2]) - 1] ?? match[2]})
    // A day or a range has no BibTeX field: keep `date`, which BibTeX ignores and biber and pandoc read.
    const keepDate = !match || match[3] !== undefined
    if (keepDate) replacement.push({name: 'date', tex: date})
    fields.splice(dateIndex, 1, ...replacement)
  } else {
    const month = fields.find((field) => field.name === 'month')
    if (month && /^\d{1,2}$/.test(month.tex.trim())) month.tex = monthNames[Number(month.tex.trim()) - 1] ?? month.tex
  }
  return {key: entry.key, type, fields}
}

/** Month macros are written bare (`month = nov`), so BibTeX styles spell them out. */
function formatEntry(entry: TexEntry): string {
  const lines = entry.fields.map((field) =>
    field.name === 'month' && monthNames.includes(field.tex) ? `  month = ${field.tex},` : `  ${field.name} = {${field.tex}},`
  )
  return [`@${entry.type}{${entry.key},`, ...lines, '}'].join('\n')
}
