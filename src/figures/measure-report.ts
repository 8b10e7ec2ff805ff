/**
 * The report's `measures` section (`schema/report.schema.json`): for every measure of the
 * registry, each claim's figure side by side with its interval and sources, and whether
 * the measure is consistent. The HTML report is built on it.
 *
 * Decisions:
 * - Figures of `draft` and `retracted` claims are listed (with `counted: false`) so a
 *   reader sees them, but they do not decide the measure's status, as in the rules.
 * - A figure whose value names no interval (a `schema` finding) is left out: the section
 *   promises an interval for every figure.
 * - Status: `no-figures` when no figure counts; `conflicting` when two counted figures do
 *   not meet; `disputed` when they do not meet on a measure marked `disputed` (documented
 *   disagreement); else `consistent`.
 * - Intervals: numbers as numbers, dates as ISO days, infinite ends as `null`. Numbers
 *   that are not whole keep 12 significant digits, as the messages print them: that drops
 *   the one ulp of outward rounding (`approx 2500` is `[2250, 2750]`, not
 *   `[2249.9999999999995, …]`), which a reader of JSON would take for a real difference.
 * - A source's `tier` is absent when its key is not in the bibliography.
 */
import {compareStrings} from '../pipeline/read.js'
import type {Corpus} from '../rules/create-rule.js'
import type {ClaimStatus, ClaimSummary, FigureValue, MeasureKind, Qualifier, Stance, Tier} from '../types.js'
import {conflictWitnesses, figureIndex, type IndexedFigure, type MeasureFigures} from './figure-index.js'
import {dayToIso, formatNumber, type Interval} from './interval.js'

export type MeasureStatus = 'consistent' | 'conflicting' | 'disputed' | 'no-figures'

export interface ReportInterval {
  /** A number, an ISO day for dates, or `null` for an unbounded end. */
  lo: number | string | null
  hi: number | string | null
  loOpen: boolean
  hiOpen: boolean
}

export interface ReportSource {
  key: string
  locator?: string
  tier?: Tier
  stance: Stance
}

export interface MeasureReportFigure {
  claim: string
  file: string
  line?: number
  column?: number
  status?: ClaimStatus
  value: FigureValue
  qualifier: Qualifier
  text?: string
  unit?: string
  interval: ReportInterval
  /** Whether it takes part in conflicts and relations (its claim is neither draft nor retracted). */
  counted: boolean
  /** Whether it conflicts with another counted figure of the measure. */
  conflicting: boolean
  sources: ReportSource[]
}

export interface MeasureReportEntry {
  id: string
  label: string
  kind: MeasureKind
  unit?: string
  disputed?: string
  status: MeasureStatus
  figures: MeasureReportFigure[]
}

/** Every measure, sorted by id; its figures sorted by file, then by their order in the file. */
export function measureReport(corpus: Corpus): MeasureReportEntry[] {
  const index = figureIndex(corpus)
  // A claim's sources are listed with each of its figures: worked out once per claim.
  const sources = new Map<ClaimSummary, ReportSource[]>()
  const sourcesOf = (claim: ClaimSummary): ReportSource[] => {
    let list = sources.get(claim)
    if (!list) {
      list = reportSources(claim, corpus)
      sources.set(claim, list)
    }
    return list
  }
  return [...index.byMeasure.values()]
    .sort((a, b) => compareStrings(a.measure.id, b.measure.id))
    .map((group) => measureEntry(group, sourcesOf))
}

function reportSources(claim: ClaimSummary, corpus: Corpus): ReportSource[] {
  return claim.sources.map((source) => {
    const reported: ReportSource = {key: source.key, stance: source.stance}
    if (source.locator !== undefined) reported.locator = source.locator
    const tier = corpus.entriesByKey.get(source.key)?.tier
    if (tier !== undefined) reported.tier = tier
    return reported
  })
}

function measureEntry(group: MeasureFigures, sourcesOf: (claim: ClaimSummary) => ReportSource[]): MeasureReportEntry {
  const {measure} = group
  const entry: MeasureReportEntry = {id: measure.id, label: measure.label, kind: measure.kind, status: measureStatus(group), figures: []}
  if (measure.unit !== undefined) entry.unit = measure.unit
  if (measure.disputed !== undefined) entry.disputed = measure.disputed
  entry.figures = [...group.figures]
    .sort((a, b) => compareStrings(a.claim.path, b.claim.path) || a.figure.index - b.figure.index)
    .map((figure) => figureEntry(group, figure, sourcesOf(figure.claim)))
  return entry
}

function measureStatus(group: MeasureFigures): MeasureStatus {
  if (group.counted.length === 0) return 'no-figures'
  if (!group.conflicting) return 'consistent'
  return group.measure.disputed !== undefined ? 'disputed' : 'conflicting'
}

function figureEntry(group: MeasureFigures, indexed: IndexedFigure, sources: ReportSource[]): MeasureReportFigure {
  const {claim, figure} = indexed
  const entry: MeasureReportFigure = {
    claim: claim.id ?? claim.stem,
    file: claim.path,
    line: figure.place.start.line,
    column: figure.place.start.column,
    value: figure.value,
    qualifier: figure.qualifier,
    interval: reportInterval(indexed.interval, group.measure.kind),
    counted: indexed.counts,
    conflicting: conflictWitnesses(group, indexed).length > 0,
    sources
  }
  if (claim.status !== undefined) entry.status = claim.status
  if (figure.text !== undefined) entry.text = figure.text
  if (figure.unit !== undefined) entry.unit = figure.unit
  return entry
}

export function reportInterval(value: Interval, kind: MeasureKind): ReportInterval {
  const end = (at: number): number | string | null => {
    if (!Number.isFinite(at)) return null
    if (kind === 'date') return dayToIso(at)
    // `Number(formatNumber(at))`, without the round trip through text for whole numbers.
    return Number.isInteger(at) && Math.abs(at) < 1e21 ? at : Number(formatNumber(at))
  }
  return {lo: end(value.lo), hi: end(value.hi), loOpen: value.loOpen, hiOpen: value.hiOpen}
}

