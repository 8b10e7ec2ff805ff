/**
 * The plain data every reporter reads: findings whitelisted from vfile messages (as
 * vfile-reporter-json does), the summary, and the measures section. Pure and sorted, so
 * reports are deterministic.
 */
import type {VFileMessage} from 'vfile-message'
import {isUnknownLocator} from '../citations/locator.js'
import {measureReport, type MeasureReportEntry} from '../figures/measure-report.js'
import {severityOf, type LintResult} from '../lint.js'
import type {Severity} from '../types.js'

export interface Location {
  file: string
  line?: number
  column?: number
  message?: string
}

export interface Finding {
  rule: string
  severity: Severity
  message: string
  file?: string
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  note?: string
  url?: string
  cause?: Location
}

export interface Summary {
  claims: number
  sources: number
  measures: number
  errors: number
  warnings: number
  infos: number
  unknownLocators: number
}

/** The JSON report (`schema/report.schema.json`). */
export interface ReportData {
  version: 1
  findings: Finding[]
  summary: Summary
  /**
   * Every measure with each claim's figure, sorted by id (see `src/figures/measure-report.ts`).
   * Optional only so that reports built by hand (reporter tests) need not carry it.
   */
  measures?: MeasureReportEntry[]
}

export function toFinding(message: VFileMessage): Finding {
  const finding: Finding = {rule: message.ruleId ?? 'unknown', severity: severityOf(message), message: message.reason}
  if (message.file) finding.file = message.file
  const start = message.place && 'start' in message.place ? message.place.start : message.place
  const end = message.place && 'end' in message.place ? message.place.end : undefined
  if (start?.line) {
    finding.line = start.line
    finding.column = start.column
  }
  if (end?.line) {
    finding.endLine = end.line
    finding.endColumn = end.column
  }
  if (message.note) finding.note = message.note
  if (message.url) finding.url = message.url
  const cause = message.cause as VFileMessage | undefined
  if (cause && typeof cause === 'object' && 'file' in cause && cause.file) {
    const location: Location = {file: cause.file}
    if (cause.line) location.line = cause.line
    if (cause.column) location.column = cause.column
    if (cause.reason) location.message = cause.reason
    finding.cause = location
  }
  return finding
}

export function summarize(result: LintResult, findings: readonly Finding[]): Summary {
  let unknownLocators = 0
  for (const claim of result.corpus.claims) {
    for (const source of claim.sources) if (source.locator !== undefined && isUnknownLocator(source.locator)) unknownLocators++
  }
  return {
    claims: result.corpus.allClaims.length,
    sources: result.corpus.bibliography.entries.length,
    measures: Object.keys(result.corpus.measures.measures).length,
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
    infos: findings.filter((finding) => finding.severity === 'info').length,
    unknownLocators
  }
}

export interface BuildReportOptions {
  /** Paths relative to the root: only their findings (and corpus-wide ones) are shown. */
  onlyFiles?: ReadonlySet<string>
  /** Include the measures section (default true); formats that never show it skip its cost. */
  measures?: boolean
}

/**
 * Build the report. `onlyFiles` limits the findings shown, while every rule still saw the
 * whole corpus; corpus-wide findings are always kept, and so is the measures section,
 * since a conflict involves files outside the selection.
 */
export function buildReport(result: LintResult, options: BuildReportOptions = {}): ReportData {
  const {onlyFiles} = options
  const findings = result.messages
    .filter((message) => !onlyFiles || !message.file || onlyFiles.has(message.file))
    .map(toFinding)
  const report: ReportData = {version: 1, findings, summary: summarize(result, findings)}
  if (options.measures ?? true) report.measures = measureReport(result.corpus)
  return report
}
