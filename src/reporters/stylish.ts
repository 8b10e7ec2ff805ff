/**
 * The terminal report, after ESLint's stylish and vfile-reporter: findings grouped by
 * file, `line:column  severity  message  rule-id`, a summary line; colour only when asked.
 */
import type {Finding, ReportData} from '../report/model.js'
import type {Severity} from '../types.js'

export interface StylishOptions {
  color?: boolean
  /** Prefix for file paths (the corpus root as the user typed it), so they can be clicked. */
  root?: string
}

const codes = {red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24]} as const
type Style = keyof typeof codes

export function formatStylish(report: ReportData, options: StylishOptions = {}): string {
  const paint = (style: Style, text: string) => (options.color ? `\u001B[${codes[style][0]}m${text}\u001B[${codes[style][1]}m` : text)
  const severityStyle: Record<Severity, Style> = {error: 'red', warning: 'yellow', info: 'blue'}
  const groups = new Map<string, Finding[]>()
  for (const finding of report.findings) {
    const key = finding.file ?? ''
    const list = groups.get(key)
    if (list) list.push(finding)
    else groups.set(key, [finding])
  }
  const lines: string[] = []
  for (const [file, findings] of groups) {
    lines.push(paint('underline', file === '' ? '(corpus)' : joinPath(options.root, file)))
    const rows = findings.map((finding) => [
      finding.line === undefined ? '' : `${finding.line}:${finding.column ?? 1}`,
      finding.severity,
      finding.message.replace(/\s*\n\s*/g, ' '),
      finding.rule
    ])
    const width = [0, 1].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)))
    for (const [index, row] of rows.entries()) {
      const severity = (findings[index] as Finding).severity
      lines.push(
        `  ${paint('dim', (row[0] ?? '').padEnd(width[0] ?? 0))}  ${paint(severityStyle[severity], (row[1] ?? '').padEnd(width[1] ?? 0))}  ${row[2] ?? ''}  ${paint('dim', row[3] ?? '')}`
      )
    }
    lines.push('')
  }
  const {errors, warnings, infos, claims, sources} = report.summary
  const total = errors + warnings + infos
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`
  const corpus = `${plural(claims, 'claim')}, ${plural(sources, 'source')}`
  const style: Style = errors > 0 ? 'red' : warnings > 0 ? 'yellow' : 'bold'
  lines.push(paint(style, `${total === 0 ? '✔ no problems' : `✖ ${plural(total, 'problem')} (${counts})`} in ${corpus}`))
  return `${lines.join('\n')}\n`
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function joinPath(root: string | undefined, file: string): string {
  if (!root || root === '.') return file
  return `${root.replace(/\/+$/, '')}/${file}`
}
