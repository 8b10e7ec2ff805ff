/**
 * The review page names the claims each conflicting figure conflicts with, in
 * O(n log n) and at most `conflictListLimit` of them per row.
 */
import {describe, expect, it} from 'vitest'
import type {MeasureReportEntry, MeasureReportFigure} from '../../src/figures/measure-report.js'
import {conflictListLimit, reviewMeasure} from '../../src/report/review.js'

function figure(claim: string, lo: number, hi: number, conflicting: boolean, extra: Partial<MeasureReportFigure> = {}): MeasureReportFigure {
  return {claim, file: `claims/s/${claim}.md`, value: lo, qualifier: 'exact', interval: {lo, hi, loOpen: false, hiOpen: false}, counted: true, conflicting, sources: [], ...extra}
}

function measure(figures: MeasureReportFigure[]): MeasureReportEntry {
  return {id: 'deaths', label: 'Deaths', kind: 'count', status: 'conflicting', figures} as MeasureReportEntry
}

describe('conflict partners on the review page', () => {
  it('names every partner below and above, and no figure that meets it', () => {
    const review = reviewMeasure(
      measure([
        figure('low', 100, 200, true),
        figure('middle', 250, 300, true),
        figure('touching', 300, 400, true),
        figure('high', 500, 600, true),
        figure('draft', 0, 1, false, {counted: false})
      ])
    )
    expect(review.figures.map((item) => [item.claim, item.conflictsWith, item.moreConflicts])).toEqual([
      ['low', ['middle', 'touching', 'high'], 0],
      ['middle', ['low', 'high'], 0],
      ['touching', ['low', 'high'], 0],
      ['high', ['low', 'middle', 'touching'], 0],
      ['draft', [], 0]
    ])
  })

  it('treats an open end that touches as a conflict', () => {
    const review = reviewMeasure(measure([figure('more', 1000, Infinity, true, {interval: {lo: 1000, hi: null, loOpen: true, hiOpen: true}}), figure('at-most', 0, 1000, true, {interval: {lo: null, hi: 1000, loOpen: true, hiOpen: false}})]))
    expect(review.figures.map((item) => item.conflictsWith)).toEqual([['at-most'], ['more']])
  })

  it('lists at most the limit and counts the rest, for one outlier against thousands', () => {
    const agreeing = Array.from({length: 5000}, (_, index) => figure(`c${String(index).padStart(4, '0')}`, 2000, 3000, true))
    const review = reviewMeasure(measure([...agreeing, figure('outlier', 20000, 20000, true)]))
    const outlier = review.figures.at(-1)
    expect(outlier?.conflictsWith).toHaveLength(conflictListLimit)
    expect(outlier?.moreConflicts).toBe(5000 - conflictListLimit)
    expect(review.figures[0]?.conflictsWith).toEqual(['outlier'])
  })
})
