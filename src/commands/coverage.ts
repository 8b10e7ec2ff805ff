/**
 * `factlint coverage [root] --article PATH`: which sentences of the article no claim
 * covers, which origins the article does not contain, and the share covered.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {UsageError} from '../lint.js'
import {coverageOfCorpus} from '../coverage/index.js'
import {formatCoverageJson, formatCoverageStylish} from '../coverage/format.js'
import {corpusFolderArgument, exitStatus, type CommandIo} from './io.js'

export const coverageHelp = `Usage: factlint coverage [root] --article <file> [options]

Match the corpus's claims (default ./corpus) against the article they were split
from: list the sentences that no claim's origin covers, report origins the article
does not contain (rule origin-not-found, an error), and the share of the article's
fact-stating sentences covered. Whitespace, quotes, apostrophes and dashes are
normalised before matching.

Options:
  --article <file>        the article (.md or .txt), required
  --ignore <file>         sentences that state no fact, one per line (# comments);
                          they do not count in the share
  --min-coverage <pct>    exit 1 when less than this share is covered (0–100)
  --format <name>         stylish (default), json
  --color, --no-color     force colour on or off
  -h, --help              show this help

Exit status: 0 fine, 1 an origin not found (or coverage under --min-coverage),
2 the command could not run.
`

export async function runCoverage(argv: string[], io: CommandIo): Promise<number> {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      article: {type: 'string', short: 'a'},
      ignore: {type: 'string'},
      'min-coverage': {type: 'string'},
      format: {type: 'string', short: 'f'},
      color: {type: 'boolean'},
      'no-color': {type: 'boolean'},
      help: {type: 'boolean', short: 'h'}
    }
  })
  if (values.help) {
    io.stdout(coverageHelp)
    return exitStatus.ok
  }
  const {rootArgument, root} = corpusFolderArgument(positionals, io.cwd)
  if (values.article === undefined) throw new UsageError('Missing --article <file>: the article the claims were split from')
  const articleText = readTextFile(io.cwd, values.article, 'article')
  const ignore = values.ignore === undefined ? [] : readTextFile(io.cwd, values.ignore, 'ignore list').split(/\r?\n/)
  const format = values.format ?? 'stylish'
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`Unknown format \`${format}\`; choose one of stylish, json`)
  let minimum: number | undefined
  if (values['min-coverage'] !== undefined) {
    minimum = Number(values['min-coverage'].replace(/%$/, ''))
    if (!Number.isFinite(minimum) || minimum < 0 || minimum > 100) throw new UsageError(`Unexpected --min-coverage \`${values['min-coverage']}\`, expected a percentage from 0 to 100`)
  }

  const report = coverageOfCorpus(root, values.article, articleText, ignore, values.article)
  const color = values['no-color'] ? false : (values.color ?? (io.isTTY && !io.env.NO_COLOR))
  io.stdout(format === 'json' ? formatCoverageJson(report) : formatCoverageStylish(report, {color, root: rootArgument}))
  const underMinimum = minimum !== undefined && report.summary.share * 100 < minimum - 1e-9
  if (underMinimum) io.stderr(`factlint coverage: ${(report.summary.share * 100).toFixed(1)}% covered, less than --min-coverage ${minimum}\n`)
  return report.summary.originsNotFound > 0 || underMinimum ? exitStatus.findings : exitStatus.ok
}

function readTextFile(cwd: string, file: string, what: string): string {
  const absolute = path.resolve(cwd, file)
  if (!existsSync(absolute) || !statSync(absolute).isFile()) throw new UsageError(`No ${what} at \`${file}\``)
  return readFileSync(absolute, 'utf8')
}
