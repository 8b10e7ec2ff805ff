/**
 * `figure-text` and `undeclared-figure` share what they learn about a claim within one lint
 * run (the body read with citations skipped, where figure texts occur) and skip work whose
 * result is known. These tests compare the shared and shortcut results with the results
 * computed afresh, the plain way, on many generated claims.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {readMeasures} from '../../src/corpus/measures.js'
import {
  bodyFiguresOfTheClaim,
  bodyFiguresOutsideCitations,
  citationRanges,
  readFigureText,
  undeclaredSkipRanges,
  type BodyReading
} from '../../src/figures/body-readings.js'
import {notFigureRanges, readFigures} from '../../src/figures/reader.js'
import {citationSpans, quotationSpans} from '../../src/pipeline/body.js'
import {parseClaim} from '../../src/pipeline/parse-claim.js'
import type {Corpus, Report} from '../../src/rules/create-rule.js'
import {coveredByFigureTexts, figureText, textOccurrences} from '../../src/rules/figure-text.js'
import {undeclaredFigure} from '../../src/rules/undeclared-figure.js'
import type {ClaimFacts, TextRun} from '../../src/types.js'

const measures = readMeasures(`measures:
  deaths:
    label: Deaths
    kind: count
    unit: person
  share:
    label: Share
    kind: percent
    unit: percent
  day:
    label: Day
    kind: date
`)

/** A corpus for one lint run: the rules read only its measures; each call is a new run. */
function newRun(): Corpus {
  // The two rules read nothing else of the corpus; a whole one needs files on disk.
  return {measures} as unknown as Corpus
}

const bodyFragments = [
  'Around 2,500', 'around 2,500', 'Some 2,500', '2,500', '*2,500*', '**around** 2,500', 'nearly two percent', 'two percent',
  'between 1948 and 1953', '23 October 1956', '23 October', 'on 4 November', 'the late 1980s', 'the 1960s and 1970s',
  'more than 200,000', '200,000', 'two thousand', 'Two Thousand Words', 'Charter 77', '"2,500 died"', '\u201c200,000 fled\u201d',
  '\u201e12 days\u201c', '[@lendvai2008, p. 178]', '@holland2025', '[see @lendvai2008; @time1956, pp. 12\u201314]', '`1956`',
  'people', 'Hungarians', 'died', 'fled', 'the', 'in', '.', ',', 'Émigré', 'İstanbul', 'thousands', '5km', '2\u20133 million',
  'by 8 November 1956', 'one', 'someone', 'half', '\n', '  ', 'SOME', 'twenty-five', '10%', '1,000 Soviet tanks', '[a link 12](https://x.org/3)'
]
const figureTexts = [
  'around 2,500', '2,500', 'Around 2,500', 'two percent', 'nearly two percent', '1948', 'between 1948 and 1953', '23 October',
  '23 October 1956', '4 November', 'late 1980s', '1960s and 1970s', '200,000', 'more than 200,000', 'two thousand', 'thousands',
  '2,500 died', 'some  2,500', 'SOME 2,500', '77', '5km', '2\u20133 million', 'By 8 November 1956', 'one', 'twenty-five', '10%'
]
const values = ['2500', '200000', '2', '1948', '{min: 2500, max: 3000}', '"1956-10-23"', '"1956-11-04"', '{min: "1948", max: "1953"}', '77', '1']
const qualifiers = ['exact', 'approx', 'nearly', 'more-than', 'range']

const figureArbitrary = fc.record({
  measure: fc.constantFrom('deaths', 'share', 'day'),
  value: fc.constantFrom(...values),
  qualifier: fc.constantFrom(...qualifiers),
  text: fc.option(fc.constantFrom(...figureTexts), {nil: undefined})
})

const claimArbitrary = fc.record({
  body: fc.array(fc.tuple(fc.constantFrom(...bodyFragments), fc.constantFrom(' ', ' ', '', '. ', ', ')), {minLength: 1, maxLength: 14}),
  figures: fc.array(figureArbitrary, {maxLength: 3}),
  notFigures: fc.array(fc.constantFrom('Two Thousand Words', 'Charter 77', '2,500', 'one'), {maxLength: 2})
})

type ClaimSpec = typeof claimArbitrary extends fc.Arbitrary<infer Spec> ? Spec : never

