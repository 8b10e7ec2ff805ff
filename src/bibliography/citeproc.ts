/**
 * Formatted references: CSL items in, one formatted entry per item out, through
 * citeproc-js, the engine behind `@citation-js/plugin-csl`. The one formatting engine of
 * factlint: the review page and `factlint export text|html` both call it.
 *
 * Why not `new Cite(items).format('bibliography')`: citation-js resolves styles and
 * locales only from its global registers, and it runs citeproc as it is. Here styles and
 * locales come in as XML, so no style is registered globally, and citeproc runs with a few
 * shortcuts that skip work it repeats (see below: they take about a third off 2,000 APA
 * entries). The output is byte for byte what citation-js gives for the same items, style,
 * locale and format, and what citeproc-js without the shortcuts gives (tests compare them).
 */
import {createRequire} from 'node:module'
import type {CslItem} from './csl.js'

export type ReferenceFormat = 'html' | 'text'

/** A CSL style: `id` names it in messages. */
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
  opt: {development_extensions: {wrap_url_and_doi: boolean}; 'default-locale-sort'?: string}
  sys: {retrieveItem: (id: string) => unknown}
  tmp: {lang_array?: string[]}
  registry: {sorter: unknown}
  fun: {flipflopper: {processTags: (blob: {blobs: unknown}) => void}}
  getTerm(name: string): unknown
  setOutputFormat(format: string): void
  updateItems(ids: string[]): string[]
  makeBibliography(): [{bibstart: string; bibend: string}, string[]] | false
}
/** `this` of citeproc's case helpers: an engine, or anything with its `tmp`. */
type CaseHelper = (this: {tmp: {lang_array?: string[]}}, text: string) => string
interface Citeproc {
  Engine: new (
    sys: {retrieveItem: (id: string) => unknown; retrieveLocale: (name: string) => string | object},
    style: string,
    lang: string | undefined,
    forceLang: boolean
  ) => CiteprocEngine
  Registry: {Comparifier: new (state: CiteprocEngine, keyset: string) => unknown}
  toLocaleLowerCase: CaseHelper
  toLocaleUpperCase: CaseHelper
  stringCompare?: (a: string, b: string) => number
  Util: {Names: {initializeWith: Initializer}}
  Output: {Formats: {html: {text_escape: Escape}}}
  SUPERSCRIPTS_REGEXP: RegExp
}
/** `CSL.Util.Names.initializeWith(state, name, terminator, normalizeOnly)`, `this` being `CSL.Util.Names`. */
type Initializer = (this: unknown, state: {opt: Record<string, unknown>; tmp: {lang_array?: string[]}}, name: unknown, terminator?: unknown, normalizeOnly?: unknown) => string

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

/**
 * Shortcuts through citeproc-js. Each stands in for a piece of citeproc's own code and
 * gives what that code gives for every input; they only skip work done again and again,
 * which is where much of citeproc's time went on a large bibliography (bench/references.mjs,
 * docs/performance.md). Tests compare the output with citeproc-js run without them and
 * with citation-js (test/bibliography/citeproc-shortcuts.test.ts).
 *
 * While factlint's calls into citeproc run, and only then (citation-js shares the module
 * and never sees them), these helpers of citeproc are memoized or short-cut:
 * - `CSL.toLocaleLowerCase` / `toLocaleUpperCase` case a string with the item's languages
 *   (`str.toLocaleLowerCase(['hu', 'en-US'])`), and resolving that language list costs more
 *   than the casing; the same few strings come back again and again (the empty string,
 *   mostly, from initials). Memoized by language list and string.
 * - `CSL.Util.Names.initializeWith` turns given names into initials, about 25 times per
 *   entry for the same few names. It reads the name, the terminator, the normalize-only
 *   flag, the style's `initialize-with-hyphen` and, through the case helper, the
 *   languages: memoized by those.
 * - The HTML `text_escape` replaces `&`, `<`, `>`, double spaces and superscript
 *   characters; a string with none of them is returned as it is, without the five
 *   replacements that would leave it unchanged.
 * Per engine:
 * - citeproc sorts with `a.localeCompare(b, locale, options)`, which builds a collator for
 *   every comparison; the engine's sorter compares with one `Intl.Collator` of the same
 *   locale and options, which ECMA-402 defines to be the same comparison.
 * - Every rendered string goes through citeproc's markup parser (`<i>`, quotes). A string
 *   without any character of any tag it knows (the HTML-like tags, straight and curly
 *   quotes, the locale's quotation marks) has nothing to parse, and the parser returns
 *   without touching it: the shortcut does not call it.
 */
