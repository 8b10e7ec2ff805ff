/**
 * Every figure's interval, computed once per run and shared by `conflicting-figures`,
 * `relation` and the report's measures section (`schema` checks the values of one claim
 * at a time, with `figureValueFindings`).
 * Cached per `Corpus` object in a WeakMap: a run builds one corpus, so the cache lives
 * exactly as long as the run, and a test that builds many corpora never sees stale data.
 *
 * Conflicts are found without comparing pairs. On a line, a figure i meets every other
 * figure unless some figure lies wholly above it or wholly below it; and if any figure
 * lies wholly above i, so does the figure with the highest lower end (`highest`), since
 * whether j lies above i depends only on j's lower end. Likewise below with the lowest
 * upper end (`lowest`). So one pass finds those two figures, and a second pass tells
 * each figure whether, and with which concrete other figure, it conflicts: O(n) per
 * measure. When the measure conflicts at all, `highest` and `lowest` conflict with each
 * other: that pair is the smallest explanation of the measure's conflict.
 */
import type {Corpus, CorpusContext, Report} from '../rules/create-rule.js'
import type {ClaimFacts, ClaimSummary, FigureSummary, Measure, Place} from '../types.js'
import type {MeasureRegistry} from '../corpus/measures.js'
import {intersects, tryFigureInterval, type FigureIntervalResult, type Interval} from './interval.js'
import {measureValueForRelation} from './relation.js'

export interface IndexedFigure {
  claim: ClaimSummary
  figure: FigureSummary
  measure: Measure
  interval: Interval
  /** Takes part in conflicts and relations: its claim is neither `draft` nor `retracted`. */
  counts: boolean
}

export interface MeasureFigures {
  measure: Measure
  /** Every figure of the measure whose value names an interval, in claim path order. */
  figures: IndexedFigure[]
  /** The figures that count (see `IndexedFigure.counts`). */
  counted: IndexedFigure[]
  /** The counted figure with the highest lower end, and the one with the lowest upper end. */
  highest?: IndexedFigure
  lowest?: IndexedFigure
  /** Whether some two counted figures have intervals that do not meet. */
  conflicting: boolean
}

export interface FigureIndex {
  /** Every measure of the registry, by id. */
  byMeasure: Map<string, MeasureFigures>
}

const cache = new WeakMap<Corpus, FigureIndex>()

export function figureIndex(corpus: Corpus): FigureIndex {
  const cached = cache.get(corpus)
  if (cached) return cached
  const index = buildFigureIndex(corpus)
  cache.set(corpus, index)
  return index
}

function buildFigureIndex(corpus: Corpus): FigureIndex {
  const byMeasure = new Map<string, MeasureFigures>()
  for (const measure of Object.values(corpus.measures.measures)) {
    byMeasure.set(measure.id, {measure, figures: [], counted: [], conflicting: false})
  }
  for (const claim of corpus.claims) {
    const counts = claim.status !== 'draft' && claim.status !== 'retracted'
    for (const figure of claim.figures) {
      const group = byMeasure.get(figure.measure)
      if (!group) continue
      const {measure} = group
      const interval = figure.interval !== undefined ? figure.interval : intervalOrNull(figureIntervalResult(figure, corpus.measures))
      // A value that names no interval is the `schema` rule's (`figureValueFindings`).
      if (interval === null) continue
      const indexed: IndexedFigure = {claim, figure, measure, interval, counts}
      group.figures.push(indexed)
      if (counts) group.counted.push(indexed)
    }
  }
  for (const group of byMeasure.values()) findExtremes(group)
  return {byMeasure}
}

function findExtremes(group: MeasureFigures): void {
  for (const figure of group.counted) {
    if (!group.highest || isHigherLowerEnd(figure.interval, group.highest.interval)) group.highest = figure
    if (!group.lowest || isLowerUpperEnd(figure.interval, group.lowest.interval)) group.lowest = figure
  }
  group.conflicting = group.highest !== undefined && group.lowest !== undefined && !intersects(group.highest.interval, group.lowest.interval)
}

