/**
 * `figure-text`: a figure whose `text` is not in the body, or whose words do not say its
 * value and qualifier ("around 2,500" declared as `exact 2652`).
 *
 * The words are read with the reader of figures (`src/figures/reader.ts`), whose table of
 * qualifier words extends the contract's ("around", "some", "an estimated" → approx, …).
 *
 * Decisions:
 * - A figure without `text` is fine here: the field is optional in the schema, and a
 *   figure may be recorded from a source without the body stating it. If the body does
 *   state it, `undeclared-figure` warns and says that a figure of that value lacks `text`.
 * - "In the body" means in the body's prose (outside code; quotations and citations are
 *   prose), matched case-insensitively and with any run of white space equal to one
 *   space: a sentence may start with "Around" where the figure says "around", and a line
 *   break may fall inside the words. Prose split by emphasis (`around **2,500**`) is
 *   searched as one text.
 * - Numbers: the words must give the declared value exactly (no tolerance: the tolerance
 *   is what `approx` means, not slack in reading) and the declared qualifier.
 *   `{min, max}` must equal a range the words give.
 * - Dates compare as the days they name, since words and frontmatter write them
 *   differently: "23 October" (no year) takes the declared year and matches
 *   `1956-10-23`; "October 1956" matches `1956-10-23` and "the late 1980s" (1986–1989 to
 *   the reader) matches `{min: 1985, max: 1989}`, since one contains the other: a figure
 *   may be more precise than vague words, or read them a little wider, but never name
 *   other days. For dates `exact` and `range` are one qualifier (both are the days
 *   named); the others must match.
 * - The text is also read where it stands in the body: words cut from longer words that
 *   say otherwise (`text: "2,500"` in "Some 2,500 died", declared `exact 2500`) are a
 *   finding at `text`, since the body, not the `text` field, is what the claim asserts.
 *   One occurrence where the body agrees, or says no more than the text, is enough.
 *   Only texts that read as `exact` are checked so: a cut drops the qualifier or the
 *   other end of a range, and reading the body is the costly part of this rule.
 *   Not for dates: their qualifier words often belong to the measure's definition
 *   ("Day by which organised resistance had been crushed", text "8 November 1956" in
 *   "crushed by 8 November 1956"), and the contract only asks that the text's own words
 *   say the figure.
 * - Words that read as several figures ("the 1960s and 1970s") match when one of them
 *   matches, or when their span (the smallest range holding all) does.
 * - Words that state no number or date ("thousands") are a finding at `text`: a vague
 *   plural is not a figure.
 * - Units: a figure is flagged when its words name a unit of measurement (`percent`,
 *   `foot`, `year`, `day`, …) and the measure has another unit, or the words say percent
 *   and the measure is not a percent measure. Count nouns ("troops", "Hungarians") are
 *   not compared with the measure's unit (`soldier`, `person`): the words name the things
 *   counted, not a unit.
 * - Figures of unknown measures, or whose value names no interval, get only the
 *   "not in the body" check: the other rules report them.
 */
import {figureIntervalResult} from '../figures/figure-index.js'
import {dateInterval, parseIsoDate, type Interval} from '../figures/interval.js'
import {bodyFiguresOutsideCitations, ClaimMemo, readFigureText} from '../figures/body-readings.js'
import type {ReadFigure, ReadValue} from '../figures/reader.js'
import type {ClaimFacts, DeclaredFigure, FigureValue, Measure, MeasureKind} from '../types.js'
import {code, createRule, type CorpusContext} from './create-rule.js'

