import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {assembleArticle, citationsFor, citedBody, pandocLocator} from '../../src/assemble/index.js'
import {main} from '../../src/cli.js'
import type {CommandIo} from '../../src/commands/io.js'
import {coverageOfCorpus} from '../../src/coverage/index.js'
import {normalized} from '../../src/coverage/normalize.js'
import {parseClaimFiles} from '../../src/lint.js'
import {loadConfig} from '../../src/corpus/config.js'
import {listMarkdownFiles} from '../../src/pipeline/read.js'
import {parseClaim} from '../../src/pipeline/parse-claim.js'
import {splitArticle} from '../../src/split/index.js'
import {writeCorpus} from '../helpers/corpus.js'

const repository = path.resolve(import.meta.dirname, '../..')
const temporary: string[] = []
afterAll(() => {
  for (const directory of temporary) rmSync(directory, {recursive: true, force: true})
})

function io(cwd: string, env: Record<string, string | undefined> = {}): CommandIo & {out: string[]; err: string[]} {
  const out: string[] = []
  const err: string[] = []
  return {out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), cwd, env, isTTY: false}
}

function claimFile(id: string, frontmatter: string, body: string): string {
  return `---\nid: ${id}\n${frontmatter}---\n${body}\n`
}

describe('citations', () => {
  const facts = (frontmatter: string, body = 'A claim.') => parseClaim('claims/s/c.md', claimFile('c', frontmatter, body))

  it('gives a locator, none for `unknown`, and a signal for context and contradicting sources', () => {
    const claim = facts(
      'status: unverified\nsources:\n  - key: lendvai2008\n    locator: p. 178\n  - key: holland2025\n    locator: para. 12\n  - key: gati2006\n    locator: unknown\n  - key: time1956\n    stance: context\n  - key: sebestyen2006\n    stance: contradicts\n  - bare2001\n'
    )
    expect(citationsFor(claim)).toBe('[@lendvai2008, p. 178; @holland2025, para. 12; @gati2006; see @time1956; but see @sebestyen2006; @bare2001]')
  })

  it('puts citations before the final full stop, and does not repeat what the body cites', () => {
    const claim = facts('status: unverified\nsources:\n  - key: lendvai2008\n    locator: p. 5\n  - key: gati2006\n', 'As @lendvai2008 [p. 5] shows, it rose.')
    expect(citedBody(claim)).toBe('As @lendvai2008 [p. 5] shows, it rose [@gati2006].')
    expect(citedBody(facts('status: unverified\nsources: [gati2006]\n', 'He said: “We did not lose.”'))).toBe('He said: “We did not lose.” [@gati2006]')
    expect(citedBody(facts('status: draft\nsources: []\n', 'Nothing cited.'))).toBe('Nothing cited.')
  })

  it('escapes what would end a citation, and braces unusual keys', () => {
    expect(pandocLocator('pp. 12; 14]')).toBe('pp. 12\\; 14\\]')
    expect(pandocLocator(' UNKNOWN ')).toBeUndefined()
    expect(citationsFor(facts('status: unverified\nsources: ["odd-key-"]\n'))).toBe('[@{odd-key-}]')
  })
})

describe('assembleArticle', () => {
  const root = writeCorpus({
    'sections.yaml': 'title: A Small History\nsections:\n  - id: before\n    title: "Before: The Calm"\n  - id: after\n    title: After\n',
    'claims/after/b-second.md': claimFile('b-second', 'status: unverified\nsources:\n  - key: time1956\n    locator: unknown\n', 'The second claim.'),
    'claims/after/a-first.md': claimFile('a-first', 'status: unverified\nsources:\n  - key: lendvai2008\n    locator: p. 178\n', 'The first claim.'),
    'claims/after/c-retracted.md': claimFile('c-retracted', 'status: retracted\nsources: [lendvai2008]\n', 'A retracted claim.'),
    'claims/before/calm.md': claimFile('calm', 'status: draft\nsources: []\n', 'It was calm.'),
    'claims/before/missing.md': claimFile('missing', 'status: unverified\nsources: [nobody1999]\n', 'A claim citing nothing known.')
  })

  it('writes the header, sections in sections.yaml order, claims in file order, and References', () => {
    const assembled = assembleArticle({root, outputDirectory: path.join(root, 'out')})
    expect(assembled.markdown).toBe(
      [
        '---',
        'title: "A Small History"',
        'bibliography: "../bibliography.bib"',
        'link-citations: true',
        '---',
        '',
        '# Before: The Calm',
        '',
        'It was calm.',
        '',
        'A claim citing nothing known [@nobody1999].',
        '',
        '# After',
        '',
        'The first claim [@lendvai2008, p. 178].',
        '',
        'The second claim [@time1956].',
        '',
        '# References',
        '',
        '::: {#refs}',
        ':::',
        ''
      ].join('\n')
    )
    expect(assembled.citedKeys).toEqual(['nobody1999', 'lendvai2008', 'time1956'])
    expect(assembled.missingKeys).toEqual(['nobody1999'])
    expect(assembled.skipped).toEqual([{file: 'claims/after/c-retracted.md', reason: 'retracted'}])
  })

  it('leaves drafts out when asked, and takes a CSL style and a title', () => {
    const assembled = assembleArticle({root, outputDirectory: root, excludeDrafts: true, csl: path.join(root, 'styles/chicago.csl'), title: 'Other'})
    expect(assembled.markdown).toContain('title: "Other"\nbibliography: "bibliography.bib"\ncsl: "styles/chicago.csl"\n')
    expect(assembled.markdown).not.toContain('It was calm.')
  })
})

