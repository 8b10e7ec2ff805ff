/**
 * A Markdown summary for `$GITHUB_STEP_SUMMARY`, a pull-request comment or a committed
 * `reports/summary.md`: counts by rule and severity, then the findings, errors first,
 * each linked to its file and line. Corpus text is escaped so that a message cannot
 * inject Markdown or HTML; the values that messages quote in backticks stay code spans.
 */
import type {Finding, ReportData, Summary} from '../report/model.js'
import type {Severity} from '../types.js'

export interface MarkdownOptions {
  /** Path of the corpus root relative to the repository root, `/`-separated. */
  rootFromRepository: string
  /**
   * Prefix of links to files, ending in `/`: a blob URL (`https://github.com/o/r/blob/<sha>/`)
   * or a relative path from the summary to the repository root (`../`). Without it links
   * are relative to the repository root.
   */
  linkBase?: string
  /** Findings listed per severity before "and N more" (the step summary holds 1 MiB). */
  limit?: number
}

const headings: Record<Severity, string> = {error: 'Errors', warning: 'Warnings', info: 'Infos'}
const order: Severity[] = ['error', 'warning', 'info']

export function formatMarkdown(report: ReportData, options: MarkdownOptions): string {
  const {summary} = report
  const limit = options.limit ?? 500
  const out: string[] = []
  const total = summary.errors + summary.warnings + summary.infos
  out.push(
    total === 0
      ? '## factlint: no problems'
      : `## factlint: ${countsText(summary)}`
  )
  out.push('', `${plural(summary.claims, 'claim')}, ${plural(summary.sources, 'source')}, ${plural(summary.unknownLocators, 'unknown locator')}.`)
  if (total > 0) out.push('', ...ruleTable(report.findings))
  for (const severity of order) {
    const findings = report.findings.filter((finding) => finding.severity === severity)
    if (findings.length === 0) continue
    const items = findings.slice(0, limit).map((finding) => `- ${findingLine(finding, options)}`)
    if (findings.length > limit) items.push(`- …and ${findings.length - limit} more`)
    // Errors stay open; warnings and infos fold away so that a comment stays short.
    if (severity === 'error') out.push('', `### ${headings[severity]} (${findings.length})`, '', ...items)
    else out.push('', `<details><summary>${headings[severity]} (${findings.length})</summary>`, '', ...items, '', '</details>')
  }
  return `${out.join('\n')}\n`
}

/**
 * The blob URL of the commit under test in GitHub Actions (`https://github.com/o/r/blob/<sha>/`),
 * so that the step summary's links open the files; `undefined` elsewhere.
 */
export function githubBlobBase(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const {GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha} = env
  if (!server || !repository || !sha) return undefined
  return `${server.replace(/\/+$/, '')}/${repository}/blob/${sha}/`
}

/** Rules with the most errors first, then warnings, infos, and id. */
function ruleTable(findings: readonly Finding[]): string[] {
  const rows = new Map<string, {url?: string; counts: Record<Severity, number>}>()
  for (const finding of findings) {
    let row = rows.get(finding.rule)
    if (!row) {
      row = {counts: {error: 0, warning: 0, info: 0}}
      if (finding.url) row.url = finding.url
      rows.set(finding.rule, row)
    }
    row.counts[finding.severity]++
  }
  const sorted = [...rows.entries()].sort(
    ([a, x], [b, y]) => y.counts.error - x.counts.error || y.counts.warning - x.counts.warning || y.counts.info - x.counts.info || (a < b ? -1 : a > b ? 1 : 0)
  )
  return [
    '| Rule | Errors | Warnings | Infos |',
    '| --- | ---: | ---: | ---: |',
    ...sorted.map(([rule, row]) => {
      const name = row.url ? `[\`${rule}\`](${linkDestination(row.url)})` : `\`${rule}\``
      return `| ${name} | ${row.counts.error} | ${row.counts.warning} | ${row.counts.info} |`
    })
  ]
}

function findingLine(finding: Finding, options: MarkdownOptions): string {
  const message = inlineMarkdown(finding.message.replace(/\s*\n\s*/g, ' '))
  if (finding.file === undefined) return `(corpus) ${message} (\`${finding.rule}\`)`
  const repositoryPath = joinRepositoryPath(options.rootFromRepository, finding.file)
  const label = `${repositoryPath}${finding.line === undefined ? '' : `:${finding.line}:${finding.column ?? 1}`}`
  return `[${codeSpan(label)}](${fileLink(repositoryPath, finding.line, options.linkBase ?? '')}) ${message} (\`${finding.rule}\`)`
}

/** Markdown files render on GitHub, so their line anchors need the source view (`?plain=1`). */
function fileLink(repositoryPath: string, line: number | undefined, linkBase: string): string {
  const encoded = repositoryPath.split('/').map(encodeURIComponent).join('/')
  const query = line !== undefined && repositoryPath.endsWith('.md') ? '?plain=1' : ''
  return linkDestination(`${linkBase}${encoded}${query}${line === undefined ? '' : `#L${line}`}`)
}

/** Parentheses, angle brackets and spaces would end or change a link destination. */
function linkDestination(url: string): string {
  return url.replace(/[()<>\s]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** Escape Markdown and HTML outside code spans; keep the spans that messages use for values. */
export function inlineMarkdown(text: string): string {
  let result = ''
  let rest = text
  for (;;) {
    const match = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/.exec(rest)
    if (!match) break
    result += escapeText(rest.slice(0, match.index)) + match[0]
    rest = rest.slice(match.index + match[0].length)
  }
  return result + escapeText(rest)
}

function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>&~|#]/g, '\\$&')
}

/** A code span that holds any text: a fence longer than any backtick run inside. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/** `1 error, 2 warnings, 0 infos`: the counts every summary line starts from. */
export function countsText(summary: Pick<Summary, 'errors' | 'warnings' | 'infos'>): string {
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}`
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** A corpus path from the repository root. */
export function joinRepositoryPath(rootFromRepository: string, file: string): string {
  return rootFromRepository === '' ? file : `${rootFromRepository.replace(/\/+$/, '')}/${file}`
}