export const figureText = createRule({
  id: 'figure-text',
  description: 'A figure whose `text` is not in the body, or whose words do not say its value and qualifier',
  defaultSeverity: 'error',
  checkClaim(claim, context, corpus) {
    const occurrences = figureTextOccurrences(claim, corpus)
    for (const [index, figure] of claim.figures.entries()) {
      if (figure.text === undefined) continue
      const textPlace = figure.fieldPlaces.text ?? figure.place
      const where = occurrences[index] ?? []
      if (where.length === 0) {
        context.report({
          file: claim.path,
          reason: `Unexpected figure text ${code(figure.text)}, expected the exact words of the body that state the figure`,
          place: textPlace
        })
        continue
      }
      const measure = corpus.measures.measures[figure.measure]
      if (!measure || !figureIntervalResult(figure, corpus.measures)?.ok) continue
      const readings = readFigureText(figure.text, corpus)
      if (readings.length === 0) {
        context.report({
          file: claim.path,
          reason: `Unexpected figure text ${code(figure.text)} that states no number or date, expected words such as ${code('around 2,500')}`,
          place: textPlace
        })
        continue
      }
      const usable = candidatesOf(readings)
      if (!usable.some((reading) => sameFigure(reading, figure, measure.kind))) {
        const said = usable[0] ? describeReading(usable[0], figure, measure.kind) : undefined
        context.report({
          file: claim.path,
          reason: `Unexpected ${code(describeDeclared(figure))} for the words ${code(figure.text)}${said ? `, which say ${code(said)}` : ''}`,
          place: figure.place,
          actual: describeDeclared(figure),
          ...(said ? {expected: [said]} : {})
        })
        continue
      }
      // Only words without a qualifier can have lost one; reading the body costs a pass of the reader.
      const bare = readings.every((read) => read.qualifier === 'exact')
      const cut = measure.kind === 'date' || !bare ? undefined : bodyContradiction(claim, corpus, figure, where, measure.kind)
      if (cut) {
        context.report({
          file: claim.path,
          reason: `Unexpected figure text ${code(figure.text)} cut from ${code(cut.words)} in the body, which says ${code(cut.said)}, expected the whole words`,
          place: textPlace
        })
        continue
      }
      const unitProblem = unitMismatch(readings, measure)
      if (unitProblem) {
        context.report({
          file: claim.path,
          reason: `Unexpected unit ${code(unitProblem)} in the words ${code(figure.text)} for measure ${code(measure.id)}, expected ${measure.unit ? code(measure.unit) : `a ${measure.kind}`}`,
          place: textPlace
        })
      }
    }
  }
})

/** What a reading says, as the frontmatter would write it. */
interface Reading {
  value: ReadValue | {min: ReadValue; max: ReadValue}
  qualifier: DeclaredFigure['qualifier']
}

/** Each reading, and for several their span: "the 1960s and 1970s" may declare 1960–1979. */
function candidatesOf(readings: readonly ReadFigure[]): Reading[] {
  const candidates = readings.length > 1 ? [...readings.map(declaredReading), spanOf(readings)] : readings.map(declaredReading)
  return candidates.filter((candidate): candidate is Reading => candidate !== undefined)
}

/**
 * Words of `text` that agree with the figure but are cut from longer words of the body
 * that do not: `text: "2,500"` in "Some 2,500 died" declared `exact 2500`. The body is
 * read where the text occurs; an occurrence where the body agrees, or says no more than
 * the text, clears the figure.
 */
function bodyContradiction(
  claim: ClaimFacts,
  corpus: CorpusContext,
  figure: DeclaredFigure,
  where: ReadonlyArray<readonly [number, number]>,
  kind: MeasureKind
): {words: string; said: string} | undefined {
  let contradiction: {words: string; said: string} | undefined
  const body = bodyFiguresOutsideCitations(claim, corpus)
  for (const [start, end] of where) {
    const around = body.filter((read) => read.numberStart < end && start < read.numberEnd)
    // Words of the body within the text say no more than the text (markup may split them).
    const reachesOut = around.some((read) => read.start < start || read.end > end)
    const candidates = candidatesOf(around.map((read) => read.figure))
    if (!reachesOut || candidates.some((reading) => sameFigure(reading, figure, kind))) return undefined
    contradiction ??= {words: around.map((read) => read.figure.text).join(' … '), said: describeReading(candidates[0]!, figure, kind)}
  }
  return contradiction
}

function declaredReading(read: ReadFigure): Reading {
  return {value: read.value, qualifier: read.qualifier}
}

/** "the 1960s and 1970s": the smallest range that holds every reading, when all are dates or all numbers. */
function spanOf(readings: readonly ReadFigure[]): Reading | undefined {
  const ends = readings.flatMap((read) => (typeof read.value === 'object' ? [read.value.min, read.value.max] : [read.value]))
  if (ends.every((end) => typeof end === 'number')) {
    const numbers = ends as number[]
    return {value: {min: Math.min(...numbers), max: Math.max(...numbers)}, qualifier: 'range'}
  }
  if (ends.every((end) => typeof end === 'string' && !end.startsWith('--'))) {
    const dates = (ends as string[]).map((end) => ({end, date: parseIsoDate(end)}))
    let first = dates[0]
    let last = dates[0]
    for (const item of dates) {
      if (!item.date) return undefined
      if (item.date.first < first!.date!.first) first = item
      if (item.date.last > last!.date!.last) last = item
    }
    return {value: {min: first!.end, max: last!.end}, qualifier: 'range'}
  }
  return undefined
}

