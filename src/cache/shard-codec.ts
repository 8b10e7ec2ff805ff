/**
 * The cache's shards on disk: each entry as positional arrays, not objects with keys.
 *
 * A re-check parses every shard (the cross-file rules need every claim's summary), so
 * their parsing is a large part of it. Objects with named fields made 10.5 MB of JSON at
 * 10,000 claims, most of it places (`{start: {line, column, offset}, end: …}`, three
 * objects each) and field names; as arrays the same data is about half as large and is
 * read back in about half the time, with fewer objects for the garbage collector.
 *
 * Decoding gives back exactly what was encoded, with the fields in the order the per-file
 * phase writes them (`summarizeClaim`), so a cached run's report is byte for byte a full
 * run's. Anything that is not of the usual shape (a place without offsets, a report with
 * a `cause`) is kept as it is, not packed. JSON has no infinite numbers and no -0: an
 * interval's infinite ends are written as `null`, and any other number that is not
 * finite, or -0, as `{"\u0000number": "Infinity"}`, revived in the shards that hold one.
 */
import type {Interval} from '../figures/interval.js'
import type {FileOutcome, RuleReport} from '../pipeline/check-file.js'
import type {RuleId} from '../rules/index.js'
import type {ClaimStatus, ClaimSummary, FigureSummary, Place, Point, SourceReference} from '../types.js'

export interface FileStamp {
  size: number
  mtimeMs: number
  ctimeMs: number
  ino: number
}

export interface CacheEntry {
  /** SHA-1 of the file's bytes (base64). */
  hash: string
  stamp: FileStamp
  /** When the stamp was taken (ms since the epoch). */
  stampedAt: number
  outcome: FileOutcome
}

/** `[line, column, offset]` of the start, then the same of the end when there is one. */
type PackedPlace = [number, number, number] | [number, number, number, number, number, number]
type StoredPlace = PackedPlace | Place
type StoredInterval = [lo: number | null, hi: number | null, loOpen: 0 | 1, hiOpen: 0 | 1]

/** A source: key, locator (`null`: none), stance. */
type StoredSources = Array<string | null>
/** A figure: index, measure, value, qualifier, text, unit, place, value's place, interval (`null`: none, so `undefined` is absent). */
type StoredFigure = [
  index: number,
  measure: string,
  value: FigureSummary['value'],
  qualifier: FigureSummary['qualifier'],
  text: string | null,
  unit: string | null,
  place: StoredPlace,
  valuePlace: StoredPlace | null,
  interval: StoredInterval | null | 0
]
/** A claim: the path when it is not the entry's (`null`), stem, section, id, its place, status, sources, figures, body citations (key, locator). */
type StoredClaim = [
  path: string | null,
  stem: string,
  section: string,
  id: string | null,
  idPlace: StoredPlace | null,
  status: ClaimStatus | null,
  sources: StoredSources,
  figures: StoredFigure[],
  bodyCitations: Array<string | null>
]
/** A report: its file (0: the entry's, `null`: none), rule, reason, place, any other fields. */
type StoredReport = [file: string | 0 | null, ruleId: RuleId, reason: string, place: StoredPlace | null, rest: Omit<RuleReport, 'file' | 'ruleId' | 'reason' | 'place'> | 0]
/** An entry: path, content hash, size, mtime, ctime, inode, when stamped, readable (1/0), claim, reports. */
type StoredEntry = [path: string, hash: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, stampedAt: number, readable: 0 | 1, claim: StoredClaim, reports: StoredReport[]]

interface ShardFile {
  fingerprint: string
  entries: StoredEntry[]
}

const nonFinite = '\u0000number'

/** A shard's JSON (`decodeShard` reads it back). */
export function encodeShard(fingerprint: string, entries: Map<string, CacheEntry>): string {
  const stored: StoredEntry[] = []
  for (const [file, {hash, stamp, stampedAt, outcome}] of entries) {
    stored.push([file, hash, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, stampedAt, outcome.readable ? 1 : 0, packClaim(outcome.claim, file), outcome.reports.map((report) => packReport(report, file))])
  }
  return asciiOnly(JSON.stringify({fingerprint, entries: stored} satisfies ShardFile))
}

/**
 * JSON with every character beyond ASCII escaped (`\u00e9`), so that the shard can be
 * read as Latin-1 bytes: Node reads that three times as fast as UTF-8, and one non-ASCII
 * character no longer makes the whole text, and the strings parsed from it, two bytes a
 * character. Escaping is valid JSON and gives back the same strings.
 */
function asciiOnly(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * A shard's entries from its JSON (read as Latin-1, see `asciiOnly`); none when it was
 * written under another fingerprint. Throws on bad JSON.
 */
export function decodeShard(text: string, fingerprint: string): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>()
  const shard = (text.includes(JSON.stringify(nonFinite)) ? JSON.parse(text, readNonFinite) : JSON.parse(text)) as ShardFile
  if (shard.fingerprint !== fingerprint) return entries
  for (const [file, hash, size, mtimeMs, ctimeMs, ino, stampedAt, readable, claim, reports] of shard.entries) {
    const outcome: FileOutcome = {claim: unpackClaim(claim, file), readable: readable === 1, reports: reports.map((report) => unpackReport(report, file))}
    entries.set(file, {hash, stamp: {size, mtimeMs, ctimeMs, ino}, stampedAt, outcome})
  }
  return entries
}

function packClaim(claim: ClaimSummary, file: string): StoredClaim {
  const sources: StoredSources = []
  for (const {key, locator, stance} of claim.sources) sources.push(key, locator ?? null, stance)
  const bodyCitations: Array<string | null> = []
  for (const {key, locator} of claim.bodyCitations) bodyCitations.push(key, locator ?? null)
  return [
    claim.path === file ? null : claim.path,
    claim.stem,
    claim.section,
    claim.id ?? null,
    claim.idPlace ? packPlace(claim.idPlace) : null,
    claim.status ?? null,
    sources,
    claim.figures.map(packFigure),
    bodyCitations
  ]
}

