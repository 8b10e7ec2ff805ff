import {describe, expect, it} from 'vitest'
import {claim, findings, lines, validClaim} from '../helpers/corpus.js'
import {testRule} from '../helpers/rule-tester.js'
import {emptyRegistry} from '../../src/corpus/measures.js'
import {unreadableClaim} from '../../src/pipeline/parse-claim.js'
import {conflictingFigures} from '../../src/rules/conflicting-figures.js'
import type {Corpus, Report} from '../../src/rules/create-rule.js'
import type {ClaimFacts, Qualifier} from '../../src/types.js'

const deaths = 'deaths-hungarian-1956'
const outbreak = 'date-revolution-outbreak'

/** A claim whose one figure's value is at line 9, column 12. */
function withFigure(id: string, measure: string, value: string, qualifier = 'exact', status = 'unverified'): string {
  return validClaim(id, `figures:\n  - measure: ${measure}\n    value: ${value}\n    qualifier: ${qualifier}`).replace('status: unverified', `status: ${status}`)
}

const a = 'claims/s/a.md'
const b = 'claims/s/b.md'
const c = 'claims/s/c.md'
const source = '(`lendvai2008`, p. 12)'

const disputedMeasures = `measures:
  troops:
    label: Soviet troops
    kind: count
    disputed: Estimates differ widely.
`

