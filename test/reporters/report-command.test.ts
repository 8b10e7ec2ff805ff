/**
 * `factlint report`: the four files, the same bytes on every run, and atomic replacement.
 */
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {main} from '../../src/cli.js'
import type {CommandIo} from '../../src/commands/io.js'
import {reportFiles, runReport, writeReportsAtomically, type ReportFile} from '../../src/commands/report.js'
import {validator} from '../../src/schema/ajv.js'
import {claim, validClaim, writeCorpus} from '../helpers/corpus.js'

function io(cwd: string) {
  const out = {stdout: '', stderr: ''}
  const commandIo: CommandIo = {stdout: (text) => (out.stdout += text), stderr: (text) => (out.stderr += text), cwd, env: {}, isTTY: false}
  return {commandIo, out}
}

function readAll(directory: string): Record<string, string> {
  return Object.fromEntries(readdirSync(directory).sort().map((name) => [name, readFileSync(path.join(directory, name), 'utf8')]))
}

const corpusFiles = {
  'claims/s/a.md': validClaim('a'),
  'claims/s/b.md': claim('id: b\nstatus: unverified\nsources: []')
}

describe('factlint report', () => {
  it('writes the reports and exits 1 when the corpus has errors', async () => {
    const root = writeCorpus(corpusFiles)
    const out = mkdtempSync(path.join(tmpdir(), 'factlint-reports-'))
    const {commandIo, out: printed} = io(root)
    expect(await main(['report', root, '--out', path.join(out, 'reports')], commandIo)).toBe(1)
    const files = readAll(path.join(out, 'reports'))
    expect(Object.keys(files)).toEqual(['article.md', 'bibliography.bib', 'bibliography.json', 'findings.json', 'findings.sarif', 'index.html', 'summary.md'])
    expect(files['article.md']).toMatch(/^---\ntitle: /)
    const validate = validator('report')
    expect(validate(JSON.parse(files['findings.json'] ?? '')), JSON.stringify(validate.errors)).toBe(true)
    expect(JSON.parse(files['findings.sarif'] ?? '')).toMatchObject({version: '2.1.0'})
    expect(files['summary.md']).toContain('### Errors (1)')
    expect(files['index.html']).toMatch(/^<!doctype html>/)
    expect(printed.stdout).toContain('wrote findings.json, findings.sarif, summary.md, index.html, article.md, bibliography.bib, bibliography.json')
    // Nothing left beside the target.
    expect(readdirSync(out)).toEqual(['reports'])
  })

  it('exits 0 on a clean corpus and 2 without one', async () => {
    const root = writeCorpus({'claims/s/a.md': validClaim('a')})
    const out = mkdtempSync(path.join(tmpdir(), 'factlint-reports-'))
    expect(await main(['report', root, '--out', out], io(root).commandIo)).toBe(0)
    const missing = io(out)
    expect(await main(['report', path.join(out, 'nope'), '--out', out], missing.commandIo)).toBe(2)
    expect(missing.out.stderr).toContain('No corpus at')
  })

  it('writes the same bytes on every run', async () => {
    const root = writeCorpus(corpusFiles)
    const first = mkdtempSync(path.join(tmpdir(), 'factlint-reports-'))
    const second = mkdtempSync(path.join(tmpdir(), 'factlint-reports-'))
    await runReport([root, '--out', first], io(root).commandIo)
    await runReport([root, '--out', second], io(root).commandIo)
    // summary.md links from its folder to the files; both folders sit at the same depth.
    expect(readAll(second)).toEqual(readAll(first))
  })

  it('keeps the previous reports when a report cannot be made', async () => {
    const root = writeCorpus(corpusFiles)
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'factlint-reports-')), 'reports')
    await runReport([root, '--out', out], io(root).commandIo)
    const before = readAll(out)
    writeFileSync(path.join(root, 'claims/s/c.md'), validClaim('c'))
    const failing: ReportFile[] = [
      ...reportFiles,
      {
        name: 'broken.txt',
        render() {
          throw new Error('render failed')
        }
      }
    ]
    await expect(runReport([root, '--out', out], io(root).commandIo, failing)).rejects.toThrow('render failed')
    expect(readAll(out)).toEqual(before)
    expect(readdirSync(path.dirname(out))).toEqual(['reports'])
  })

  it('keeps the previous reports when writing fails half-way, and leaves no temporary folder', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'factlint-reports-'))
    const out = path.join(parent, 'reports')
    writeReportsAtomically(out, [
      {name: 'a.txt', content: 'old a'},
      {name: 'b.txt', content: 'old b'}
    ])
    // A NUL byte makes the second write throw after the first file was staged.
    expect(() =>
      writeReportsAtomically(out, [
        {name: 'a.txt', content: 'new a'},
        {name: 'b\u0000.txt', content: 'new b'}
      ])
    ).toThrow()
    expect(readAll(out)).toEqual({'a.txt': 'old a', 'b.txt': 'old b'})
    expect(readdirSync(parent)).toEqual(['reports'])
  })

  it('orders and titles the sections of the review page as sections.yaml says', async () => {
    const root = writeCorpus({
      'claims/alpha/a.md': validClaim('a'),
      'claims/omega/b.md': validClaim('b'),
      'claims/unlisted/c.md': validClaim('c'),
      'sections.yaml': 'title: "The <Article>"\nsections:\n  - id: omega\n    title: "Omega: the end"\n  - id: alpha\n    title: "Alpha"\n'
    })
    const out = mkdtempSync(path.join(tmpdir(), 'factlint-reports-'))
    expect(await runReport([root, '--out', out], io(root).commandIo)).toBe(0)
    const html = readFileSync(path.join(out, 'index.html'), 'utf8')
    const titles = [...html.matchAll(/<h3 id="section-[^"]*__title">([^<]*) </g)].map((match) => match[1])
    expect(titles).toEqual(['Omega: the end', 'Alpha', 'Unlisted'])
    expect(html).toContain('<h1>Corpus review: <cite>The &lt;Article&gt;</cite></h1>')
  })

  it('prints its help', async () => {
    const {commandIo, out} = io(process.cwd())
    expect(await main(['report', '--help'], commandIo)).toBe(0)
    expect(out.stdout).toContain('Usage: factlint report [root] [options]')
  })
})
