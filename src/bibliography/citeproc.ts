/**
 * Formatted references: CSL items in, one formatted entry per item out, through
 * citeproc-js, the engine behind `@citation-js/plugin-csl`. The one formatting engine of
 * factlint: the review page and `factlint export text|html` both call it.
 *
 * Why not `new Cite(items).format('bibliography')`: citation-js caches one engine per
 * style, but empties its registry on every call, so every call pays the whole per-entry
 * work again (an ambiguity key, a sort key and the entry per item, plus disambiguation),
 * and it resolves styles and locales only from its global registers. Here an engine is
 * built once per style and locale, and the registered items are kept: formatting the same
 * items again (HTML, then text) only renders the entries. Styles and locales come in as
 * XML, so no style is registered globally. The output is byte for byte what citation-js
 * gives for the same items, style, locale and format (a test compares them).
 */
import {createRequire} from 'node:module'
import type {CslItem} from './csl.js'

export type ReferenceFormat = 'html' | 'text'

/** A CSL style: `id` names it in messages and keys the engine cache. */
export interface CslStyle {
  id: string
  xml: string
}

export interface BibliographyOptions {
  style: CslStyle
  /** Force this locale (`de-DE`); by default the style's `default-locale`, else en-US. */
  locale?: string
  /** A locale's XML by its name (`de-DE`, `en-US`); default: the locales citation-js bundles. */
  retrieveLocale?: (name: string) => string | undefined
  format: ReferenceFormat
}

export interface FormattedBibliography {
  /** In the style's order; for HTML each entry's element carries `data-csl-entry-id`. */
  entries: Array<{key: string; text: string}>
  /** What the style puts around the entries (`<div class="csl-bib-body">` … for HTML). */
  start: string
  end: string
}

/** The little of citeproc-js used here (it ships no types). */
interface CiteprocEngine {
  opt: {development_extensions: {wrap_url_and_doi: boolean}}
  sys: {retrieveItem: (id: string) => unknown}
  setOutputFormat(format: string): void
  updateItems(ids: string[]): string[]
  makeBibliography(): [{bibstart: string; bibend: string}, string[]] | false
}
interface Citeproc {
  Engine: new (
    sys: {retrieveItem: (id: string) => unknown; retrieveLocale: (name: string) => string | object},
    style: string,
    lang: string | undefined,
    forceLang: boolean
  ) => CiteprocEngine
}

const require = createRequire(import.meta.url)
// citeproc is plugin-csl's dependency, not ours: resolve it from there, so that we get
// the very copy citation-js uses, wherever npm put it.
const pluginCslMain = require.resolve('@citation-js/plugin-csl')
const citeproc = createRequire(pluginCslMain)('citeproc') as Citeproc
const bundledStyles = createRequire(pluginCslMain)('./styles.json') as Record<string, string>
const bundledLocales = createRequire(pluginCslMain)('./locales.json') as Record<string, string>

/** The styles citation-js bundles. */
export const builtinStyleNames: readonly string[] = Object.keys(bundledStyles)
/** The locales citation-js bundles. */
export const builtinLocaleNames: readonly string[] = Object.keys(bundledLocales)

export function builtinStyle(name: string): CslStyle | undefined {
  return Object.hasOwn(bundledStyles, name) ? {id: name, xml: bundledStyles[name] as string} : undefined
}

export function builtinLocale(name: string): string | undefined {
  if (Object.hasOwn(bundledLocales, name)) return bundledLocales[name]
  // citeproc asks for `de-DE`, older callers wrote `de_DE`.
  const underscored = name.replace('-', '_')
  return Object.hasOwn(bundledLocales, underscored) ? bundledLocales[underscored] : undefined
}

interface EngineState {
  engine: CiteprocEngine
  items: Map<string, CslItem>
  /** The items registered last, as JSON: the same items again need no new registration. */
  registered?: string
  sortedIds: string[]
}

