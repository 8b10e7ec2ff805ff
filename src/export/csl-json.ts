/**
 * CSL-JSON: the adapter's `toCsl` (citation-js, entry by entry), plus, with
 * `--with-claims`, who cites each entry.
 *
 * The official CSL-JSON schema allows no property of its own (`additionalProperties:
 * false`), but it has `custom`, "key-value pairs … that do not have a designated CSL
 * JSON field", preferred over `note` (which annotated-bibliography styles print). The
 * citing claims go there, as `custom["factlint-claims"]`.
 */
import {toCsl, type Bibliography, type CslItem} from '../bibliography/index.js'
import type {BibEntry} from '../types.js'
import type {ClaimCitation} from './select.js'

/**
 * BibLaTeX fields that citation-js's BibLaTeX → CSL mapping reads
 * (`@citation-js/plugin-bibtex/lib/mapping/biblatex.js`, 0.7), with BibTeX's names. A
 * field outside this list has no CSL counterpart and is left out of CSL-JSON and RIS.
 */
export const fieldsCarriedByCsl: ReadonlySet<string> = new Set([
  'abstract', 'addendum', 'address', 'annotation', 'annote', 'archiveprefix', 'author', 'bookauthor',
  'bookpagination', 'booksubtitle', 'booktitle', 'booktitleaddon', 'chapter', 'date', 'day', 'doi',
  'edition', 'editor', 'editortype', 'eid', 'entrysubtype', 'eprint', 'eprinttype', 'eventdate', 'eventtitle',
  'eventtitleaddon', 'howpublished', 'institution', 'isan', 'isbn', 'ismn', 'isrn', 'issn', 'issue',
  'issuesubtitle', 'issuetitle', 'issuetitleaddon', 'iswc', 'journal', 'journalsubtitle', 'journaltitle',
  'journaltitleaddon', 'keywords', 'langid', 'language', 'library', 'location', 'mainsubtitle', 'maintitle',
  'maintitleaddon', 'month', 'note', 'number', 'numpages', 'organization', 'origdate', 'origlocation',
  'origpublisher', 'origtitle', 'pages', 'pagetotal', 'part', 'pmcid', 'pmid', 'publisher', 'pubstate',
  's2id', 'school', 'series', 'shortjournal', 'shortseries', 'shorttitle', 'subtitle', 'title', 'titleaddon',
  'translator', 'type', 'url', 'urldate', 'venue', 'version', 'volume', 'volumes', 'year'
])

/** The item properties of CSL-JSON 1.0.2 (`csl-data.json`): the schema allows no others. */
export const cslItemProperties: ReadonlySet<string> = new Set([
  'DOI', 'ISBN', 'ISSN', 'PMCID', 'PMID', 'URL', 'abstract', 'accessed', 'annote', 'archive',
  'archive-place', 'archive_collection', 'archive_location', 'author', 'authority', 'available-date',
  'call-number', 'categories', 'chair', 'chapter-number', 'citation-key', 'citation-label',
  'citation-number', 'collection-editor', 'collection-number', 'collection-title', 'compiler', 'composer',
  'container-author', 'container-title', 'container-title-short', 'contributor', 'curator', 'custom',
  'dimensions', 'director', 'division', 'edition', 'editor', 'editorial-director', 'event', 'event-date',
  'event-place', 'event-title', 'executive-producer', 'first-reference-note-number', 'genre', 'guest',
  'host', 'id', 'illustrator', 'interviewer', 'issue', 'issued', 'journalAbbreviation', 'jurisdiction',
  'keyword', 'language', 'locator', 'medium', 'narrator', 'note', 'number', 'number-of-pages',
  'number-of-volumes', 'organizer', 'original-author', 'original-date', 'original-publisher',
  'original-publisher-place', 'original-title', 'page', 'page-first', 'part', 'part-title', 'performer',
  'printing', 'producer', 'publisher', 'publisher-place', 'recipient', 'references', 'reviewed-author',
  'reviewed-genre', 'reviewed-title', 'scale', 'script-writer', 'section', 'series-creator', 'shortTitle',
  'source', 'status', 'submitted', 'supplement', 'title', 'title-short', 'translator', 'type', 'version',
  'volume', 'volume-title', 'volume-title-short', 'year-suffix'
])

