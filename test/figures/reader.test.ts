import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {notFigureRanges, readFigure, readFigures, singularNoun, type ReadFigure} from '../../src/figures/reader.js'

/** What a table row asserts of one figure; `kind` defaults from the value, `unit` must be listed when there is one. */
interface Expected {
  text: string
  value: ReadFigure['value']
  qualifier: ReadFigure['qualifier']
  kind?: ReadFigure['kind']
  unit?: string
}

const figure = (
  text: string,
  value: ReadFigure['value'],
  qualifier: ReadFigure['qualifier'] = 'exact',
  extra: {kind?: ReadFigure['kind']; unit?: string} = {}
): Expected => ({text, value, qualifier, ...extra})

function defaultKind(value: ReadFigure['value']): ReadFigure['kind'] {
  const scalar = typeof value === 'object' ? value.min : value
  return typeof scalar === 'string' ? 'date' : 'number'
}

function shape(found: ReadFigure): Expected {
  const result: Expected = {text: found.text, value: found.value, qualifier: found.qualifier, kind: found.kind}
  if (found.unit !== undefined) result.unit = found.unit
  return result
}

function expectedShape(expected: Expected): Expected {
  const result: Expected = {
    text: expected.text,
    value: expected.value,
    qualifier: expected.qualifier,
    kind: expected.kind ?? defaultKind(expected.value)
  }
  if (expected.unit !== undefined) result.unit = expected.unit
  return result
}

function expectOffsets(input: string, found: readonly ReadFigure[]): void {
  let previousEnd = 0
  for (const item of found) {
    expect(input.slice(item.start, item.end)).toBe(item.text)
    expect(item.start).toBeGreaterThanOrEqual(previousEnd)
    expect(item.numberStart).toBeGreaterThanOrEqual(item.start)
    expect(item.numberEnd).toBeLessThanOrEqual(item.end)
    expect(item.numberEnd).toBeGreaterThan(item.numberStart)
    previousEnd = item.end
  }
}

