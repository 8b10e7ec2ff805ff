import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {closed, contains, figureInterval, formatInterval, interval, type Interval} from '../../src/figures/interval.js'
import {
  evaluateRelation,
  measureValueForRelation,
  parseRelation,
  type Lookup,
  type ParsedRelation,
  type RelationAst
} from '../../src/figures/relation.js'

function parsed(check: string): ParsedRelation {
  const result = parseRelation(check)
  if (!result.ok) throw new Error(`${check}: ${result.reason}`)
  return result.relation
}

/** The AST as a fully parenthesised string, to assert precedence and grouping. */
function show(node: RelationAst): string {
  switch (node.type) {
    case 'number':
      return String(node.value)
    case 'measure':
      return node.id
    case 'year':
      return `year(${node.id})`
    case 'binary':
      return `(${show(node.left)} ${node.op} ${show(node.right)})`
  }
}

const shown = (check: string): string => {
  const relation = parsed(check)
  return `${show(relation.left)} = ${show(relation.right)}`
}

describe('parseRelation: successes', () => {
  const table: Array<[string, string]> = [
    ['refugees-1956 / population-hungary-1956 * 100 = refugee-share-1956', '((refugees-1956 / population-hungary-1956) * 100) = refugee-share-1956'],
    ['refugees-1956 - 5 = total', '(refugees-1956 - 5) = total'],
    ['refugees-1956-5 = total', 'refugees-1956-5 = total'],
    ['a + b * c = d', '(a + (b * c)) = d'],
    ['(a + b) * c = d', '((a + b) * c) = d'],
    ['a - b - c = d', '((a - b) - c) = d'],
    ['a / b / c = d', '((a / b) / c) = d'],
    ['a - (b - c) = d', '(a - (b - c)) = d'],
    ['((a)) = 0.5', 'a = 0.5'],
    ['100 = 1956-refugees', '100 = 1956-refugees'],
    ['year(date-nagy-reburial) - year(date-revolution-outbreak) = years-revolution-to-reburial', '(year(date-nagy-reburial) - year(date-revolution-outbreak)) = years-revolution-to-reburial'],
    ['year (a) = 1956', 'year(a) = 1956'],
    ['year = 1956', 'year = 1956'],
    ['a*b=c', '(a * b) = c'],
    ['a -b = c', '(a - b) = c'],
    ['a- b = c', '(a - b) = c'],
    ['\ta  +\n b = c ', '(a + b) = c'],
    ['007 = a', '7 = a']
  ]
  it.each(table)('%j', (check, expected) => {
    expect(shown(check)).toBe(expected)
  })

  it('lists the measures once each, in order, and the year measures apart', () => {
    const relation = parsed('year(b) + a * a - year(b) = c + year(a)')
    expect(relation.measures).toEqual(['b', 'a', 'c'])
    expect(relation.yearMeasures).toEqual(['b', 'a'])
    expect(parsed('1 = 1').measures).toEqual([])
  })

  it('gives each measure and year node its offsets in the check', () => {
    const check = 'x-1 + year( d-2 ) = 3'
    const relation = parsed(check)
    const sum = relation.left
    expect(sum.type).toBe('binary')
    if (sum.type !== 'binary') return
    expect(sum.left).toEqual({type: 'measure', id: 'x-1', start: 0, end: 3})
    expect(sum.right).toMatchObject({type: 'year', id: 'd-2'})
    if (sum.right.type === 'year') expect(check.slice(sum.right.start, sum.right.end)).toBe('year( d-2 )')
  })
})

