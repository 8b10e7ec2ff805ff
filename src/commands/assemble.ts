/**
 * `factlint assemble [root] -o article.md [--to html|docx|pdf]`: the claims put back
 * together as a Pandoc Markdown article, optionally rendered with pandoc --citeproc.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {UsageError} from '../lint.js'
import {assembleArticle} from '../assemble/index.js'
import {pandocInstallHint, pandocVersion, renderTargets, renderWithPandoc, type RenderTarget} from '../assemble/pandoc.js'
import {writeFileAtomic} from '../split/write.js'
import {corpusFolderArgument, exitStatus, type CommandIo} from './io.js'

export const assembleHelp = `Usage: factlint assemble [root] -o <article.md> [options]

Put the claims of a corpus (default ./corpus) back together as one Pandoc Markdown
article: a YAML header (title, bibliography, csl), a heading per section in the
order of sections.yaml, the claims' bodies with Pandoc citations of their sources
([@lendvai2008, p. 178]; a locator \`unknown\` gives none), and the bibliography
under a final References heading. Retracted claims are left out.

Options:
  -o, --output <file>     the Markdown file to write (- for standard output), required
  --to <format>           also render with pandoc --citeproc: html, docx or pdf
                          (written next to the Markdown file)
  --csl <style>           a CSL style file or URL for the citations
  --title <text>          the title (default: sections.yaml's, else the folder name)
  --article <file>        order claims by where their origin is in this article and
                          keep its paragraphs (default: file order, a paragraph each)
  --no-drafts             leave out draft claims too
  -h, --help              show this help

Exit status: 0 written, 1 a cited key is missing from the bibliography or pandoc
failed, 2 the command could not run (e.g. pandoc not installed).
`

export async function runAssemble(argv: string[], io: CommandIo): Promise<number> {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      output: {type: 'string', short: 'o'},
      to: {type: 'string', short: 't'},
      csl: {type: 'string'},
      title: {type: 'string'},
      article: {type: 'string'},
      'no-drafts': {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h'}
    }
  })
  if (values.help) {
    io.stdout(assembleHelp)
    return exitStatus.ok
  }
  const {root} = corpusFolderArgument(positionals, io.cwd)
  if (values.output === undefined) throw new UsageError('Missing -o <file>: where to write the article (- for standard output)')
  const toStdout = values.output === '-'
  const to = values.to
  if (to !== undefined && !(renderTargets as readonly string[]).includes(to)) throw new UsageError(`Unexpected --to \`${to}\`, expected one of ${renderTargets.join(', ')}`)
  if (to !== undefined && toStdout) throw new UsageError('Unexpected --to with -o -: pandoc needs the Markdown in a file')
  if (to !== undefined) {
    // Check before writing anything, so a missing pandoc leaves no half-done work.
    const pandoc = pandocVersion('pandoc', io.env)
    if (!pandoc.found) throw new UsageError(`pandoc is not installed, and --to ${to} needs it. ${pandocInstallHint}`)
    if (!pandoc.citeproc) throw new UsageError(`pandoc ${pandoc.version} has no --citeproc. ${pandocInstallHint}`)
  }
  let article: {text: string; name: string} | undefined
  if (values.article !== undefined) {
    const file = path.resolve(io.cwd, values.article)
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`No article at \`${values.article}\``)
    article = {text: readFileSync(file, 'utf8'), name: values.article}
  }

  const output = toStdout ? undefined : path.resolve(io.cwd, values.output)
  const assembled = assembleArticle({
    root,
    outputDirectory: output === undefined ? io.cwd : path.dirname(output),
    ...(values.title !== undefined ? {title: values.title} : {}),
    ...(values.csl !== undefined ? {csl: path.isAbsolute(values.csl) || /^[a-z]+:\/\//i.test(values.csl) ? values.csl : path.resolve(io.cwd, values.csl)} : {}),
    ...(article ? {article} : {}),
    excludeDrafts: values['no-drafts'] ?? false
  })
  if (output === undefined) io.stdout(assembled.markdown)
  else writeFileAtomic(output, assembled.markdown, {overwrite: true})

  const report = (text: string) => (toStdout ? io.stderr(text) : io.stdout(text))
  const display = (file: string) => {
    const relative = path.relative(io.cwd, file)
    return relative === '' || relative.startsWith('..') ? file : relative
  }
  if (output !== undefined) {
    report(`wrote ${display(output)}: ${assembled.claims} claims in ${assembled.sections} sections, ${assembled.citedKeys.length} sources cited\n`)
  }
  for (const skipped of assembled.skipped) if (skipped.reason !== 'retracted' && skipped.reason !== 'draft') io.stderr(`factlint assemble: left out ${skipped.file}: ${skipped.reason}\n`)
  let status: number = exitStatus.ok
  if (assembled.missingKeys.length > 0) {
    io.stderr(`factlint assemble: cited but not in the bibliography: ${assembled.missingKeys.join(', ')}\n`)
    status = exitStatus.findings
  }
  if (to !== undefined && output !== undefined) {
    const rendered = renderWithPandoc(output, {to: to as RenderTarget, env: io.env})
    if (rendered.stderr.trim() !== '') io.stderr(rendered.stderr.endsWith('\n') ? rendered.stderr : `${rendered.stderr}\n`)
    if (rendered.status !== 0) {
      io.stderr(`factlint assemble: pandoc failed (exit ${rendered.status ?? 'signal'})${to === 'pdf' ? '; PDF needs a LaTeX engine too (apt-get install texlive-latex-recommended)' : ''}\n`)
      return exitStatus.findings
    }
    report(`wrote ${display(rendered.output)}\n`)
    if (rendered.missingCitations.length > 0) status = exitStatus.findings
  }
  return status
}