/** One phrase, one figure: [input, expected]. */
const singleFigureRows: Array<[string, Expected]> = [
  // digits, separators, decimals, scale words
  ['200,000', figure('200,000', 200000)],
  ['2.5 million', figure('2.5 million', 2500000)],
  ['1.2 million', figure('1.2 million', 1200000)],
  ['3.5 billion', figure('3.5 billion', 3500000000)],
  ['1,000', figure('1,000', 1000)],
  ['700,000', figure('700,000', 700000)],
  ['5,000,000', figure('5,000,000', 5000000)],
  ['0.5', figure('0.5', 0.5)],
  ['3 dozen', figure('3 dozen', 36)],
  ['2%', figure('2%', 2, 'exact', {kind: 'percent', unit: 'percent'})],
  ['16-point', figure('16-point', 16, 'exact', {unit: 'point'})],
  ['24-foot', figure('24-foot', 24, 'exact', {unit: 'foot'})],
  ['60,000 troops', figure('60,000', 60000, 'exact', {unit: 'troop'})],
  ['1,500 people', figure('1,500', 1500, 'exact', {unit: 'person'})],
  ['60,000 armed men', figure('60,000', 60000, 'exact', {unit: 'man'})],
  ['3,000 political prisoners', figure('3,000', 3000, 'exact', {unit: 'prisoner'})],
  ['200 casualties', figure('200', 200, 'exact', {unit: 'casualty'})],
  ['a 24-year-old student', figure('24-year-old', 24, 'exact', {unit: 'year'})],
  ['5km', figure('5km', 5, 'exact', {unit: 'kilometre'})],
  ['$5 million', figure('$5 million', 5000000, 'exact', {unit: 'dollar'})],
  ['a 2,000-strong crowd', figure('2,000-strong', 2000)],
  // number words
  ['two', figure('two', 2)],
  ['five', figure('five', 5)],
  ['zero', figure('zero', 0)],
  ['thirty-three', figure('thirty-three', 33)],
  ['twenty five', figure('twenty five', 25)],
  ['a thousand', figure('a thousand', 1000)],
  ['A thousand years', figure('A thousand', 1000, 'exact', {unit: 'year'})],
  ['ten thousand', figure('ten thousand', 10000)],
  ['two hundred thousand', figure('two hundred thousand', 200000)],
  ['a hundred thousand', figure('a hundred thousand', 100000)],
  ['one hundred and fifty', figure('one hundred and fifty', 150)],
  ['fifteen hundred', figure('fifteen hundred', 1500)],
  ['one million', figure('one million', 1000000)],
  ['half', figure('half', 0.5)],
  ['half a million', figure('half a million', 500000)],
  ['two and a half million', figure('two and a half million', 2500000)],
  ['a million and a half', figure('a million and a half', 1500000)],
  ['a dozen', figure('a dozen', 12)],
  ['two dozen', figure('two dozen', 24)],
  ['one', figure('one', 1)],
  ['one survivor', figure('one', 1, 'exact', {unit: 'survivor'})],
  ['three-day strike', figure('three-day', 3, 'exact', {unit: 'day'})],
  ['two-thirds of the votes', figure('two-thirds', 2 / 3)],
  ['a third of the population', figure('a third', 1 / 3)],
  ['three quarters of them', figure('three quarters', 0.75)],
  ['one-third', figure('one-third', 1 / 3)],
  // percentages
  ['nearly two percent', figure('nearly two percent', 2, 'nearly', {kind: 'percent', unit: 'percent'})],
  ['2 per cent', figure('2 per cent', 2, 'exact', {kind: 'percent', unit: 'percent'})],
  ['14 per cent', figure('14 per cent', 14, 'exact', {kind: 'percent', unit: 'percent'})],
  ['about 30 percent', figure('about 30 percent', 30, 'approx', {kind: 'percent', unit: 'percent'})],
  ['less than 2 percent', figure('less than 2 percent', 2, 'less-than', {kind: 'percent', unit: 'percent'})],
  ['below 5%', figure('below 5%', 5, 'less-than', {kind: 'percent', unit: 'percent'})],
  ['slightly more than 5%', figure('slightly more than 5%', 5, 'more-than', {kind: 'percent', unit: 'percent'})],
  ['a rise of 1956%', figure('1956%', 1956, 'exact', {kind: 'percent', unit: 'percent'})],
  // ranges
  ['between 2,500 and 3,000', figure('between 2,500 and 3,000', {min: 2500, max: 3000}, 'range')],
  ['2,500–3,000', figure('2,500–3,000', {min: 2500, max: 3000}, 'range')],
  ['2,500-3,000', figure('2,500-3,000', {min: 2500, max: 3000}, 'range')],
  ['2,500 to 3,000 deaths', figure('2,500 to 3,000', {min: 2500, max: 3000}, 'range', {unit: 'death'})],
  ['between 2 and 3 million', figure('between 2 and 3 million', {min: 2000000, max: 3000000}, 'range')],
  ['between two hundred and three hundred', figure('between two hundred and three hundred', {min: 200, max: 300}, 'range')],
  ['two thousand and five', figure('two thousand and five', 2005)],
  ['two to three thousand', figure('two to three thousand', {min: 2000, max: 3000}, 'range')],
  ['2–3%', figure('2–3%', {min: 2, max: 3}, 'range', {kind: 'percent', unit: 'percent'})],
  ['between 1500 and 2000 people', figure('between 1500 and 2000', {min: 1500, max: 2000}, 'range', {unit: 'person'})],
  ['from 1948 to 1953', figure('from 1948 to 1953', {min: '1948', max: '1953'}, 'range')],
  ['between 1948 and 1953', figure('between 1948 and 1953', {min: '1948', max: '1953'}, 'range')],
  ['1945–1956', figure('1945–1956', {min: '1945', max: '1956'}, 'range')],
  ['1956–57', figure('1956–57', {min: '1956', max: '1957'}, 'range')],
  ['23–24 October 1956', figure('23–24 October 1956', {min: '1956-10-23', max: '1956-10-24'}, 'range')],
  ['October 23–24, 1956', figure('October 23–24, 1956', {min: '1956-10-23', max: '1956-10-24'}, 'range')],
  ['October–November 1956', figure('October–November 1956', {min: '1956-10', max: '1956-11'}, 'range')],
  [
    'from 23 October to 4 November 1956',
    figure('from 23 October to 4 November 1956', {min: '1956-10-23', max: '1956-11-04'}, 'range')
  ],
  // dates
  ['23 October 1956', figure('23 October 1956', '1956-10-23')],
  ['23rd of October 1956', figure('23rd of October 1956', '1956-10-23')],
  ['October 23, 1956', figure('October 23, 1956', '1956-10-23')],
  ['March 15, 1848', figure('March 15, 1848', '1848-03-15')],
  ['October 1956', figure('October 1956', '1956-10')],
  ['Oct. 1956', figure('Oct. 1956', '1956-10')],
  ['February 1956', figure('February 1956', '1956-02')],
  ['1956', figure('1956', '1956')],
  ['in 1956', figure('1956', '1956')],
  ['1956-10-23', figure('1956-10-23', '1956-10-23')],
  ['on 4 November', figure('4 November', '--11-04')],
  ['4 November', figure('4 November', '--11-04')],
  ['October 23rd', figure('October 23rd', '--10-23')],
  ['the 1960s', figure('1960s', {min: '1960', max: '1969'}, 'range')],
  ['the 1950\u2019s', figure('1950\u2019s', {min: '1950', max: '1959'}, 'range')],
  ['the late 1980s', figure('late 1980s', {min: '1986', max: '1989'}, 'range')],
  ['the early 1960s', figure('early 1960s', {min: '1960', max: '1963'}, 'range')],
  ['the mid-1960s', figure('mid-1960s', {min: '1963', max: '1966'}, 'range')],
  ["the '60s", figure("'60s", {min: '1960', max: '1969'}, 'range')],
  ['mid-1956', figure('mid-1956', '1956')],
  ['early 1957', figure('early 1957', '1957')],
  ['late October 1956', figure('late October 1956', '1956-10')],
  ['autumn of 1956', figure('autumn of 1956', '1956')],
  ['the spring of 1957', figure('spring of 1957', '1957')],
  ['1956 Institute', figure('1956', '1956')],
  ['the 1956 refugees', figure('1956', '1956')],
  // date qualifiers
  ['by 8 November', figure('by 8 November', '--11-08', 'at-most')],
  ['By the autumn of 1956', figure('By the autumn of 1956', '1956', 'at-most')],
  ['after 1953', figure('after 1953', '1953', 'more-than')],
  ['before 1953', figure('before 1953', '1953', 'less-than')],
  ['since 1953', figure('since 1953', '1953', 'at-least')],
  ['until 1989', figure('1989', '1989')],
  ['circa 1956', figure('circa 1956', '1956', 'approx')],
  ['around 1956', figure('around 1956', '1956', 'approx')],
  // count qualifiers
  ['around 2,500', figure('around 2,500', 2500, 'approx')],
  ['about 2,500', figure('about 2,500', 2500, 'approx')],
  ['roughly 2,500', figure('roughly 2,500', 2500, 'approx')],
  ['some 2,500', figure('some 2,500', 2500, 'approx')],
  ['an estimated 2,500', figure('an estimated 2,500', 2500, 'approx')],
  ['estimated 2,500', figure('estimated 2,500', 2500, 'approx')],
  ['approximately 20,000', figure('approximately 20,000', 20000, 'approx')],
  ['c. 2,500', figure('c. 2,500', 2500, 'approx')],
  ['ca. 300', figure('ca. 300', 300, 'approx')],
  ['circa 300', figure('circa 300', 300, 'approx')],
  ['~2,500', figure('~2,500', 2500, 'approx')],
  ['perhaps 3,000', figure('perhaps 3,000', 3000, 'approx')],
  ['40-odd', figure('40-odd', 40, 'approx')],
  ['2,000 or so', figure('2,000 or so', 2000, 'approx')],
  ['nearly 3,000', figure('nearly 3,000', 3000, 'nearly')],
  ['almost 3,000', figure('almost 3,000', 3000, 'nearly')],
  ['just under 3,000', figure('just under 3,000', 3000, 'nearly')],
  ['close to 3,000', figure('close to 3,000', 3000, 'nearly')],
  ['at least 200', figure('at least 200', 200, 'at-least')],
  ['no fewer than 200', figure('no fewer than 200', 200, 'at-least')],
  ['no less than 5', figure('no less than 5', 5, 'at-least')],
  ['a minimum of 3', figure('a minimum of 3', 3, 'at-least')],
  ['2,000 or more', figure('2,000 or more', 2000, 'at-least')],
  ['200,000+', figure('200,000+', 200000, 'at-least')],
  ['more than 1,000', figure('more than 1,000', 1000, 'more-than')],
  ['over 1,000', figure('over 1,000', 1000, 'more-than')],
  ['well over 10,000', figure('well over 10,000', 10000, 'more-than')],
  ['in excess of 1,000', figure('in excess of 1,000', 1000, 'more-than')],
  ['upwards of 1,000', figure('upwards of 1,000', 1000, 'more-than')],
  ['above 1,000', figure('above 1,000', 1000, 'more-than')],
  ['up to 3,000', figure('up to 3,000', 3000, 'at-most')],
  ['at most 3,000', figure('at most 3,000', 3000, 'at-most')],
  ['no more than 3,000', figure('no more than 3,000', 3000, 'at-most')],
  ['a maximum of 10', figure('a maximum of 10', 10, 'at-most')],
  ['as many as 3,000', figure('as many as 3,000', 3000, 'at-most')],
  ['fewer than 100', figure('fewer than 100', 100, 'less-than')],
  ['under 100', figure('under 100', 100, 'less-than')],
  ['less than 100', figure('less than 100', 100, 'less-than')],
  ['below 100', figure('below 100', 100, 'less-than')],
  ['AROUND 2,500', figure('AROUND 2,500', 2500, 'approx')],
  // years or counts
  ['2000 troops', figure('2000', 2000, 'exact', {unit: 'troop'})],
  ['more than 1500', figure('more than 1500', 1500, 'more-than')],
  ['some 1500 were arrested', figure('some 1500', 1500, 'approx')],
  ['in 1956 Hungary rose', figure('1956', '1956')],
  ['the 1956 revolution', figure('1956', '1956')],
  // the article's own
  ['around 200,000 Hungarians', figure('around 200,000', 200000, 'approx', {unit: 'hungarian'})],
  ['the 200,000 who fled', figure('200,000', 200000)],
  [
    "nearly two percent of the country's population",
    figure('nearly two percent', 2, 'nearly', {kind: 'percent', unit: 'percent'})
  ],
  ['a 24-foot bronze statue', figure('24-foot', 24, 'exact', {unit: 'foot'})],
  ['thirty-three years earlier', figure('thirty-three', 33, 'exact', {unit: 'year'})],
  ['its 16-point reform programme', figure('16-point', 16, 'exact', {unit: 'point'})],
  ['An estimated 50,000 agents', figure('An estimated 50,000', 50000, 'approx', {unit: 'agent'})],
  ['around 2,500 Hungarian deaths', figure('around 2,500', 2500, 'approx', {unit: 'death'})],
  ['More than 20,000 were wounded', figure('More than 20,000', 20000, 'more-than')],
  ['executed in 1958', figure('1958', '1958')],
  ['On 23 October 1956', figure('23 October 1956', '1956-10-23')],
  ['only five years earlier', figure('five', 5, 'exact', {unit: 'year'})],
  ['Over 200,000 people attended', figure('Over 200,000', 200000, 'more-than', {unit: 'person'})],
  ['in February 1956', figure('February 1956', '1956-02')],
  ['By 8 November', figure('By 8 November', '--11-08', 'at-most')],
  ['By 1949, Hungary had become', figure('By 1949', '1949', 'at-most')],
  ['Hungary, October 1956, was one of those moments.', figure('October 1956', '1956-10')],
  ['Today, 23 October is a national holiday', figure('23 October', '--10-23')]
]

