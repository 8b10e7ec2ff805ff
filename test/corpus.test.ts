/**
 * The Hungary 1956 corpus as a research artefact: it lints without errors, every claim
 * validates, cites the article by paragraph, declares every number it states, and no
 * claim claims more review than it had.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintCorpus} from '../src/lint.js'
import {buildReport} from '../src/report/model.js'

const result = lintCorpus({keepFacts: true, root: path.resolve('corpus')})
const report = buildReport(result)
const article = readFileSync(path.resolve('../shared/seed/when-hungary-rose.txt'), 'utf8')

describe('the Hungary 1956 corpus', () => {
  it('has no error, and only the findings that are the historians\' queue or documented disagreement', () => {
    expect(report.summary.errors).toBe(0)
    const rules = new Set(report.findings.map((finding) => finding.rule))
    expect([...rules].sort()).toEqual(expect.arrayContaining(['locator-needed']))
    for (const rule of ['frontmatter', 'schema', 'id-mismatch', 'duplicate-id', 'unknown-source', 'body-citation', 'unknown-measure', 'figure-text', 'undeclared-figure', 'according-to-whom', 'quote-needs-locator']) {
      expect(report.findings.filter((finding) => finding.rule === rule), rule).toEqual([])
    }
    // Conflicts exist only on measures the corpus marks disputed.
    for (const finding of report.findings.filter((item) => item.rule === 'conflicting-figures')) expect(finding.severity).toBe('info')
  })

  it('has well over a hundred claims in the article\'s eleven sections', () => {
    expect(result.corpus.claims.length).toBeGreaterThan(150)
    expect(new Set(result.corpus.claims.map((claim) => claim.section)).size).toBe(11)
  })

  it('cites the article in every claim, by a paragraph that exists', () => {
    // Paragraphs are numbered as docs/corpus-format.md says: the non-empty lines after the
    // byline, without the section headings (the folders' titles) and the Sources list.
    const headings = new Set(readFileSync(path.resolve('corpus/sections.yaml'), 'utf8').match(/title: .*/g)?.map((line) => line.slice(7).replace(/^"|"$/g, '')) ?? [])
    const lines = article.split('\n').map((line) => line.trim())
    const body = lines.slice(lines.findIndex((line) => line.endsWith('min read')) + 1, lines.indexOf('Sources'))
    const paragraphs = body.filter((line) => line !== '' && !headings.has(line)).length
    expect(paragraphs).toBe(40)
    for (const claim of result.corpus.claims) {
      const citation = claim.sources.find((source) => source.key === 'holland2025')
      expect(citation, claim.path).toBeDefined()
      const number = /^para\. (\d+)$/.exec(citation?.locator ?? '')?.[1]
      expect(number, `${claim.path}: ${citation?.locator}`).toBeDefined()
      expect(Number(number)).toBeGreaterThan(0)
      expect(Number(number)).toBeLessThanOrEqual(paragraphs)
    }
  })

  it('quotes the article verbatim in every origin', () => {
    for (const claim of result.corpus.claims) {
      if (claim.origin !== undefined) expect(article.includes(claim.origin), `${claim.path}: ${claim.origin}`).toBe(true)
    }
  })

  it('verifies nothing yet, and never invents a page: other works are cited with locator unknown', () => {
    for (const claim of result.corpus.claims) {
      expect(claim.status, claim.path).not.toBe('verified')
      for (const source of claim.sources) {
        if (source.key !== 'holland2025') expect(source.locator, `${claim.path} ${source.key}`).toBe('unknown')
      }
    }
  })

  it('tiers every source', () => {
    for (const entry of result.corpus.bibliography.entries) expect(entry.tier, entry.key).not.toBe('unknown')
  })
})
