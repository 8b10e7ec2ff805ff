/**
 * CSL-JSON → BibLaTeX through citation-js: how `factlint split` turns an article's source
 * list into draft `bibliography.bib` entries. The only place outside the bibliography
 * adapter that reaches citation-js, kept in this folder so that the dependency stays
 * behind one door.
 */
import {Cite, plugins} from '@citation-js/core'
import '@citation-js/plugin-bibtex'

/** A CSL-JSON item (citation-js takes any CSL; `citation-key` becomes the BibTeX key). */
export interface CslInput {
  id: string
  'citation-key': string
  type: string
  title: string
  [field: string]: unknown
}

export interface BiblatexDrafts {
  /** One entry per item that citation-js could write, in input order. */
  text: string
  /** Items citation-js could not write, with its reason. */
  failures: Array<{key: string; reason: string}>
}

interface BibtexFormatConfig {
  format: {asciiOnly: boolean}
}

export function cslToBiblatex(items: readonly CslInput[]): BiblatexDrafts {
  // citation-js writes `B{\'e}k{\'e}s` unless told otherwise, and the switch is global:
  // set it for this synchronous call only and put it back.
  const config = plugins.config.get('@bibtex') as BibtexFormatConfig
  const previous = config.format.asciiOnly
  config.format.asciiOnly = false
  const entries: string[] = []
  const failures: BiblatexDrafts['failures'] = []
  try {
    for (const item of items) {
      try {
        const text = (new Cite([item]).format('biblatex', {format: 'text'}) as string).trim()
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
  }
  return {text: entries.length > 0 ? `${entries.join('\n\n')}\n` : '', failures}
}
