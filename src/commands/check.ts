/**
 * `factlint check [root] [files…]`: lint a corpus and print the findings.
 */
import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {cacheStrategies, defaultCacheLocation, type CacheOptions, type CacheStrategy} from '../cache/claim-cache.js'
import {lintCorpus, UsageError, type LintOptions} from '../lint.js'
import {buildReport, type ReportData} from '../report/model.js'
import {chunkedFormatters, formatters, type FormatContext} from '../reporters/index.js'
import {githubBlobBase} from '../reporters/markdown.js'
import type {SeveritySetting} from '../types.js'
import {exitStatus, type CommandIo} from './io.js'
import {stage, timingEnabled, timingTable} from '../timing.js'

export const checkHelp = (): string => `Usage: factlint check [root] [files…] [options]

Lint a corpus (default ./corpus). Named files limit what is reported; the
cross-file rules still see the whole corpus.

Options:
  --format <name>      ${Object.keys(formatters).join(', ')} (default: stylish,
                       or github when GITHUB_ACTIONS=true)
  --quiet              report errors only
  --max-warnings <n>   exit 1 when there are more than n warnings
  --rule <id=sev>      set a rule's severity: off, info, warning, error (repeatable)
  --cache              check only the claim files that changed since the last
                       --cache run (cross-file rules still see every file)
  --cache-location <p> where the cache lives (default node_modules/.cache/factlint)
  --cache-strategy <s> metadata (default: trust unchanged size and times) or
                       content (hash every file)
  --color, --no-color  force colour on or off
  -h, --help           show this help

Exit status: 0 no error, 1 errors (or too many warnings), 2 the command could not run.
`


export interface CheckArguments {
  root: string
  files: string[]
  format: string | undefined
  quiet: boolean
  maxWarnings: number | undefined
  rules: Record<string, SeveritySetting>
  color: boolean | undefined
  /** The cache, when `--cache` is on. */
  cache: CacheOptions | undefined
}

const severities = new Set(['off', 'info', 'warning', 'error'])

export function parseCheckArguments(argv: string[], io: CommandIo): CheckArguments | 'help' {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: {type: 'string', short: 'f'},
      quiet: {type: 'boolean', short: 'q', default: false},
      'max-warnings': {type: 'string'},
      rule: {type: 'string', multiple: true},
      color: {type: 'boolean'},
      'no-color': {type: 'boolean'},
      cache: {type: 'boolean', default: false},
      'cache-location': {type: 'string'},
      'cache-strategy': {type: 'string'},
      help: {type: 'boolean', short: 'h'}
    }
  })
  if (values.help) return 'help'
  let root = 'corpus'
  let files = positionals
  const first = positionals[0]
  if (first !== undefined && isDirectory(path.resolve(io.cwd, first))) {
    root = first
    files = positionals.slice(1)
  } else if (first !== undefined && !first.endsWith('.md')) {
    throw new UsageError(`No corpus at \`${first}\`: expected a folder (or claim files ending in \`.md\`)`)
  }
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`Unexpected --max-warnings \`${values['max-warnings']}\`, expected a whole number ≥ 0`)
  }
  const rules: Record<string, SeveritySetting> = {}
  for (const item of values.rule ?? []) {
    const [id, severity] = item.split('=')
    if (!id || !severity || !severities.has(severity)) throw new UsageError(`Unexpected --rule \`${item}\`, expected \`id=severity\` with severity off, info, warning or error`)
    rules[id] = severity as SeveritySetting
  }
  const color = values['no-color'] ? false : values.color
  const strategy = values['cache-strategy']
  if (strategy !== undefined && !(cacheStrategies as readonly string[]).includes(strategy)) {
    throw new UsageError(`Unexpected --cache-strategy \`${strategy}\`, expected ${cacheStrategies.join(' or ')}`)
  }
  const cacheOn = values.cache || values['cache-location'] !== undefined || strategy !== undefined
  const cache = cacheOn
    ? {location: path.resolve(io.cwd, values['cache-location'] ?? defaultCacheLocation), ...(strategy ? {strategy: strategy as CacheStrategy} : {})}
    : undefined
  return {root, files, format: values.format, quiet: values.quiet ?? false, maxWarnings, rules, color, cache}
}