/** `a` excludes more from below than `b`; ties keep the first figure, for stable reports. */
function isHigherLowerEnd(a: Interval, b: Interval): boolean {
  return a.lo > b.lo || (a.lo === b.lo && a.loOpen && !b.loOpen)
}

function isLowerUpperEnd(a: Interval, b: Interval): boolean {
  return a.hi < b.hi || (a.hi === b.hi && a.hiOpen && !b.hiOpen)
}

/**
 * The figures that a counted figure cannot agree with, as concrete witnesses: the one
 * with the highest lower end when it lies wholly above, the one with the lowest upper
 * end when it lies wholly below. Empty when the figure meets every other counted figure.
 */
export function conflictWitnesses(group: MeasureFigures, figure: IndexedFigure): IndexedFigure[] {
  const witnesses: IndexedFigure[] = []
  if (!figure.counts || !group.conflicting) return witnesses
  for (const candidate of [group.highest, group.lowest]) {
    if (candidate && candidate !== figure && !intersects(candidate.interval, figure.interval)) witnesses.push(candidate)
  }
  return witnesses
}

/**
 * A measure's value in relations (CORPUS-FORMAT.md, "Relations"): the intersection of
 * its counted figures' intervals, or their hull when they conflict or it is disputed;
 * `undefined` when no figure counts.
 */
export function measureValue(group: MeasureFigures): Interval | undefined {
  return measureValueForRelation(
    group.counted.map((figure) => figure.interval),
    group.measure.disputed !== undefined
  )
}

/**
 * `schema` findings for figures whose value does not name an interval (a range without
 * `{min, max}`, `min > max`, a date on a count measure, `1956-02-30`). Called by the
 * `schema` rule. A field that already breaks the JSON Schema is not reported twice.
 */
export function figureValueFindings(claim: ClaimFacts, corpus: CorpusContext): Report[] {
  const findings: Report[] = []
  for (const figure of claim.figures) {
    const result = figureIntervalResult(figure, corpus.measures)
    if (!result) continue
    // A bad tolerance is a finding of `measures.yaml`'s schema, not of every figure.
    if (result.ok || result.field === 'tolerance') continue
    const place = figure.fieldPlaces[result.field] ?? figure.fieldPlaces.value ?? figure.place
    const valuePlace = figure.fieldPlaces.value
    const qualifierPlace = figure.fieldPlaces.qualifier
    if (claim.schemaProblems.some((schemaProblem) => within(schemaProblem.place, valuePlace) || within(schemaProblem.place, qualifierPlace))) continue
    findings.push({file: claim.path, reason: result.reason, place})
  }
  return findings
}

const intervalResults = new WeakMap<MeasureRegistry, WeakMap<FigureSummary, FigureIntervalResult>>()

/**
 * The interval a figure's value names under its measure, or why it names none;
 * `undefined` when the measure is not in the registry. Worked out once per figure and
 * registry (a run has one), for `figure-text`, `schema` and the summary.
 */
export function figureIntervalResult(figure: FigureSummary, measures: MeasureRegistry): FigureIntervalResult | undefined {
  if (!Object.hasOwn(measures.measures, figure.measure)) return undefined
  let results = intervalResults.get(measures)
  if (!results) {
    results = new WeakMap()
    intervalResults.set(measures, results)
  }
  let result = results.get(figure)
  if (!result) {
    const measure = measures.measures[figure.measure] as Measure
    result = tryFigureInterval(figure.value, figure.qualifier, measure.tolerance, measure.kind)
    results.set(figure, result)
  }
  return result
}

function intervalOrNull(result: FigureIntervalResult | undefined): Interval | null {
  return result?.ok ? result.interval : null
}

function within(inner: Place | undefined, outer: Place | undefined): boolean {
  const start = inner?.start.offset
  const outerStart = outer?.start.offset
  if (start === undefined || outerStart === undefined) return false
  const outerEnd = outer?.end?.offset ?? outerStart
  return start >= outerStart && start <= outerEnd
}
