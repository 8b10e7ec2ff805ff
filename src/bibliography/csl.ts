/**
 * CSL-JSON through citation-js, one entry at a time, so that one entry its grammar
 * rejects never costs the others. The only module that imports `@citation-js/*`: the
 * BibTeX plugin registers itself in citation-js's own registry when imported, and that
 * stays an implementation detail of this file.
 */
import {logger, plugins} from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import type {BibEntry} from '../types.js'
import type {Bibliography} from './read.js'
import {monthMacros} from './read.js'
import {scanBibtex} from './scan.js'
import type {ScannedEntry, ScannedValue} from './scan.js'

/** A CSL-JSON item; `id` is the citation key. Local on purpose: no citation-js type leaks out. */
export type CslItem = {id: string; type: string; [field: string]: unknown}

export interface CslConversion {
  /** In the order asked for (file order by default), one per key. */
  items: CslItem[]
  /** Keys that produced no item, and why. */
  failures: Array<{key: string; reason: string}>
  /**
   * Fields citation-js could not read in an entry that still converted: a plain-text
   * field was passed as its Unicode text instead, a name list was left out.
   */
  replacedFields: Array<{key: string; field: string; reason: string}>
}

const chainOptions = {forceType: '@biblatex/text', generateGraph: false, strict: true}

/** Name lists: their plain text (`Last, First; …`) cannot be fed back as BibTeX names. */
const nameFields: ReadonlySet<string> = new Set([
  'author',
  'bookauthor',
  'editor',
  'editora',
  'editorb',
  'editorc',
  'translator',
  'annotator',
  'commentator',
  'introduction',
  'foreword',
  'afterword',
  'holder',
  'collaborator',
  'director',
  'scriptwriter'
])

interface SourceEntry {
  type: string
  fields: Array<{name: string; tex: string}>
}

/** Converts the entries with these keys (default: every entry, first occurrence) to CSL-JSON. */
export function toCsl(bib: Bibliography, keys?: string[]): CslConversion {
  const conversion: CslConversion = {items: [], failures: [], replacedFields: []}
  const firstEntries = new Map<string, BibEntry>()
  for (const entry of bib.entries) if (!firstEntries.has(entry.key)) firstEntries.set(entry.key, entry)
  const wanted = [...new Set(keys ?? [...firstEntries.keys()])]
  const sources = new Map<string, SourceEntry | undefined>()
  const sourceOf = (key: string): SourceEntry | undefined => {
    if (!sources.has(key)) sources.set(key, readSource(key, ownText(bib.standalone, key) ?? ownText(bib.raw, key)))
    return sources.get(key)
  }

  try {
    for (const key of wanted) {
      const source = sourceOf(key)
      if (!source) {
        conversion.failures.push({key, reason: `No entry with key \`${key}\` could be read`})
        continue
      }
      const parents = parentSources(source, sourceOf)
      const attempt = convert(source, parents)
      if (attempt.ok) {
        conversion.items.push(withKey(attempt.item, key))
        continue
      }
      const repaired = repair(source, parents, firstEntries.get(key))
      if (repaired) {
        conversion.items.push(withKey(repaired.item, key))
        for (const replaced of repaired.replaced) conversion.replacedFields.push({key, ...replaced})
        continue
      }
      conversion.failures.push({key, reason: attempt.reason})
    }
  } finally {
    // citation-js keeps every message it logs in a module-level array that only grows.
    logger._log.length = 0
  }
  return conversion
}

/** The entry's type and TeX field values, read back from its standalone (or raw) text. */
function readSource(key: string, text: string | undefined): SourceEntry | undefined {
  if (text === undefined) return undefined
  const scanned = scanBibtex(text).items.find(
    (item): item is ScannedEntry => item.kind === 'entry' && item.key === key
  )
  if (!scanned) return undefined
  return {type: scanned.type, fields: scanned.fields.map((field) => ({name: field.name, tex: valueText(field.value)}))}
}

function valueText(value: ScannedValue): string {
  return value.parts
    .map((part) => (part.kind === 'macro' ? monthMacros.get(part.text.toLowerCase()) ?? part.text : part.text))
    .join('')
}

/** The entries that `crossref`/`xdata` point at, transitively, so citation-js can inherit from them. */
function parentSources(source: SourceEntry, sourceOf: (key: string) => SourceEntry | undefined): Map<string, SourceEntry> {
  const parents = new Map<string, SourceEntry>()
  const visit = (entry: SourceEntry, depth: number): void => {
    if (depth > 8) return
    for (const parentKey of referencedKeys(entry)) {
      if (parents.has(parentKey)) continue
      const parent = sourceOf(parentKey)
      if (!parent) continue
      parents.set(parentKey, parent)
      visit(parent, depth + 1)
    }
  }
  visit(source, 0)
  return parents
}