testRule('conflicting-figures', {
  valid: [
    {name: 'approx 2,500 holds exact 2,652', files: {[a]: withFigure('a', deaths, '2500', 'approx'), [b]: withFigure('b', deaths, '2652')}},
    {name: 'a month holds a day of it', files: {[a]: withFigure('a', outbreak, '1956-10'), [b]: withFigure('b', outbreak, '1956-10-23')}},
    {name: 'a year as an integer holds a day of it', files: {[a]: withFigure('a', outbreak, '1956'), [b]: withFigure('b', outbreak, '1956-10-23')}},
    {name: 'at least and at most that touch at a closed edge', files: {[a]: withFigure('a', deaths, '1000', 'at-least'), [b]: withFigure('b', deaths, '1000', 'at-most')}},
    {name: 'a draft claim takes no part', files: {[a]: withFigure('a', deaths, '2500'), [b]: withFigure('b', deaths, '9000', 'exact', 'draft')}},
    {name: 'a retracted claim takes no part', files: {[a]: withFigure('a', deaths, '2500'), [b]: withFigure('b', deaths, '9000', 'exact', 'retracted')}},
    {
      name: 'figures of different measures are not compared',
      files: {
        'measures.yaml': 'measures:\n  x: {label: X, kind: count}\n  y: {label: Y, kind: count}\n',
        [a]: withFigure('a', 'x', '1'),
        [b]: withFigure('b', 'y', '2')
      }
    },
    {name: 'an unknown measure is left to unknown-measure', files: {[a]: withFigure('a', 'nope', '1'), [b]: withFigure('b', 'nope', '2')}},
    {name: 'a value that names no interval is left to schema', files: {[a]: withFigure('a', outbreak, '1956-02-30'), [b]: withFigure('b', outbreak, '1956-10-23')}},
    {name: 'one figure alone', files: {[a]: withFigure('a', deaths, '2500')}}
  ],
  invalid: [
    {
      name: 'approx 2,500 against exact 2,800, on both files',
      files: {[a]: withFigure('a', deaths, '2500', 'approx'), [b]: withFigure('b', deaths, '2800')},
      errors: [
        `${a}:9:12: Unexpected conflict on measure \`${deaths}\`: \`approx 2500\` \`[2250, 2750]\` ${source} and \`exact 2800\` \`[2800, 2800]\` in \`${b}\` ${source} cannot both be true`,
        `${b}:9:12: Unexpected conflict on measure \`${deaths}\`: \`exact 2800\` \`[2800, 2800]\` ${source} and \`approx 2500\` \`[2250, 2750]\` in \`${a}\` ${source} cannot both be true`
      ]
    },
    {
      name: 'more than and at most that touch at the edge',
      files: {[a]: withFigure('a', deaths, '1000', 'more-than'), [b]: withFigure('b', deaths, '1000', 'at-most')},
      errors: [
        `${a}:9:12: Unexpected conflict on measure \`${deaths}\`: \`more-than 1000\` \`(1000, ∞)\` ${source} and \`at-most 1000\` \`(−∞, 1000]\` in \`${b}\` ${source} cannot both be true`,
        `${b}:9:12: Unexpected conflict on measure \`${deaths}\`: \`at-most 1000\` \`(−∞, 1000]\` ${source} and \`more-than 1000\` \`(1000, ∞)\` in \`${a}\` ${source} cannot both be true`
      ]
    },
    {
      name: 'a month and a day outside it',
      files: {[a]: withFigure('a', outbreak, '1956-10'), [b]: withFigure('b', outbreak, '1956-11-04')},
      errors: [
        `${a}:9:12: Unexpected conflict on measure \`${outbreak}\`: \`exact 1956-10\` \`[1956-10-01, 1956-10-31]\` ${source} and \`exact 1956-11-04\` \`[1956-11-04, 1956-11-04]\` in \`${b}\` ${source} cannot both be true`,
        `${b}:9:12: Unexpected conflict on measure \`${outbreak}\`: \`exact 1956-11-04\` \`[1956-11-04, 1956-11-04]\` ${source} and \`exact 1956-10\` \`[1956-10-01, 1956-10-31]\` in \`${a}\` ${source} cannot both be true`
      ]
    },
    {
      name: 'a conflict on a disputed measure is documented (severity info below)',
      files: {'measures.yaml': disputedMeasures, [a]: withFigure('a', 'troops', '60000'), [b]: withFigure('b', 'troops', '{min: 75000, max: 200000}', 'range')},
      errors: [
        `${a}:9:12: Documented conflict on disputed measure \`troops\`: \`exact 60000\` \`[60000, 60000]\` ${source} and \`range 75000–200000\` \`[75000, 200000]\` in \`${b}\` ${source} cannot both be true`,
        `${b}:9:12: Documented conflict on disputed measure \`troops\`: \`range 75000–200000\` \`[75000, 200000]\` ${source} and \`exact 60000\` \`[60000, 60000]\` in \`${a}\` ${source} cannot both be true`
      ]
    },
    {
      name: 'many agreeing claims against one: each names the tightest figure on the other side',
      files: {[a]: withFigure('a', deaths, '2500', 'approx'), [b]: withFigure('b', deaths, '2600'), [c]: withFigure('c', deaths, '3000', 'at-least')},
      errors: [
        `${a}:9:12: Unexpected conflict on measure \`${deaths}\`: \`approx 2500\` \`[2250, 2750]\` ${source} and \`at-least 3000\` \`[3000, ∞)\` in \`${c}\` ${source} cannot both be true`,
        `${b}:9:12: Unexpected conflict on measure \`${deaths}\`: \`exact 2600\` \`[2600, 2600]\` ${source} and \`at-least 3000\` \`[3000, ∞)\` in \`${c}\` ${source} cannot both be true`,
        `${c}:9:12: Unexpected conflict on measure \`${deaths}\`: \`at-least 3000\` \`[3000, ∞)\` ${source} and \`exact 2600\` \`[2600, 2600]\` in \`${b}\` ${source} cannot both be true`
      ]
    },
    {
      name: 'sources: keys and locators (unknown said so), without those that contradict',
      files: {
        [a]: claim(`id: a\nstatus: unverified\nsources:\n  - key: lendvai2008\n    locator: "p. 178"\n  - key: holland2025\n    locator: unknown\n  - key: time1956\n    stance: contradicts\nfigures:\n  - measure: ${deaths}\n    value: 2500`),
        [b]: claim(`id: b\nstatus: disputed\nsources:\n  - key: time1956\n    stance: contradicts\nfigures:\n  - measure: ${deaths}\n    value: 3000`)
      },
      errors: [
        `${a}:13:12: Unexpected conflict on measure \`${deaths}\`: \`exact 2500\` \`[2500, 2500]\` (\`lendvai2008\`, p. 178; \`holland2025\`, locator unknown) and \`exact 3000\` \`[3000, 3000]\` in \`${b}\` (no source) cannot both be true`,
        `${b}:9:12: Unexpected conflict on measure \`${deaths}\`: \`exact 3000\` \`[3000, 3000]\` (no source) and \`exact 2500\` \`[2500, 2500]\` in \`${a}\` (\`lendvai2008\`, p. 178; \`holland2025\`, locator unknown) cannot both be true`
      ]
    }
  ]
})

