/**
 * Reads `bibliography.bib` into plain entries with places, and every problem with its
 * place. The scanner (`scan.ts`) finds the structure and positions and expands `@string`
 * macros under a cap; `@retorquere/bibtex-parser` (Better BibTeX's parser) turns each
 * entry's LaTeX into Unicode text. Each entry is parsed on its own, so one entry the
 * parser rejects costs that entry's bad field, never the bibliography. Values without
 * LaTeX, most of a real bibliography, are read by `plain-text.ts` with the parser's own
 * rules: several times faster, with the same result.
 */
import type {Options as ParserOptions} from '@retorquere/bibtex-parser'
import {bibtexParser} from '../vendor/bibtex-parser.js'
import {lineStartsOf, placeAt} from '../pipeline/positions.js'
import type {BibEntry, Place} from '../types.js'
import {
  collapseWhitespace,
  greaterThanStandIn,
  isPlainFieldName,
  lessThanStandIn,
  needsLatexParser,
  plainFieldText,
  plainText
} from './plain-text.js'
import {requiredFieldProblems, tierOf, tierProblems} from './requirements.js'
import type {BibProblem} from './requirements.js'
import {scanBibtex} from './scan.js'
import type {ScannedEntry, ScannedValue} from './scan.js'

export interface Bibliography {
  /** In file order; every entry whose key could be read, even if it has problems. */
  entries: BibEntry[]
  /** Each with a place (line/column/offset) in the `.bib` file, sorted by offset. */
  problems: BibProblem[]
  /** The source text of each entry by key (first occurrence), exactly as written. */
  raw: Record<string, string>
  /**
   * Each entry by key (first occurrence) as self-contained BibTeX: `@string` macros
   * expanded, every value braced. What citation-js converts, and what an export can copy.
   */
  standalone: Record<string, string>
}

export interface ReadBibliographyOptions {
  /** Longest text (chars) one `@string` or field may expand to; default 100 000. */
  maxStringExpansion?: number
  /** Entry types allowed to lack `date`/`year`; default none. */
  allowUndated?: string[]
}

/** BibTeX's predefined month macros, as the numbers BibLaTeX expects. */
export const monthMacros: ReadonlyMap<string, string> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((name, index) => [name, String(index + 1)])
)

/**
 * Records keyed by names from the file: without a prototype, so that a key or field
 * called `__proto__` or `constructor` is just a name.
 */
function emptyRecord<Value>(): Record<string, Value> {
  return Object.create(null) as Record<string, Value>
}

const parserOptions: ParserOptions = {sentenceCase: false, caseProtection: false, applyCrossRef: false}

/** A field with its `@string` macros expanded: still TeX. */
interface ExpandedField {
  name: string
  tex: string
}

export function readBibliography(text: string, options: ReadBibliographyOptions = {}): Bibliography {
  return read(text, options, true)
}

/**
 * @internal `readBibliography` with every value sent through the LaTeX parser, as before
 * the fast path: the reference that tests and the benchmark compare the fast path with.
 */
export function readBibliographyThroughParser(text: string, options: ReadBibliographyOptions = {}): Bibliography {
  return read(text, options, false)
}

