/**
 * GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding,
 * which GitHub turns into annotations on the file and line (paths from the repository
 * root). Escaping follows `@actions/core`'s `command.ts`: data escapes `%`, CR and LF;
 * properties also `:` and `,`.
 */
import type {Finding, ReportData} from '../report/model.js'
import type {Severity} from '../types.js'
import {countsText, joinRepositoryPath, plural} from './markdown.js'

export interface GithubOptions {
  /** Path of the corpus root relative to the repository root, `/`-separated. */
  rootFromRepository: string
}

const commands: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'notice'}

export function formatGithub(report: ReportData, options: GithubOptions): string {
  const lines = report.findings.map((finding) => annotation(finding, options.rootFromRepository))
  lines.push(`factlint: ${countsText(report.summary)} in ${plural(report.summary.claims, 'claim')}`)
  return `${lines.join('\n')}\n`
}

function annotation(finding: Finding, rootFromRepository: string): string {
  const properties: Array<[string, string | number | undefined]> = []
  if (finding.file !== undefined) {
    properties.push(['file', joinRepositoryPath(rootFromRepository, finding.file)])
    properties.push(['line', finding.line], ['endLine', finding.endLine], ['col', finding.column], ['endColumn', finding.endColumn])
  }
  properties.push(['title', `factlint ${finding.rule}`])
  const list = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
    .join(',')
  const parts = [finding.message]
  if (finding.note) parts.push(finding.note)
  if (finding.cause) parts.push(`See also ${joinRepositoryPath(rootFromRepository, finding.cause.file)}${finding.cause.line ? `:${finding.cause.line}` : ''}`)
  return `::${commands[finding.severity]} ${list}::${escapeData(parts.join('\n'))}`
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
