/**
 * The coverage report as text (after the stylish reporter: grouped by file, one row per
 * place) and as JSON. Pure functions of the report, deterministic.
 */
import type {CoverageReport} from './index.js'

export interface CoverageFormatOptions {
  color?: boolean
  /** Prefix for claim paths (the corpus root as typed), so they can be clicked. */
  root?: string
}

const codes = {red: [31, 39], yellow: [33, 39], green: [32, 39], dim: [2, 22], underline: [4, 24]} as const

export function formatCoverageStylish(report: CoverageReport, options: CoverageFormatOptions = {}): string {
  const paint = (style: keyof typeof codes, text: string) => (options.color ? `\u001B[${codes[style][0]}m${text}\u001B[${codes[style][1]}m` : text)
  const lines: string[] = []
  const uncovered = report.sentences.filter((sentence) => !sentence.covered && !sentence.ignored)
  if (uncovered.length > 0) {
    lines.push(paint('underline', report.article))
    const width = Math.max(...uncovered.map((sentence) => `${sentence.line}:${sentence.column}`.length))
    for (const sentence of uncovered) {
      lines.push(`  ${paint('dim', `${sentence.line}:${sentence.column}`.padEnd(width))}  ${paint('yellow', 'uncovered')}  ${sentence.text}`)
    }
    lines.push('')
  }
  const byFile = new Map<string, CoverageReport['findings']>()
  for (const finding of report.findings) byFile.set(finding.file ?? '', [...(byFile.get(finding.file ?? '') ?? []), finding])
  for (const [file, findings] of byFile) {
    lines.push(paint('underline', joinPath(options.root, file)))
    for (const finding of findings) {
      const note = finding.note === undefined ? '' : ` (${finding.note})`
      lines.push(`  ${paint('dim', `${finding.line ?? 1}:${finding.column ?? 1}`)}  ${paint('red', finding.severity)}  ${finding.message}${note}  ${paint('dim', finding.rule)}`)
    }
    lines.push('')
  }
  if (report.unusedIgnores.length > 0) {
    lines.push(paint('underline', 'ignore list'))
    for (const line of report.unusedIgnores) lines.push(`  ${paint('yellow', 'unused')}  ${line}  ${paint('dim', '(no sentence of the article reads so)')}`)
    lines.push('')
  }
  const {summary} = report
  const percent = formatShare(summary.share)
  const parts = [`${percent} of ${summary.factual} fact-stating sentences covered (${summary.covered})`]
  if (summary.ignored > 0) parts.push(`${summary.ignored} stating no fact ignored`)
  if (summary.claimsWithoutOrigin > 0) parts.push(`${summary.claimsWithoutOrigin} claims without origin`)
  if (summary.originsNotFound > 0) parts.push(`${summary.originsNotFound} ${summary.originsNotFound === 1 ? 'origin' : 'origins'} not found`)
  const style = summary.originsNotFound > 0 ? 'red' : summary.uncovered > 0 ? 'yellow' : 'green'
  lines.push(paint(style, `${summary.originsNotFound > 0 ? '✖' : summary.uncovered > 0 ? '!' : '✔'} ${parts.join('; ')}`))
  return `${lines.join('\n')}\n`
}

/** `95.2%`; never rounds up to 100% while a sentence is uncovered. */
export function formatShare(share: number): string {
  const tenths = Math.floor(share * 1000 + 1e-9) / 10
  return `${tenths.toFixed(tenths === 100 ? 0 : 1)}%`
}

export function formatCoverageJson(report: CoverageReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

function joinPath(root: string | undefined, file: string): string {
  if (!root || root === '.') return file
  return `${root.replace(/\/+$/, '')}/${file}`
}
