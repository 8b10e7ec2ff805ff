/**
 * The review page as text: escaping, inert links, JSON that cannot close its script, a
 * CSP that names exactly the page's own style and script, sections in order, measure
 * tables with conflicts, determinism. test/slow/html-browser.test.ts checks it in Chromium.
 */
import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {buildReport} from '../../src/report/model.js'
import {buildReviewData, type ReviewData} from '../../src/report/review.js'
import {escapeHtml, formatHtml, scriptJson, type FilterIndexEntry} from '../../src/reporters/html.js'
import {claim, defaultBibliography, lintFiles, validClaim} from '../helpers/corpus.js'
import {measureFixture} from './measure-fixture.js'

const hostile = '<script>alert(1)</script>'

function hostileReview(): ReviewData {
  const result = lintFiles({
    'bibliography.bib': `${defaultBibliography}
@online{evil,
  author = {Mallory, Eve},
  title = {Click <b>me</b> "now" ${hostile}},
  url = {javascript:alert(1)},
  date = {2020},
  keywords = {tier:popular}
}

@article{good,
  author = {Gati, Charles},
  title = {A Paper},
  journaltitle = {Journal},
  date = {2006},
  doi = {10.1000/xyz123},
  keywords = {tier:scholarly}
}
`,
    'claims/02-later/b.md': validClaim('b'),
    'claims/01-first/a.md': claim(
      `id: a\nstatus: disputed\nsources:\n  - key: evil\n    locator: "p. 1"\n  - key: good\n    locator: "p. 2"\nnote: '"><img src=x onerror=alert(1)>'`,
      `Body ${hostile} and </script><script>alert(2)</script> and \u2028 line separators.`
    ),
    'claims/introduction/c.md': validClaim('c')
  })
  return buildReviewData(result, buildReport(result))
}

function embeddedJson(html: string): string {
  const match = /<script type="application\/json" id="filter-index">([\s\S]*?)<\/script>/.exec(html)
  if (!match?.[1]) throw new Error('no embedded JSON')
  return match[1]
}

