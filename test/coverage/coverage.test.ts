import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {main} from '../../src/cli.js'
import type {CommandIo} from '../../src/commands/io.js'
import {coverageOfCorpus, measureCoverage, type CoverageReport} from '../../src/coverage/index.js'
import {formatCoverageStylish, formatShare} from '../../src/coverage/format.js'
import {parseClaim} from '../../src/pipeline/parse-claim.js'
import {writeCorpus} from '../helpers/corpus.js'

const repository = path.resolve(import.meta.dirname, '../..')
const seedPath = path.resolve(repository, '../shared/seed/when-hungary-rose.txt')
const noFactSentences = path.join(repository, 'test/fixtures/coverage/no-fact-sentences.txt')

function claim(file: string, origin: string | undefined, status = 'draft'): string {
  const id = file.split('/').at(-1)?.replace(/\.md$/, '') ?? file
  return `---\nid: ${id}\nstatus: ${status}\n${origin === undefined ? '' : `origin: ${JSON.stringify(origin)}\n`}sources: []\n---\nA claim.\n`
}

const article = ['A Small Article', '', 'The army rolled in on 4 November. It was “over” — quickly.', 'Later Events', 'People fled. Nobody counted them. What a sad day!'].join('\n')

function coverage(claims: Record<string, string | undefined>, ignore: string[] = []): CoverageReport {
  return measureCoverage({
    articleText: article,
    articleName: 'small.txt',
    claims: Object.entries(claims).map(([file, origin]) => parseClaim(`claims/${file}`, claim(file, origin))),
    ignore
  })
}

function io(cwd: string): CommandIo & {out: string[]; err: string[]} {
  const out: string[] = []
  const err: string[] = []
  return {out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), cwd, env: {}, isTTY: false}
}

describe('measureCoverage', () => {
  it('covers a sentence by a fragment of it, and lists the uncovered ones', () => {
    const report = coverage({'a/army.md': 'The army rolled in', 'b/fled.md': 'People fled.'})
    expect(report.sentences.map((sentence) => [sentence.text, sentence.covered])).toEqual([
      ['The army rolled in on 4 November.', true],
      ['It was “over” — quickly.', false],
      ['People fled.', true],
      ['Nobody counted them.', false],
      ['What a sad day!', false]
    ])
    expect(report.summary).toMatchObject({sentences: 5, factual: 5, covered: 2, uncovered: 3, share: 0.4, originsNotFound: 0})
    expect(report.sentences[0]?.claims).toEqual(['claims/a/army.md'])
  })

  it('normalises quotes, dashes and whitespace, and lets one origin span sentences', () => {
    const report = coverage({'a/over.md': `November.   It was "over" - quickly`})
    expect(report.findings).toEqual([])
    expect(report.sentences.slice(0, 2).map((sentence) => sentence.covered)).toEqual([true, true])
  })

  it('reports an origin the article lacks at its origin line, with the closest sentence', () => {
    const report = coverage({'a/wrong.md': 'Many people fled.', 'a/none.md': undefined})
    expect(report.findings).toEqual([
      {
        rule: 'origin-not-found',
        severity: 'error',
        message: 'Unexpected `origin` that the article `small.txt` does not contain, expected a verbatim fragment of it',
        file: 'claims/a/wrong.md',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 28,
        note: 'Closest sentence of the article: People fled.',
        url: 'https://github.com/factlint/factlint/blob/main/docs/rules/origin-not-found.md'
      }
    ])
    expect(report.summary).toMatchObject({originsNotFound: 1, claimsWithoutOrigin: 1})
  })

  it('leaves sentences that state no fact out of the share, and lists unused ignores', () => {
    const report = coverage({'a/army.md': 'The army rolled in', 'b/fled.md': 'People fled.'}, ['# a comment', 'What a sad day!', '', 'It was "over" - quickly.', 'Not in the article.'])
    expect(report.summary).toMatchObject({ignored: 2, factual: 3, covered: 2, uncovered: 1})
    expect(report.unusedIgnores).toEqual(['Not in the article.'])
    expect(formatCoverageStylish(report)).toBe(
      [
        'small.txt',
        '  5:14  uncovered  Nobody counted them.',
        '',
        'ignore list',
        '  unused  Not in the article.  (no sentence of the article reads so)',
        '',
        '! 66.6% of 3 fact-stating sentences covered (2); 2 stating no fact ignored',
        ''
      ].join('\n')
    )
  })

  it('never rounds a share up to 100%', () => {
    expect([formatShare(1), formatShare(0.9999), formatShare(0.5)]).toEqual(['100%', '99.9%', '50.0%'])
  })
})

describe('factlint coverage (command)', () => {
  it('exits 1 on an origin not found, 0 otherwise, and speaks JSON', async () => {
    const root = writeCorpus({'claims/a/fled.md': claim('a/fled.md', 'People fled.'), 'small.txt': article})
    const fine = io(root)
    expect(await main(['coverage', '.', '--article', 'small.txt', '--format', 'json'], fine)).toBe(0)
    const json = JSON.parse(fine.out.join('')) as CoverageReport
    expect(json.summary).toMatchObject({covered: 1, factual: 5})
    const under = io(root)
    expect(await main(['coverage', '.', '--article', 'small.txt', '--min-coverage', '50'], under)).toBe(1)
    expect(under.err.join('')).toContain('20.0% covered, less than --min-coverage 50')

    const broken = writeCorpus({'claims/a/fled.md': claim('a/fled.md', 'People ran.'), 'small.txt': article})
    const run = io(broken)
    expect(await main(['coverage', '.', '--article', 'small.txt'], run)).toBe(1)
    expect(run.out.join('')).toContain('claims/a/fled.md\n  4:9  error  Unexpected `origin`')
  })

  it('exits 2 without an article', async () => {
    const run = io(repository)
    expect(await main(['coverage', 'corpus'], run)).toBe(2)
    expect(await main(['coverage', 'corpus', '--article', 'no/such.txt'], run)).toBe(2)
    expect(run.err.join('')).toContain('Missing --article')
  })
})

describe('coverage of the real corpus', () => {
  const ignore = readFileSync(noFactSentences, 'utf8').split('\n')
  const report = coverageOfCorpus(path.join(repository, 'corpus'), seedPath, readFileSync(seedPath, 'utf8'), ignore)

  it('finds every origin in the article', () => {
    expect(report.findings).toEqual([])
  })

  it('judges only sentences of the article as stating no fact', () => {
    expect(report.unusedIgnores).toEqual([])
    expect(report.summary.ignored).toBe(18)
  })

  it('covers 100% of the sentences that state facts', () => {
    const uncovered = report.sentences.filter((sentence) => !sentence.covered && !sentence.ignored).map((sentence) => `${sentence.line}:${sentence.column} ${sentence.text}`)
    expect(uncovered).toEqual([])
    expect(report.summary.share).toBe(1)
  })
})