describe('readFigures: one figure per phrase', () => {
  it('has a table of at least 100 phrases', () => {
    expect(singleFigureRows.length).toBeGreaterThanOrEqual(100)
  })

  it.each(singleFigureRows)('%s', (input, expected) => {
    const found = readFigures(input)
    expect(found.map(shape)).toEqual([expectedShape(expected)])
    expectOffsets(input, found)
    expect(readFigure(input)).toEqual(found[0])
  })
})

/** Phrases with several figures, or whose figures are not all the phrase states. */
const multiFigureRows: Array<[string, Expected[]]> = [
  [
    'Over 1,000 Soviet tanks and 60,000 troops rolled into Hungary.',
    [figure('Over 1,000', 1000, 'more-than', {unit: 'tank'}), figure('60,000', 60000, 'exact', {unit: 'troop'})]
  ],
  [
    'Between 1948 and 1953, around 700,000 Hungarians were imprisoned',
    [
      figure('Between 1948 and 1953', {min: '1948', max: '1953'}, 'range'),
      figure('around 700,000', 700000, 'approx', {unit: 'hungarian'})
    ]
  ],
  [
    'Around 200,000 Hungarians fled, nearly two percent of the country\u2019s population.',
    [
      figure('Around 200,000', 200000, 'approx', {unit: 'hungarian'}),
      figure('nearly two percent', 2, 'nearly', {kind: 'percent', unit: 'percent'})
    ]
  ],
  [
    'in the 1960s and 70s',
    [figure('1960s', {min: '1960', max: '1969'}, 'range'), figure('70s', {min: '1970', max: '1979'}, 'range')]
  ],
  [
    'Over 200,000 people attended the ceremony, standing in the same city where, thirty-three years earlier, the same number had fled.',
    [
      figure('Over 200,000', 200000, 'more-than', {unit: 'person'}),
      figure('thirty-three', 33, 'exact', {unit: 'year'})
    ]
  ],
  ['In October 23 people died', [figure('23', 23, 'exact', {unit: 'person'})]],
  ['In 1956, 2,000 people fled.', [figure('1956', '1956'), figure('2,000', 2000, 'exact', {unit: 'person'})]],
  // A change states two values, not a range.
  ['the toll rose from 2,000 to 3,000', [figure('2,000', 2000), figure('3,000', 3000)]],
  // Ranges need the smaller value first.
  ['a vote of 5 to 3', [figure('5', 5), figure('3', 3)]],
  ['two or three days', [figure('two', 2), figure('three', 3, 'exact', {unit: 'day'})]],
  ['in 1956 and 1957', [figure('1956', '1956'), figure('1957', '1957')]],
  // Without "between", "and" joins nothing.
  ['2,500 and 3,000', [figure('2,500', 2500), figure('3,000', 3000)]],
  // A qualifier governs its number only.
  ['more than 20 tanks and 300 troops', [figure('more than 20', 20, 'more-than', {unit: 'tank'}), figure('300', 300, 'exact', {unit: 'troop'})]]
]

