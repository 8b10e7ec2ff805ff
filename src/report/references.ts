/**
 * Formatted references for the review page: CSL items in, one HTML string per key out,
 * through factlint's one formatting engine (`bibliography/citeproc.ts`, citeproc-js as
 * citation-js runs it), which `factlint export text|html` uses too.
 *
 * The returned HTML is safe to insert as is: citeproc escapes the item text (bar its own
 * rich-text markup, `<i>`, `<b>`, `<sup>`, `<sub>`, which it renders); this module keeps
 * only such formatting tags (anything else falls back to escaped plain text), drops
 * inline `style` attributes (the page's CSP would refuse them) and turns only `http:`,
 * `https:` and `doi:` URLs into links, so a `javascript:` URL stays text.
 */
import {builtinStyle, formatBibliography, type CslStyle, type ReferenceFormat} from '../bibliography/citeproc.js'
import type {CslItem} from '../bibliography/index.js'
import {escapeHtml} from '../reporters/html.js'

export interface ReferenceOptions {
  /** A style bundled with `@citation-js/plugin-csl` (`apa`, `vancouver`, `harvard1`). */
  style?: string
  /** A locale bundled with it (`en-US`, `en-GB`, `de-DE`, …). */
  lang?: string
}

export interface FormattedReference {
  key: string
  html: string
}

/** The references in the style's order (APA: by author, then year). */
export function formatReferences(items: readonly CslItem[], options: ReferenceOptions = {}): FormattedReference[] {
  if (items.length === 0) return []
  // An unknown name falls back to APA, as citation-js's template lookup did.
  const style = (builtinStyle(options.style ?? 'apa') ?? builtinStyle('apa')) as CslStyle
  const entries = (format: ReferenceFormat) => formatBibliography(items, {style, locale: options.lang ?? 'en-US', format}).entries
  let text: Map<string, string> | undefined
  return entries('html').map(({key, text: entry}) => {
    const safe = safeEntryHtml(entry)
    if (safe !== undefined) return {key, html: linkify(safe)}
    text ??= new Map(entries('text').map((formatted) => [formatted.key, formatted.text]))
    return {key, html: linkify(escapeHtml((text.get(key) ?? key).trim()))}
  })
}

const allowedTag = /^<\/?(?:i|b|em|strong|sup|sub|span)>$/

/** The entry without citeproc's wrapper `div`, or `undefined` when it holds markup we do not allow. */
function safeEntryHtml(entry: string): string | undefined {
  const inner = entry
    .trim()
    .replace(/^<div\b[^>]*>/, '')
    .replace(/<\/div>$/, '')
    .replace(/<span style="[^"<>]*">/g, '<span>')
    .trim()
  for (const tag of inner.matchAll(/<[^>]*>?/g)) if (!allowedTag.test(tag[0])) return undefined
  return inner
}

/**
 * Make `http(s)://` and `doi:` runs of the (already escaped) text clickable. A run stops
 * at whitespace, quotes and markup, and leaves trailing punctuation outside the link.
 */
function linkify(html: string): string {
  return html.replace(/\b(?:https?:\/\/|doi:10\.)[^\s<>"']+/g, (url) => {
    const trailing = /[.,;:)\]]+$/.exec(url)?.[0] ?? ''
    const text = url.slice(0, url.length - trailing.length)
    const href = text.startsWith('doi:') ? `https://doi.org/${text.slice('doi:'.length)}` : text
    return `<a href="${href}" rel="noreferrer">${text}</a>${trailing}`
  })
}