const memoLimit = 100_000

/** A memo key for citeproc's language list, or undefined when it is not a plain list of strings. */
function languagesKey(languages: unknown): string | undefined {
  if (languages === undefined) return '\u0001'
  if (!Array.isArray(languages)) return undefined
  let key = ''
  for (const language of languages) {
    // The separators below never occur in a language tag; a list that holds them is not memoized.
    if (typeof language !== 'string' || /[\u0000-\u0002]/.test(language)) return undefined
    key += `${language}\u0002`
  }
  return key
}

function remember<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  let value = memo.get(key)
  if (value === undefined) {
    value = compute()
    if (memo.size >= memoLimit) memo.clear()
    memo.set(key, value)
  }
  return value
}

function memoizedCase(original: CaseHelper): CaseHelper {
  const memo = new Map<string, string>()
  return function (this: {tmp: {lang_array?: string[]}}, text: string): string {
    const languages = languagesKey(this.tmp.lang_array)
    if (typeof text !== 'string' || languages === undefined) return original.call(this, text)
    return remember(memo, `${languages}\u0000${text}`, () => original.call(this, text))
  }
}

function memoizedInitializer(original: Initializer): Initializer {
  const memo = new Map<string, string>()
  return function (this: unknown, state, name, terminator, normalizeOnly) {
    const languages = languagesKey(state.tmp.lang_array)
    if (typeof name !== 'string' || (terminator !== undefined && typeof terminator !== 'string') || languages === undefined) {
      return original.call(this, state, name, terminator, normalizeOnly)
    }
    const flags = `${state.opt['initialize-with-hyphen'] === false ? 'h' : ''}${normalizeOnly ? 'n' : ''}`
    const ending = terminator ?? ''
    return remember(memo, `${languages}\u0000${flags}\u0000${ending.length}:${ending}${name}`, () => original.call(this, state, name, terminator, normalizeOnly))
  }
}

type Escape = (this: unknown, text: unknown) => string
function escapeOnlyWhenNeeded(original: Escape): Escape {
  // Not the global SUPERSCRIPTS_REGEXP: `test` on a /g expression moves its lastIndex.
  const needsEscape = new RegExp(`[&<>]|\\s\\s|${citeproc.SUPERSCRIPTS_REGEXP.source}`)
  return function (this: unknown, text: unknown): string {
    return typeof text === 'string' && !needsEscape.test(text) ? text : original.call(this, text)
  }
}

/** One of citeproc's functions and what stands in for it during factlint's calls. */
interface Swap {
  owner: Record<string, unknown>
  name: string
  original: unknown
  replacement: unknown
}
function swap(owner: Record<string, unknown>, name: string, replace: (original: never) => unknown): Swap[] {
  const original = owner[name]
  if (typeof original !== 'function') return [] // another citeproc than the one this was written for
  return [{owner, name, original, replacement: replace(original as never)}]
}
const swaps: Swap[] = [
  ...swap(citeproc as unknown as Record<string, unknown>, 'toLocaleLowerCase', memoizedCase),
  ...swap(citeproc as unknown as Record<string, unknown>, 'toLocaleUpperCase', memoizedCase),
  ...swap(citeproc.Util.Names as unknown as Record<string, unknown>, 'initializeWith', memoizedInitializer),
  ...swap(citeproc.Output.Formats.html as unknown as Record<string, unknown>, 'text_escape', escapeOnlyWhenNeeded)
]

/** Run a call into citeproc with the shortcuts in place; citeproc's own functions are back afterwards. */
function withShortcuts<T>(run: () => T): T {
  // Someone else's replacement (or a call already inside this one) stays as it is.
  const installed = swaps.filter((entry) => entry.owner[entry.name] === entry.original)
  for (const entry of installed) entry.owner[entry.name] = entry.replacement
  try {
    return run()
  } finally {
    for (const entry of installed) entry.owner[entry.name] = entry.original
  }
}

/**
 * The engine's bibliography sorter, with one collator. citeproc's `getSortCompare`:
 * lower-case both with `CSL.toLocaleLowerCase`, then `localeCompare(…, locale, {sensitivity:
 * 'base', ignorePunctuation: true, numeric: true})`, first stripping leading brackets and
 * quotes if that comparison tells `[x` from `x`. Made through citeproc's own Comparifier
 * (which takes `CSL.stringCompare` when set, for as long as it is being made).
 */