describe('readFigures: several figures', () => {
  it.each(multiFigureRows)('%s', (input, expected) => {
    const found = readFigures(input)
    expect(found.map(shape)).toEqual(expected.map(expectedShape))
    expectOffsets(input, found)
  })
})

/** Words that look like numbers but state no figure. */
const traps: string[] = [
  'He called himself \u201cStalin\u2019s best pupil\u201d',
  'the 19th-century poet of freedom',
  'When the first tanks rolled in',
  'Moscow was preparing for a second strike.',
  'Radio Free Europe',
  'Report of the Special Committee (A/3592)',
  'was one of those moments',
  'No one knows who fired first.',
  'someone fired',
  'once a symbol of unity',
  'the one who fired',
  'One of the students',
  'one day in October',
  'Sebestyen calls them the Twelve Days',
  'the Two Thousand Words manifesto',
  'the Warsaw Pact',
  'https://www.theguardian.com/world/2016/oct/23/budapest-1956',
  'see www.rev.hu/1956/index',
  'ISBN 978-0-691-13282-2',
  '978-0-691-13282-2',
  'see p. 178',
  'pp. 12\u201314',
  'No. 5',
  'in chapter 3',
  'at 10 p.m.',
  'at 10:30',
  'at 10 o\u2019clock',
  'at 9 pm',
  'T-34 tanks',
  'MiG-15 fighters',
  'the twenty-first century',
  'a third time',
  'half-hearted support',
  'in their 70s',
  'drew thousands of listeners',
  'tens of thousands',
  'hundreds of thousands',
  'dozens of students',
  'what millions had always known',
  'several hundred',
  'a few thousand',
  'a 3a form',
  'see section 3.5.1',
  'the 2.5m figure',
  'the Charter 77 movement',
  'along Route 66',
  'the first half of October',
  'in October',
  'they may march'
]