describe('parseRelation: failures with their column', () => {
  const table: Array<[string, number, string]> = [
    ['refugees + ) = 1', 12, 'Unexpected `)` at column 12, expected a number, a measure id or `year(`'],
    ['', 1, 'Unexpected end of the check at column 1, expected a number, a measure id or `year(`'],
    ['a', 2, 'Unexpected end of the check at column 2, expected an operator or `=`'],
    ['a = ', 5, 'Unexpected end of the check at column 5, expected a number, a measure id or `year(`'],
    ['a = b)', 6, 'Unexpected `)` at column 6, expected an operator or the end of the check'],
    ['a = b = c', 7, 'Unexpected `=` at column 7, expected an operator or the end of the check'],
    ['(a = b', 4, 'Unexpected `=` at column 4, expected an operator or `)`'],
    ['a b = c', 3, 'Unexpected `b` at column 3, expected an operator or `=`'],
    ['-5 = a', 1, 'Unexpected `-` at column 1, expected a number, a measure id or `year(`'],
    ['year(1956) = a', 6, 'Unexpected `1956` at column 6, expected a measure id inside `year(`'],
    ['year(a = b', 8, 'Unexpected `=` at column 8, expected `)` to close `year(`'],
    ['year(a - b) = c', 8, 'Unexpected `-` at column 8, expected `)` to close `year(`'],
    ['Refugees-1956 = a', 1, 'Unexpected `Refugees-1956` at column 1, expected a measure id in lower-case kebab-case'],
    ['refugees_1956 = a', 1, 'Unexpected `refugees_1956` at column 1, expected a measure id in lower-case kebab-case'],
    ['a = 1989-1956', 5, 'Unexpected `1989-1956` at column 5, expected spaces around `-` (`1989 - 1956`), since measure ids contain hyphens'],
    ['a = 1e3', 5, 'Unexpected `1e3` at column 5, expected a number without an exponent, as `1000`'],
    ['a = 1.5.2', 5, 'Unexpected `1.5.2` at column 5, expected a number as `100` or `0.5`, or a measure id'],
    ['a = .5', 5, 'Unexpected `.` at column 5, expected a number, a measure id, an operator or a parenthesis'],
    ['a − b = c', 3, 'Unexpected `−` at column 3, expected `-`'],
    ['a × b = c', 3, 'Unexpected `×` at column 3, expected `*`'],
    ['a % b = c', 3, 'Unexpected `%` at column 3, expected a number, a measure id, an operator or a parenthesis'],
    ['a = 1' + '0'.repeat(400), 5, 'expected a number below 1.8e308']
  ]
  it.each(table)('%j fails at column %d', (check, column, reason) => {
    const result = parseRelation(check)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.column).toBe(column)
    expect(result.reason).toContain(reason)
  })

  it('bounds the nesting of parentheses', () => {
    expect(parseRelation(`${'('.repeat(64)}a${')'.repeat(64)} = b`).ok).toBe(true)
    const tooDeep = parseRelation(`${'('.repeat(65)}a${')'.repeat(65)} = b`)
    expect(tooDeep).toMatchObject({ok: false, column: 65})
  })

  it('parses in one pass over long checks', () => {
    const terms = Array.from({length: 20_000}, (_, index) => `m-${index % 7}`)
    const relation = parsed(`${terms.join(' + ')} = total`)
    expect(relation.measures).toHaveLength(8)
    const values = new Map<string, Interval>(relation.measures.map((id) => [id, closed(1)]))
    const result = evaluateRelation(relation, (id) => (id === 'total' ? closed(20_000) : values.get(id)))
    expect(result.status).toBe('holds')
  })

  it('never throws, and every failure points inside the check or just after it', () => {
    const alphabet = fc.constantFrom(...'ab-1 0.()+*/=yer_A−'.split(''), 'year(')
    fc.assert(
      fc.property(fc.array(alphabet, {maxLength: 30}), (pieces) => {
        const check = pieces.join('')
        const result = parseRelation(check)
        if (!result.ok) {
          expect(result.column).toBeGreaterThanOrEqual(1)
          expect(result.column).toBeLessThanOrEqual(check.length + 1)
          expect(result.reason).toContain(`at column ${result.column}`)
        }
      })
    )
  })
})

