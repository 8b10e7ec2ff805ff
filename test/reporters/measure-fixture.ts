/**
 * The `measures` section of the JSON report (schema/report.schema.json) for tests of the
 * page, written by hand until the figures stage fills it: claims `a` and `b` conflict,
 * `d` is a draft whose figure takes no part (as the figures stage marks them).
 */
import type {MeasureReportEntry} from '../../src/figures/measure-report.js'

export function measureFixture(): MeasureReportEntry[] {
  return [
    {
      id: 'date-revolution-outbreak',
      label: 'Day the revolution broke out',
      kind: 'date',
      status: 'consistent',
      figures: [
        {
          claim: 'a',
          file: 'claims/s/a.md',
          status: 'unverified',
          value: '1956-10-23',
          qualifier: 'exact',
          text: '23 October 1956',
          interval: {lo: '1956-10-23', hi: '1956-10-23', loOpen: false, hiOpen: false},
          counted: true,
          conflicting: false,
          sources: [{key: 'lendvai2008', locator: 'p. 12', tier: 'scholarly', stance: 'supports'}]
        },
        {
          claim: 'b',
          file: 'claims/s/b.md',
          status: 'unverified',
          value: '1956-10',
          qualifier: 'exact',
          text: 'October 1956',
          interval: {lo: '1956-10-01', hi: '1956-10-31', loOpen: false, hiOpen: false},
          counted: true,
          conflicting: false,
          sources: [{key: 'lendvai2008', locator: 'p. 12', tier: 'scholarly', stance: 'supports'}]
        }
      ]
    },
    {
      id: 'deaths-hungarian-1956',
      label: 'Hungarians killed',
      kind: 'count',
      unit: 'person',
      status: 'conflicting',
      figures: [
        {
          claim: 'a',
          file: 'claims/s/a.md',
          line: 9,
          column: 5,
          status: 'unverified',
          value: 2500,
          qualifier: 'approx',
          text: 'around 2,500',
          interval: {lo: 2250, hi: 2750, loOpen: false, hiOpen: false},
          counted: true,
          conflicting: true,
          sources: [{key: 'lendvai2008', locator: 'p. 12', tier: 'scholarly', stance: 'supports'}]
        },
        {
          claim: 'b',
          file: 'claims/s/b.md',
          status: 'unverified',
          value: 3000,
          qualifier: 'more-than',
          text: 'more than 3,000',
          interval: {lo: 3000, hi: null, loOpen: true, hiOpen: true},
          counted: true,
          conflicting: true,
          sources: [{key: 'lendvai2008', locator: 'unknown', tier: 'scholarly', stance: 'supports'}]
        },
        {
          claim: 'd',
          file: 'claims/s/d.md',
          status: 'draft',
          value: 1000,
          qualifier: 'exact',
          text: '1,000',
          interval: {lo: 1000, hi: 1000, loOpen: false, hiOpen: false},
          counted: false,
          conflicting: false,
          sources: []
        }
      ]
    },
    {id: 'refugees-1956', label: 'Hungarians who fled', kind: 'count', unit: 'person', status: 'no-figures', figures: []}
  ]
}