function sameFigure(reading: Reading, figure: DeclaredFigure, kind: MeasureKind): boolean {
  if (kind === 'date') return sameDate(reading, figure)
  if (reading.qualifier !== figure.qualifier) return false
  const read = numericValue(reading.value)
  const declared = figure.value
  if (read === undefined) return false
  if (typeof read === 'number' || typeof declared !== 'object') {
    return typeof read === 'number' && typeof declared === 'number' && sameNumber(read, declared)
  }
  return typeof declared.min === 'number' && typeof declared.max === 'number' && sameNumber(read.min, declared.min) && sameNumber(read.max, declared.max)
}

/** A number, or a range of numbers; a year the reader took for a date counts as its number on a count measure. */
function numericValue(value: Reading['value']): number | {min: number; max: number} | undefined {
  const scalar = (end: ReadValue): number | undefined => {
    if (typeof end === 'number') return end
    return /^\d{4}$/.test(end) ? Number(end) : undefined
  }
  if (typeof value !== 'object') return scalar(value)
  const min = scalar(value.min)
  const max = scalar(value.max)
  return min === undefined || max === undefined ? undefined : {min, max}
}

function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))
}

function sameDate(reading: Reading, figure: DeclaredFigure): boolean {
  const dateQualifier = (qualifier: string) => (qualifier === 'range' ? 'exact' : qualifier)
  if (dateQualifier(reading.qualifier) !== dateQualifier(figure.qualifier)) return false
  const declared = valueDays(figure.value, undefined)
  const read = valueDays(reading.value, figure.value)
  if (!declared || !read) return false
  return within(declared, read) || within(read, declared)
}

/**
 * The days a value names, first to last; a reader date without a year (`--10-23`) takes
 * the year of the declared value's matching end.
 */
function valueDays(value: ReadValue | FigureValue, yearsFrom: FigureValue | undefined): Interval | undefined {
  const yearOf = (end: 'min' | 'max'): number | undefined => {
    if (yearsFrom === undefined) return undefined
    const scalar = typeof yearsFrom === 'object' ? yearsFrom[end] : yearsFrom
    return parseIsoDate(scalar)?.year
  }
  const days = (scalar: ReadValue, end: 'min' | 'max'): Interval | undefined => {
    if (typeof scalar === 'string' && scalar.startsWith('--')) {
      const year = yearOf(end)
      return year === undefined ? undefined : dateInterval(`${String(year).padStart(4, '0')}${scalar.slice(1)}`)
    }
    return dateInterval(scalar)
  }
  if (typeof value !== 'object') return days(value, 'min')
  const min = days(value.min, 'min')
  const max = days(value.max, 'max')
  return min && max ? {lo: min.lo, hi: max.hi, loOpen: false, hiOpen: false} : undefined
}

function within(inner: Interval, outer: Interval): boolean {
  return inner.lo >= outer.lo && inner.hi <= outer.hi
}

/** Units of measurement that a measure's `unit` can name; count nouns are not among them. */
const measurementUnits: ReadonlySet<string> = new Set([
  'percent', 'foot', 'inch', 'yard', 'mile', 'metre', 'meter', 'kilometre', 'centimetre', 'millimetre', 'kilogram', 'tonne', 'ton',
  'year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'dollar', 'pound', 'euro', 'forint', 'rouble', 'ruble'
])

function unitMismatch(readings: readonly ReadFigure[], measure: Measure): string | undefined {
  for (const read of readings) {
    const unit = read.kind === 'percent' ? 'percent' : read.unit
    if (unit === undefined || !measurementUnits.has(unit)) continue
    if (unit === 'percent' && measure.kind !== 'percent' && measure.unit !== 'percent') return unit
    if (unit !== 'percent' && measure.unit !== undefined && measure.unit !== unit) return unit
  }
  return undefined
}

function describeDeclared(figure: DeclaredFigure): string {
  return `${figure.qualifier} ${formatValue(figure.value)}`
}