describe('evaluateRelation', () => {
  const share = parsed('refugees-1956 / population-hungary-1956 * 100 = refugee-share-1956')
  const lookupOf =
    (values: Record<string, Interval>): Lookup =>
    (id) =>
      values[id]
  const count = (value: number, qualifier: 'exact' | 'approx' | 'nearly'): Interval =>
    figureInterval(value, qualifier, 0.1, 'count')
  const date = (value: string): Interval => figureInterval(value, 'exact', 0.1, 'date')

  it('holds within tolerance: around 200,000 of 9.8 million is nearly two percent', () => {
    const result = evaluateRelation(
      share,
      lookupOf({
        'refugees-1956': count(200_000, 'approx'),
        'population-hungary-1956': count(9_800_000, 'exact'),
        'refugee-share-1956': count(2, 'nearly')
      })
    )
    expect(result.status).toBe('holds')
    if (result.status === 'not-evaluated') return
    expect(formatInterval(result.left)).toBe('[1.83673469388, 2.24489795918]')
    expect(formatInterval(result.right)).toBe('[1.8, 2)')
  })

  it('fails when 300,000 of 9.8 million cannot be nearly two percent', () => {
    const result = evaluateRelation(
      share,
      lookupOf({
        'refugees-1956': count(300_000, 'exact'),
        'population-hungary-1956': count(9_800_000, 'exact'),
        'refugee-share-1956': count(2, 'nearly')
      })
    )
    expect(result).toMatchObject({status: 'fails'})
    // 3.06…: inexact, so rounded outward by an ulp on each side, which the format hides.
    if (result.status === 'fails') expect(formatInterval(result.left)).toBe('[3.0612244898, 3.0612244898]')
  })

  const years = parsed('year(date-nagy-reburial) - year(date-revolution-outbreak) = years-revolution-to-reburial')

  it('subtracts the years of dates', () => {
    const values = {
      'date-nagy-reburial': date('1989-06-16'),
      'date-revolution-outbreak': date('1956-10-23'),
      'years-revolution-to-reburial': count(33, 'exact')
    }
    expect(evaluateRelation(years, lookupOf(values))).toEqual({status: 'holds', left: closed(33), right: closed(33)})
    expect(evaluateRelation(years, lookupOf({...values, 'years-revolution-to-reburial': count(30, 'exact')}))).toMatchObject({
      status: 'fails'
    })
    // A whole-year date spans one year, a range of days may span several.
    const spanning = {...values, 'date-nagy-reburial': figureInterval({min: '1988-12', max: '1989-06'}, 'range', 0.1, 'date')}
    expect(evaluateRelation(years, lookupOf(spanning))).toMatchObject({status: 'holds', left: closed(32, 33)})
  })

  it('is not evaluated when a measure has no figures, naming each such measure', () => {
    expect(evaluateRelation(share, lookupOf({'population-hungary-1956': count(9_800_000, 'exact')}))).toEqual({
      status: 'not-evaluated',
      missing: ['refugees-1956', 'refugee-share-1956']
    })
  })

  it('looks each measure up once', () => {
    const asked: string[] = []
    evaluateRelation(parsed('a + a * a = a'), (id) => {
      asked.push(id)
      return closed(1)
    })
    expect(asked).toEqual(['a'])
  })

  it('treats a division by an interval around 0 as unbounded, so the relation holds', () => {
    const result = evaluateRelation(parsed('a / b = c'), lookupOf({a: closed(1), b: closed(-1, 1), c: closed(1e9)}))
    expect(result.status).toBe('holds')
  })

  it('respects open ends: more than 1000 cannot be 600 + 400', () => {
    const sum = parsed('a + b = c')
    expect(evaluateRelation(sum, lookupOf({a: closed(600), b: closed(400), c: interval(1000, Infinity, true)})).status).toBe('fails')
    expect(evaluateRelation(sum, lookupOf({a: closed(600), b: closed(400), c: interval(1000, Infinity)})).status).toBe('holds')
  })

  it('holds whenever the figures are realised by one set of true values (property)', () => {
    // Pick true values inside each figure's interval: if the relation is then an
    // equation that holds exactly, the interval evaluation must say `holds`.
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 1e6}),
        fc.integer({min: 1, max: 1e6}),
        fc.integer({min: 0, max: 1000}),
        fc.integer({min: 0, max: 1000}),
        (a, b, slackA, slackB) => {
          const values = {
            a: closed(a - slackA, a + slackB),
            b: interval(b - slackB - 1, b + slackA, true, false),
            c: closed(a + b)
          }
          expect(contains(values.b, b)).toBe(true)
          expect(evaluateRelation(parsed('a + b = c'), lookupOf(values)).status).toBe('holds')
          expect(evaluateRelation(parsed('c - b = a'), lookupOf(values)).status).toBe('holds')
        }
      )
    )
  })
})

describe('measureValueForRelation', () => {
  it('intersects figures that agree', () => {
    expect(measureValueForRelation([closed(2250, 2750), closed(2652)])).toEqual(closed(2652))
  })
  it('takes the hull of figures that conflict, or of a disputed measure', () => {
    expect(measureValueForRelation([closed(2250, 2750), closed(20_000, 25_000)])).toEqual(closed(2250, 25_000))
    expect(measureValueForRelation([closed(2250, 2750), closed(2652)], true)).toEqual(closed(2250, 2750))
  })
  it('has no value without figures', () => {
    expect(measureValueForRelation([])).toBeUndefined()
  })
})
