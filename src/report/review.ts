/**
 * The plain data of the HTML review page: the claims grouped by the article's sections,
 * each with its text, status, sources (locators, tiers), figures and findings; the
 * measure tables with the figures that conflict marked; the bibliography as formatted
 * references. Pure given its inputs and sorted, so the page is deterministic.
 *
 * Section order: the claim folders are named after the article's sections. The sections
 * given (from `sections.yaml`, see src/corpus/sections.ts) come first, in their order and
 * with their titles; the remaining folders follow, those with a numeric prefix
 * (`01-introduction`) by that number, then the others alphabetically, titled from the
 * folder name.
 */
import {toCsl} from '../bibliography/index.js'
import {isUnknownLocator} from '../citations/locator.js'
import {dateInterval, formatInterval, formatNumber, interval, intersects, type Interval} from '../figures/interval.js'
import type {MeasureReportEntry, MeasureReportFigure, ReportInterval} from '../figures/measure-report.js'
import type {LintResult} from '../lint.js'
import {titleFromFolder, type SectionInfo} from '../corpus/sections.js'
import {compareStrings} from '../pipeline/read.js'
import type {BibEntry, ClaimFacts, ClaimStatus, FigureValue, MeasureKind, Qualifier, Stance, Tier} from '../types.js'
import type {Finding, ReportData, Summary} from './model.js'
import {formatReferences, type ReferenceOptions} from './references.js'

// --- The review data ---

export interface ReviewSource {
  key: string
  /** `Lendvai 2008`, from the entry; the key when the entry is missing. */
  label: string
  locator?: string
  /** No locator, or `unknown`: the historians' queue. */
  locatorMissing: boolean
  quote?: string
  stance: Stance
  tier?: Tier
}

export interface ReviewFigure {
  measure: string
  measureLabel?: string
  value: string
  qualifier: Qualifier
  text?: string
  unit?: string
}

export interface ReviewClaim {
  id: string
  file: string
  section: string
  /** Absent when the frontmatter could not be read. */
  status?: ClaimStatus
  body: string
  origin?: string
  note?: string
  tags: string[]
  reviewed?: {by: string; on: string}
  sources: ReviewSource[]
  figures: ReviewFigure[]
  findings: Finding[]
}

export interface ReviewSection {
  /** The folder under `claims/`. */
  id: string
  title: string
  claims: ReviewClaim[]
}

export interface ReviewMeasureFigure extends MeasureReportFigure {
  /** The value as written: `2500`, `1956-10`, `2500–3000`. */
  valueText: string
  /** The interval as text: `[2250, 2750]`, `[1956-10-01, 1956-10-31]`. */
  intervalText: string
  /** Claims whose counted figure of this measure this one's interval does not meet (at most `conflictListLimit`). */
  conflictsWith: string[]
  /** How many more figures conflict with this one than `conflictsWith` names. */
  moreConflicts: number
}

/** A measure with thousands of figures would otherwise list thousands of claims per row. */
export const conflictListLimit = 12

export interface ReviewMeasure extends Omit<MeasureReportEntry, 'figures'> {
  figures: ReviewMeasureFigure[]
}

export interface ReviewReference {
  key: string
  type: string
  tier: Tier
  /** Formatted by citeproc and made safe by `formatReferences`; absent when formatting failed. */
  html?: string
  /** Plain text to show (escaped) when there is no `html`. */
  text: string
  /** Ids of the claims that cite it (in `sources` or the body). */
  citedBy: string[]
}

export interface ReviewData {
  version: 1
  /** The article's title, when `sections.yaml` gives one. */
  title?: string
  summary: Summary & {sections: number; conflictingMeasures: number; disputedMeasures: number}
  sections: ReviewSection[]
  /** Absent when the report has no measures section (reports built by hand). */
  measures?: ReviewMeasure[]
  references: ReviewReference[]
  /** Findings outside claim files: the bibliography, `measures.yaml`, the corpus as a whole. */
  otherFindings: Finding[]
}

export interface ReviewOptions {
  /** The article's sections in order, with titles (`sections.yaml`); folders not named follow. */
  sections?: readonly SectionInfo[]
  /** The article's title. */
  title?: string
  references?: ReferenceOptions
}

