/**
 * `factlint export <format> [root] [-o file]`: the corpus's bibliography as BibTeX,
 * BibLaTeX, CSL-JSON, RIS or formatted references, to standard output or, atomically, to
 * a file.
 */
import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {Bibliography} from '../bibliography/index.js'
import {builtinLocaleNames, builtinStyleNames} from '../bibliography/citeproc.js'
import {loadConfig, type Config} from '../corpus/config.js'
import {exportBibliography, exporters, exportFormats, isExportFormat, type ExportFormat, type ExportRequest, type ExportResult} from '../export/index.js'
import {citationsByKey, claimsMatching} from '../export/select.js'
import {debianLocalesFolder, debianStylesFolder, resolveLocale, resolveStyle} from '../export/styles.js'
import {loadBibliography, parseClaimFiles, UsageError} from '../lint.js'
import {listMarkdownFiles} from '../pipeline/read.js'
import {writeFileAtomic} from '../split/write.js'
import {exitStatus, type CommandIo} from './io.js'

export const exportHelp = (): string => {
  const width = Math.max(...exportFormats.map((format) => format.length))
  return `Usage: factlint export <format> [root] [options]

Write the bibliography of a corpus (default ./corpus) in a reference manager's,
LaTeX's or Pandoc's format. Formats:
${exportFormats.map((format) => `  ${format.padEnd(width)}  ${exporters[format].summary}`).join('\n')}

Options:
  -o, --output <file>    write to this file (replaced atomically); - or none:
                         standard output
  --cited-only           only the entries that claims cite (in sources or bodies)
  --claims <glob>        only the entries that these claim files cite, e.g.
                         'the-flight-of-200000/**' (repeatable; from the corpus
                         root or the claims folder)
  --with-claims          csl-json: list each entry's citing claims and locators
                         in custom["factlint-claims"]
  --style <name|file>    text, html: ${builtinStyleNames.join(', ')} (built in; default apa),
                         a .csl file, or a style installed in
                         ${debianStylesFolder} (by name,
                         e.g. chicago-note-bibliography; folders in
                         FACTLINT_CSL_STYLES are searched first)
  --locale <name|file>   text, html: ${builtinLocaleNames.join(', ')} (built in), a
                         locales-xx-XX.xml file, or one installed in
                         ${debianLocalesFolder}
                         (default: the style's own, else en-US)
  -h, --help             show this help

Fields a format cannot carry are named once each on standard error.

Exit status: 0 written; 1 written, but some entries could not be converted
(they are named); 2 the command could not run.
`
}

export interface ExportArguments {
  format: ExportFormat
  root: string
  output: string | undefined
  citedOnly: boolean
  claims: string[]
  withClaims: boolean
  style: string | undefined
  locale: string | undefined
}

export function parseExportArguments(argv: string[]): ExportArguments | 'help' {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      output: {type: 'string', short: 'o'},
      'cited-only': {type: 'boolean', default: false},
      claims: {type: 'string', multiple: true},
      'with-claims': {type: 'boolean', default: false},
      style: {type: 'string'},
      locale: {type: 'string'},
      help: {type: 'boolean', short: 'h'}
    }
  })
  if (values.help) return 'help'
  const [format, root, ...extra] = positionals
  if (format === undefined) throw new UsageError(`Missing format: expected one of ${exportFormats.join(', ')}`)
  if (!isExportFormat(format)) throw new UsageError(`Unknown format \`${format}\`; expected one of ${exportFormats.join(', ')}`)
  if (extra.length > 0) throw new UsageError(`Unexpected arguments \`${extra.join(' ')}\`, expected one corpus folder`)
  const formatted = format === 'text' || format === 'html'
  if (values.style !== undefined && !formatted) throw new UsageError(`Unexpected --style for \`${format}\`: it applies to text and html`)
  if (values.locale !== undefined && !formatted) throw new UsageError(`Unexpected --locale for \`${format}\`: it applies to text and html`)
  if (values['with-claims'] && format !== 'csl-json') throw new UsageError(`Unexpected --with-claims for \`${format}\`: only csl-json has a place for the citing claims`)
  return {
    format,
    root: root ?? 'corpus',
    output: values.output === '-' ? undefined : values.output,
    citedOnly: values['cited-only'] ?? false,
    claims: values.claims ?? [],
    withClaims: values['with-claims'] ?? false,
    style: values.style,
    locale: values.locale
  }
}

