/**
 * Assemble the real corpus and render it with Debian's pandoc: `--citeproc
 * --fail-if-warnings` fails on any citation missing from the bibliography. Without pandoc
 * the test is skipped with a message on a workstation, and fails in CI (`CI` set), where
 * `apt-get install -y pandoc` must have run.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {assembleArticle} from '../../src/assemble/index.js'
import {pandocInstallHint, pandocVersion, renderWithPandoc} from '../../src/assemble/pandoc.js'
import {main} from '../../src/cli.js'
import type {CommandIo} from '../../src/commands/io.js'

const repository = path.resolve(import.meta.dirname, '../..')
const pandoc = pandocVersion()
const inCi = Boolean(process.env.CI)
const run = pandoc.found || inCi
if (!run) console.warn(`test/slow/pandoc.test.ts skipped: pandoc is not installed. ${pandocInstallHint}`)

const directory = mkdtempSync(path.join(tmpdir(), 'factlint-pandoc-'))
afterAll(() => rmSync(directory, {recursive: true, force: true}))

describe.runIf(run)('pandoc renders the assembled corpus', () => {
  it('is installed, with --citeproc (CI must install it: apt-get install -y pandoc)', () => {
    expect(pandoc).toMatchObject({found: true, citeproc: true})
  })

  it('renders the real corpus with no missing citation and no warning', () => {
    const assembled = assembleArticle({
      root: path.join(repository, 'corpus'),
      outputDirectory: directory,
      article: {text: readFileSync(path.resolve(repository, '../shared/seed/when-hungary-rose.txt'), 'utf8'), name: 'when-hungary-rose.txt'}
    })
    expect(assembled.missingKeys).toEqual([])
    const markdown = path.join(directory, 'article.md')
    writeFileSync(markdown, assembled.markdown)
    const rendered = renderWithPandoc(markdown, {to: 'html', extraArguments: ['--fail-if-warnings']})
    expect(rendered.missingCitations).toEqual([])
    expect(rendered.stderr).toBe('')
    expect(rendered.status).toBe(0)
    const html = readFileSync(rendered.output, 'utf8')
    // Every cited work is in the bibliography pandoc printed, under References.
    for (const key of assembled.citedKeys) expect(html, key).toContain(`id="ref-${key}"`)
    expect(html).toMatch(/<h1[^>]*>References<\/h1>/)
  })

  it('runs through the command: factlint assemble corpus -o … --to docx', async () => {
    const out: string[] = []
    const err: string[] = []
    const io: CommandIo = {stdout: (text) => out.push(text), stderr: (text) => err.push(text), cwd: repository, env: process.env, isTTY: false}
    const status = await main(['assemble', 'corpus', '-o', path.join(directory, 'command.md'), '--to', 'docx'], io)
    expect(err.join('')).toBe('')
    expect(status).toBe(0)
    expect(out.join('')).toContain(`wrote ${path.join(directory, 'command.docx')}`)
  })
})