export function buildReviewData(result: LintResult<ClaimFacts>, report: ReportData, options: ReviewOptions = {}): ReviewData {
  const {corpus} = result
  const findingsByFile = new Map<string, Finding[]>()
  const otherFindings: Finding[] = []
  const claimFiles = new Set(corpus.allClaims.map((claim) => claim.path))
  for (const finding of report.findings) {
    if (finding.file !== undefined && claimFiles.has(finding.file)) {
      const list = findingsByFile.get(finding.file)
      if (list) list.push(finding)
      else findingsByFile.set(finding.file, [finding])
    } else otherFindings.push(finding)
  }

  const bySection = new Map<string, ReviewClaim[]>()
  for (const claim of corpus.allClaims) {
    const reviewClaim = reviewClaimOf(claim, result, findingsByFile.get(claim.path) ?? [])
    const list = bySection.get(claim.section)
    if (list) list.push(reviewClaim)
    else bySection.set(claim.section, [reviewClaim])
  }
  const given = new Map((options.sections ?? []).map((section) => [section.id, section.title]))
  const sections = orderSections([...bySection.keys()], [...given.keys()]).map((id) => ({
    id,
    title: given.get(id) ?? sectionTitle(id),
    claims: bySection.get(id) ?? []
  }))

  const measures = report.measures?.map(reviewMeasure)
  return {
    version: 1,
    ...(options.title !== undefined ? {title: options.title} : {}),
    summary: {
      ...report.summary,
      sections: sections.length,
      conflictingMeasures: measures?.filter((measure) => measure.status === 'conflicting').length ?? 0,
      disputedMeasures: measures?.filter((measure) => measure.status === 'disputed').length ?? 0
    },
    sections,
    ...(measures ? {measures} : {}),
    references: reviewReferences(result, options.references),
    otherFindings
  }
}

function reviewClaimOf(claim: ClaimFacts, result: LintResult<ClaimFacts>, findings: Finding[]): ReviewClaim {
  const {entriesByKey, measures} = result.corpus
  const reviewClaim: ReviewClaim = {
    id: claim.id ?? claim.stem,
    file: claim.path,
    section: claim.section,
    body: claim.body.trim(),
    tags: [...claim.tags],
    sources: claim.sources.map((source) => {
      const entry = entriesByKey.get(source.key)
      const locator = source.locator?.trim()
      const reviewSource: ReviewSource = {
        key: source.key,
        label: entry ? shortLabel(entry) : source.key,
        locatorMissing: locator === undefined || locator === '' || isUnknownLocator(locator),
        stance: source.stance
      }
      if (source.locator !== undefined) reviewSource.locator = source.locator
      if (source.quote !== undefined) reviewSource.quote = source.quote
      if (entry) reviewSource.tier = entry.tier
      return reviewSource
    }),
    figures: claim.figures.map((figure) => {
      const reviewFigure: ReviewFigure = {measure: figure.measure, value: figureValueText(figure.value), qualifier: figure.qualifier}
      const label = measures.measures[figure.measure]?.label
      if (label !== undefined) reviewFigure.measureLabel = label
      if (figure.text !== undefined) reviewFigure.text = figure.text
      if (figure.unit !== undefined) reviewFigure.unit = figure.unit
      return reviewFigure
    }),
    findings
  }
  if (claim.status !== undefined) reviewClaim.status = claim.status
  if (claim.origin !== undefined) reviewClaim.origin = claim.origin
  if (claim.note !== undefined) reviewClaim.note = claim.note
  if (claim.reviewed !== undefined) reviewClaim.reviewed = {...claim.reviewed}
  return reviewClaim
}

export function orderSections(sections: readonly string[], explicit: readonly string[]): string[] {
  const rank = new Map(explicit.map((id, index) => [id, index]))
  const prefix = (id: string) => /^(\d+)(?=[-_. ])/.exec(id)?.[1]
  return [...sections].sort((a, b) => {
    const rankA = rank.get(a) ?? Infinity
    const rankB = rank.get(b) ?? Infinity
    if (rankA !== rankB) return rankA < rankB ? -1 : 1
    const prefixA = prefix(a)
    const prefixB = prefix(b)
    if (prefixA !== undefined && prefixB !== undefined && Number(prefixA) !== Number(prefixB)) return Number(prefixA) - Number(prefixB)
    if ((prefixA === undefined) !== (prefixB === undefined)) return prefixA === undefined ? 1 : -1
    return compareStrings(a, b)
  })
}

/** `02-the-night-the-statue-fell` → `The night the statue fell`: the folder name without its number. */
export function sectionTitle(id: string): string {
  return titleFromFolder(id.replace(/^\d+[-_. ]+(?=.)/, ''))
}

function figureValueText(value: FigureValue): string {
  const scalar = (item: number | string) => (typeof item === 'number' ? formatNumber(item) : item)
  return typeof value === 'object' ? `${scalar(value.min)}–${scalar(value.max)}` : scalar(value)
}

/** `Lendvai 2008`: the first author's family name (or the title) and the year. */
function shortLabel(entry: BibEntry): string {
  const firstAuthor = (entry.fields.author ?? entry.fields.editor ?? '').split(/\s+and\s+/)[0]?.trim() ?? ''
  const family = firstAuthor.includes(',') ? firstAuthor.split(',')[0]?.trim() : firstAuthor.split(/\s+/).at(-1)
  const name = family || entry.fields.title || entry.key
  const year = /\d{4}/.exec(entry.fields.date ?? entry.fields.year ?? '')?.[0]
  return year ? `${name} ${year}` : name
}