function collateWithOneCollator(engine: CiteprocEngine): void {
  if (citeproc.stringCompare) return // someone set citeproc's global comparison: it wins, as in citeproc
  const locale = engine.opt['default-locale-sort'] || 'en-US'
  let collator: Intl.Collator
  try {
    collator = new Intl.Collator(locale, {sensitivity: 'base', ignorePunctuation: true, numeric: true})
  } catch {
    return // citeproc's own comparison fails the same way, where it did
  }
  const compare = (a: string, b: string): number => collator.compare(citeproc.toLocaleLowerCase.call(engine, a), citeproc.toLocaleLowerCase.call(engine, b))
  const stripPunctuation = (text: string): string => text.replace(/^[[\]'"]*/g, '')
  const stringCompare = compare('[x', 'x') ? (a: string, b: string): number => compare(stripPunctuation(a), stripPunctuation(b)) : compare
  citeproc.stringCompare = stringCompare
  try {
    engine.registry.sorter = new citeproc.Registry.Comparifier(engine, 'bibliography_sort')
  } finally {
    delete citeproc.stringCompare
  }
}

/** Skip citeproc's markup parser for strings that hold no character of any tag it knows. */
function skipPlainStrings(engine: CiteprocEngine): void {
  const flipflopper = engine.fun.flipflopper
  const parse = flipflopper.processTags
  // citeproc turns a right single quotation mark between letters into an apostrophe,
  // a tag of its own; the locale's quotation marks are tags too.
  let tagCharacters = '<>"\'\u2019'
  for (const term of ['open-quote', 'close-quote', 'open-inner-quote', 'close-inner-quote']) {
    const mark = engine.getTerm(term)
    if (mark === undefined || mark === null || mark === false || mark === '') continue
    if (typeof mark !== 'string') return // not a string as citeproc makes it: leave the parser alone
    tagCharacters += mark
  }
  const escaped = [...new Set(tagCharacters)].map((character) => `\\u{${(character.codePointAt(0) as number).toString(16)}}`).join('')
  const mayHoldTags = new RegExp(`[${escaped}]`, 'u')
  flipflopper.processTags = (blob) => {
    if (typeof blob.blobs === 'string' && !mayHoldTags.test(blob.blobs)) return
    parse(blob)
  }
}

/**
 * A new engine for every call. citeproc keeps, in a registered engine, what rendering the
 * bibliography changed (name forms chosen when a style disambiguates "by cite", as
 * harvard1 does): rendering the same registry twice can give other entries the second
 * time, and emptying the registry is not shown to undo all of it. A new engine costs
 * about 0.1 s; registering and rendering 2,000 entries about 2.5 s.
 */
function newEngine(options: BibliographyOptions, items: ReadonlyMap<string, CslItem>): CiteprocEngine {
  const lookup = options.retrieveLocale ?? builtinLocale
  // A locale nobody has (a style's default-locale en-GB, say) is an empty one to citeproc,
  // which then falls back to en-US, as with citation-js; undefined would make it throw.
  const retrieveLocale = (name: string): string | object => lookup(name) ?? {}
  const retrieveItem = (id: string): unknown => {
    const item = items.get(id)
    if (!item) throw new Error(`Cannot find entry with id '${id}'`)
    return item
  }
  // forceLang: a locale asked for wins over the style's default-locale, as in citation-js.
  const engine = new citeproc.Engine({retrieveItem, retrieveLocale}, options.style.xml, options.locale, true)
  collateWithOneCollator(engine)
  skipPlainStrings(engine)
  return engine
}

/**
 * Format the items as a bibliography. Item ids must be unique. citeproc may throw on a
 * broken style; the error goes to the caller.
 */
export function formatBibliography(items: readonly CslItem[], options: BibliographyOptions): FormattedBibliography {
  if (items.length === 0) return {entries: [], start: '', end: ''}
  const ids = items.map((item) => String(item.id))
  const prepared = new Map<string, CslItem>()
  items.forEach((item, index) => prepared.set(ids[index] as string, downgradeCsl(item)))
  const {sortedIds, made} = withShortcuts(() => {
    const engine = newEngine(options, prepared)
    // All ids at once: one registration, one disambiguation pass, one sort.
    const sortedIds = engine.updateItems(ids)
    engine.setOutputFormat(options.format)
    engine.opt.development_extensions.wrap_url_and_doi = false
    return {sortedIds, made: engine.makeBibliography()}
  })
  if (made === false) return {entries: [], start: '', end: ''}
  const [{bibstart, bibend}, body] = made
  return {
    entries: body.map((text, index) => {
      const key = sortedIds[index] ?? ''
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
