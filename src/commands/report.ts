/**
 * `factlint report [root] --out reports/`: write every report of a corpus to a folder,
 * byte for byte the same on every run over the same corpus, and atomically: all files
 * are rendered in memory, written to a temporary folder beside the target, then renamed
 * into place one by one, so a failed run leaves the previous reports as they were.
 *
 * `reportFiles` is the one list of what gets written; the bibliography export and the
 * article join it by adding an entry.
 */
import {mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {assembleArticle} from '../assemble/index.js'
import {readSectionsFile} from '../corpus/sections.js'
import {exportBibliography} from '../export/index.js'
import {lintCorpus, UsageError, type LintResult} from '../lint.js'
import type {ClaimFacts} from '../types.js'
import {buildReport, type ReportData} from '../report/model.js'
import {buildReviewData, type ReviewData} from '../report/review.js'
import {formatHtml} from '../reporters/html.js'
import {formatJson} from '../reporters/json.js'
import {countsText, formatMarkdown} from '../reporters/markdown.js'
import {formatSarif} from '../reporters/sarif.js'
import {rootFromRepository} from './check.js'
import {exitStatus, type CommandIo} from './io.js'

export const reportHelp = `Usage: factlint report [root] [options]

Lint a corpus (default ./corpus) and write its reports to a folder:
  findings.json   the JSON report (schema/report.schema.json)
  findings.sarif  SARIF 2.1.0 for code scanning
  summary.md      a Markdown summary
  index.html      the review page, one self-contained file
  article.md      the claims put back together as Pandoc Markdown, with citations
  bibliography.bib   the bibliography as BibLaTeX (factlint export biblatex)
  bibliography.json  the bibliography as CSL-JSON (factlint export csl-json)

The same corpus always gives the same bytes. Files are replaced only when every
report could be made.

The review page follows the article's order of sections from the corpus's
sections.yaml; folders it does not list follow, numbered ones (01-…) first.

Options:
  --out <dir>   the folder to write (default: reports)
  -h, --help    show this help

Exit status: 0 no error, 1 errors in the corpus, 2 the command could not run.
`

/** Everything a report file is made from. */
export interface ReportInputs {
  result: LintResult<ClaimFacts>
  report: ReportData
  review: ReviewData
  /** Path of the corpus root relative to the repository root, `/`-separated. */
  rootFromRepository: string
  /** From the output folder to the repository root, ending in `/` (or empty): Markdown links. */
  repositoryFromOutput: string
  /** The output folder (absolute): files that refer to the corpus do so relative to it. */
  outputDirectory: string
}

export interface ReportFile {
  /** Path inside the output folder, `/`-separated. */
  name: string
  render(inputs: ReportInputs): string | Uint8Array
}

export const reportFiles: ReportFile[] = [
  {name: 'findings.json', render: ({report}) => formatJson(report)},
  {
    name: 'findings.sarif',
    render: ({report, result, rootFromRepository}) => formatSarif(report, {rootFromRepository, docsUrl: result.corpus.config.docsUrl})
  },
  {
    name: 'summary.md',
    render: ({report, rootFromRepository, repositoryFromOutput}) => formatMarkdown(report, {rootFromRepository, linkBase: repositoryFromOutput})
  },
  {name: 'index.html', render: ({review}) => formatHtml(review)},
  {
    // The claims put back together as a Pandoc document, citations and locators included.
    name: 'article.md',
    render: ({result, outputDirectory}) => assembleArticle({root: result.corpus.root, outputDirectory}).markdown
  },
  // The bibliography for LaTeX (biber) and for Pandoc and Zotero: `factlint export`'s output.
  {name: 'bibliography.bib', render: ({result}) => exportBibliography(result.corpus.bibliography, 'biblatex').output},
  {name: 'bibliography.json', render: ({result}) => exportBibliography(result.corpus.bibliography, 'csl-json').output}
]

export interface ReportArguments {
  root: string
  out: string
}

export function parseReportArguments(argv: string[]): ReportArguments | 'help' {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: {type: 'string', short: 'o'},
      help: {type: 'boolean', short: 'h'}
    }
  })
  if (values.help) return 'help'
  if (positionals.length > 1) throw new UsageError(`Unexpected arguments \`${positionals.slice(1).join(' ')}\`, expected one corpus folder`)
  return {root: positionals[0] ?? 'corpus', out: values.out ?? 'reports'}
}

/** Render every file in memory; throws before anything touches the disk. */
export function renderReports(inputs: ReportInputs, files: readonly ReportFile[] = reportFiles): Array<{name: string; content: string | Uint8Array}> {
  return files.map((file) => ({name: file.name, content: file.render(inputs)}))
}

/**
 * Write to a temporary folder beside `outDirectory`, then rename each file into place.
 * On any failure the temporary folder goes and the previous reports stay.
 */
export function writeReportsAtomically(outDirectory: string, files: ReadonlyArray<{name: string; content: string | Uint8Array}>): void {
  const target = path.resolve(outDirectory)
  const parent = path.dirname(target)
  mkdirSync(parent, {recursive: true})
  const staging = mkdtempSync(path.join(parent, `.${path.basename(target)}.tmp-`))
  try {
    for (const file of files) {
      const staged = path.join(staging, file.name)
      mkdirSync(path.dirname(staged), {recursive: true})
      writeFileSync(staged, file.content)
    }
    for (const file of files) {
      const destination = path.join(target, file.name)
      mkdirSync(path.dirname(destination), {recursive: true})
      renameSync(path.join(staging, file.name), destination)
    }
  } finally {
    rmSync(staging, {recursive: true, force: true})
  }
}

export async function runReport(argv: string[], io: CommandIo, files: readonly ReportFile[] = reportFiles): Promise<number> {
  const parsed = parseReportArguments(argv)
  if (parsed === 'help') {
    io.stdout(reportHelp)
    return exitStatus.ok
  }
  const absoluteRoot = path.resolve(io.cwd, parsed.root)
  const outDirectory = path.resolve(io.cwd, parsed.out)
  const result = lintCorpus({root: absoluteRoot, keepFacts: true})
  const sectionsFile = readSectionsFile(absoluteRoot)
  const report = buildReport(result)
  const fromRepository = rootFromRepository(absoluteRoot)
  const repositoryRoot = fromRepository === '' ? absoluteRoot : path.resolve(absoluteRoot, ...fromRepository.split('/').map(() => '..'))
  const relative = path.relative(outDirectory, repositoryRoot).split(path.sep).join('/')
  const inputs: ReportInputs = {
    result,
    report,
    review: buildReviewData(result, report, {
      ...(sectionsFile ? {sections: sectionsFile.sections} : {}),
      ...(sectionsFile?.title !== undefined ? {title: sectionsFile.title} : {})
    }),
    rootFromRepository: fromRepository,
    repositoryFromOutput: relative === '' ? '' : `${relative}/`,
    outputDirectory: outDirectory
  }
  const rendered = renderReports(inputs, files)
  writeReportsAtomically(outDirectory, rendered)
  io.stdout(`factlint report: wrote ${rendered.map((file) => file.name).join(', ')} to ${parsed.out} (${countsText(report.summary)})\n`)
  return report.summary.errors > 0 ? exitStatus.findings : exitStatus.ok
}