describe('HTML review page', () => {
  const page = formatHtml(hostileReview())

  it('shows a claim containing <script> as text', () => {
    expect(page).not.toContain(hostile)
    expect(page).toContain('Body &lt;script&gt;alert(1)&lt;/script&gt; and &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;')
    expect(page).not.toContain('<img')
    // The page's own two scripts and nothing else.
    expect(page.match(/<script/g)).toHaveLength(2)
  })

  it('keeps a javascript: URL inert and links only http, https and DOIs', () => {
    expect(page).toContain('javascript:alert(1)')
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '')
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) expect(href).toMatch(/^(#[\w-]+|https?:\/\/)/)
    expect(hrefs).toContain('https://doi.org/10.1000/xyz123')
    expect(hrefs).toContain('https://example.org/when-hungary-rose')
    expect(page).not.toMatch(/<[^>]*\son\w+=/i)
  })

  it('embeds JSON that cannot close its script element and reads back as the corpus text', () => {
    const json = embeddedJson(page)
    expect(json).not.toMatch(/[<>\u2028\u2029]/)
    const index = JSON.parse(json) as FilterIndexEntry[]
    const a = index.find((entry) => entry.anchor === 'claim-a')
    expect(a?.text).toContain(`Body ${hostile} and </script><script>alert(2)</script> and \u2028 line separators.`)
    expect(a).toMatchObject({status: 'disputed', rules: expect.any(Array), severities: expect.any(Array)})
  })

  it('escapes JSON for a script element', () => {
    expect(scriptJson({a: '</script>\u2028&'})).toBe('{"a":"\\u003c/script\\u003e\\u2028\\u0026"}')
    expect(JSON.parse(scriptJson({a: '</script>\u2028&'}))).toEqual({a: '</script>\u2028&'})
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;')
  })

  it('allows in its CSP only the hashes of its own style and script, and no network', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1]?.replace(/&#39;/g, "'")
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? ''
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? ''
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    expect(csp).toBe(`default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; base-uri 'none'; form-action 'none'`)
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'))
    expect(page).not.toMatch(/\sstyle="/)
  })

  it('orders sections by numeric prefix, then alphabetically, and titles them', () => {
    const titles = [...page.matchAll(/<h3 id="section-[^"]*__title">([^<]*) </g)].map((match) => match[1])
    expect(titles).toEqual(['First', 'Later', 'Introduction'])
  })

  it('says there are no measures when the report has none', () => {
    const result = lintFiles({'claims/s/a.md': validClaim('a')})
    const report = buildReport(result)
    delete report.measures
    expect(formatHtml(buildReviewData(result, report))).toContain('No measures: this report was made without the figures stage.')
  })

  it('shows the measures of a real corpus, conflicts first', () => {
    const figure = (value: number, qualifier: string, text: string) =>
      `figures:\n  - measure: deaths-hungarian-1956\n    value: ${value}\n    qualifier: ${qualifier}\n    text: "${text}"\n`
    const result = lintFiles({
      'claims/s/low.md': validClaim('low', figure(2500, 'approx', 'around 2,500'), 'Around 2,500 Hungarians were killed.'),
      'claims/s/high.md': validClaim('high', figure(3000, 'more-than', 'more than 3,000'), 'More than 3,000 Hungarians were killed.')
    })
    const html = formatHtml(buildReviewData(result, buildReport(result)))
    const deaths = /<section class="measure" id="measure-deaths-hungarian-1956"[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
    expect(deaths).toContain('<span class="badge measure-conflicting">conflicting</span>')
    expect(deaths.match(/<tr class="conflict">/g)).toHaveLength(2)
    expect(deaths).toContain('<strong>Conflict:</strong> <a href="#claim-low">low</a>')
    expect(html.indexOf('id="measure-deaths-hungarian-1956"')).toBeLessThan(html.indexOf('id="measure-date-revolution-outbreak"'))
  })

  it('renders each measure as a table and a chart with the conflicts highlighted', () => {
    const result = lintFiles({'claims/s/a.md': validClaim('a'), 'claims/s/b.md': validClaim('b')})
    const report = buildReport(result)
    report.measures = measureFixture()
    const html = formatHtml(buildReviewData(result, report))
    const table = /<section class="measure" id="measure-deaths-hungarian-1956"[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
    expect(table).toContain('<caption>Figures for Hungarians killed</caption>')
    expect(table.match(/<tr class="conflict">/g)).toHaveLength(2)
    expect(table).toContain('<strong>Conflict:</strong> <a href="#claim-b">b</a>')
    expect(table).toContain('<svg viewBox=')
    expect(table).toContain('figures 1, 2 conflict')
    expect(table).toContain('<code>(3000, ∞)</code>')
    // Conflicting measures come first, then the rest by id.
    expect(html.indexOf('id="measure-deaths-hungarian-1956"')).toBeLessThan(html.indexOf('id="measure-date-revolution-outbreak"'))
    expect(html).toContain('No claim gives a figure for it.')
  })

  it('gives every element a unique id, even for duplicate claim ids and look-alike names', () => {
    const result = lintFiles({
      'claims/s/nagy.md': validClaim('nagy'),
      'claims/s/nagy-title.md': validClaim('nagy-title'),
      'claims/t/nagy.md': validClaim('nagy'),
      'claims/t/Nagy_.md': validClaim('Nagy_')
    })
    const html = formatHtml(buildReviewData(result, buildReport(result)))
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1])
    expect(new Set(ids).size).toBe(ids.length)
    for (const reference of html.matchAll(/(?:aria-labelledby|for)="([^"]*)"|href="#([^"]*)"/g)) {
      expect(ids).toContain(reference[1] ?? reference[2])
    }
  })

  it('is the same bytes for the same corpus', () => {
    expect(formatHtml(hostileReview())).toBe(page)
  })
})

describe('review data', () => {
  it('marks which figures conflict, leaving out drafts and retracted claims', () => {
    const result = lintFiles({'claims/s/a.md': validClaim('a'), 'claims/s/b.md': validClaim('b')})
    const report = buildReport(result)
    report.measures = measureFixture()
    const review = buildReviewData(result, report)
    const deaths = review.measures?.find((measure) => measure.id === 'deaths-hungarian-1956')
    expect(deaths?.figures.map((figure) => [figure.claim, figure.conflictsWith, figure.intervalText])).toEqual([
      ['a', ['b'], '[2250, 2750]'],
      ['b', ['a'], '(3000, ∞)'],
      ['d', [], '[1000, 1000]']
    ])
    const dates = review.measures?.find((measure) => measure.id === 'date-revolution-outbreak')
    expect(dates?.figures.map((figure) => figure.intervalText)).toEqual(['[1956-10-23, 1956-10-23]', '[1956-10-01, 1956-10-31]'])
    expect(review.summary.conflictingMeasures).toBe(1)
  })
})
