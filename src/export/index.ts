/**
 * The bibliography in the form a reference manager, LaTeX or Pandoc reads. One exporter
 * per format, in one registry; each is a pure function from the bibliography (and the
 * chosen keys) to text, plus what the reader should know: entries that could not be
 * converted, and fields the format cannot carry, once per field.
 */
import type {Bibliography} from '../bibliography/index.js'
import {builtinStyle, formatBibliography, renderBibliography, type CslStyle, type ReferenceFormat} from '../bibliography/citeproc.js'
import {cslToRis} from '../bibliography/ris.js'
import {writeBibtex} from './bibtex.js'
import {exportCsl, type CslExport} from './csl-json.js'
import type {ClaimCitation} from './select.js'

export interface ExportRequest {
  /** The keys to export, in this order; default every entry, in file order. */
  keys?: readonly string[]
  /** CSL-JSON only: the claims citing each key (`--with-claims`). */
  citations?: ReadonlyMap<string, readonly ClaimCitation[]>
  /** Formatted references: the style (default APA) and locale. */
  style?: CslStyle
  locale?: string
  retrieveLocale?: (name: string) => string | undefined
}

export interface ExportResult {
  output: string
  /** Keys written, in output order. */
  exported: string[]
  /** Entries that could not be converted, and why; the others are exported. */
  failures: Array<{key: string; reason: string}>
  /** One line per field or kind of change the format could not keep. */
  notes: string[]
}

interface Exporter {
  summary: string
  run(bib: Bibliography, keys: readonly string[], request: ExportRequest): ExportResult
}

export const exporters = {
  bibtex: {
    summary: 'BibTeX names (journal, year, month, address), for BibTeX styles and natbib',
    run: (bib, keys) => bibtexExport(bib, keys, 'bibtex')
  },
  biblatex: {
    summary: 'BibLaTeX as written (journaltitle, date, location), for biber and Zotero',
    run: (bib, keys) => bibtexExport(bib, keys, 'biblatex')
  },
  'csl-json': {
    summary: 'CSL-JSON, for Pandoc, Zotero and citeproc; --with-claims adds the citing claims',
    run: (bib, keys, request) => {
      const csl = exportCsl(bib, keys, request.citations)
      return {
        output: `${JSON.stringify(csl.items, null, 2)}\n`,
        exported: csl.items.map((item) => item.id),
        failures: csl.failures,
        notes: cslNotes(csl, 'CSL-JSON')
      }
    }
  },
  ris: {
    summary: 'RIS, for Zotero, EndNote, Mendeley and most reference managers',
    run: (bib, keys) => {
      const csl = exportCsl(bib, keys)
      const ris = cslToRis(csl.items)
      const lost = ris.lostFields.map(({field, keys: lostKeys}) => `RIS has no tag for CSL \`${field}\`; left out ${entriesText(lostKeys)}`)
      const long = csl.items.map((item) => item.id).filter((key) => key.length > risIdLength)
      if (long.length > 0) {
        lost.push(`RIS keeps ${risIdLength} characters of an ID (bibutils and citation-js cut the rest); these keys are longer ${entriesText(long)}`)
      }
      return {output: ris.text, exported: csl.items.map((item) => item.id), failures: csl.failures, notes: [...cslNotes(csl, 'RIS'), ...lost]}
    }
  },
  text: {
    summary: 'formatted references as plain text (--style, --locale)',
    run: (bib, keys, request) => referencesExport(bib, keys, request, 'text')
  },
  html: {
    summary: 'formatted references as an HTML fragment (--style, --locale)',
    run: (bib, keys, request) => referencesExport(bib, keys, request, 'html')
  }
} satisfies Record<string, Exporter>

/** The RIS specification's length of `ID`, which readers enforce. */
const risIdLength = 20

export type ExportFormat = keyof typeof exporters
export const exportFormats = Object.keys(exporters) as ExportFormat[]

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(exporters, value)
}

/** Export `bib` in `format`. */
export function exportBibliography(bib: Bibliography, format: ExportFormat, request: ExportRequest = {}): ExportResult {
  const keys = request.keys ?? fileOrderKeys(bib)
  return exporters[format].run(bib, keys, request)
}

function fileOrderKeys(bib: Bibliography): string[] {
  return [...new Set(bib.entries.map((entry) => entry.key))]
}

function bibtexExport(bib: Bibliography, keys: readonly string[], dialect: 'bibtex' | 'biblatex'): ExportResult {
  const written = writeBibtex(bib, keys, dialect)
  return {output: written.text, exported: written.written, failures: written.failures, notes: written.notes}
}

function cslNotes(csl: CslExport, format: string): string[] {
  return [
    ...csl.uncarried.map(({field, keys}) => `${format} has no field for \`${field}\`; left out ${entriesText(keys)}`),
    ...csl.dropped.map(({field, keys}) => `CSL-JSON 1.0.2 has no \`${field}\` (citation-js wrote it); left out ${entriesText(keys)}`),
    ...csl.replaced.map(replacedNote)
  ]
}

function referencesExport(bib: Bibliography, keys: readonly string[], request: ExportRequest, format: ReferenceFormat): ExportResult {
  const csl = exportCsl(bib, keys)
  const style = request.style ?? (builtinStyle('apa') as CslStyle)
  const formatted = formatBibliography(csl.items, {
    style,
    format,
    ...(request.locale !== undefined ? {locale: request.locale} : {}),
    ...(request.retrieveLocale ? {retrieveLocale: request.retrieveLocale} : {})
  })
  return {
    output: renderBibliography(formatted),
    exported: formatted.entries.map((entry) => entry.key),
    failures: csl.failures,
    notes: csl.replaced.map(replacedNote)
  }
}

function replacedNote({key, field, reason}: {key: string; field: string; reason: string}): string {
  // citation-js's parse errors run over several lines; a note is one.
  return `\`${field}\` of \`${key}\`: ${reason.replace(/\s*\n\s*/g, ' ').trim()}`
}

function entriesText(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).join(', ')
  return `(${keys.length} ${keys.length === 1 ? 'entry' : 'entries'}: ${shown}${keys.length > 5 ? ', …' : ''})`
}