describe('readFigures: traps', () => {
  it.each(traps)('%s', (input) => {
    expect(readFigures(input)).toEqual([])
  })

  it.each(['thousands', 'tens of thousands', 'one of those moments', 'Stalin\u2019s best pupil'])(
    'readFigure(%j) is undefined',
    (input) => {
      expect(readFigure(input)).toBeUndefined()
    }
  )
})

describe('skip ranges', () => {
  it('skips "1956 Institute" when asked to', () => {
    const input = 'the 1956 Institute in Budapest holds 2,000 interviews'
    const start = input.indexOf('1956 Institute')
    const found = readFigures(input, {skip: [[start, start + '1956 Institute'.length]]})
    expect(found.map(shape)).toEqual([expectedShape(figure('2,000', 2000, 'exact', {unit: 'interview'}))])
    // Without the skip it reads as a year: the caller must say it is a name.
    expect(readFigures(input).map((item) => item.text)).toEqual(['1956', '2,000'])
  })

  it('skips "Charter 77" found by notFigureRanges', () => {
    const input = 'Charter 77 was signed by 242 people; Charter 77 grew.'
    const skip = notFigureRanges(input, ['Charter 77'])
    expect(skip).toEqual([
      [0, 10],
      [input.lastIndexOf('Charter 77'), input.lastIndexOf('Charter 77') + 10]
    ])
    expect(readFigures(input, {skip}).map(shape)).toEqual([
      expectedShape(figure('242', 242, 'exact', {unit: 'person'}))
    ])
    // At the start of a sentence a name and a count look alike: without the skip, 77 is read.
    expect(readFigures(input).map((item) => item.text)).toEqual(['77', '242'])
  })

  it('skips a citation with its locator', () => {
    const input = 'around 2,500 Hungarians died [@lendvai2008, p. 178].'
    const citation = input.indexOf('[@')
    const found = readFigures(input, {skip: [[citation, input.indexOf(']') + 1]]})
    expect(found.map((item) => item.text)).toEqual(['around 2,500'])
  })

  it('reads nothing across a skipped range', () => {
    const input = 'between 2,500 [@k] and 3,000'
    const start = input.indexOf('[@k]')
    const found = readFigures(input, {skip: [[start, start + 4]]})
    expect(found.map((item) => item.text)).toEqual(['2,500', '3,000'])
  })

  it('does not take a qualifier from inside a skipped range', () => {
    const input = '\u201cmore than\u201d 300'
    const found = readFigures(input, {skip: [[0, input.indexOf('300') - 1]]})
    expect(found.map(shape)).toEqual([expectedShape(figure('300', 300))])
  })

  it('accepts overlapping, unsorted and out-of-bounds ranges', () => {
    const input = '10 20 30 40'
    const found = readFigures(input, {
      skip: [
        [6, 8],
        [3, 7],
        [-5, 1],
        [100, 200]
      ]
    })
    expect(found.map((item) => item.text)).toEqual(['40'])
  })

  it('notFigureRanges is exact and case-sensitive', () => {
    expect(notFigureRanges('Two Thousand Words, two thousand words', ['Two Thousand Words'])).toEqual([[0, 18]])
    expect(notFigureRanges('abc', ['', 'zz'])).toEqual([])
  })
})