describe('factlint assemble (command)', () => {
  it('writes the Markdown file and exits 1 when a cited key is missing', async () => {
    const root = writeCorpus({'claims/s/a.md': claimFile('a', 'status: unverified\nsources: [nobody1999]\n', 'A claim.')})
    const run = io(root)
    expect(await main(['assemble', '.', '-o', 'out/article.md'], run)).toBe(1)
    expect(readFileSync(path.join(root, 'out/article.md'), 'utf8')).toContain('A claim [@nobody1999].')
    expect(run.err.join('')).toContain('cited but not in the bibliography: nobody1999')
  })

  it('prints to standard output with -o -', async () => {
    const root = writeCorpus({'claims/s/a.md': claimFile('a', 'status: unverified\nsources: [lendvai2008]\n', 'A claim.')})
    const run = io(root)
    expect(await main(['assemble', '.', '-o', '-'], run)).toBe(0)
    expect(run.out.join('')).toContain('# S\n\nA claim [@lendvai2008].\n')
  })

  it('exits 2 with how to install pandoc when --to needs it and it is missing', async () => {
    const root = writeCorpus({'claims/s/a.md': claimFile('a', 'status: draft\nsources: []\n', 'A claim.')})
    const run = io(root, {PATH: path.join(root, 'no-bin')})
    expect(await main(['assemble', '.', '-o', 'article.md', '--to', 'html'], run)).toBe(2)
    expect(run.err.join('')).toContain('pandoc is not installed')
    expect(run.err.join('')).toContain('apt-get install pandoc')
    expect(existsSync(path.join(root, 'article.md'))).toBe(false)
    expect(await main(['assemble', '.', '-o', 'article.md', '--to', 'odt'], io(root))).toBe(2)
    expect(await main(['assemble', '.'], io(root))).toBe(2)
  })
})

describe('the real corpus, assembled', () => {
  const root = path.join(repository, 'corpus')
  const assembled = assembleArticle({root, outputDirectory: path.join(repository, 'reports'), article: {text: readFileSync(path.resolve(repository, '../shared/seed/when-hungary-rose.txt'), 'utf8'), name: 'when-hungary-rose.txt'}})

  it('cites only keys of the bibliography', () => {
    expect(assembled.missingKeys).toEqual([])
    expect(assembled.citedKeys.length).toBeGreaterThan(10)
  })

  it('has every claim that is not retracted, its sections in the article’s order, and References last', () => {
    const config = loadConfig(root)
    const claims = parseClaimFiles(root, listMarkdownFiles(root, config.paths.claims), config).filter((claim) => claim.status !== 'retracted')
    expect(assembled.claims).toBe(claims.length)
    for (const claim of claims) expect(assembled.markdown).toContain(claim.body.trim().replace(/[.!?]$/, ''))
    const headings = [...assembled.markdown.matchAll(/^# (.+)$/gm)].map((match) => match[1])
    expect(headings[0]).toBe('Introduction')
    expect(headings.at(-1)).toBe('References')
    expect(assembled.markdown).toContain('bibliography: "../corpus/bibliography.bib"')
    expect(assembled.markdown).toMatch(/\[@holland2025, para\. \d+/)
  })
})

describe('a second article: split → coverage → assemble', () => {
  it('comes back whole', () => {
    const articlePath = path.join(repository, 'test/fixtures/articles/prague-spring.md')
    const articleText = readFileSync(articlePath, 'utf8')
    const root = mkdtempSync(path.join(tmpdir(), 'factlint-prague-'))
    temporary.push(root)
    splitArticle({articlePath, out: path.join(root, 'claims'), bibliography: path.join(root, 'bibliography.bib'), sections: path.join(root, 'sections.yaml')})

    const coverage = coverageOfCorpus(root, articlePath, articleText)
    expect(coverage.findings).toEqual([])
    expect(coverage.summary).toMatchObject({sentences: 18, covered: 18, share: 1})

    const assembled = assembleArticle({root, outputDirectory: root, article: {text: articleText, name: articlePath}})
    expect(assembled.missingKeys).toEqual([])
    expect(assembled.markdown).toContain('title: "The Prague Spring: Eight Months of Reform in Czechoslovakia"')
    expect([...assembled.markdown.matchAll(/^# (.+)$/gm)].map((match) => match[1])).toEqual([
      'Introduction', 'A New First Secretary', 'Speaking Freely', 'The Night of 20 August', 'Normalisation', 'References'
    ])
    // The drafts carry no citations yet, so the body is the article's prose, paragraph by paragraph.
    const body = assembled.markdown.slice(assembled.markdown.indexOf('# Introduction'), assembled.markdown.indexOf('# References'))
    const prose = (text: string) => normalized(text.replace(/^#.*$/gm, '').replace(/\s+/g, ' '))
    const original = articleText.slice(articleText.indexOf('In 1968'), articleText.indexOf('## Sources'))
    expect(prose(body)).toBe(prose(original))
    expect(body).toContain('On 5 January 1968 Alexander Dubček replaced Antonín Novotný as First Secretary of the party. Dubček was a Slovak who had spent part of his childhood in the Soviet Union.\n\nIn April 1968')
  })
})
