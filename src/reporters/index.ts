/**
 * The formatters of `factlint check --format`: pure functions from the report to text.
 */
import type {ReportData} from '../report/model.js'
import {formatGithub} from './github.js'
import {formatJson, formatJsonChunks} from './json.js'
import {formatMarkdown} from './markdown.js'
import {formatSarif, formatSarifChunks, type SarifOptions} from './sarif.js'
import {formatStylish} from './stylish.js'

export interface FormatContext {
  /** The corpus root as the user typed it (stylish prefixes paths with it). */
  root: string
  /** Path of the corpus root relative to the repository root, `/`-separated (SARIF, GitHub annotations). */
  rootFromRepository: string
  color: boolean
  /** Where the rule pages live (the config's `docsUrl`); SARIF's `helpUri`s. Default: the project's docs. */
  docsUrl?: string
  /** Prefix of Markdown links to files, ending in `/` (a blob URL, or `../` from `reports/`). */
  linkBase?: string
}

export type Formatter = (report: ReportData, context: FormatContext) => string

/** A formatter that gives its text in pieces, for reports too large to hold as one string. */
export type ChunkedFormatter = (report: ReportData, context: FormatContext) => Iterable<string>

function sarifOptions(context: FormatContext): SarifOptions {
  return {rootFromRepository: context.rootFromRepository, ...(context.docsUrl ? {docsUrl: context.docsUrl} : {})}
}

export const formatters: Record<string, Formatter> = {
  stylish: (report, context) => formatStylish(report, {color: context.color, root: context.root}),
  json: (report) => formatJson(report),
  sarif: (report, context) => formatSarif(report, sarifOptions(context)),
  github: (report, context) => formatGithub(report, {rootFromRepository: context.rootFromRepository}),
  markdown: (report, context) => formatMarkdown(report, {rootFromRepository: context.rootFromRepository, ...(context.linkBase ? {linkBase: context.linkBase} : {})})
}

/** The formats whose text can be written piece by piece; the pieces join to the formatter's text. */
export const chunkedFormatters: Record<string, ChunkedFormatter> = {
  json: (report) => formatJsonChunks(report),
  sarif: (report, context) => formatSarifChunks(report, sarifOptions(context))
}
