/**
 * Locators as CSL knows them (`p. 178`, `pp. 12–14`, `chap. 3`, `para. 31`): the label
 * says what kind of place in the source, so a reader can find it.
 */

/** CSL locator terms with their short and long forms (and `doc.`, which the contract uses). */
const labelForms: Record<string, string[]> = {
  act: ['act', 'acts'],
  appendix: ['app.', 'apps.', 'appendix', 'appendices'],
  'article-locator': ['art.', 'arts.', 'article', 'articles'],
  book: ['bk.', 'bks.', 'book', 'books'],
  canon: ['can.', 'canon', 'canons'],
  chapter: ['chap.', 'chaps.', 'ch.', 'chapter', 'chapters'],
  column: ['col.', 'cols.', 'column', 'columns'],
  document: ['doc.', 'docs.', 'document', 'documents'],
  elocation: ['loc.', 'location', 'locations'],
  equation: ['eq.', 'eqs.', 'equation', 'equations'],
  figure: ['fig.', 'figs.', 'figure', 'figures'],
  folio: ['fol.', 'fols.', 'f.', 'ff.', 'folio', 'folios'],
  issue: ['no.', 'nos.', 'issue', 'issues'],
  line: ['l.', 'll.', 'line', 'lines'],
  note: ['n.', 'nn.', 'note', 'notes'],
  opus: ['op.', 'opp.', 'opus', 'opera'],
  page: ['p.', 'pp.', 'page', 'pages'],
  paragraph: ['para.', 'paras.', '¶', '¶¶', 'paragraph', 'paragraphs'],
  part: ['pt.', 'pts.', 'part', 'parts'],
  rule: ['r.', 'rr.', 'rule', 'rules'],
  scene: ['sc.', 'scs.', 'scene', 'scenes'],
  section: ['sec.', 'secs.', '§', '§§', 'section', 'sections'],
  'sub-verbo': ['s.v.', 's.vv.', 'sub verbo', 'sub verbis'],
  supplement: ['supp.', 'supps.', 'supplement', 'supplements'],
  table: ['tbl.', 'tbls.', 'table', 'tables'],
  timestamp: ['timestamp'],
  title: ['tit.', 'tits.', 'title', 'titles'],
  verse: ['v.', 'vv.', 'verse', 'verses'],
  volume: ['vol.', 'vols.', 'volume', 'volumes']
}

const labelByForm = new Map<string, string>()
for (const [label, forms] of Object.entries(labelForms)) for (const form of forms) labelByForm.set(form, label)
// Longest first, so `pp.` wins over `p.` and `sub verbo` over `s.`; grouped by first
// character, since only a form that starts as the locator does can match (a locator is
// compared with the ten forms of its letter, not the hundred of all).
const formsByLength = [...labelByForm.keys()].sort((a, b) => b.length - a.length)
const formsByFirstCharacter = new Map<string, string[]>()
for (const form of formsByLength) {
  const first = form.charAt(0)
  formsByFirstCharacter.set(first, [...(formsByFirstCharacter.get(first) ?? []), form])
}

/** Forms that end in a letter (`page`, not `p.`): they must end where a word does. */
const wordForms: ReadonlySet<string> = new Set(formsByLength.filter((form) => /[\p{L}]$/u.test(form)))

export const knownLocatorForms: readonly string[] = Object.values(labelForms).map((forms) => forms[0] as string)

export type ParsedLocator =
  | {kind: 'unknown'}
  | {kind: 'located'; label: string; value: string}
  | {kind: 'bad-label'; label: string}
  | {kind: 'empty'}

/**
 * Whether a locator is the contract's `unknown` (any case, white space around it): the
 * historians' work queue. Shorter strings are refused before any new string is made: no
 * lower-casing lengthens a string into `unknown`.
 */
export function isUnknownLocator(locator: string): boolean {
  return locator.length >= 7 && locator.trim().toLowerCase() === 'unknown'
}

/** Read a locator string. A bare number (`178`) is a page, as Pandoc reads it. */
export function parseLocator(locator: string): ParsedLocator {
  const text = locator.trim()
  if (text === '') return {kind: 'empty'}
  const lower = text.toLowerCase()
  if (lower === 'unknown') return {kind: 'unknown'}
  if (/^\d/.test(text)) return {kind: 'located', label: 'page', value: text}
  for (const form of formsByFirstCharacter.get(lower.charAt(0)) ?? []) {
    if (!lower.startsWith(form)) continue
    const rest = text.slice(form.length)
    // A word form must end at a word boundary (`page 3`, not `pages3`… or `pager`).
    if (wordForms.has(form) && /^[\p{L}]/u.test(rest)) continue
    const value = rest.trim()
    if (value === '') return {kind: 'empty'}
    return {kind: 'located', label: labelByForm.get(form) ?? form, value}
  }
  const label = /^[^\s\d]+/.exec(text)?.[0] ?? text
  return {kind: 'bad-label', label}
}

/** Whether a locator says where in the source (a label and a value, not `unknown`). */
export function isKnownLocator(locator: string | undefined): boolean {
  return locator !== undefined && parseLocator(locator).kind === 'located'
}