function claimFrom(spec: ClaimSpec): ClaimFacts {
  const figures = spec.figures.map(
    (figure) =>
      `  - measure: ${figure.measure}\n    value: ${figure.value}\n    qualifier: ${figure.qualifier}\n` +
      (figure.text === undefined ? '' : `    text: ${JSON.stringify(figure.text)}\n`)
  )
  const frontmatter = [
    'id: a',
    'status: unverified',
    'sources:\n  - key: lendvai2008',
    ...(figures.length > 0 ? [`figures:\n${figures.join('')}`] : []),
    ...(spec.notFigures.length > 0 ? [`not-figures: ${JSON.stringify(spec.notFigures)}`] : [])
  ]
  const body = spec.body.map(([words, gap]) => words + gap).join('')
  return parseClaim('claims/s/a.md', `---\n${frontmatter.join('\n')}\n---\n${body}\n`)
}

function reportsOf(rule: typeof figureText | typeof undeclaredFigure, claim: ClaimFacts, corpus: Corpus): Report[] {
  const reports: Report[] = []
  rule.checkClaim?.(claim, {options: {}, report: (report) => reports.push(report)}, corpus)
  return reports
}

/** What `undeclared-figure` read before the readings were shared: each run with all its skips. */
function undeclaredReadingsAfresh(claim: ClaimFacts): BodyReading[] {
  return claim.bodyText.flatMap((run) =>
    readFigures(run.value, {skip: plainUndeclaredSkips(run.value, claim.notFigures)}).map((figure) => ({
      figure,
      start: run.offset + figure.start,
      end: run.offset + figure.end,
      numberStart: run.offset + figure.numberStart,
      numberEnd: run.offset + figure.numberEnd
    }))
  )
}

function plainUndeclaredSkips(value: string, notFigures: readonly string[]): Array<[number, number]> {
  const spans = [...citationSpans(value), ...quotationSpans(value)].map((span): [number, number] => [span.start, span.end])
  return [...spans, ...notFigureRanges(value, notFigures)]
}

describe('sharing between figure-text and undeclared-figure', () => {
  it('gives each rule the findings it gives alone, in a run of its own', () => {
    fc.assert(
      fc.property(claimArbitrary, (spec) => {
        const claim = claimFrom(spec)
        const shared = newRun()
        const figureTextShared = reportsOf(figureText, claim, shared)
        const undeclaredShared = reportsOf(undeclaredFigure, claim, shared)
        expect(figureTextShared).toEqual(reportsOf(figureText, claim, newRun()))
        expect(undeclaredShared).toEqual(reportsOf(undeclaredFigure, claim, newRun()))
      }),
      {numRuns: 600}
    )
  })

  it('gives undeclared-figure the readings of its own skips, whether figure-text read the body first or not', () => {
    fc.assert(
      fc.property(claimArbitrary, (spec) => {
        const claim = claimFrom(spec)
        const expected = undeclaredReadingsAfresh(claim)
        const run = newRun()
        expect(bodyFiguresOfTheClaim(claim, run)).toEqual(expected)
        bodyFiguresOutsideCitations(claim, run)
        expect(bodyFiguresOfTheClaim(claim, run)).toEqual(expected)
      }),
      {numRuns: 600}
    )
  })

  it('gives undeclared-figure the ranges the figure texts cover, whether figure-text found them first or not', () => {
    fc.assert(
      fc.property(claimArbitrary, (spec) => {
        const claim = claimFrom(spec)
        const expected = claim.figures.flatMap((figure) => (figure.text === undefined ? [] : textOccurrences(claim, figure.text)))
        expect(coveredByFigureTexts(claim, newRun())).toEqual(expected)
        const run = newRun()
        reportsOf(figureText, claim, run)
        expect(coveredByFigureTexts(claim, run)).toEqual(expected)
        // Handed over once: asked again, they are found again.
        expect(coveredByFigureTexts(claim, run)).toEqual(expected)
      }),
      {numRuns: 400}
    )
  })

  it('reuses the readings of figure-text only where the skips are the same', () => {
    const claim = parseClaim('claims/s/a.md', '---\nid: a\nstatus: draft\nsources: []\n---\nHe said "It was over." Two hundred people died [@lendvai2008, p. 5].\n')
    const run = newRun()
    // With the quotation read as words, "Two" starts a sentence; skipped, it is a name in mid-sentence.
    expect(bodyFiguresOutsideCitations(claim, run).map((reading) => reading.figure.text)).toEqual(['Two hundred'])
    expect(bodyFiguresOfTheClaim(claim, run)).toEqual([])
  })
})