describe('offsets and number spans', () => {
  it('points numberStart/numberEnd at the number words alone', () => {
    const input = 'Official figures admitted to around 2,500 Hungarian deaths.'
    const [found] = readFigures(input)
    expect(found).toBeDefined()
    expect(input.slice(found?.numberStart, found?.numberEnd)).toBe('2,500')
    const [range] = readFigures('between 2,500 and 3,000 deaths')
    expect(range?.text).toBe('between 2,500 and 3,000')
    expect('between 2,500 and 3,000 deaths'.slice(range?.numberStart, range?.numberEnd)).toBe('2,500 and 3,000')
  })

  it('keeps offsets exact around astral characters and curly quotes', () => {
    const input = '\u{1F600} \u201cAround 200,000\u201d \u{1F600} fled by 8 November'
    const found = readFigures(input)
    expect(found.map((item) => item.text)).toEqual(['Around 200,000', 'by 8 November'])
    expectOffsets(input, found)
  })

  it('reads the whole article with exact offsets', () => {
    const article = [
      'Hungary, October 1956, was one of those moments.',
      'carried in the hearts of the 200,000 who fled their homes.',
      'By 1949, Hungary had become a \u201cPeople\u2019s Republic\u201d in name.',
      'An estimated 50,000 agents and informants monitored every aspect of daily life.',
      'His \u201csecret speech\u201d in February 1956 admitted what millions had always known.',
      'On 23 October 1956, thousands of students and workers gathered in Budapest.',
      'Over 1,000 Soviet tanks and 60,000 troops rolled into Hungary.',
      'By 8 November, organised resistance had been annihilated.',
      'More than 20,000 were wounded.',
      'He was executed in 1958 after a secret trial.'
    ].join(' ')
    const found = readFigures(article)
    expectOffsets(article, found)
    expect(found.map((item) => item.text)).toEqual([
      'October 1956',
      '200,000',
      'By 1949',
      'An estimated 50,000',
      'February 1956',
      '23 October 1956',
      'Over 1,000',
      '60,000',
      'By 8 November',
      'More than 20,000',
      '1958'
    ])
  })

  it('holds text === input.slice(start, end) and order for any mix of fragments', () => {
    const fragments = [
      'around ',
      '2,500',
      ' ',
      '\u2013',
      '-',
      'between ',
      ' and ',
      '1956',
      '23 October',
      ' troops',
      'nearly two percent',
      'the 1960s',
      '70s',
      ', ',
      '. ',
      'A/3592',
      'thirty-three',
      '\u{1F600}',
      '\u2019s',
      'p. 178',
      '%',
      'https://x.org/1/2 ',
      'half',
      'a dozen',
      'mid-',
      'by ',
      'One',
      '\n\n'
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), {maxLength: 30}), fc.array(fc.tuple(fc.nat(200), fc.nat(30))), (parts, skips) => {
        const input = parts.join('')
        const skip = skips.map(([start, length]): [number, number] => [start, start + length])
        const found = readFigures(input, {skip})
        expectOffsets(input, found)
        for (const item of found) {
          for (const [start, end] of skip) {
            if (end > start) expect(item.end <= start || item.start >= end).toBe(true)
          }
        }
      }),
      {numRuns: 300}
    )
  })

  it('reads capitals after a quoted or bracketed sentence end as a sentence start', () => {
    expect(readFigures('\u201cWe did not lose.\u201d Two men nodded.').map((item) => item.text)).toEqual(['Two'])
    expect(readFigures('It ended. (Three days later it began again.)').map((item) => item.text)).toEqual(['Three'])
  })

  it('reads a long text in one pass', () => {
    const sentence = 'Around 200,000 Hungarians fled between 1956 and 1957, nearly two percent of them. '
    const input = sentence.repeat(5000)
    const found = readFigures(input)
    expect(found).toHaveLength(3 * 5000)
  })
})