function unpackClaim(stored: StoredClaim, file: string): ClaimSummary {
  const [path, stem, section, id, idPlace, status, storedSources, storedFigures, storedCitations] = stored
  const sources: SourceReference[] = []
  for (let index = 0; index < storedSources.length; index += 3) {
    const key = storedSources[index] as string
    const locator = storedSources[index + 1]
    const stance = storedSources[index + 2] as SourceReference['stance']
    sources.push(locator === null || locator === undefined ? {key, stance} : {key, locator, stance})
  }
  const bodyCitations: ClaimSummary['bodyCitations'] = []
  for (let index = 0; index < storedCitations.length; index += 2) {
    const key = storedCitations[index] as string
    const locator = storedCitations[index + 1]
    bodyCitations.push(locator === null || locator === undefined ? {key} : {key, locator})
  }
  // The fields in `summarizeClaim`'s order.
  const claim: ClaimSummary = {path: path ?? file, stem, section, sources, figures: storedFigures.map(unpackFigure), bodyCitations}
  if (id !== null) claim.id = id
  if (idPlace !== null) claim.idPlace = unpackPlace(idPlace)
  if (status !== null) claim.status = status
  return claim
}

function packFigure(figure: FigureSummary): StoredFigure {
  const {interval} = figure
  return [
    figure.index,
    figure.measure,
    packValue(figure.value),
    figure.qualifier,
    figure.text ?? null,
    figure.unit ?? null,
    packPlace(figure.place),
    figure.fieldPlaces.value ? packPlace(figure.fieldPlaces.value) : null,
    interval === undefined ? 0 : interval === null ? null : [interval.lo === -Infinity ? null : packNumber(interval.lo), interval.hi === Infinity ? null : packNumber(interval.hi), interval.loOpen ? 1 : 0, interval.hiOpen ? 1 : 0]
  ]
}

function unpackFigure(stored: StoredFigure): FigureSummary {
  const [index, measure, value, qualifier, text, unit, place, valuePlace, storedInterval] = stored
  // The fields in `summarizeFigure`'s order.
  const figure: FigureSummary = {index, measure, value, qualifier, place: unpackPlace(place), fieldPlaces: {}}
  if (storedInterval !== 0) figure.interval = storedInterval === null ? null : unpackInterval(storedInterval)
  if (text !== null) figure.text = text
  if (unit !== null) figure.unit = unit
  if (valuePlace !== null) figure.fieldPlaces.value = unpackPlace(valuePlace)
  return figure
}

function unpackInterval([lo, hi, loOpen, hiOpen]: StoredInterval): Interval {
  return {lo: lo ?? -Infinity, hi: hi ?? Infinity, loOpen: loOpen === 1, hiOpen: hiOpen === 1}
}

function packReport(report: RuleReport, file: string): StoredReport {
  const {file: reportFile, ruleId, reason, place, ...rest} = report
  return [reportFile === file ? 0 : (reportFile ?? null), ruleId, reason, place ? packPlace(place) : null, Object.keys(rest).length > 0 ? rest : 0]
}

function unpackReport([reportFile, ruleId, reason, place, rest]: StoredReport, file: string): RuleReport {
  const report: RuleReport = rest === 0 ? {ruleId, reason} : {ruleId, reason, ...rest}
  if (reportFile !== null) report.file = reportFile === 0 ? file : reportFile
  if (place !== null) report.place = unpackPlace(place)
  return report
}

/** A point of the usual shape: exactly `line`, `column` and `offset`, all numbers. */
function plainPoint(point: Point | undefined): point is Required<Point> {
  if (!point || typeof point.offset !== 'number') return false
  let keys = 0
  for (const _key in point) keys++
  return keys === 3 && typeof point.line === 'number' && typeof point.column === 'number'
}

function packPlace(place: Place): StoredPlace {
  let keys = 0
  for (const _key in place) keys++
  const {start, end} = place
  if (!plainPoint(start)) return place
  if (keys === 1) return [start.line, start.column, start.offset]
  if (keys !== 2 || !plainPoint(end)) return place
  return [start.line, start.column, start.offset, end.line, end.column, end.offset]
}

function unpackPlace(stored: StoredPlace): Place {
  if (!Array.isArray(stored)) return stored
  const start = {line: stored[0], column: stored[1], offset: stored[2]}
  return stored.length === 3 ? {start} : {start, end: {line: stored[3], column: stored[4], offset: stored[5]}}
}

/**
 * The numbers JSON cannot hold are marked where they can occur: figure values and
 * interval ends (places, sizes and times are always finite). A replacer function for
 * `JSON.stringify` would do it everywhere, but calls back for every value: it made
 * writing a shard several times slower.
 */
function packNumber(value: number): number {
  // JSON writes -0 as 0, and infinities and NaN as null.
  if (Number.isFinite(value) && !Object.is(value, -0)) return value
  return {[nonFinite]: Object.is(value, -0) ? '-0' : String(value)} as unknown as number
}

function packValue(value: FigureSummary['value']): FigureSummary['value'] {
  if (typeof value === 'number') return packNumber(value)
  if (typeof value !== 'object' || value === null) return value
  const {min, max} = value
  return typeof min !== 'number' && typeof max !== 'number' ? value : {...value, min: typeof min === 'number' ? packNumber(min) : min, max: typeof max === 'number' ? packNumber(max) : max}
}

function readNonFinite(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, nonFinite)) return value
  return Number((value as Record<string, string>)[nonFinite])
}