function read(text: string, options: ReadBibliographyOptions, fastPath: boolean): Bibliography {
  const cap = options.maxStringExpansion ?? 100_000
  // Each value is capped; the whole file gets ten caps, so that many values each under
  // the cap cannot add up to gigabytes either.
  const budget = cap * 10
  const lineStarts = lineStartsOf(text)
  const placeOf = (start: number, end?: number): Place => placeAt(lineStarts, start, end)
  const scan = scanBibtex(text)
  const problems: BibProblem[] = scan.problems.map((problem) => {
    const result: BibProblem = {kind: 'parse', reason: problem.reason, place: placeOf(problem.start, problem.end)}
    if (problem.key !== undefined) result.key = problem.key
    if (problem.note !== undefined) result.note = problem.note
    return result
  })

  /** Macro values; `undefined` marks one that could not be expanded (already reported). */
  const macros = new Map<string, string | undefined>()
  const definitionLines = new Map<string, number>()
  for (const item of scan.items) {
    if (item.kind === 'string' && !definitionLines.has(item.name)) {
      definitionLines.set(item.name, placeOf(item.start).start.line)
    }
  }
  let expandedTotal = 0

  /** The text of a value with macros expanded, or `undefined` after reporting why not. */
  const expand = (
    value: ScannedValue,
    where: {what: string; place: Place; key?: string; definesMacro?: boolean}
  ): string | undefined => {
    let length = 0
    let added = 0
    const pieces: string[] = []
    for (const part of value.parts) {
      if (part.kind !== 'macro') {
        pieces.push(part.text)
        length += part.text.length
        continue
      }
      const name = part.text.toLowerCase()
      if (macros.has(name)) {
        const expansion = macros.get(name)
        if (expansion === undefined) {
          // A `@string` built on a capped one is capped too; one problem, at the first, says so.
          if (where.definesMacro) return undefined
          problems.push(
            withKey(
              {
                kind: 'string-expansion',
                reason: `Unexpected use of macro \`${part.text}\` in ${where.what}, expected a macro that expands within the cap`,
                note: `\`${part.text}\` was reported at line ${definitionLines.get(name) ?? '?'}.`,
                place: placeOf(part.start, part.end)
              },
              where.key
            )
          )
          return undefined
        }
        pieces.push(expansion)
        length += expansion.length
        added += expansion.length
      } else if (monthMacros.has(name)) {
        const month = monthMacros.get(name) ?? ''
        pieces.push(month)
        length += month.length
      } else {
        const laterLine = definitionLines.get(name)
        const problem: BibProblem = {
          kind: 'string-expansion',
          reason: `Unexpected undefined macro \`${part.text}\` in ${where.what}, expected a \`@string\` defined before it`,
          place: placeOf(part.start, part.end),
          actual: part.text
        }
        if (laterLine !== undefined) problem.note = `\`@string\` \`${part.text}\` is defined later, at line ${laterLine}.`
        problems.push(withKey(problem, where.key))
        // BibTeX would expand it to nothing; the name keeps a title or author readable.
        pieces.push(part.text)
        length += part.text.length
      }
      if (length > cap) break
    }
    if (length > cap) {
      problems.push(
        withKey(
          {
            kind: 'string-expansion',
            reason: `Unexpected expansion of ${where.what} to more than ${cap} characters, expected it within the cap`,
            place: where.place
          },
          where.key
        )
      )
      return undefined
    }
    expandedTotal += added
    if (expandedTotal > budget) {
      problems.push(
        withKey(
          {
            kind: 'string-expansion',
            reason: `Unexpected macro expansion in ${where.what} past ${budget} characters for the whole file, expected less`,
            place: where.place
          },
          where.key
        )
      )
      return undefined
    }
    return pieces.join('')
  }

  const entries: BibEntry[] = []
  const raw = emptyRecord<string>()
  const standalone = emptyRecord<string>()
  const firstByKey = new Map<string, BibEntry>()

  for (const item of scan.items) {
    if (item.kind === 'string') {
      const what = `\`@string\` \`${item.name}\``
      macros.set(item.name, expand(item.value, {what, place: placeOf(item.start, item.value.start), definesMacro: true}))
      continue
    }
    if (item.key === undefined) continue
    const entry = readEntry(item, item.key)
    entries.push(entry)
    const first = firstByKey.get(item.key)
    if (first) {
      problems.push({
        kind: 'duplicate-key',
        key: item.key,
        reason: `Unexpected duplicate key \`${item.key}\`, expected each key once`,
        note: `First defined at line ${first.place.start.line}; citations resolve to that entry.`,
        place: entry.place
      })
    } else {
      firstByKey.set(item.key, entry)
    }
  }

  function readEntry(scanned: ScannedEntry, key: string): BibEntry {
    const expanded: ExpandedField[] = []
    const fieldPlaces = emptyRecord<Place>()
    for (const field of scanned.fields) {
      const place = placeOf(field.start, field.end)
      if (fieldPlaces[field.name] !== undefined) {
        problems.push({
          kind: 'bad-field',
          key,
          reason: `Unexpected second \`${field.name}\` in entry \`${key}\`, expected each field once`,
          note: `The first, at line ${fieldPlaces[field.name]?.start.line}, is used.`,
          place
        })
        continue
      }
      fieldPlaces[field.name] = place
      const tex = expand(field.value, {what: `field \`${field.name}\` of entry \`${key}\``, place, key})
      if (tex !== undefined) expanded.push({name: field.name, tex})
    }
    const {fields, failures} = parseFields(scanned.type, expanded, fastPath)
    // The parser sorts and deduplicates keywords; the written order decides which tier comes first.
    const keywords = expanded.find((field) => field.name === 'keywords')
    if (keywords) {
      const written = collapseWhitespace(keywords.tex.replace(/[{}]/g, '')).normalize('NFC')
      if (written === '') delete fields['keywords']
      else fields['keywords'] = written
    }
    for (const failure of failures) {
      problems.push({
        kind: 'bad-field',
        key,
        reason: `Unexpected LaTeX in field \`${failure.name}\` of entry \`${key}\` that the parser rejects: ${failure.reason}`,
        note: 'The field is kept with its braces removed.',
        place: fieldPlaces[failure.name] ?? placeOf(scanned.start, scanned.headerEnd)
      })
    }
    const entry: BibEntry = {
      key,
      type: scanned.type,
      tier: tierOf(fields['keywords']),
      fields,
      place: placeOf(scanned.start, scanned.headerEnd),
      fieldPlaces
    }
    if (raw[key] === undefined) {
      raw[key] = text.slice(scanned.start, scanned.end)
      standalone[key] = standaloneText(scanned.type, key, expanded)
    }
    return entry
  }

  const lookup = (key: string): BibEntry | undefined => firstByKey.get(key)
  const requirementOptions = options.allowUndated ? {allowUndated: options.allowUndated, lookup} : {lookup}
  for (const entry of entries) {
    problems.push(...tierProblems(entry), ...requiredFieldProblems(entry, requirementOptions))
  }

  problems.sort((a, b) => (a.place?.start.offset ?? 0) - (b.place?.start.offset ?? 0))
  return {entries, problems, raw, standalone}
}