describe('shortcuts', () => {
  const runText = fc
    .array(fc.constantFrom('[@a, p. 5]', '[see @b]', '@c', 'x@y.org', '[12]', '"q 1"', '\u201cq 2\u201d', '\u201eq 3\u201c', '"', 'Charter 77', ' 2,500 ', 'text', '@', '[', ']'), {maxLength: 12})
    .map((parts) => parts.join(' '))

  it('skip the same ranges as the plain composition', () => {
    fc.assert(
      fc.property(runText, fc.array(fc.constantFrom('Charter 77', '2,500', 'q'), {maxLength: 2}), (value, notFigures) => {
        expect(citationRanges(value)).toEqual(citationSpans(value).map((span) => [span.start, span.end]))
        expect(undeclaredSkipRanges(value, notFigures)).toEqual(plainUndeclaredSkips(value, notFigures))
      }),
      {numRuns: 500}
    )
  })

  it('read a figure text once per run, as readFigures reads it', () => {
    const run = newRun()
    const first = readFigureText('between 2,500 and 3,000', run)
    expect(first).toEqual(readFigures('between 2,500 and 3,000'))
    expect(readFigureText('between 2,500 and 3,000', run)).toBe(first)
    expect(Object.isFrozen(first) && Object.isFrozen(first[0]) && Object.isFrozen(first[0]?.value)).toBe(true)
    expect(readFigureText('between 2,500 and 3,000', newRun())).not.toBe(first)
  })
})

/** Where `words` occur, folded one code unit at a time: how `textOccurrences` did it before it copied stretches. */
function occurrencesOneByOne(runs: readonly TextRun[], words: string): Array<[number, number]> {
  const fold = (value: string, index: number): string => {
    const character = value.charAt(index)
    return /\s/.test(character) ? ' ' : character.toLowerCase()
  }
  let needle = ''
  for (let index = 0; index < words.length; index++) needle += fold(words, index)
  needle = needle.replace(/ +/g, ' ').trim()
  if (needle === '') return []
  let text = ''
  const offsets: number[] = []
  let lastWasSpace = true
  const push = (folded: string, offset: number) => {
    if (folded === ' ') {
      if (lastWasSpace) return
      lastWasSpace = true
    } else {
      lastWasSpace = false
    }
    for (let index = 0; index < folded.length; index++) offsets.push(offset)
    text += folded
  }
  for (const run of runs) {
    push(' ', run.offset)
    for (let index = 0; index < run.value.length; index++) push(fold(run.value, index), run.offset + index)
  }
  const found: Array<[number, number]> = []
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    found.push([offsets[at]!, offsets[at + needle.length - 1]! + 1])
  }
  return found
}

describe('textOccurrences', () => {
  const pieces = ['Around', 'around', ' ', ' ', '  ', '\n', '\t', '\u00a0', '2,500', 'Émigré', 'İ', 'ΑΣ', 'ς', '\u{10400}', 'SOME', 'some', '.', 'x', '\u2028']
  const runs = fc.array(fc.tuple(fc.array(fc.constantFrom(...pieces), {maxLength: 10}), fc.nat(3)), {maxLength: 4}).map((parts) => {
    let offset = 40
    return parts.map(([words, gap]): TextRun => {
      const run = {value: words.join(''), offset}
      offset += run.value.length + gap
      return run
    })
  })

  it('finds what folding one code unit at a time finds, at the same file offsets', () => {
    const base = parseClaim('claims/s/a.md', '---\nid: a\n---\nx\n')
    fc.assert(
      fc.property(runs, fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 4}), (bodyText, needleParts) => {
        const words = needleParts.join('')
        // A new claim object each time: the prose of the last claim is kept in one slot.
        const claim: ClaimFacts = {...base, bodyText}
        expect(textOccurrences(claim, words)).toEqual(occurrencesOneByOne(bodyText, words))
      }),
      {numRuns: 3000}
    )
  })
})
