/**
 * `factlint export` end to end, in-process: formats on the real corpus, selection by
 * claims, styles and locales by name and path, bad input, and `-o` written atomically.
 */
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtinStyle} from '../../src/bibliography/citeproc.js'
import {exportFormats} from '../../src/export/index.js'
import {validClaim, writeCorpus} from '../helpers/corpus.js'
import {corpusRoot, runCli, validateCslData} from './helpers.js'

function claimCiting(id: string, sources: string, body: string): string {
  return validClaim(id, '', body).replace(/sources:\n(?:  .*\n)*/, `sources:\n${sources}`)
}

/** Three sources (the test corpus's default bibliography), two claims citing two of them. */
function smallCorpus(): string {
  return writeCorpus({
    'claims/uprising/a.md': claimCiting('a', '  - key: lendvai2008\n    locator: "p. 178"\n', 'The revolt began on 23 October [@lendvai2008, p. 178].'),
    'claims/aftermath/b.md': claimCiting('b', '  - key: lendvai2008\n    locator: unknown\n    stance: context\n', 'It ended in November, as @time1956 reported.')
  })
}

describe('factlint export on the real corpus', () => {
  it.each(exportFormats)('%s: exit 0, every entry, no failure', async (format) => {
    const result = await runCli(['export', format, corpusRoot])
    expect(result.status).toBe(0)
    expect(result.stderr).not.toContain('could not convert')
    expect(result.stdout.length).toBeGreaterThan(1000)
  })

  it('--with-claims: each CSL item lists its citing claims and locators, and still validates', async () => {
    const result = await runCli(['export', 'csl-json', corpusRoot, '--with-claims'])
    const items = JSON.parse(result.stdout) as Array<{id: string; custom: {'factlint-claims': Array<{claim: string; file: string; locator?: string}>}}>
    expect(validateCslData(items)).toBe(true)
    const lendvai = items.find((item) => item.id === 'lendvai2008')
    expect(lendvai?.custom['factlint-claims'].length).toBeGreaterThan(0)
    for (const citation of lendvai?.custom['factlint-claims'] ?? []) {
      expect(citation.file).toMatch(/^claims\/[^/]+\/[a-z0-9-]+\.md$/)
      expect(readFileSync(path.join(corpusRoot, citation.file), 'utf8')).toContain(`id: ${citation.claim}`)
    }
  })
})

describe('selection', () => {
  it('--cited-only keeps the entries that claims cite, in sources or in bodies', async () => {
    const root = smallCorpus()
    const result = await runCli(['export', 'biblatex', root, '--cited-only'])
    expect(result.status).toBe(0)
    expect([...result.stdout.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1])).toEqual(['lendvai2008', 'time1956'])
  })

  it('--claims GLOB keeps what those claim files cite, from the root or the claims folder', async () => {
    const root = smallCorpus()
    for (const glob of ['uprising/**', 'claims/uprising/*.md']) {
      const result = await runCli(['export', 'csl-json', root, '--claims', glob])
      expect((JSON.parse(result.stdout) as Array<{id: string}>).map((item) => item.id), glob).toEqual(['lendvai2008'])
    }
  })

  it('--claims with no matching file is a usage error', async () => {
    const result = await runCli(['export', 'ris', smallCorpus(), '--claims', 'nowhere/**'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('No claim file matches `nowhere/**`')
  })

  it('--with-claims gives each citation its claim, file, locator and a stance other than supports', async () => {
    const result = await runCli(['export', 'csl-json', smallCorpus(), '--with-claims'])
    const items = JSON.parse(result.stdout) as Array<{id: string; custom: Record<string, unknown>}>
    expect(items.find((item) => item.id === 'lendvai2008')?.custom['factlint-claims']).toEqual([
      {claim: 'b', file: 'claims/aftermath/b.md', locator: 'unknown', stance: 'context'},
      {claim: 'a', file: 'claims/uprising/a.md', locator: 'p. 178'}
    ])
    expect(items.find((item) => item.id === 'time1956')?.custom['factlint-claims']).toEqual([{claim: 'b', file: 'claims/aftermath/b.md'}])
    expect(items.find((item) => item.id === 'holland2025')?.custom['factlint-claims']).toEqual([])
  })

  it('says which cited keys the bibliography lacks', async () => {
    const root = writeCorpus({'claims/s/a.md': claimCiting('a', '  - key: missing2000\n', 'Text.')})
    const result = await runCli(['export', 'bibtex', root, '--cited-only'])
    expect(result.status).toBe(0)
    expect(result.stderr).toContain('cited but not in the bibliography: missing2000')
    expect(result.stdout).toBe('')
  })
})

describe('styles and locales', () => {
  it('takes a .csl file by path, and by name from FACTLINT_CSL_STYLES, dependent styles through their parent', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'factlint-styles-'))
    writeFileSync(path.join(folder, 'house.csl'), builtinStyle('vancouver')?.xml ?? '')
    writeFileSync(
      path.join(folder, 'house-dependent.csl'),
      '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="de-DE"><info><title>Dependent</title><id>x</id><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>\n'
    )
    const vancouver = await runCli(['export', 'text', corpusRoot, '--style', 'vancouver'])
    const byPath = await runCli(['export', 'text', corpusRoot, '--style', path.join(folder, 'house.csl')])
    const byName = await runCli(['export', 'text', corpusRoot, '--style', 'house'], {env: {FACTLINT_CSL_STYLES: folder}})
    expect(byPath.stdout).toBe(vancouver.stdout)
    expect(byName.stdout).toBe(vancouver.stdout)
    expect(vancouver.stdout).toMatch(/^1\. /)
    const dependent = await runCli(['export', 'text', corpusRoot, '--style', 'house-dependent'], {env: {FACTLINT_CSL_STYLES: folder}})
    const apaGerman = await runCli(['export', 'text', corpusRoot, '--style', 'apa', '--locale', 'de-DE'])
    expect(dependent.status).toBe(0)
    expect(dependent.stdout).toBe(apaGerman.stdout)
  })

  it('an unknown style is exit 2, naming the built-in styles, where it looked and how to install more', async () => {
    const result = await runCli(['export', 'html', corpusRoot, '--style', 'chicago-nonexistent'], {env: {FACTLINT_CSL_STYLES: '/nonexistent/styles'}})
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Unknown style `chicago-nonexistent`; built in: apa, vancouver, harvard1')
    expect(result.stderr).toContain('Looked for chicago-nonexistent.csl in /nonexistent/styles (missing), /usr/share/citation-style-language/styles')
    expect(result.stderr).toContain('apt-get install citation-style-language-styles')
    expect(result.stdout).toBe('')
  })

  it('an unknown locale is exit 2, naming the built-in locales and how to install more', async () => {
    const result = await runCli(['export', 'text', corpusRoot, '--locale', 'xx-XX'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Unknown locale `xx-XX`; built in: en-US, nl-NL, fr-FR, de-DE, es-ES')
    expect(result.stderr).toContain('apt-get install citation-style-language-locales')
  })
})