function withKey(problem: BibProblem, key: string | undefined): BibProblem {
  if (key !== undefined) problem.key = key
  return problem
}

function standaloneText(type: string, key: string, fields: ExpandedField[]): string {
  const lines = fields.map((field) => `  ${field.name} = {${field.tex}},`)
  return [`@${type}{${key},`, ...lines, '}'].join('\n')
}

/** Names the parser accepts in its synthesised input (its key grammar). */
function isParserSafeName(name: string): boolean {
  return /^[\p{L}\d_:.+/-]+$/u.test(name)
}

interface ParsedFields {
  fields: Record<string, string>
  failures: Array<{name: string; reason: string}>
}

/**
 * Field values as plain Unicode text. The whole entry is parsed at once; only if the
 * parser rejects something is each field parsed alone, to keep the others and name the
 * one at fault. With `fastPath`, values without LaTeX are read by `plainFieldText` and
 * only the others reach the parser; the result is the same, field order included.
 */
function parseFields(type: string, expanded: ExpandedField[], fastPath: boolean): ParsedFields {
  if (expanded.length === 0) return {fields: emptyRecord(), failures: []}
  const parserType = isParserSafeName(type) ? type : 'misc'
  const standIn = !expanded.some((field) => field.tex.includes(lessThanStandIn) || field.tex.includes(greaterThanStandIn))
  const plain =
    fastPath && !parserDirectives.has(parserType) && expanded.every((field) => isPlainFieldName(field.name))
      ? expanded.map((field) => plainFieldText(field.name, field.tex))
      : undefined
  if (plain) return mergeWithParser(parserType, expanded, plain, standIn)

  const whole = parseSynthesised(parserType, expanded, standIn)
  if (whole.ok) return {fields: whole.fields, failures: []}
  return parseEachField(parserType, expanded, standIn, () => undefined)
}

/** Entry types the parser reads as something else than an entry. */
const parserDirectives: ReadonlySet<string> = new Set(['comment', 'preamble', 'string'])