function isDirectory(target: string): boolean {
  return existsSync(target) && statSync(target).isDirectory()
}

/** Resolve named files (relative to the working directory) to paths relative to the root. */
export function relativeFiles(files: string[], root: string, cwd: string): Set<string> {
  const absoluteRoot = path.resolve(cwd, root)
  const result = new Set<string>()
  for (const file of files) {
    const relative = path.relative(absoluteRoot, path.resolve(cwd, file))
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new UsageError(`Unexpected file \`${file}\` outside the corpus \`${root}\``)
    result.add(relative.split(path.sep).join('/'))
  }
  return result
}

/** The corpus root relative to the enclosing git repository (or the working directory). */
export function rootFromRepository(absoluteRoot: string): string {
  let directory = absoluteRoot
  while (true) {
    if (existsSync(path.join(directory, '.git'))) break
    const parent = path.dirname(directory)
    if (parent === directory) return ''
    directory = parent
  }
  return path.relative(directory, absoluteRoot).split(path.sep).join('/')
}

export function defaultFormat(io: CommandIo): string {
  return io.env.GITHUB_ACTIONS === 'true' && formatters.github ? 'github' : 'stylish'
}

/** The options of `lintCorpus` for parsed arguments (shared with `report`). */
export function lintOptions(parsed: Pick<CheckArguments, 'root' | 'rules' | 'cache'>, io: CommandIo): LintOptions {
  return {
    root: path.resolve(io.cwd, parsed.root),
    ruleOverrides: parsed.rules,
    ...(parsed.cache ? {cache: parsed.cache} : {})
  }
}

export async function runCheck(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCheckArguments(argv, io)
  if (parsed === 'help') {
    io.stdout(checkHelp())
    return exitStatus.ok
  }
  const format = parsed.format ?? defaultFormat(io)
  const formatter = formatters[format]
  if (!formatter) throw new UsageError(`Unknown format \`${format}\`; choose one of ${Object.keys(formatters).join(', ')}`)
  const result = lintCorpus(lintOptions(parsed, io))
  const only = parsed.files.length > 0 ? relativeFiles(parsed.files, parsed.root, io.cwd) : undefined
  // Only the JSON report has the measures section: the other formats skip building it.
  const report = buildReport(result, {...(only ? {onlyFiles: only} : {}), measures: format === 'json'})
  stage('report model')
  const shown: ReportData = parsed.quiet ? {...report, findings: report.findings.filter((finding) => finding.severity === 'error')} : report
  const linkBase = githubBlobBase(io.env)
  const context: FormatContext = {
    root: parsed.root,
    rootFromRepository: rootFromRepository(path.resolve(io.cwd, parsed.root)),
    color: parsed.color ?? (io.isTTY && !io.env.NO_COLOR),
    docsUrl: result.corpus.config.docsUrl,
    ...(linkBase ? {linkBase} : {})
  }
  // Large reports are written in pieces, never held as one string.
  const chunked = chunkedFormatters[format]
  if (chunked) {
    if (io.stdoutPieces) io.stdoutPieces(chunked(shown, context))
    else writeInPieces(chunked(shown, context), io.stdout)
  } else io.stdout(formatter(shown, context))
  stage(`output (${format})`)
  if (timingEnabled) io.stderr(timingTable())
  const tooManyWarnings = parsed.maxWarnings !== undefined && report.summary.warnings > parsed.maxWarnings
  if (tooManyWarnings) io.stderr(`factlint: ${report.summary.warnings} warnings, more than --max-warnings ${parsed.maxWarnings}\n`)
  return report.summary.errors > 0 || tooManyWarnings ? exitStatus.findings : exitStatus.ok
}

/** Write small chunks as pieces of about 64 KB: one write per chunk would be a system call each (for a `CommandIo` without `stdoutPieces`). */
export function writeInPieces(chunks: Iterable<string>, write: (text: string) => void, size = 1 << 16): void {
  let pending: string[] = []
  let length = 0
  for (const chunk of chunks) {
    pending.push(chunk)
    length += chunk.length
    if (length >= size) {
      write(pending.join(''))
      pending = []
      length = 0
    }
  }
  if (pending.length > 0) write(pending.join(''))
}