function describeReading(reading: Reading, figure: DeclaredFigure, kind: MeasureKind): string {
  if (kind !== 'date') {
    const numeric = numericValue(reading.value)
    return `${reading.qualifier} ${formatValue(numeric ?? (reading.value as FigureValue))}`
  }
  // Say the year the words leave out, as the comparison assumed it.
  const fill = (scalar: ReadValue, end: 'min' | 'max'): ReadValue => {
    if (typeof scalar !== 'string' || !scalar.startsWith('--')) return scalar
    const from = typeof figure.value === 'object' ? figure.value[end] : figure.value
    const year = parseIsoDate(from)?.year
    return year === undefined ? scalar : `${String(year).padStart(4, '0')}${scalar.slice(1)}`
  }
  const value = typeof reading.value === 'object' ? {min: fill(reading.value.min, 'min'), max: fill(reading.value.max, 'max')} : fill(reading.value, 'min')
  return `${reading.qualifier} ${formatValue(value)}`
}

function formatValue(value: FigureValue): string {
  return typeof value === 'object' ? `${value.min}–${value.max}` : String(value)
}

// --- Where a figure's text is in the body (shared with `undeclared-figure`) ------------

interface NormalisedProse {
  /** The body's prose runs joined, lower-case, white space collapsed to single spaces. */
  text: string
  /**
   * Where `text` maps back to the file, as stretches: `stretchStarts[i]` is an index of
   * `text` and `stretchOffsets[i]` the file offset of that code unit; within a stretch the
   * offsets count up by one. A new stretch starts only where folding drops or adds code
   * units (collapsed white space, the space between runs, `İ`), so there are few.
   */
  stretchStarts: number[]
  stretchOffsets: number[]
}

// One slot is enough: `figure-text` asks once per figure of one claim in a row, and
// nothing is kept for the whole corpus.
let lastProse: {claim: ClaimFacts; prose: NormalisedProse} | undefined

function normalisedProse(claim: ClaimFacts): NormalisedProse {
  if (lastProse?.claim === claim) return lastProse.prose
  let text = ''
  const stretchStarts: number[] = []
  const stretchOffsets: number[] = []
  // The file offset that the next code unit of `text` has when it continues the stretch.
  let nextOffset = -1
  const mapNext = (offset: number): void => {
    if (offset !== nextOffset) {
      stretchStarts.push(text.length)
      stretchOffsets.push(offset)
    }
    nextOffset = offset + 1
  }
  let lastWasSpace = true
  for (const run of claim.bodyText) {
    const value = run.value
    // Runs are split by markup (emphasis, links): a space between them collapses with any other.
    if (!lastWasSpace) {
      mapNext(run.offset)
      text += ' '
      lastWasSpace = true
    }
    // Most code units fold to themselves: they are copied a stretch at a time, not one by one.
    let copyFrom = 0
    for (let index = 0; index < value.length; index++) {
      const unit = value.charCodeAt(index)
      const ascii = unit < 128
      const space = ascii && (unit === 32 || (unit >= 9 && unit <= 13))
      const keptAsIs = ascii && (space ? unit === 32 && !lastWasSpace : !(unit >= 65 && unit <= 90))
      if (keptAsIs) {
        if (run.offset + index !== nextOffset) {
          stretchStarts.push(text.length + index - copyFrom)
          stretchOffsets.push(run.offset + index)
        }
        // What follows in the same stretch, without the checks above: ASCII that is neither
        // white space nor a capital is kept as it is and continues the stretch.
        if (!space) {
          while (index + 1 < value.length) {
            const following = value.charCodeAt(index + 1)
            if (following >= 128 || (following >= 65 && following <= 90) || following === 32 || (following >= 9 && following <= 13)) break
            index++
          }
        }
        nextOffset = run.offset + index + 1
        lastWasSpace = space
        continue
      }
      if (copyFrom < index) text += value.slice(copyFrom, index)
      copyFrom = index + 1
      const folded = foldCharacter(value, index)
      if (folded === ' ') {
        if (lastWasSpace) continue
        lastWasSpace = true
      } else {
        lastWasSpace = false
      }
      // Lower-casing one code unit may give two (`İ`): each maps back to the same offset.
      for (let unitIndex = 0; unitIndex < folded.length; unitIndex++) {
        mapNext(run.offset + index)
        text += folded.charAt(unitIndex)
      }
    }
    if (copyFrom < value.length) text += value.slice(copyFrom)
  }
  const prose = {text, stretchStarts, stretchOffsets}
  lastProse = {claim, prose}
  return prose
}