describe('conflicting-figures details', () => {
  it('points the cause at the other claim’s figure', () => {
    const [first] = findings({[a]: withFigure('a', deaths, '2500', 'approx'), [b]: withFigure('b', deaths, '2800')}, 'conflicting-figures')
    expect(first?.cause).toEqual({file: b, line: 9, column: 12, message: 'Figure `exact 2800` of claim `b`'})
    expect(first?.severity).toBe('error')
  })

  it('gives info with the dispute as the note on a disputed measure', () => {
    const found = findings({'measures.yaml': disputedMeasures, [a]: withFigure('a', 'troops', '60000'), [b]: withFigure('b', 'troops', '90000')}, 'conflicting-figures')
    expect(found.map((finding) => finding.severity)).toEqual(['info', 'info'])
    expect(found[0]?.note).toBe('Disputed: Estimates differ widely.')
  })

  it('names both sides for a figure between two others', () => {
    const found = findings(
      {[a]: withFigure('a', deaths, '1000', 'at-most'), [b]: withFigure('b', deaths, '2000'), [c]: withFigure('c', deaths, '3000', 'at-least')},
      'conflicting-figures'
    )
    expect(found.map((finding) => `${finding.file} → ${finding.cause?.file}`)).toEqual([`${a} → ${c}`, `${b} → ${c}`, `${c} → ${a}`])
    expect(found[1]?.note).toBe(`It also conflicts with \`at-most 1000\` \`(−∞, 1000]\` in \`${a}\` ${source}.`)
  })

  it('two figures of one measure in one claim conflict too', () => {
    const body = validClaim('a', `figures:\n  - measure: ${deaths}\n    value: 2500\n  - measure: ${deaths}\n    value: 3000`)
    expect(findings({[a]: body}, 'conflicting-figures').map((finding) => `${finding.line}:${finding.column}`)).toEqual(['9:12', '11:12'])
  })

  it('stays linear: 100,000 agreeing claims and one outlier, one finding per claim in conflict', () => {
    // In process over plain data: writing 100,000 files would test the disk, not the rule.
    // A pairwise comparison would make 5·10⁹ interval tests here and time the test out.
    const corpus = syntheticCorpus(100_000)
    const reports: Report[] = []
    conflictingFigures.checkCorpus?.(corpus, {options: {}, report: (report) => reports.push(report)})
    expect(reports).toHaveLength(100_001)
    expect(reports.filter((report) => report.cause?.file === 'claims/s/outlier.md')).toHaveLength(100_000)
    expect(reports.find((report) => report.file === 'claims/s/outlier.md')?.cause?.file).toBe('claims/s/x199.md')
  })
})

function syntheticCorpus(size: number): Corpus {
  const place = {start: {line: 9, column: 12, offset: 0}}
  const measures = emptyRegistry(true)
  measures.measures[deaths] = {id: deaths, label: 'Deaths', kind: 'count', tolerance: 0.1, place}
  const claims: ClaimFacts[] = []
  const add = (id: string, value: number, qualifier: Qualifier) => {
    const facts = unreadableClaim(`claims/s/${id}.md`, {reason: ''})
    facts.frontmatterProblems = []
    facts.id = id
    facts.status = 'unverified'
    facts.figures = [{index: 0, measure: deaths, value, qualifier, place, fieldPlaces: {value: place}}]
    claims.push(facts)
  }
  // 2,400–2,599 ± 10 %: they all meet in [2339.1, 2640]; 100 lies far below all of them, and
  // x199 (2,599) has the highest lower end, so it is the outlier's witness.
  for (let index = 0; index < size; index++) add(`x${index}`, 2400 + (index % 200), 'approx')
  add('outlier', 100, 'exact')
  // Only what the rule reads; the rest of a Corpus (bibliography, config) is not needed.
  return {measures, claims, allClaims: claims, measuresPath: 'measures.yaml'} as unknown as Corpus
}

describe('figure values that name no interval are schema findings, at the field', () => {
  const schemaLines = (files: Record<string, string>) => lines(files, 'schema')
  it('a day that does not exist', () => {
    expect(schemaLines({[a]: withFigure('a', outbreak, '1956-02-30')})).toEqual([
      `${a}:9:12: Unexpected \`1956-02-30\`, expected a date that exists as \`YYYY-MM-DD\`, \`YYYY-MM\` or \`YYYY\``
    ])
  })
  it('a date on a count measure, and a number on a date measure', () => {
    expect(schemaLines({[a]: withFigure('a', deaths, '1956-10'), [b]: withFigure('b', outbreak, '1956.5')})).toEqual([
      `${a}:9:12: Unexpected \`1956-10\`, expected a number for a count measure`,
      `${b}:9:12: Unexpected \`1956.5\`, expected a date that exists as \`YYYY-MM-DD\`, \`YYYY-MM\` or \`YYYY\``
    ])
  })
  it('a range qualifier without {min, max}, at the qualifier', () => {
    expect(schemaLines({[a]: withFigure('a', deaths, '2500', 'range')})).toEqual([
      `${a}:10:16: Unexpected single value \`2500\` with qualifier \`range\`, expected \`{min, max}\``
    ])
  })
  it('min above max', () => {
    expect(schemaLines({[a]: withFigure('a', deaths, '{min: 3000, max: 2500}', 'range')})).toEqual([
      `${a}:9:12: Unexpected range from \`3000\` down to \`2500\`, expected \`min\` ≤ \`max\``
    ])
  })
  it('is not reported twice when the value already breaks the JSON Schema', () => {
    expect(schemaLines({[a]: withFigure('a', deaths, 'lots')})).toEqual([
      `${a}:9:12: Unexpected \`figures[0].value\` format, expected an ISO date (\`1956-10-23\`, \`1956-10\` or \`1956\`)`
    ])
  })
  it('a figure of an unknown measure is left to unknown-measure', () => {
    expect(schemaLines({[a]: withFigure('a', 'nope', '1956-02-30')})).toEqual([])
  })
})