/**
 * Engines by style, locale and locale source. A handful at most in one run; each keeps
 * its parsed style and locale (about 0.2 s to build) and its registry.
 */
const engines = new Map<string, EngineState>()
const maxEngines = 8

function engineFor(options: BibliographyOptions): EngineState {
  const lookup = options.retrieveLocale ?? builtinLocale
  // A locale nobody has (a style's default-locale en-GB, say) is an empty one to citeproc,
  // which then falls back to en-US, as with citation-js; undefined would make it throw.
  const retrieveLocale = (name: string): string | object => lookup(name) ?? {}
  const cacheKey = `${options.locale ?? ''}\u0000${localeSourceId(lookup)}\u0000${options.style.id}\u0000${options.style.xml}`
  let state = engines.get(cacheKey)
  if (!state) {
    const items = new Map<string, CslItem>()
    const retrieveItem = (id: string): unknown => {
      const item = items.get(id)
      if (!item) throw new Error(`Cannot find entry with id '${id}'`)
      return item
    }
    // forceLang: a locale asked for wins over the style's default-locale, as in citation-js.
    const engine = new citeproc.Engine({retrieveItem, retrieveLocale}, options.style.xml, options.locale, true)
    state = {engine, items, sortedIds: []}
    // Each caller's locale lookup is its own engine: keep the few most recent.
    if (engines.size >= maxEngines) engines.delete(engines.keys().next().value as string)
    engines.set(cacheKey, state)
  }
  return state
}

let nextLocaleSourceId = 0
const localeSourceIds = new WeakMap<object, number>()
function localeSourceId(source: object): number {
  let id = localeSourceIds.get(source)
  if (id === undefined) {
    id = nextLocaleSourceId++
    localeSourceIds.set(source, id)
  }
  return id
}

/**
 * Format the items as a bibliography. Item ids must be unique. citeproc may throw on a
 * broken style; the error goes to the caller.
 */
export function formatBibliography(items: readonly CslItem[], options: BibliographyOptions): FormattedBibliography {
  if (items.length === 0) return {entries: [], start: '', end: ''}
  const state = engineFor(options)
  const prepared = items.map(downgradeCsl)
  const fingerprint = JSON.stringify(prepared)
  if (state.registered !== fingerprint) {
    state.items.clear()
    // Empty the registry first: citeproc keeps what it read of an id, and the same id may
    // now stand for other data.
    state.registered = undefined
    state.engine.updateItems([])
    for (const item of prepared) state.items.set(String(item.id), item)
    state.sortedIds = state.engine.updateItems(prepared.map((item) => String(item.id)))
    state.registered = fingerprint
  }
  state.engine.setOutputFormat(options.format)
  state.engine.opt.development_extensions.wrap_url_and_doi = false
  const made = state.engine.makeBibliography()
  if (made === false) return {entries: [], start: '', end: ''}
  const [{bibstart, bibend}, body] = made
  return {
    entries: body.map((text, index) => {
      const key = state.sortedIds[index] ?? ''
      return {key, text: withEntryId(text, key)}
    }),
    start: bibstart,
    end: bibend
  }
}

/** The whole bibliography as one string, as citation-js's `bibliography` output gives it. */
export function renderBibliography(bibliography: FormattedBibliography): string {
  return bibliography.start + bibliography.entries.map((entry) => entry.text).join('') + bibliography.end
}

/** citeproc reads CSL 1.0.1: the two renames citation-js makes before it formats. */
function downgradeCsl(item: CslItem): CslItem {
  const copy: CslItem = {...item}
  if ('event-title' in copy) {
    copy['event'] = copy['event-title']
    delete copy['event-title']
  }
  if (copy.type === 'software') copy.type = 'book'
  return copy
}

/** The first element of an HTML entry gets `data-csl-entry-id`, as citation-js marks it (text is left alone). */
function withEntryId(entry: string, key: string): string {
  return entry.replace(/^\s*<[a-z]+/i, (tag) => `${tag} data-csl-entry-id="${key}"`)
}