/** The file offset of code unit `index` of the prose's text. */
function fileOffsetAt(prose: NormalisedProse, index: number): number {
  const starts = prose.stretchStarts
  // The last stretch that starts at or before `index`.
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= index) low = middle
    else high = middle - 1
  }
  return prose.stretchOffsets[low]! + (index - starts[low]!)
}

/** One code unit, folded: white space to a space, letters to lower case (one by one, as the needle). */
function foldCharacter(value: string, index: number): string {
  const unit = value.charCodeAt(index)
  if (unit < 128) {
    if (unit === 32 || (unit >= 9 && unit <= 13)) return ' '
    return unit >= 65 && unit <= 90 ? String.fromCharCode(unit + 32) : value.charAt(index)
  }
  const character = value.charAt(index)
  return /\s/.test(character) ? ' ' : character.toLowerCase()
}

function normalise(words: string): string {
  if (foldsToItself(words)) return words
  let folded = ''
  for (let index = 0; index < words.length; index++) folded += foldCharacter(words, index)
  return folded.replace(/ +/g, ' ').trim()
}

/** Lower-case ASCII with single spaces inside: what most figure texts are, and what `normalise` makes of them. */
function foldsToItself(words: string): boolean {
  let lastWasSpace = true
  for (let index = 0; index < words.length; index++) {
    const unit = words.charCodeAt(index)
    if (unit >= 128 || (unit >= 65 && unit <= 90) || (unit >= 9 && unit <= 13)) return false
    const space = unit === 32
    if (space && lastWasSpace) return false
    lastWasSpace = space
  }
  return !lastWasSpace
}

// Where the figure texts of a claim occur, flat (`[start, end, start, end, …]`, a few
// numbers per claim): `figure-text` finds them, and `undeclared-figure`, which runs right
// after it on the same claim, needs them again. Handed over once, then forgotten.
const coveredByTexts = new ClaimMemo<number[]>()

/**
 * Where the `text` of each figure of the claim occurs in the body's prose, by figure index
 * (none for a figure without `text`); kept for `coveredByFigureTexts` in the lint run
 * whose corpus is `corpus`.
 */
function figureTextOccurrences(claim: ClaimFacts, corpus: object): Array<Array<[number, number]>> {
  const byFigure: Array<Array<[number, number]>> = []
  // Flattened by hand: `Array.prototype.flat` was most of this function's time.
  const flat: number[] = []
  let anyText = false
  for (const figure of claim.figures) {
    if (figure.text === undefined) {
      byFigure.push([])
      continue
    }
    anyText = true
    const found = textOccurrences(claim, figure.text)
    for (const [start, end] of found) flat.push(start, end)
    byFigure.push(found)
  }
  if (anyText) coveredByTexts.set(corpus, claim, flat)
  return byFigure
}

/**
 * Every range of the body's prose that the `text` of a figure of the claim covers: each
 * occurrence of each text, as `textOccurrences` finds them. `corpus` is the corpus of the
 * lint run, in which `figure-text` may have found them already.
 */
export function coveredByFigureTexts(claim: ClaimFacts, corpus: object): Array<[number, number]> {
  const flat = coveredByTexts.take(corpus, claim)
  if (flat === undefined) return claim.figures.flatMap((figure) => (figure.text === undefined ? [] : textOccurrences(claim, figure.text)))
  const ranges: Array<[number, number]> = []
  for (let index = 0; index + 1 < flat.length; index += 2) ranges.push([flat[index]!, flat[index + 1]!])
  return ranges
}

/**
 * Where `words` occur in the body's prose, as file ranges `[start, end)`: case-insensitive,
 * any white space equal to one space, across emphasis and links.
 */
export function textOccurrences(claim: ClaimFacts, words: string): Array<[number, number]> {
  const needle = normalise(words)
  if (needle === '') return []
  const prose = normalisedProse(claim)
  const found: Array<[number, number]> = []
  for (let at = prose.text.indexOf(needle); at !== -1; at = prose.text.indexOf(needle, at + 1)) {
    const start = fileOffsetAt(prose, at)
    const end = fileOffsetAt(prose, at + needle.length - 1) + 1
    found.push([start, end])
  }
  return found
}
