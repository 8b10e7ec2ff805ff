import {describe, expect, it} from 'vitest'
import {claim, lintFiles, validClaim} from '../helpers/corpus.js'
import {figureIndex} from '../../src/figures/figure-index.js'
import {measureReport, reportInterval} from '../../src/figures/measure-report.js'
import {buildReport} from '../../src/report/model.js'
import {validator} from '../../src/schema/ajv.js'

const measures = `measures:
  troops:
    label: Soviet troops
    kind: count
    unit: soldier
    disputed: Estimates differ.
  deaths:
    label: Hungarians killed
    kind: count
    unit: person
  outbreak:
    label: Outbreak
    kind: date
  tanks:
    label: Soviet tanks
    kind: count
`

function withFigure(id: string, figure: string, status = 'unverified'): string {
  return validClaim(id, `figures:\n${figure}`).replace('status: unverified', `status: ${status}`)
}

const files = {
  'measures.yaml': measures,
  'claims/b/deaths-high.md': withFigure('deaths-high', '  - measure: deaths\n    value: 3000\n    qualifier: more-than\n    text: more than 3,000'),
  'claims/a/deaths-low.md': withFigure('deaths-low', '  - measure: deaths\n    value: 2500\n    qualifier: approx\n    unit: person\n    text: around 2,500'),
  'claims/a/deaths-draft.md': withFigure('deaths-draft', '  - measure: deaths\n    value: 2700', 'draft'),
  'claims/a/troops-un.md': claim(
    'id: troops-un\nstatus: unverified\nsources:\n  - key: time1956\n    locator: "p. 3"\n  - key: nowhere2000\n    stance: context\nfigures:\n  - measure: troops\n    value: {min: 75000, max: 200000}\n    qualifier: range'
  ),
  'claims/a/troops-article.md': withFigure('troops-article', '  - measure: troops\n    value: 60000'),
  'claims/a/outbreak.md': withFigure('outbreak', '  - measure: outbreak\n    value: 1956-10\n    qualifier: at-least'),
  'claims/a/outbreak-bad.md': withFigure('outbreak-bad', '  - measure: outbreak\n    value: 1956-02-30'),
  'claims/a/tanks-draft.md': withFigure('tanks-draft', '  - measure: tanks\n    value: 1000', 'draft')
}

describe('measureReport', () => {
  const result = lintFiles(files)
  const report = measureReport(result.corpus)

  it('lists every measure, sorted by id, with its status', () => {
    expect(report.map((measure) => [measure.id, measure.status])).toEqual([
      ['deaths', 'conflicting'],
      ['outbreak', 'consistent'],
      ['tanks', 'no-figures'],
      ['troops', 'disputed']
    ])
  })

  it('gives each figure with its interval, sorted by file, drafts listed but not counted', () => {
    const deaths = report.find((measure) => measure.id === 'deaths')
    expect(deaths).toMatchObject({label: 'Hungarians killed', kind: 'count', unit: 'person'})
    expect(deaths?.figures).toEqual([
      {
        claim: 'deaths-draft', file: 'claims/a/deaths-draft.md', line: 8, column: 5, status: 'draft',
        value: 2700, qualifier: 'exact', interval: {lo: 2700, hi: 2700, loOpen: false, hiOpen: false},
        counted: false, conflicting: false, sources: [{key: 'lendvai2008', locator: 'p. 12', tier: 'scholarly', stance: 'supports'}]
      },
      {
        claim: 'deaths-low', file: 'claims/a/deaths-low.md', line: 8, column: 5, status: 'unverified',
        value: 2500, qualifier: 'approx', text: 'around 2,500', unit: 'person', interval: {lo: 2250, hi: 2750, loOpen: false, hiOpen: false},
        counted: true, conflicting: true, sources: [{key: 'lendvai2008', locator: 'p. 12', tier: 'scholarly', stance: 'supports'}]
      },
      {
        claim: 'deaths-high', file: 'claims/b/deaths-high.md', line: 8, column: 5, status: 'unverified',
        value: 3000, qualifier: 'more-than', text: 'more than 3,000', interval: {lo: 3000, hi: null, loOpen: true, hiOpen: true},
        counted: true, conflicting: true, sources: [{key: 'lendvai2008', locator: 'p. 12', tier: 'scholarly', stance: 'supports'}]
      }
    ])
  })

  it('writes date intervals as ISO days and leaves out values that name no interval', () => {
    const outbreak = report.find((measure) => measure.id === 'outbreak')
    expect(outbreak?.figures.map((figure) => [figure.claim, figure.interval])).toEqual([
      ['outbreak', {lo: '1956-10-01', hi: null, loOpen: false, hiOpen: true}]
    ])
  })

  it('carries the dispute, ranges, and sources without a bibliography entry (no tier)', () => {
    const troops = report.find((measure) => measure.id === 'troops')
    expect(troops?.disputed).toBe('Estimates differ.')
    const un = troops?.figures.find((figure) => figure.claim === 'troops-un')
    expect(un?.value).toEqual({min: 75000, max: 200000})
    expect(un?.interval).toEqual({lo: 75000, hi: 200000, loOpen: false, hiOpen: false})
    expect(un?.sources).toEqual([
      {key: 'time1956', locator: 'p. 3', tier: 'primary', stance: 'supports'},
      {key: 'nowhere2000', stance: 'context'}
    ])
  })

  it('is the measures section of the JSON report, valid against report.schema.json', () => {
    const json = buildReport(result)
    expect(json.measures).toEqual(report)
    const validate = validator('report')
    expect(validate(JSON.parse(JSON.stringify(json))), JSON.stringify(validate.errors)).toBe(true)
  })

  it('keeps the whole measures section when the findings are limited to some files', () => {
    expect(buildReport(result, {onlyFiles: new Set(['claims/a/outbreak.md'])}).measures).toEqual(report)
  })

  it('is left out when asked, for formats that never show it', () => {
    const without = buildReport(result, {measures: false})
    expect(without.measures).toBeUndefined()
    expect(without.findings).toEqual(buildReport(result).findings)
  })

  it('is computed from one interval index per run, shared with the rules', () => {
    expect(figureIndex(result.corpus)).toBe(figureIndex(result.corpus))
  })

  it('drops the ulp of outward rounding from interval ends', () => {
    const interval = figureIndex(result.corpus).byMeasure.get('deaths')?.counted.find((figure) => figure.claim.id === 'deaths-low')?.interval
    expect(interval?.lo).toBeLessThan(2250)
    expect(reportInterval(interval!, 'count')).toEqual({lo: 2250, hi: 2750, loOpen: false, hiOpen: false})
  })
})