describe('decisions the docs describe', () => {
  it('reads a bare year as a date and a comma-grouped or counted number as a count', () => {
    expect(readFigure('1956')?.kind).toBe('date')
    expect(readFigure('1,956')?.kind).toBe('number')
    expect(readFigure('1956 tanks')?.kind).toBe('number')
    expect(readFigure('1956 Hungarian refugees')?.kind).toBe('date')
    expect(readFigure('over 1956')?.kind).toBe('number')
    expect(readFigure('about 1956')?.kind).toBe('date')
    expect(readFigure('1956.5')?.kind).toBe('number')
    // Known misreading: a determiner makes a year of it.
    expect(readFigure('the 2000 troops')?.value).toBe('2000')
  })

  it('reads capitalised number words only at the start of a sentence', () => {
    expect(readFigure('Thirty-three years later')?.value).toBe(33)
    expect(readFigures('as the Twelve Days showed')).toEqual([])
    expect(readFigures('The Hungarians: A Thousand Years of Victory')).toEqual([])
  })

  it('reads "one" as a count only when it counts', () => {
    expect(readFigure('One Hungarian refugee said')?.unit).toBe('refugee')
    expect(readFigures('No one knows')).toEqual([])
    expect(readFigures('one another')).toEqual([])
  })

  it('ignores a qualifier before a range', () => {
    expect(readFigure('some 2,500\u20133,000 deaths')).toMatchObject({
      text: '2,500\u20133,000',
      qualifier: 'range',
      unit: 'death'
    })
  })

  it('prefers a prefix qualifier to a postfix one', () => {
    expect(readFigure('at least 2,000 or more')).toMatchObject({text: 'at least 2,000', qualifier: 'at-least'})
  })

  it('borrows the century of the last year for a two-digit decade, 1900 by default', () => {
    expect(readFigure('the 70s')?.value).toEqual({min: '1970', max: '1979'})
    expect(readFigures('in the 1860s and 70s').map((item) => item.value)).toEqual([
      {min: '1860', max: '1869'},
      {min: '1870', max: '1879'}
    ])
  })

  it('rejects impossible days', () => {
    expect(readFigures('31 February 1956').map((item) => item.text)).toEqual(['31', 'February 1956'])
    expect(readFigure('29 February 1956')?.value).toBe('1956-02-29')
    expect(readFigure('29 February 1957')).toBeUndefined()
  })

  it('readFigure returns undefined for two figures', () => {
    expect(readFigure('Over 1,000 Soviet tanks and 60,000 troops')).toBeUndefined()
    expect(readFigure('')).toBeUndefined()
  })
})

const smallWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const tensNames = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

/** An independent speller for the property below: British style, with "and" when asked. */
function spell(value: number, withAnd: boolean): string {
  const underHundred = (n: number): string =>
    n < 20 ? (smallWords[n] ?? '') : `${tensNames[Math.floor(n / 10)] ?? ''}${n % 10 === 0 ? '' : `-${smallWords[n % 10] ?? ''}`}`
  const underThousand = (n: number): string => {
    const hundreds = Math.floor(n / 100)
    const rest = n % 100
    if (hundreds === 0) return underHundred(rest)
    const head = `${smallWords[hundreds] ?? ''} hundred`
    return rest === 0 ? head : `${head}${withAnd ? ' and' : ''} ${underHundred(rest)}`
  }
  if (value === 0) return 'zero'
  const parts: string[] = []
  for (const [scale, name] of [[1_000_000, 'million'], [1_000, 'thousand']] as const) {
    if (value >= scale) {
      parts.push(`${underThousand(Math.floor(value / scale))} ${name}`)
      value %= scale
    }
  }
  if (value > 0) parts.push(parts.length > 0 && value < 100 && withAnd ? `and ${underHundred(value)}` : underThousand(value))
  return parts.join(' ')
}

describe('number words', () => {
  it('read back every integer spelled out in words', () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 999_999_999}), fc.boolean(), (value, withAnd) => {
        const words = spell(value, withAnd)
        const found = readFigures(words)
        expect(found.map((item) => [item.text, item.value])).toEqual([[words, value]])
      }),
      {numRuns: 500}
    )
  })
})

describe('singularNoun', () => {
  it.each([
    ['troops', 'troop'],
    ['people', 'person'],
    ['casualties', 'casualty'],
    ['Hungarians', 'hungarian'],
    ['churches', 'church'],
    ['refugees', 'refugee'],
    ['status', 'status'],
    ['foot', 'foot']
  ])('%s → %s', (plural, singular) => {
    expect(singularNoun(plural)).toBe(singular)
  })
})
