/**
 * What the reader of figures finds in a claim: in the body's prose, outside the ranges a
 * rule skips, and in the `text` of its figures. Shared by `figure-text` and
 * `undeclared-figure`, which read the same bodies with different skips.
 *
 * Everything here returns what `readFigures` returns for the same input; the shortcuts
 * only leave out work whose result is known: no citation without an `@`, no quotation
 * without a double quotation mark, and one reading per distinct figure text.
 */
import {citationSpans, quotationSpans} from '../pipeline/body.js'
import type {ClaimFacts, TextRun} from '../types.js'
import {notFigureRanges, readFigures, type ReadFigure} from './reader.js'

/** A figure of the body, with file offsets beside the run offsets of `figure`. */
export interface BodyReading {
  figure: ReadFigure
  /** File offsets of the figure's words, and of the number's words alone. */
  start: number
  end: number
  numberStart: number
  numberEnd: number
}

export type SkipRanges = Array<[number, number]>

// Both kinds of citation (`[…@key…]` and a bare `@key`) contain an `@`.
const citationMark = '@'
// The opening marks that `quotationSpans` knows: straight, curly and low double quotes.
const quotationOpeners = /["\u201c\u201e]/

/** Citations of one run, as ranges of the run: what `figure-text` skips. */
export function citationRanges(value: string): SkipRanges {
  if (!value.includes(citationMark)) return []
  return citationSpans(value).map((span): [number, number] => [span.start, span.end])
}

/** Quotations and `not-figures` phrases of one run: what `undeclared-figure` skips besides citations. */
function quotationAndNotFigureRanges(value: string, notFigures: readonly string[]): SkipRanges {
  const ranges: SkipRanges = []
  if (quotationOpeners.test(value)) {
    for (const span of quotationSpans(value)) ranges.push([span.start, span.end])
  }
  if (notFigures.length > 0) ranges.push(...notFigureRanges(value, notFigures))
  return ranges
}

/**
 * Citations, quotations and `not-figures` phrases of one run, as ranges of the run: what
 * `undeclared-figure` skips, since numbers there are not the claim's own figures.
 */
export function undeclaredSkipRanges(value: string, notFigures: readonly string[]): SkipRanges {
  return [...citationRanges(value), ...quotationAndNotFigureRanges(value, notFigures)]
}

function readRun(run: TextRun, skip: SkipRanges): BodyReading[] {
  return readFigures(run.value, {skip}).map((figure) => ({
    figure,
    start: run.offset + figure.start,
    end: run.offset + figure.end,
    numberStart: run.offset + figure.numberStart,
    numberEnd: run.offset + figure.numberEnd
  }))
}

/**
 * What one lint run learns about its claims, for a later rule of the same run: kept per
 * corpus (the object every rule of the run is given), then per claim. It goes when the
 * corpus goes, and another run, even over the same claims, starts afresh.
 */
export class ClaimMemo<Value> {
  private readonly byCorpus = new WeakMap<object, Map<ClaimFacts, Value>>()

  get(corpus: object, claim: ClaimFacts): Value | undefined {
    return this.byCorpus.get(corpus)?.get(claim)
  }

  set(corpus: object, claim: ClaimFacts, value: Value): Value {
    let byClaim = this.byCorpus.get(corpus)
    if (byClaim === undefined) {
      byClaim = new Map()
      this.byCorpus.set(corpus, byClaim)
    }
    byClaim.set(claim, value)
    return value
  }

  /** The value, forgotten: for the last rule of the run that needs it, so it goes before the run ends. */
  take(corpus: object, claim: ClaimFacts): Value | undefined {
    const byClaim = this.byCorpus.get(corpus)
    const value = byClaim?.get(claim)
    if (value !== undefined) byClaim?.delete(claim)
    return value
  }
}

// The readings with citations skipped, run by run, of a claim whose body `figure-text`
// read. `undeclared-figure` runs right after it on the same claim (the per-file rules
// run claim by claim) and takes them for runs where it skips nothing more: the same skips
// give the same readings. Only with `undeclared-figure` off do they stay for the run.
const readingsOutsideCitations = new ClaimMemo<readonly BodyReading[][]>()

/**
 * Every figure in the body's prose (code is not prose) outside citations: what
 * `figure-text` compares with. `corpus` is the corpus of the lint run.
 */
export function bodyFiguresOutsideCitations(claim: ClaimFacts, corpus: object): BodyReading[] {
  const byRun =
    readingsOutsideCitations.get(corpus, claim) ??
    readingsOutsideCitations.set(
      corpus,
      claim,
      claim.bodyText.map((run) => readRun(run, citationRanges(run.value)))
    )
  // Concatenated by hand: `Array.prototype.flat` is slow for what is mostly one run.
  if (byRun.length === 1) return byRun[0]!.slice()
  const readings: BodyReading[] = []
  for (const run of byRun) for (const reading of run) readings.push(reading)
  return readings
}

/**
 * Every figure in the body's prose outside citations, quotations and the claim's
 * `not-figures` phrases: what `undeclared-figure` checks. `corpus` is the corpus of the
 * lint run.
 */
export function bodyFiguresOfTheClaim(claim: ClaimFacts, corpus: object): BodyReading[] {
  const readByFigureText = readingsOutsideCitations.take(corpus, claim)
  const readings: BodyReading[] = []
  claim.bodyText.forEach((run, index) => {
    const more = quotationAndNotFigureRanges(run.value, claim.notFigures)
    const known = more.length === 0 ? readByFigureText?.[index] : undefined
    readings.push(...(known ?? readRun(run, [...citationRanges(run.value), ...more])))
  })
  return readings
}

// Figure texts repeat across a corpus ("about 4,800" in every claim of one measure), and
// reading one does not depend on the claim. Kept for the lint run, and bounded, so a huge
// corpus cannot fill the heap with them.
const figureTextReadings = new WeakMap<object, Map<string, readonly ReadFigure[]>>()
const figureTextReadingsLimit = 16384

/**
 * `readFigures(text)` for the `text` of a figure, read once per distinct text in the lint
 * run whose corpus is `corpus`. The readings are frozen: callers share them.
 */
export function readFigureText(text: string, corpus: object): readonly ReadFigure[] {
  let byText = figureTextReadings.get(corpus)
  if (byText === undefined) {
    byText = new Map()
    figureTextReadings.set(corpus, byText)
  }
  let readings = byText.get(text)
  if (readings === undefined) {
    readings = Object.freeze(readFigures(text).map(freezeReading))
    if (byText.size >= figureTextReadingsLimit) byText.clear()
    byText.set(text, readings)
  }
  return readings
}

function freezeReading(figure: ReadFigure): ReadFigure {
  if (typeof figure.value === 'object') Object.freeze(figure.value)
  return Object.freeze(figure)
}
