/**
 * The shared vocabulary of factlint: positions, severities, the facts that the per-file
 * stages collect, and the shape of a rule. Everything per file is plain data (no class
 * instances, no Maps), so it can cross a worker thread or be cached as JSON.
 */
import type {Position as UnistPosition, Point as UnistPoint} from 'unist'
import type {Interval} from './figures/interval.js'

/** 1-based line and column, 0-based offset: the unist/vfile position model, the only one. */
export type Point = Required<Pick<UnistPoint, 'line' | 'column'>> & {offset?: number}
export type Place = {start: Point; end?: Point}
export type {UnistPosition}

export type Severity = 'error' | 'warning' | 'info'
export type SeveritySetting = Severity | 'off'

export const claimStatuses = ['draft', 'unverified', 'verified', 'disputed', 'retracted'] as const
export type ClaimStatus = (typeof claimStatuses)[number]

export const qualifiers = [
  'exact',
  'approx',
  'nearly',
  'at-least',
  'more-than',
  'at-most',
  'less-than',
  'range'
] as const
export type Qualifier = (typeof qualifiers)[number]

export const stances = ['supports', 'contradicts', 'context'] as const
export type Stance = (typeof stances)[number]

export const tiers = ['primary', 'scholarly', 'reference', 'press', 'popular', 'unknown'] as const
export type Tier = (typeof tiers)[number]

export const measureKinds = ['count', 'percent', 'length', 'duration', 'date'] as const
export type MeasureKind = (typeof measureKinds)[number]

/** A problem found while reading a file, before any rule runs (parse, schema). */
export interface StageProblem {
  reason: string
  place?: Place
  /** Extra detail for the reader, e.g. the allowed values. */
  note?: string
  actual?: string
  expected?: string[]
}

/** One entry of `sources:` (a bare string is normalised to `{key}`). */
export interface SourceCitation {
  key: string
  locator?: string
  quote?: string
  stance: Stance
  /** The list item. */
  place: Place
  /** The `key` value (or the bare string). */
  keyPlace: Place
  /** The `locator` value, when given. */
  locatorPlace?: Place
}

/** A figure value as written in the frontmatter. Dates are ISO strings (`1956-10-23`, `1956-10`, `1956`). */
export type FigureScalar = number | string
export type FigureValue = FigureScalar | {min: FigureScalar; max: FigureScalar}

/** One entry of `figures:`. */
export interface DeclaredFigure {
  index: number
  measure: string
  value: FigureValue
  qualifier: Qualifier
  text?: string
  unit?: string
  /** The list item. */
  place: Place
  /** Places of the item's fields that were given (`measure`, `value`, `qualifier`, `text`, `unit`). */
  fieldPlaces: Partial<Record<'measure' | 'value' | 'qualifier' | 'text' | 'unit', Place>>
}

/** A Pandoc citation in the body: `[@key, p. 5]`, `[see @a; @b]`, `@key`. */
export interface BodyCitation {
  key: string
  locator?: string
  place: Place
}

/** Text between double quotes (straight or curly) in the body. */
export interface Quotation {
  text: string
  place: Place
}

/** A run of body text with where it starts in the file, so a rule can point at words. */
export interface TextRun {
  value: string
  /** Offset of `value[0]` in the file. */
  offset: number
}

/**
 * Everything the per-file stages learn about one claim file. Rules read only this.
 * Fields are absent (or empty) when the frontmatter did not give a valid value; the
 * `schema` problems then say why, and rules whose inputs are missing stay silent.
 */
export interface ClaimFacts {
  /** Path relative to the corpus root, `/` separators. */
  path: string
  /** The file name without `.md`. */
  stem: string
  /** The article section: the folder under `claims/`. */
  section: string
  /** Problems that stop every other rule on this file (`frontmatter`). */
  frontmatterProblems: StageProblem[]
  /** Schema problems (`schema`): other rules still run on the valid parts. */
  schemaProblems: StageProblem[]
  /** Place of the whole frontmatter block, or line 1. */
  frontmatterPlace: Place
  id?: string
  idPlace?: Place
  status?: ClaimStatus
  statusPlace?: Place
  /** Whether `sources` was a valid list (an invalid one is a schema problem, not `uncited`). */
  sourcesValid: boolean
  sources: SourceCitation[]
  /** The `sources` key, or line 1 when it is missing. */
  sourcesPlace: Place
  figuresValid: boolean
  figures: DeclaredFigure[]
  origin?: string
  originPlace?: Place
  notFigures: string[]
  tags: string[]
  note?: string
  reviewed?: {by: string; on: string}
  /** The body as written (Markdown), and where it starts. */
  body: string
  bodyOffset: number
  bodyPlace: Place
  /** The body's prose, outside code, HTML and citations; offsets are file offsets. */
  bodyText: TextRun[]
  bodyCitations: BodyCitation[]
  quotations: Quotation[]
  /**
   * Offsets (in the file) where a line starts: `lineStarts[i]` is the offset of line i+1.
   * With it a rule turns any offset into a Point without the file text.
   */
  lineStarts: number[]
}

/** A citation of a source as the cross-file rules read it: no places, no quote. */
export type SourceReference = Pick<SourceCitation, 'key' | 'locator' | 'stance'>

/** A declared figure as the cross-file rules read it: its value and two places. */
export type FigureSummary = Pick<DeclaredFigure, 'index' | 'measure' | 'value' | 'qualifier' | 'text' | 'unit' | 'place'> & {
  fieldPlaces: Pick<DeclaredFigure['fieldPlaces'], 'value'>
  /**
   * The interval the value names under its measure, worked out by the per-file phase;
   * `null` when it names none (or the measure is unknown). Absent from full facts, whose
   * intervals are worked out when needed.
   */
  interval?: Interval | null
}

/**
 * What the cross-file rules and the report's summary read of a claim. A run keeps one per
 * claim file once its per-file rules have run and lets the rest of the facts go, so a
 * corpus of 100,000 claims does not hold 100,000 bodies and their places; the cache
 * stores exactly this. `ClaimFacts` has every field of it, so full facts can stand in.
 */
export interface ClaimSummary {
  path: string
  stem: string
  section: string
  id?: string
  idPlace?: Place
  status?: ClaimStatus
  sources: SourceReference[]
  figures: FigureSummary[]
  bodyCitations: Array<Pick<BodyCitation, 'key' | 'locator'>>
}

/** A bibliography entry as the adapter reads it (plain data). */
export interface BibEntry {
  key: string
  /** Entry type, lower-case, as written (`book`, `online`, `techreport`, …). */
  type: string
  tier: Tier
  /** Field names lower-case; values with braces and LaTeX commands resolved to text. */
  fields: Record<string, string>
  /** The `@type{key,` line. */
  place: Place
  fieldPlaces: Record<string, Place>
}

export interface Measure {
  id: string
  label: string
  kind: MeasureKind
  unit?: string
  tolerance: number
  disputed?: string
  place: Place
}

export interface Relation {
  id: string
  check: string
  note?: string
  place: Place
  /** The `check` value. */
  checkPlace: Place
}
