import type {ReportData} from '../report/model.js'
import {jsonChunks} from './json-chunks.js'

/** The JSON report, piece by piece: stable key order, two-space indent, trailing newline. */
export function* formatJsonChunks(report: ReportData): Generator<string> {
  yield* jsonChunks(report)
  yield '\n'
}

/** The JSON report as one string. */
export function formatJson(report: ReportData): string {
  return [...formatJsonChunks(report)].join('')
}