function referencedKeys(entry: SourceEntry): string[] {
  const keys: string[] = []
  for (const field of entry.fields) {
    if (field.name === 'crossref') keys.push(field.tex.trim())
    else if (field.name === 'xdata') keys.push(...field.tex.split(',').map((key) => key.trim()))
  }
  return keys.filter(Boolean)
}

type Attempt = {ok: true; item: CslItem} | {ok: false; reason: string}

/**
 * Converts one entry. Labels are replaced by `c0`, `p1`, … so that no key can trip
 * citation-js's grammar; `crossref`/`xdata` are rewritten to match.
 */
function convert(source: SourceEntry, parents: Map<string, SourceEntry>): Attempt {
  const labels = new Map<string, string>()
  let index = 1
  for (const parentKey of parents.keys()) labels.set(parentKey, `p${index++}`)
  const relabel = (entry: SourceEntry, label: string): string => {
    const lines = entry.fields.map((field) => {
      let tex = field.tex
      if (field.name === 'crossref') tex = labels.get(tex.trim()) ?? tex
      else if (field.name === 'xdata') {
        tex = tex
          .split(',')
          .map((key) => labels.get(key.trim()) ?? key.trim())
          .join(',')
      }
      return `  ${field.name} = {${tex}},`
    })
    return [`@${entry.type}{${label},`, ...lines, '}'].join('\n')
  }
  const text = [relabel(source, 'c0'), ...[...parents].map(([key, parent]) => relabel(parent, labels.get(key) ?? key))].join('\n\n')
  let output: unknown
  try {
    output = plugins.input.chain(text, chainOptions)
  } catch (error) {
    return {ok: false, reason: firstLine(error instanceof Error ? error.message : String(error))}
  }
  const item = Array.isArray(output)
    ? (output as unknown[]).find((candidate) => isRecord(candidate) && candidate['id'] === 'c0')
    : undefined
  if (!isRecord(item) || typeof item['type'] !== 'string') return {ok: false, reason: 'citation-js returned no item for it'}
  return {ok: true, item: item as CslItem}
}

/**
 * When citation-js rejects an entry, find the fields it rejects one by one and retry
 * without their LaTeX: plain-text fields as their parsed Unicode text, name lists left out.
 */
function repair(
  source: SourceEntry,
  parents: Map<string, SourceEntry>,
  entry: BibEntry | undefined
): {item: CslItem; replaced: Array<{field: string; reason: string}>} | undefined {
  const replaced: Array<{field: string; reason: string}> = []
  const fields: SourceEntry['fields'] = []
  for (const field of source.fields) {
    const alone = convert({type: source.type, fields: [field]}, new Map())
    if (alone.ok) {
      fields.push(field)
      continue
    }
    const plain = entry ? ownText(entry.fields, field.name) : undefined
    if (nameFields.has(field.name) || plain === undefined) {
      replaced.push({field: field.name, reason: `Left out: ${alone.reason}`})
    } else {
      fields.push({name: field.name, tex: escapeTex(plain)})
      replaced.push({field: field.name, reason: `Passed as plain text: ${alone.reason}`})
    }
  }
  if (replaced.length === 0) return undefined
  const retry = convert({type: source.type, fields}, parents)
  return retry.ok ? {item: retry.item, replaced} : undefined
}

/** Plain text as a BibTeX value that reads back as the same text. */
function escapeTex(text: string): string {
  let escaped = ''
  for (const character of text) {
    if (character === '\\') escaped += '\\textbackslash{}'
    else if (character === '~') escaped += '\\textasciitilde{}'
    else if (character === '^') escaped += '\\textasciicircum{}'
    else if ('{}&%$#_'.includes(character)) escaped += '\\' + character
    else escaped += character
  }
  return escaped
}

function withKey(item: CslItem, key: string): CslItem {
  const keyed: CslItem = {...item, id: key}
  keyed['citation-key'] = key
  return keyed
}

/** A string stored under `key` itself (not inherited: keys come from the file). */
function ownText(record: Record<string, string> | undefined, key: string): string | undefined {
  if (!record || !Object.hasOwn(record, key)) return undefined
  const value = record[key]
  return typeof value === 'string' ? value : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim()
}