export interface CorpusSelection {
  bibliography: Bibliography
  config: Config
  /** The keys to export in file order, or undefined for every entry. */
  keys?: string[]
  /** Cited keys that are not in the bibliography. */
  missing: string[]
  citations?: ExportRequest['citations']
}

/** Read the bibliography and, when the selection or `--with-claims` needs them, the claims. */
export function selectEntries(root: string, options: {citedOnly: boolean; claims: string[]; withClaims: boolean}): CorpusSelection {
  const config = loadConfig(root)
  const {bibliography, present} = loadBibliography(root, config, [])
  if (!present) throw new UsageError(`No bibliography at \`${path.join(root, config.paths.bibliography)}\``)
  const selecting = options.citedOnly || options.claims.length > 0
  if (!selecting && !options.withClaims) return {bibliography, config, missing: []}
  const files = listMarkdownFiles(root, config.paths.claims)
  let claims = parseClaimFiles(root, files, config).filter((claim) => claim.frontmatterProblems.length === 0)
  if (options.claims.length > 0) {
    claims = claimsMatching(claims, options.claims, config.paths.claims)
    if (claims.length === 0) {
      throw new UsageError(`No claim file matches ${options.claims.map((glob) => `\`${glob}\``).join(', ')}; claim files are ${config.paths.claims}/<section>/<id>.md (${files.length} in this corpus)`)
    }
  }
  const citations = citationsByKey(claims)
  const known = new Set(bibliography.entries.map((entry) => entry.key))
  const selection: CorpusSelection = {bibliography, config, missing: [...citations.keys()].filter((key) => !known.has(key)).sort()}
  if (selecting) selection.keys = [...known].filter((key) => citations.has(key))
  if (options.withClaims) selection.citations = citations
  return selection
}

export async function runExport(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseExportArguments(argv)
  if (parsed === 'help') {
    io.stdout(exportHelp())
    return exitStatus.ok
  }
  const request: ExportRequest = {}
  if (parsed.format === 'text' || parsed.format === 'html') {
    // Resolve style and locale before any work, so a typo costs nothing.
    const resolvedStyle = resolveStyle(parsed.style ?? 'apa', {cwd: io.cwd, env: io.env})
    const locales = resolveLocale(parsed.locale ?? resolvedStyle.defaultLocale, {cwd: io.cwd, env: io.env})
    request.style = resolvedStyle.style
    request.retrieveLocale = locales.retrieveLocale
    if (locales.locale !== undefined) request.locale = locales.locale
  }
  const root = path.resolve(io.cwd, parsed.root)
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`No corpus at \`${parsed.root}\`: expected a folder with \`bibliography.bib\` (and \`claims/\` for --cited-only)`)
  }
  const selection = selectEntries(root, parsed)
  if (selection.keys) request.keys = selection.keys
  if (selection.citations) request.citations = selection.citations

  const result: ExportResult = exportBibliography(selection.bibliography, parsed.format, request)
  if (parsed.output === undefined) io.stdout(result.output)
  else writeFileAtomic(path.resolve(io.cwd, parsed.output), result.output, {overwrite: true})

  const unreadable = selection.bibliography.problems.filter((problem) => problem.kind === 'parse').length
  if (unreadable > 0) {
    io.stderr(`factlint export: ${selection.config.paths.bibliography} has ${unreadable} parse problem${unreadable === 1 ? '' : 's'}; what could not be read is not exported (run \`factlint check\` for where)\n`)
  }
  if (selection.missing.length > 0) io.stderr(`factlint export: cited but not in the bibliography: ${selection.missing.join(', ')}\n`)
  for (const note of result.notes) io.stderr(`factlint export: note: ${note}\n`)
  for (const failure of result.failures) io.stderr(`factlint export: could not convert \`${failure.key}\`: ${failure.reason}\n`)
  if (parsed.output !== undefined) {
    const count = result.exported.length
    io.stdout(`wrote ${parsed.output}: ${count} ${count === 1 ? 'entry' : 'entries'} as ${parsed.format}\n`)
  }
  return result.failures.length > 0 ? exitStatus.findings : exitStatus.ok
}
