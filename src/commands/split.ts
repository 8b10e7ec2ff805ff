/**
 * `factlint split <article> [--out corpus/claims]`: draft one claim per sentence of an
 * article, and draft bibliography entries from its source list.
 */
import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {UsageError} from '../lint.js'
import {sectionsFileName} from '../corpus/sections.js'
import {corpusRootOf, splitArticle, type FileOutcome, type SplitOutcome} from '../split/index.js'
import type {WriteAction} from '../split/write.js'
import {exitStatus, type CommandIo} from './io.js'

export const splitHelp = `Usage: factlint split <article.md|article.txt> [options]

Draft one claim file per sentence of an article: status draft, origin set to the
sentence, no sources, and a figure for every number and date (its measure
\`todo-<suggestion>\` until you choose one). Headings start sections (folders).
A source list at the end ("Sources", "References", "Bibliography") becomes draft
BibTeX entries. Nothing that exists is changed without --force.

Options:
  --out <dir>             the claims folder (default corpus/claims)
  --section-by <how>      headings (default): one folder per heading; none: one folder
  --bib <file>            where draft entries go (default <corpus>/bibliography.bib
                          when --out is a corpus's claims folder)
  --no-bib                write no bibliography entries
  --measures <file>       the registry to suggest measures from (default
                          <corpus>/measures.yaml)
  --sections <file>       where the section order goes (default <corpus>/${sectionsFileName})
  --force                 replace existing claim files and sections.yaml; append new
                          entries to an existing bibliography (existing entries stay)
  --dry-run               print what would be written, write nothing
  -h, --help              show this help

Exit status: 0 written (files that exist are skipped, and listed), 2 the command could not run.
`

export interface SplitArguments {
  article: string
  out: string
  sectionBy: 'headings' | 'none'
  bib: string | undefined
  measures: string | undefined
  sections: string | undefined
  force: boolean
  dryRun: boolean
}

export function parseSplitArguments(argv: string[], io: CommandIo): SplitArguments | 'help' {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: {type: 'string', short: 'o'},
      'section-by': {type: 'string'},
      bib: {type: 'string'},
      'no-bib': {type: 'boolean', default: false},
      measures: {type: 'string'},
      sections: {type: 'string'},
      force: {type: 'boolean', short: 'f', default: false},
      'dry-run': {type: 'boolean', short: 'n', default: false},
      help: {type: 'boolean', short: 'h'}
    }
  })
  if (values.help) return 'help'
  if (positionals.length !== 1) throw new UsageError(`Unexpected ${positionals.length === 0 ? 'missing article' : `arguments \`${positionals.slice(1).join(' ')}\``}, expected one article file: factlint split <article>`)
  const article = path.resolve(io.cwd, positionals[0] ?? '')
  if (!existsSync(article) || !statSync(article).isFile()) throw new UsageError(`No article at \`${positionals[0]}\``)
  const sectionBy = values['section-by'] ?? 'headings'
  if (sectionBy !== 'headings' && sectionBy !== 'none') throw new UsageError(`Unexpected --section-by \`${sectionBy}\`, expected headings or none`)
  const out = path.resolve(io.cwd, values.out ?? 'corpus/claims')
  const root = corpusRootOf(out)
  const inRoot = (name: string) => (root === undefined ? undefined : path.join(root, name))
  return {
    article,
    out,
    sectionBy,
    bib: values['no-bib'] ? undefined : values.bib !== undefined ? path.resolve(io.cwd, values.bib) : inRoot('bibliography.bib'),
    measures: values.measures !== undefined ? path.resolve(io.cwd, values.measures) : inRoot('measures.yaml'),
    sections: values.sections !== undefined ? path.resolve(io.cwd, values.sections) : inRoot(sectionsFileName),
    force: values.force ?? false,
    dryRun: values['dry-run'] ?? false
  }
}

const verbs: Record<WriteAction, {done: string; planned: string}> = {
  create: {done: 'created', planned: 'would create'},
  overwrite: {done: 'replaced', planned: 'would replace'},
  unchanged: {done: 'unchanged', planned: 'unchanged'},
  skip: {done: 'skipped (exists; --force to replace)', planned: 'would skip (exists; --force to replace)'}
}

export async function runSplit(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseSplitArguments(argv, io)
  if (parsed === 'help') {
    io.stdout(splitHelp)
    return exitStatus.ok
  }
  const outcome = splitArticle({
    articlePath: parsed.article,
    out: parsed.out,
    sectionBy: parsed.sectionBy,
    ...(parsed.bib !== undefined ? {bibliography: parsed.bib} : {}),
    ...(parsed.measures !== undefined ? {measures: parsed.measures} : {}),
    ...(parsed.sections !== undefined ? {sections: parsed.sections} : {}),
    force: parsed.force,
    dryRun: parsed.dryRun
  })
  io.stdout(describeOutcome(outcome, parsed, io.cwd))
  return exitStatus.ok
}

function describeOutcome(outcome: SplitOutcome, parsed: SplitArguments, cwd: string): string {
  const display = (file: string) => {
    const relative = path.relative(cwd, file)
    return relative === '' || relative.startsWith('..') ? file : relative
  }
  const lines: string[] = []
  const describe = (file: FileOutcome, extra = '') => {
    const verb = parsed.dryRun ? verbs[file.action].planned : verbs[file.action].done
    lines.push(`${verb.padEnd(parsed.dryRun ? 13 : 9)} ${display(file.file)}${extra}`)
    if (parsed.dryRun && (file.action === 'create' || file.action === 'overwrite')) lines.push(indent(file.content))
  }
  for (const claim of outcome.claims) describe(claim)
  if (outcome.sections) describe(outcome.sections)
  const bibliography = outcome.bibliography
  if (bibliography) {
    const parts = [`${bibliography.added.length} new ${bibliography.added.length === 1 ? 'entry' : 'entries'}`]
    if (bibliography.alreadyThere.length > 0) parts.push(`${bibliography.alreadyThere.length} already there (${bibliography.alreadyThere.join(', ')})`)
    describe(bibliography, `: ${parts.join(', ')}`)
    for (const failure of bibliography.failures) lines.push(`not written: ${failure.key}: ${failure.reason}`)
  } else if (outcome.plan.sources.length > 0) {
    lines.push(`${outcome.plan.sources.length} sources in the article's list not written: give --bib <file>`)
  }
  const counts = new Map<WriteAction, number>()
  for (const claim of outcome.claims) counts.set(claim.action, (counts.get(claim.action) ?? 0) + 1)
  const headings = outcome.plan.article.headings.length
  const summary = [
    `${outcome.plan.claims.length} sentences → ${outcome.plan.claims.length} drafts in ${outcome.plan.sections.length} sections (${headings} headings)`,
    `${outcome.plan.claims.reduce((sum, claim) => sum + claim.figures.length, 0)} figures pre-filled`,
    `${outcome.plan.sources.length} sources`
  ]
  const written = (counts.get('create') ?? 0) + (counts.get('overwrite') ?? 0)
  const tally = parsed.dryRun ? `dry run: ${written} to write` : `${written} written`
  const skipped = counts.get('skip') ?? 0
  lines.push('', `${summary.join('; ')}. ${tally}${skipped > 0 ? `, ${skipped} skipped` : ''}${(counts.get('unchanged') ?? 0) > 0 ? `, ${counts.get('unchanged')} unchanged` : ''}.`)
  if (!parsed.dryRun && written > 0) lines.push(`Next: add sources to each draft, choose the figures' measures, then \`factlint check\` and \`factlint coverage --article ${display(parsed.article)}\`.`)
  return `${lines.join('\n')}\n`
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')
}