type PlainValue = ReturnType<typeof plainFieldText>

/**
 * The fields the fast path could not read go to the parser together, as the whole entry
 * would: plain values define no macros and raise no errors, so the parser accepts these
 * exactly when it accepts the whole entry.
 */
function mergeWithParser(type: string, expanded: ExpandedField[], plain: PlainValue[], standIn: boolean): ParsedFields {
  const latex = expanded.filter((_, index) => plain[index] === needsLatexParser)
  const parsed = latex.length === 0 ? ({ok: true, fields: emptyRecord<string>()} as const) : parseSynthesised(type, latex, standIn)
  if (!parsed.ok) {
    return parseEachField(type, expanded, standIn, (index) => {
      const value = plain[index]
      return value === needsLatexParser ? undefined : {value}
    })
  }
  // The parser returns fields in written order, except `keywords`, which it rebuilds last.
  const fields = emptyRecord<string>()
  let keywords: string | undefined
  expanded.forEach((field, index) => {
    const plainValue = plain[index]
    const value = plainValue === needsLatexParser ? parsed.fields[field.name] : plainValue
    if (field.name === 'keywords') keywords = value
    else if (value !== undefined) fields[field.name] = value
  })
  if (keywords !== undefined) fields['keywords'] = keywords
  return {fields, failures: []}
}

/**
 * Each field parsed alone (after the parser rejected the entry), unless `known` already
 * has its value (`{value: undefined}`: the parser would leave it out).
 */
function parseEachField(
  type: string,
  expanded: ExpandedField[],
  standIn: boolean,
  known: (index: number) => {value: string | undefined} | undefined
): ParsedFields {
  const fields = emptyRecord<string>()
  const failures: ParsedFields['failures'] = []
  expanded.forEach((field, index) => {
    const plain = known(index)
    if (plain) {
      if (plain.value !== undefined) fields[field.name] = plain.value
      return
    }
    const single = isParserSafeName(field.name)
      ? parseSynthesised(type, [field], standIn)
      : ({ok: false, reason: `the field name \`${field.name}\` is not one it reads`} as const)
    const value = single.ok ? single.fields[field.name] : undefined
    if (single.ok) {
      if (value !== undefined) fields[field.name] = value
    } else {
      failures.push({name: field.name, reason: single.reason})
      fields[field.name] = collapseWhitespace(field.tex.replace(/[{}]/g, ''))
    }
  })
  return {fields, failures}
}

type SynthesisedResult = {ok: true; fields: Record<string, string>} | {ok: false; reason: string}

function parseSynthesised(type: string, fields: ExpandedField[], standIn: boolean): SynthesisedResult {
  const protect = (tex: string): string =>
    standIn ? tex.replaceAll('<', lessThanStandIn).replaceAll('>', greaterThanStandIn) : tex
  const source = [`@${type}{entry,`, ...fields.map((field) => `${field.name} = {${protect(field.tex)}},`), '}'].join('\n')
  let library: ReturnType<ReturnType<typeof bibtexParser>['parse']>
  try {
    library = bibtexParser().parse(source, parserOptions)
  } catch (error) {
    return {ok: false, reason: cleanReason(error instanceof Error ? error.message : String(error))}
  }
  // Unknown macros are soft: the parser keeps them as written (`\TeX`), and so do we.
  const hardError = library.errors.find((error) => !error.error.startsWith('unhandled '))
  const parsed = library.entries[0]
  if (hardError || !parsed || library.entries.length !== 1) {
    return {ok: false, reason: cleanReason(hardError?.error ?? 'no entry came back')}
  }
  const result = emptyRecord<string>()
  for (const [name, value] of Object.entries(parsed.fields as Record<string, unknown>)) {
    const plain = plainText(value)
    if (plain !== undefined) result[name] = plain
  }
  return {ok: true, fields: result}
}

/** The parser's messages point into the synthesised text; its line and column mean nothing to the user. */
function cleanReason(message: string): string {
  const firstLine = message.split('\n')[0] ?? message
  return firstLine.replace(/ at line \d+, column \d+.*$/, '').trim()
}