/** Properties citation-js writes under names of a later CSL draft, and their 1.0.2 name. */
const renamedProperties: Record<string, string> = {'part-number': 'part'}

/** Fields that only link entries: CSL gets what they point at, by inheritance. */
const structuralFields = new Set(['crossref', 'xdata', 'entryset', 'ids'])

export const claimsProperty = 'factlint-claims'

export interface CslExport {
  items: CslItem[]
  failures: Array<{key: string; reason: string}>
  /** Fields of the entries that CSL cannot hold, each with the keys of the entries that have it. */
  uncarried: Array<{field: string; keys: string[]}>
  /** Properties citation-js wrote that CSL 1.0.2 does not have, left out. */
  dropped: Array<{field: string; keys: string[]}>
  /** Fields citation-js rejected and that were passed as plain text or left out. */
  replaced: Array<{key: string; field: string; reason: string}>
}

export function exportCsl(
  bib: Bibliography,
  keys: readonly string[],
  citations?: ReadonlyMap<string, readonly ClaimCitation[]>
): CslExport {
  const conversion = toCsl(bib, [...keys])
  const dropped = new Map<string, string[]>()
  const valid = conversion.items.map((item) => withSchemaProperties(withTextLists(item), dropped))
  const items = citations
    ? valid.map((item) => {
        const custom = isRecord(item['custom']) ? item['custom'] : {}
        return {...item, custom: {...custom, [claimsProperty]: (citations.get(item.id) ?? []).map((citation) => ({...citation}))}}
      })
    : valid
  const converted = new Set(items.map((item) => item.id))
  return {
    items,
    failures: conversion.failures,
    uncarried: uncarriedFields(bib, converted),
    dropped: [...dropped].map(([field, fieldKeys]) => ({field, keys: fieldKeys})),
    replaced: conversion.replacedFields
  }
}

/**
 * citation-js turns BibLaTeX literal lists (`location = {Durham and London}`) into string
 * arrays, which the CSL schema forbids (`publisher-place` is a string) and pandoc rejects
 * ("expected String or Number, but encountered Array"). Lists of text become one string,
 * joined with `; `; name lists (arrays of objects) stay as they are.
 */
function withTextLists(item: CslItem): CslItem {
  const fixed: CslItem = {...item}
  for (const [field, value] of Object.entries(item)) {
    if (Array.isArray(value) && value.every((part) => typeof part === 'string')) fixed[field] = value.join('; ')
  }
  return fixed
}

/** Only what the schema allows: a later draft's name becomes the 1.0.2 one, the rest is left out (and said). */
function withSchemaProperties(item: CslItem, dropped: Map<string, string[]>): CslItem {
  const fixed: CslItem = {id: item.id, type: item.type}
  for (const [field, value] of Object.entries(item)) {
    const target = cslItemProperties.has(field) ? field : renamedProperties[field]
    if (target !== undefined && fixed[target] === undefined) fixed[target] = value
    else if (target === undefined) dropped.set(field, [...(dropped.get(field) ?? []), item.id])
  }
  return fixed
}

function uncarriedFields(bib: Bibliography, keys: ReadonlySet<string>): Array<{field: string; keys: string[]}> {
  const byField = new Map<string, string[]>()
  const seen = new Set<string>()
  for (const entry of bib.entries as BibEntry[]) {
    if (!keys.has(entry.key) || seen.has(entry.key)) continue
    seen.add(entry.key)
    for (const field of Object.keys(entry.fields)) {
      if (fieldsCarriedByCsl.has(field) || structuralFields.has(field)) continue
      byField.set(field, [...(byField.get(field) ?? []), entry.key])
    }
  }
  return [...byField].map(([field, fieldKeys]) => ({field, keys: fieldKeys}))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
