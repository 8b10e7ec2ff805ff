import {describe, expect, it} from 'vitest'
import {claim, findings, lines, validClaim} from '../helpers/corpus.js'
import {testRule} from '../helpers/rule-tester.js'

const m = 'measures.yaml'

/** Line 14 holds the first relation's `check`, line 16 the second's, and so on. */
function measures(...checks: string[]): string {
  return `default-tolerance: 0.1
measures:
  refugees:
    {label: Refugees, kind: count, unit: person}
  population:
    {label: Population, kind: count, unit: person}
  share:
    {label: Share fled, kind: percent, unit: percent}
  date-a: {label: Statue put up, kind: date}
  date-b: {label: Statue pulled down, kind: date}
  years-standing: {label: Years standing, kind: duration, unit: year, tolerance: 0}
relations:
${checks.map((check, index) => `  - id: r${index + 1}\n    check: ${check}`).join('\n')}
`
}

function figure(measure: string, value: string, qualifier = 'exact'): string {
  return `  - measure: ${measure}\n    value: ${value}\n    qualifier: ${qualifier}`
}

function claimWith(id: string, figures: string[], status = 'unverified'): string {
  return claim(`id: ${id}\nstatus: ${status}\nsources:\n  - key: lendvai2008\n    locator: "p. 12"\nfigures:\n${figures.join('\n')}`)
}

const shareClaims = (share: string, qualifier: string, status = 'unverified') => ({
  'claims/s/refugees.md': claimWith('refugees', [figure('refugees', '200000', 'approx')]),
  'claims/s/population.md': claimWith('population', [figure('population', '9800000')]),
  'claims/s/share.md': claimWith('share', [figure('share', share, qualifier)], status)
})

const statueClaims = (years: string) => ({
  'claims/s/put-up.md': claimWith('put-up', [figure('date-a', '1951-12')]),
  'claims/s/pulled-down.md': claimWith('pulled-down', [figure('date-b', '1956-10-23')]),
  'claims/s/years.md': claimWith('years', [figure('years-standing', years)])
})

testRule('relation', {
  valid: [
    {
      // 200,000 ± 10% of 9,800,000 is 1.84 % to 2.24 %, which meets [1.8, 2).
      name: 'a share that holds within the tolerance of approx and nearly',
      files: {[m]: measures('"refugees / population * 100 = share"'), ...shareClaims('2', 'nearly')}
    },
    {
      name: 'year() of dates: 1956 − 1951 = 5',
      files: {[m]: measures('"year(date-b) - year(date-a) = years-standing"'), ...statueClaims('5')}
    },
    {
      name: 'a conflicting measure counts as the hull of its figures',
      files: {
        [m]: measures('"refugees / population * 100 = share"'),
        ...shareClaims('2', 'nearly'),
        'claims/s/population-2.md': claimWith('population-2', [figure('population', '20000000')]),
        'claims/s/share-2.md': claimWith('share-2', [figure('share', '1')])
      }
    },
    {
      name: 'no relations at all',
      files: {[m]: 'measures:\n  refugees: {label: Refugees, kind: count}\n'}
    },
    {
      name: 'a relation that does not parse is left to schema',
      files: {[m]: measures('"refugees + ) = share"'), ...shareClaims('2', 'nearly')}
    }
  ],
  invalid: [
    {
      name: 'a share that cannot hold, at the check line',
      files: {[m]: measures('"refugees / population * 100 = share"'), ...shareClaims('3', 'exact')},
      errors: [
        `${m}:14:12: Unexpected relation \`r1\` that cannot hold: \`refugees / population * 100\` is \`[1.83673469388, 2.24489795918]\` and \`share\` is \`[3, 3]\`, which do not meet`
      ]
    },
    {
      name: 'years that do not add up, with a tolerance of 0',
      files: {[m]: measures('"year(date-b) - year(date-a) = years-standing"'), ...statueClaims('4')},
      errors: [`${m}:14:12: Unexpected relation \`r1\` that cannot hold: \`year(date-b) - year(date-a)\` is \`[5, 5]\` and \`years-standing\` is \`[4, 4]\`, which do not meet`]
    },
    {
      name: 'draft and retracted figures do not count: the relation is not evaluated (info)',
      files: {[m]: measures('refugees / population * 100 = share'), ...shareClaims('3', 'exact', 'draft')},
      errors: [`${m}:14:12: Relation \`r1\` not evaluated: no figures of \`share\` in claims that are neither draft nor retracted`]
    },
    {
      name: 'a measure with no figures at all (info), naming every missing measure',
      files: {[m]: measures('"refugees / population * 100 = share"'), 'claims/s/a.md': validClaim('a')},
      errors: [`${m}:14:12: Relation \`r1\` not evaluated: no figures of \`refugees\`, \`population\`, \`share\` in claims that are neither draft nor retracted`]
    }
  ]
})

describe('relation severities and details', () => {
  it('reports a relation that is not evaluated as info, a failing one as error', () => {
    const notEvaluated = findings({[m]: measures('"refugees = share"'), 'claims/s/a.md': validClaim('a')}, 'relation')
    expect(notEvaluated.map((finding) => finding.severity)).toEqual(['info'])
    const failing = findings({[m]: measures('"refugees / population * 100 = share"'), ...shareClaims('3', 'exact')}, 'relation')
    expect(failing.map((finding) => finding.severity)).toEqual(['error'])
  })

  it('carries the relation note', () => {
    const files = {
      [m]: measures('"refugees / population * 100 = share"').replace('check:', 'note: The share must agree.\n    check:'),
      ...shareClaims('3', 'exact')
    }
    expect(findings(files, 'relation')[0]?.note).toBe('The share must agree.')
  })

  it('evaluates a retracted claim as absent', () => {
    const files = {[m]: measures('"refugees / population * 100 = share"'), ...shareClaims('3', 'exact', 'retracted')}
    expect(findings(files, 'relation').map((finding) => finding.severity)).toEqual(['info'])
  })
})

describe('relation problems are schema findings at the check', () => {
  it('a parse error, at the parser column inside a quoted check', () => {
    expect(lines({[m]: measures('"refugees + ) = share"')}, 'schema')).toEqual([
      `${m}:14:24: Unexpected relation \`r1\`: Unexpected \`)\` at column 12, expected a number, a measure id or \`year(\``
    ])
  })

  it('a parse error in a plain check', () => {
    expect(lines({[m]: measures('refugees = share = population')}, 'schema')).toEqual([
      `${m}:14:29: Unexpected relation \`r1\`: Unexpected \`=\` at column 18, expected an operator or the end of the check`
    ])
  })

  it('a parse error in a folded check, at the value', () => {
    expect(lines({[m]: measures('>-\n      refugees +\n      ) = share')}, 'schema')).toEqual([
      `${m}:14:12: Unexpected relation \`r1\`: Unexpected \`)\` at column 12, expected a number, a measure id or \`year(\``
    ])
  })

  it('an unknown measure and year() of a count, at the id', () => {
    expect(lines({[m]: measures('"refugeez = share"', '"year(refugees) = 1956"')}, 'schema')).toEqual([
      `${m}:14:13: Unexpected unknown measure \`refugeez\` in relation \`r1\`, expected a measure id of \`measures.yaml\``,
      `${m}:16:13: Unexpected \`year(refugees)\` of a count measure in relation \`r2\`, expected a date measure`
    ])
  })

  it('and the relation rule then stays silent on them', () => {
    expect(lines({[m]: measures('"refugeez = share"', '"year(refugees) = 1956"')}, 'relation')).toEqual([])
  })
})