describe('bad input', () => {
  it('an unknown or missing format is exit 2 listing the formats', async () => {
    for (const argv of [['export', 'endnote'], ['export']]) {
      const result = await runCli(argv)
      expect(result.status).toBe(2)
      expect(result.stderr).toContain('bibtex, biblatex, csl-json, ris, text, html')
    }
  })

  it('options that do not apply to the format are exit 2', async () => {
    expect((await runCli(['export', 'bibtex', corpusRoot, '--style', 'apa'])).stderr).toContain('Unexpected --style for `bibtex`')
    expect((await runCli(['export', 'ris', corpusRoot, '--with-claims'])).status).toBe(2)
    expect((await runCli(['export', 'csl-json', '/nonexistent/corpus'])).status).toBe(2)
  })

  it('an entry citation-js cannot convert is named, exit 1, and the others are written', async () => {
    const root = writeCorpus({
      'bibliography.bib': `@incollection{child, author = {A, B}, title = {Part}, crossref = {parent}, year = 2000}
@collection{parent, editor = {E, F}, title = {$x^$}, year = 2000}
@book{ok, author = {C, D}, title = {Fine}, year = 2001}
`
    })
    const result = await runCli(['export', 'csl-json', root])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/could not convert `child`: expected "text"/)
    expect((JSON.parse(result.stdout) as Array<{id: string}>).map((item) => item.id)).toEqual(['parent', 'ok'])
  })

  it('prints its help', async () => {
    const result = await runCli(['export', '--help'])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Usage: factlint export <format> [root] [options]')
  })
})

describe('-o', () => {
  it('writes the same bytes as standard output, replaces the file whole and leaves no temporary file', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'factlint-export-'))
    const target = path.join(folder, 'refs.bib')
    writeFileSync(target, 'old content\n')
    const toStdout = await runCli(['export', 'biblatex', corpusRoot])
    const toFile = await runCli(['export', 'biblatex', corpusRoot, '-o', target])
    expect(toFile.status).toBe(0)
    expect(readFileSync(target, 'utf8')).toBe(toStdout.stdout)
    expect(toFile.stdout).toBe(`wrote ${target}: 27 entries as biblatex\n`)
    expect(readdirSync(folder)).toEqual(['refs.bib'])
  })

  it('leaves the previous file as it was when the export cannot run', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'factlint-export-'))
    const target = path.join(folder, 'refs.html')
    writeFileSync(target, 'previous\n')
    const result = await runCli(['export', 'html', corpusRoot, '--style', 'no-such-style', '-o', target])
    expect(result.status).toBe(2)
    expect(readFileSync(target, 'utf8')).toBe('previous\n')
    expect(readdirSync(folder)).toEqual(['refs.html'])
  })

  it('writes relative to the working folder; - is standard output', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'factlint-export-'))
    await runCli(['export', 'ris', corpusRoot, '-o', 'out/refs.ris'], {cwd: folder})
    expect(readFileSync(path.join(folder, 'out/refs.ris'), 'utf8')).toMatch(/^TY {2}- /)
    const dash = await runCli(['export', 'ris', corpusRoot, '-o', '-'])
    expect(dash.stdout).toMatch(/^TY {2}- /)
  })
})
