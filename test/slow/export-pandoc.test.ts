/**
 * Pandoc (Debian's) reads what `factlint export` writes: a Markdown file citing every key
 * the corpus cites, rendered with `--citeproc --fail-if-warnings` (pandoc exits 0 on a
 * missing key without it) against the exported BibTeX, BibLaTeX and CSL-JSON, prints one
 * bibliography entry per cited key. Skipped on a workstation without pandoc; in CI (`CI`
 * set) a missing pandoc fails.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {readBibliography} from '../../src/bibliography/index.js'
import {citationsByKey} from '../../src/export/select.js'
import {lintCorpus} from '../../src/lint.js'
import {corpusRoot, runCli} from '../export/helpers.js'

const found = spawnSync('pandoc', ['--version'], {encoding: 'utf8'}).status === 0
const run = found || Boolean(process.env.CI)
if (!run) console.warn('test/slow/export-pandoc.test.ts skipped: pandoc is not installed (apt-get install -y pandoc)')

const directory = mkdtempSync(path.join(tmpdir(), 'factlint-export-pandoc-'))
afterAll(() => rmSync(directory, {recursive: true, force: true}))

function pandoc(args: string[]) {
  return spawnSync('pandoc', args, {encoding: 'utf8', cwd: directory, maxBuffer: 64 * 1024 * 1024})
}

describe.runIf(run)('pandoc reads the exported bibliography', () => {
  const {corpus} = lintCorpus({root: corpusRoot})
  const cited = [...citationsByKey(corpus.claims).keys()].sort()
  const every = [...new Set(corpus.bibliography.entries.map((entry) => entry.key))].sort()
  const markdown = (name: string, keys: string[]): string => {
    writeFileSync(path.join(directory, name), `# Sources\n\n${keys.map((key) => `[@${key}]`).join(' ')}\n`)
    return name
  }
  const citesCited = markdown('cited.md', cited)
  const citesEvery = markdown('every.md', every)

  it('is installed (CI must install it: apt-get install -y pandoc)', () => {
    expect(found).toBe(true)
    expect(cited.length).toBeGreaterThan(10)
    expect(every.length).toBeGreaterThan(cited.length)
  })

  // `.bibtex` makes pandoc read BibTeX, `.bib` BibLaTeX, `.json` CSL-JSON.
  it.each([
    ['bibtex', 'refs.bibtex', []],
    ['bibtex', 'cited.bibtex', ['--cited-only']],
    ['biblatex', 'refs.bib', []],
    ['biblatex', 'cited.bib', ['--cited-only']],
    ['csl-json', 'refs.json', []],
    ['csl-json', 'cited.json', ['--cited-only', '--with-claims']]
  ] as const)('%s (%s %s): no warning, one entry per key cited in the Markdown', async (format, file, extra) => {
    const exported = await runCli(['export', format, corpusRoot, ...extra, '-o', path.join(directory, file)])
    expect(exported.status).toBe(0)
    const keys = file.startsWith('cited') ? cited : every
    const rendered = pandoc([file.startsWith('cited') ? citesCited : citesEvery, '--citeproc', '--fail-if-warnings', `--bibliography=${file}`, '-t', 'html'])
    expect(rendered.stderr).toBe('')
    expect(rendered.status).toBe(0)
    expect(rendered.stdout.match(/class="csl-entry"/g)).toHaveLength(keys.length)
    for (const key of keys) expect(rendered.stdout, key).toContain(`id="ref-${key}"`)
  })

  it('turns the CSL-JSON back into BibLaTeX with the same keys', async () => {
    const exported = await runCli(['export', 'csl-json', corpusRoot])
    writeFileSync(path.join(directory, 'all.json'), exported.stdout)
    const converted = pandoc(['-f', 'csljson', '-t', 'biblatex', 'all.json'])
    expect(converted.status).toBe(0)
    const keys = (JSON.parse(exported.stdout) as Array<{id: string}>).map((item) => item.id)
    expect(readBibliography(converted.stdout).entries.map((entry) => entry.key).sort()).toEqual([...keys].sort())
    expect(readFileSync(path.join(corpusRoot, 'bibliography.bib'), 'utf8')).toContain(keys[0])
  })
})
