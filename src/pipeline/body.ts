/**
 * What the body of a claim says besides its prose: Pandoc citations (`[@key, p. 5]`,
 * `[see @a; @b]`, `@key`) and quotations (text between double quotes, straight or curly).
 */
import type {BodyCitation, Quotation, TextRun} from '../types.js'
import {nextMatch} from './matches.js'
import {placeAt} from './positions.js'

// Pandoc's citation key: starts with a letter, digit or `_`; may contain internal
// punctuation `:.#$%&-+?<>~/`, but ends in a letter, digit or `_`. `@{…}` takes anything.
const keyPattern = /@(?:\{([^{}]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&\-+?<>~/]*[\p{L}\p{N}_])?))/gu
const bracketPattern = /\[([^[\]]*)\]/g

/** Ranges (file offsets) that citations occupy, so other readers can skip them. */
export interface CitationSpan {
  start: number
  end: number
}

export function findCitations(run: TextRun, lineStarts: readonly number[]): BodyCitation[] {
  const found: BodyCitation[] = []
  const inBrackets: CitationSpan[] = []
  bracketPattern.lastIndex = 0
  for (let bracket = nextMatch(bracketPattern, run.value); bracket; bracket = nextMatch(bracketPattern, run.value)) {
    const inner = bracket[1] ?? ''
    if (!inner.includes('@')) continue
    const innerStart = bracket.index + 1
    let itemStart = 0
    for (const item of inner.split(';')) {
      keyPattern.lastIndex = 0
      const match = keyPattern.exec(item)
      if (match && isCitationStart(item, match.index)) {
        const key = match[1] ?? match[2] ?? ''
        const rest = item.slice(match.index + match[0].length).replace(/^\s*,\s*/, '').trim()
        const start = run.offset + innerStart + itemStart + match.index
        const citation: BodyCitation = {key, place: placeAt(lineStarts, start, start + match[0].length)}
        if (rest !== '') citation.locator = rest
        found.push(citation)
      }
      itemStart += item.length + 1
    }
    inBrackets.push({start: bracket.index, end: bracket.index + bracket[0].length})
  }
  // Author-in-text citations outside brackets: `@lendvai2008 says …`.
  keyPattern.lastIndex = 0
  for (let match = nextMatch(keyPattern, run.value); match; match = nextMatch(keyPattern, run.value)) {
    const index = match.index
    if (inBrackets.some((span) => index >= span.start && index < span.end)) continue
    if (!isCitationStart(run.value, index)) continue
    const start = run.offset + index
    found.push({key: match[1] ?? match[2] ?? '', place: placeAt(lineStarts, start, start + match[0].length)})
  }
  return found.sort((a, b) => (a.place.start.offset ?? 0) - (b.place.start.offset ?? 0))
}

/** An `@` preceded by a letter or digit is an e-mail address, not a citation. */
function isCitationStart(text: string, at: number): boolean {
  const before = at > 0 ? text[at - 1] ?? '' : ''
  if (before === '-') return at < 2 || !/[\p{L}\p{N}]/u.test(text[at - 2] ?? '')
  return !/[\p{L}\p{N}_.]/u.test(before)
}

/** Bracketed citation groups of a run as offsets in the run (for skipping their numbers). */
export function citationSpans(value: string): CitationSpan[] {
  const spans: CitationSpan[] = []
  bracketPattern.lastIndex = 0
  for (let bracket = nextMatch(bracketPattern, value); bracket; bracket = nextMatch(bracketPattern, value)) {
    if (!(bracket[1] ?? '').includes('@')) continue
    spans.push({start: bracket.index, end: bracket.index + bracket[0].length})
  }
  keyPattern.lastIndex = 0
  for (let match = nextMatch(keyPattern, value); match; match = nextMatch(keyPattern, value)) {
    const index = match.index
    if (isCitationStart(value, index)) spans.push({start: index, end: index + match[0].length})
  }
  return spans
}

const openers: Record<string, string> = {'"': '"', '“': '”', '„': '“'}
// The openers, found by the regular expression engine's scan rather than a lookup per
// character (most runs have none; the scan was ~25 ms of a 10,000-claim check).
const openerPattern = /["“„]/g

/** Text between double quotation marks, straight or curly, in one run. */
export function findQuotations(run: TextRun, lineStarts: readonly number[]): Quotation[] {
  const found: Quotation[] = []
  const value = run.value
  openerPattern.lastIndex = 0
  // `test` moves `lastIndex` past the opener it finds, without building a match.
  while (openerPattern.test(value)) {
    const index = openerPattern.lastIndex - 1
    const closer = openers[value[index] as string] as string
    const end = value.indexOf(closer, index + 1)
    if (end === -1) break
    const start = run.offset + index
    found.push({text: value.slice(index + 1, end), place: placeAt(lineStarts, start, run.offset + end + 1)})
    openerPattern.lastIndex = end + 1
  }
  return found
}

/** Quotation spans of a run, as offsets in the run. */
export function quotationSpans(value: string): CitationSpan[] {
  return findQuotations({value, offset: 0}, [0]).map((quotation) => ({
    start: quotation.place.start.offset ?? 0,
    end: quotation.place.end?.offset ?? 0
  }))
}
