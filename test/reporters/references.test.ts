import {describe, expect, it} from 'vitest'
import {formatReferences} from '../../src/report/references.js'
import {orderSections, sectionTitle} from '../../src/report/review.js'

describe('formatted references', () => {
  it('formats CSL items in APA order with italics and clickable http(s) and DOI links', () => {
    const references = formatReferences([
      {id: 'b', type: 'webpage', title: 'When Hungary Rose', author: [{family: 'Holland', given: 'Daniel'}], issued: {'date-parts': [[2025, 10, 23]]}, URL: 'https://example.org/a?b=1&c=2'},
      {id: 'a', type: 'article-journal', title: 'A Paper', author: [{family: 'Gati', given: 'Charles'}], issued: {'date-parts': [[2006]]}, 'container-title': 'Journal', DOI: '10.1000/xyz123'}
    ])
    expect(references.map((reference) => reference.key)).toEqual(['a', 'b'])
    expect(references[0]?.html).toBe(
      'Gati, C. (2006). A Paper. <i>Journal</i>. <a href="https://doi.org/10.1000/xyz123" rel="noreferrer">https://doi.org/10.1000/xyz123</a>'
    )
    expect(references[1]?.html).toBe(
      'Holland, D. (2025, October 23). <i>When Hungary Rose</i>. <a href="https://example.org/a?b=1&#38;c=2" rel="noreferrer">https://example.org/a?b=1&#38;c=2</a>'
    )
  })

  it('escapes the text and leaves a javascript: URL inert', () => {
    const [reference] = formatReferences([
      {id: 'x', type: 'webpage', title: 'Click <script>alert(1)</script> "now"', author: [{literal: '<b>Eve</b>'}], URL: 'javascript:alert(1)'}
    ])
    // citeproc reads <i>, <b>, <sup>, <sub> in fields as its rich-text markup; nothing else passes.
    expect(reference?.html).toContain('<b>Eve</b>')
    expect(reference?.html).not.toMatch(/<(?!\/?[ib]>)/)
    expect(reference?.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    expect(reference?.html).toContain('javascript:alert(1)')
    expect(reference?.html).not.toContain('href')
  })

  it('links a doi: URL to doi.org', () => {
    const [reference] = formatReferences([{id: 'd', type: 'webpage', title: 'T', URL: 'doi:10.5555/abc'}])
    expect(reference?.html).toContain('<a href="https://doi.org/10.5555/abc" rel="noreferrer">doi:10.5555/abc</a>')
  })

  it('gives nothing for no items', () => {
    expect(formatReferences([])).toEqual([])
  })
})

describe('sections', () => {
  it('orders by explicit order, then numeric prefix, then alphabetically', () => {
    expect(orderSections(['b', '10-x', '2-y', 'a'], [])).toEqual(['2-y', '10-x', 'a', 'b'])
    expect(orderSections(['b', '10-x', '2-y', 'a'], ['b', 'missing', 'a'])).toEqual(['b', 'a', '2-y', '10-x'])
  })

  it('titles a section from its folder name', () => {
    expect(sectionTitle('02-the-night-the-statue-fell')).toBe('The night the statue fell')
    expect(sectionTitle('introduction')).toBe('Introduction')
  })
})
