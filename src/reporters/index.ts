/**
 * The formatters of `factlint check --format`: pure functions from the report to text.
 */
import type {ReportData} from '../report/model.js'
import {formatJson} from './json.js'
import {formatStylish} from './stylish.js'

export interface FormatContext {
  /** The corpus root as the user typed it (stylish prefixes paths with it). */
  root: string
  /** Path of the corpus root relative to the repository root, `/`-separated (SARIF, GitHub annotations). */
  rootFromRepository: string
  color: boolean
}

export type Formatter = (report: ReportData, context: FormatContext) => string

export const formatters: Record<string, Formatter> = {
  stylish: (report, context) => formatStylish(report, {color: context.color, root: context.root}),
  json: (report) => formatJson(report)
}
