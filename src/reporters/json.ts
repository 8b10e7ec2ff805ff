import type {ReportData} from '../report/model.js'
import {jsonDocumentChunks} from './json-chunks.js'

/** The JSON report, piece by piece: stable key order, two-space indent, trailing newline. */
export function formatJsonChunks(report: ReportData): Generator<string> {
  return jsonDocumentChunks(report)
}

/** The JSON report as one string. */
export function formatJson(report: ReportData): string {
  return [...formatJsonChunks(report)].join('')
}
