import type {ReportData} from '../report/model.js'

/** The JSON report: stable key order, two-space indent, trailing newline. */
export function formatJson(report: ReportData): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