/**
 * Says with whom each conflicting figure conflicts: the report says only that it does.
 * Figures sorted by upper and by lower end give, by binary search, those wholly below and
 * wholly above a figure, so a measure with n figures costs O(n log n), not O(n²).
 */
export function reviewMeasure(measure: MeasureReportEntry): ReviewMeasure {
  const intervals = measure.figures.map((figure) => toInterval(figure.interval, measure.kind))
  const counted = measure.figures.map((_, index) => index).filter((index) => measure.figures[index]?.counted && intervals[index] !== undefined)
  const interval = (index: number) => intervals[index] as Interval
  const byUpper = [...counted].sort((a, b) => interval(a).hi - interval(b).hi)
  const byLower = [...counted].sort((a, b) => interval(b).lo - interval(a).lo)
  const figures = measure.figures.map((figure, index): ReviewMeasureFigure => {
    const own = intervals[index]
    const partners: number[] = []
    let total = 0
    if (own !== undefined && figure.counted && figure.conflicting) {
      // Wholly below: upper end at most our lower end (equal ends meet unless one is open).
      const below = byUpper.slice(0, upperBound(byUpper, (other) => interval(other).hi <= own.lo))
      const above = byLower.slice(0, upperBound(byLower, (other) => interval(other).lo >= own.hi))
      const seen = new Set<number>()
      for (const other of [...below, ...above]) {
        if (other === index || seen.has(other) || intersects(own, interval(other))) continue
        seen.add(other)
        total++
        if (partners.length < conflictListLimit) partners.push(other)
      }
    }
    const conflictsWith = [...new Set(partners.sort((a, b) => a - b).map((other) => measure.figures[other]?.claim ?? ''))]
    return {
      ...figure,
      valueText: figureValueText(figure.value),
      intervalText: own ? formatInterval(own, measure.kind) : '',
      conflictsWith,
      moreConflicts: total - partners.length
    }
  })
  return {...measure, figures}
}

/** The length of the prefix of `sorted` whose items satisfy `inPrefix` (a monotone test). */
function upperBound(sorted: readonly number[], inPrefix: (item: number) => boolean): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (inPrefix(sorted[middle] as number)) low = middle + 1
    else high = middle
  }
  return low
}

/** The report's interval (`null` ends, ISO days) as numbers; `undefined` when it cannot be read. */
export function toInterval(value: ReportInterval, kind: MeasureKind): Interval | undefined {
  const end = (end: number | string | null, side: 'lo' | 'hi'): number | undefined => {
    if (end === null) return side === 'lo' ? -Infinity : Infinity
    if (typeof end === 'number') return end
    return kind === 'date' ? dateInterval(end)?.lo : undefined
  }
  const lo = end(value.lo, 'lo')
  const hi = end(value.hi, 'hi')
  return lo === undefined || hi === undefined ? undefined : interval(lo, hi, value.loOpen, value.hiOpen)
}

function reviewReferences(result: LintResult<ClaimFacts>, options: ReferenceOptions | undefined): ReviewReference[] {
  const {corpus} = result
  const citedBy = new Map<string, Set<string>>()
  for (const claim of corpus.claims) {
    const id = claim.id ?? claim.stem
    for (const key of [...claim.sources.map((source) => source.key), ...claim.bodyCitations.map((citation) => citation.key)]) {
      const set = citedBy.get(key) ?? new Set<string>()
      set.add(id)
      citedBy.set(key, set)
    }
  }
  const formatted = new Map<string, string>()
  let order: string[] = []
  try {
    const references = formatReferences(toCsl(corpus.bibliography).items, options)
    for (const reference of references) formatted.set(reference.key, reference.html)
    order = references.map((reference) => reference.key)
  } catch {
    // A bibliography citeproc cannot format still gets listed, as plain text.
  }
  const entries = [...corpus.entriesByKey.values()]
  const rank = new Map(order.map((key, index) => [key, index]))
  entries.sort((a, b) => (rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity) || compareStrings(a.key, b.key))
  return entries.map((entry) => {
    const reference: ReviewReference = {
      key: entry.key,
      type: entry.type,
      tier: entry.tier,
      text: plainReference(entry),
      citedBy: [...(citedBy.get(entry.key) ?? [])].sort(compareStrings)
    }
    const html = formatted.get(entry.key)
    if (html !== undefined) reference.html = html
    return reference
  })
}

function plainReference(entry: BibEntry): string {
  const {author, editor, title, date, year} = entry.fields
  return [author ?? editor, title, date ?? year].filter((part) => part !== undefined && part !== '').join('. ') || entry.key
}
