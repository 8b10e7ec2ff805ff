/**
 * CSL-JSON → BibLaTeX through citation-js: how `factlint split` turns an article's source
 * list into draft `bibliography.bib` entries. The only place outside the bibliography
 * adapter that reaches citation-js, kept in this folder so that the dependency stays
 * behind one door.
 */
import * as citationCore from '@citation-js/core'
import '@citation-js/plugin-bibtex'

/** A CSL-JSON item (citation-js takes any CSL; `citation-key` becomes the BibTeX key). */
export interface CslInput {
  id: string
  'citation-key': string
}

/**
 * The part of citation-js this file uses. `citation-js.d.ts` declares only what `csl.ts`
 * needs, as a closed object type that cannot be extended, so this file types its own part.
 */
interface CitationOutput {
  Cite: new (data: unknown) => {format(style: string, options?: {format?: string}): unknown}
  plugins: {config: {get(name: string): unknown}}
}
const {Cite, plugins} = citationCore as unknown as CitationOutput

export interface BiblatexDrafts {
  /** One entry per item that citation-js could write, in input order. */
  text: string
  /** Items citation-js could not write, with its reason. */
  failures: Array<{key: string; reason: string}>
}

interface BibtexFormatConfig {
  format: {asciiOnly: boolean; checkLabel?: boolean}
}

/** Fields written verbatim: escaping would change them. */
const verbatimFields = new Set(['id', 'citation-key', 'type', 'URL', 'DOI', 'ISBN', 'ISSN'])

/**
 * With `asciiOnly` off citation-js escapes nothing, and a bare `%` or `&` breaks BibTeX or
 * LaTeX: escape TeX's special characters in every text field ourselves.
 */
function escapeSpecials<T>(value: T, field?: string): T {
  if (typeof value === 'string') return (field !== undefined && verbatimFields.has(field) ? value : value.replace(/([&%$#_{}])/g, '\\$1')) as T
  if (Array.isArray(value)) return value.map((item) => escapeSpecials(item)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, escapeSpecials(inner, key)])) as T
  }
  return value
}

export function cslToBiblatex(items: readonly CslInput[]): BiblatexDrafts {
  // citation-js writes `B{\'e}k{\'e}s` unless told otherwise, and the switch is global:
  // set it for this synchronous call only and put it back.
  const config = plugins.config.get('@bibtex') as BibtexFormatConfig
  const previous = config.format.asciiOnly
  const previousCheckLabel = config.format.checkLabel
  config.format.asciiOnly = false
  // Otherwise citation-js replaces keys with hyphens (`bbc-hungary-1956` → `BBC1956`).
  config.format.checkLabel = false
  const entries: string[] = []
  const failures: BiblatexDrafts['failures'] = []
  try {
    for (const item of items) {
      try {
        const text = (new Cite([escapeSpecials(item)]).format('biblatex', {format: 'text'}) as string).trim()
        if (!text.startsWith(`@`) || !text.includes(`{${item['citation-key']},`)) {
          failures.push({key: item['citation-key'], reason: 'citation-js wrote no entry with this key'})
          continue
        }
        entries.push(text)
      } catch (error) {
        failures.push({key: item['citation-key'], reason: error instanceof Error ? error.message : String(error)})
      }
    }
  } finally {
    config.format.asciiOnly = previous
    config.format.checkLabel = previousCheckLabel
  }
  return {text: entries.length > 0 ? `${entries.join('\n\n')}\n` : '', failures}
}
