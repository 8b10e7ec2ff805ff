import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {
  add,
  closed,
  contains,
  dateInterval,
  dayToIso,
  div,
  figureInterval,
  FigureValueError,
  formatInterval,
  hull,
  interval,
  intersect,
  intersects,
  isEmpty,
  isLeapYear,
  mul,
  parseIsoDate,
  sameInterval,
  scaleByFactor,
  sub,
  toleranceFactor,
  tryFigureInterval,
  whole,
  yearsOf,
  type Interval
} from '../../src/figures/interval.js'
import type {FigureValue, MeasureKind, Qualifier} from '../../src/types.js'

const day = (iso: string): number => {
  const date = parseIsoDate(iso)
  if (!date || date.granularity !== 'day') throw new Error(`not a day: ${iso}`)
  return date.first
}
const count = (value: FigureValue, qualifier: Qualifier, tolerance = 0.1): Interval =>
  figureInterval(value, qualifier, tolerance, 'count')
const date = (value: FigureValue, qualifier: Qualifier = 'exact'): Interval =>
  figureInterval(value, qualifier, 0.1, 'date')

describe('figureInterval: numbers, per the contract table', () => {
  const table: Array<[FigureValue, Qualifier, string]> = [
    [2652, 'exact', '[2652, 2652]'],
    [2500, 'approx', '[2250, 2750]'],
    [2, 'nearly', '[1.8, 2)'],
    [1000, 'at-least', '[1000, ∞)'],
    [1000, 'more-than', '(1000, ∞)'],
    [1000, 'at-most', '(−∞, 1000]'],
    [1000, 'less-than', '(−∞, 1000)'],
    [{min: 2500, max: 3000}, 'range', '[2500, 3000]'],
    [{min: 7, max: 7}, 'range', '[7, 7]'],
    [0, 'approx', '[0, 0]'],
    [-50, 'approx', '[-55, -45]'],
    [-2, 'nearly', '(-2, -1.8]'],
    [-5, 'more-than', '(-5, ∞)']
  ]
  it.each(table)('%j %s is %s', (value, qualifier, expected) => {
    expect(formatInterval(count(value, qualifier))).toBe(expected)
  })

  it('keeps the decimal boundaries of approx inside despite binary rounding', () => {
    const around = count(2500, 'approx')
    expect(contains(around, 2250)).toBe(true)
    expect(contains(around, 2750)).toBe(true)
    expect(contains(count(1000, 'approx', 0.3), 700)).toBe(true)
    expect(contains(count(1000, 'approx', 0.3), 1300)).toBe(true)
    // Outward rounding widens by at most an ulp, never by a visible amount.
    expect(contains(around, 2249.999)).toBe(false)
  })

  it('uses the measure tolerance', () => {
    expect(formatInterval(count(100, 'approx', 0.25))).toBe('[75, 125]')
    expect(formatInterval(count(100, 'approx', 0))).toBe('[100, 100]')
  })

  it('reads every numeric kind alike', () => {
    for (const kind of ['count', 'percent', 'length', 'duration'] satisfies MeasureKind[]) {
      expect(formatInterval(figureInterval(2, 'nearly', 0.1, kind))).toBe('[1.8, 2)')
    }
  })
})

describe('figureInterval: the cases the issue names', () => {
  it('more-than 1000 and at-most 1000 touch at 1000 but do not intersect', () => {
    expect(intersects(count(1000, 'more-than'), count(1000, 'at-most'))).toBe(false)
    expect(intersects(count(1000, 'at-least'), count(1000, 'less-than'))).toBe(false)
  })
  it('at-least 1000 and at-most 1000 intersect at exactly 1000', () => {
    const common = intersect(count(1000, 'at-least'), count(1000, 'at-most'))
    expect(common && formatInterval(common)).toBe('[1000, 1000]')
  })
  it('approx 2500 meets exact 2652 but not exact 2800', () => {
    expect(intersects(count(2500, 'approx'), count(2652, 'exact'))).toBe(true)
    expect(intersects(count(2500, 'approx'), count(2800, 'exact'))).toBe(false)
  })
  it('nearly 2 does not meet exact 2', () => {
    expect(intersects(count(2, 'nearly'), count(2, 'exact'))).toBe(false)
    expect(intersects(count(2, 'nearly'), count(1.9, 'exact'))).toBe(true)
  })
  it('a month meets a day inside it and not one outside', () => {
    expect(intersects(date('1956-10'), date('1956-10-23'))).toBe(true)
    expect(intersects(date('1956-10'), date('1956-11-04'))).toBe(false)
    expect(intersects(date(1956), date('1956-11-04'))).toBe(true)
    expect(intersects(date('1956'), date('1957-01-01'))).toBe(false)
  })
})

describe('figureInterval: dates', () => {
  const table: Array<[FigureValue, Qualifier, string]> = [
    ['1956-10-23', 'exact', '[1956-10-23, 1956-10-23]'],
    ['1956-10', 'exact', '[1956-10-01, 1956-10-31]'],
    ['1956', 'exact', '[1956-01-01, 1956-12-31]'],
    [1991, 'exact', '[1991-01-01, 1991-12-31]'],
    ['1956-02', 'exact', '[1956-02-01, 1956-02-29]'],
    ['1957-02', 'exact', '[1957-02-01, 1957-02-28]'],
    ['1956-10-23', 'approx', '[1956-10-22, 1956-10-24]'],
    ['1956-10', 'approx', '[1956-09-01, 1956-11-30]'],
    ['1957-01', 'approx', '[1956-12-01, 1957-02-28]'],
    ['1956', 'approx', '[1955-01-01, 1957-12-31]'],
    ['1957', 'nearly', '[1956-01-01, 1956-12-31]'],
    ['1956-11-04', 'nearly', '[1956-11-03, 1956-11-03]'],
    ['1956-11-08', 'at-most', '(−∞, 1956-11-08]'],
    ['1957', 'less-than', '(−∞, 1956-12-31]'],
    ['1956-10', 'at-least', '[1956-10-01, ∞)'],
    ['1956', 'more-than', '[1957-01-01, ∞)'],
    [{min: '1956-10', max: '1957'}, 'range', '[1956-10-01, 1957-12-31]'],
    [{min: 1945, max: '1956-10-23'}, 'range', '[1945-01-01, 1956-10-23]']
  ]
  it.each(table)('%j %s is %s', (value, qualifier, expected) => {
    expect(formatInterval(date(value, qualifier), 'date')).toBe(expected)
  })

  it('"after" and "before" are whole days: after 23 October and before 24 October conflict', () => {
    expect(intersects(date('1956-10-23', 'more-than'), date('1956-10-24', 'less-than'))).toBe(false)
    expect(intersects(date('1956-10-23', 'more-than'), date('1956-10-24'))).toBe(true)
    expect(intersects(date('1957', 'less-than'), date('1956-12-31'))).toBe(true)
    expect(intersects(date('1957', 'less-than'), date('1957-01-01'))).toBe(false)
  })

  it('ignores the tolerance for dates', () => {
    expect(figureInterval('1956', 'approx', 0.5, 'date')).toEqual(date('1956', 'approx'))
  })
})

describe('figureInterval: values that do not fit', () => {
  const table: Array<[FigureValue, Qualifier, MeasureKind, string, RegExp]> = [
    [2500, 'range', 'count', 'qualifier', /single value `2500` with qualifier `range`/],
    [{min: 1, max: 2}, 'approx', 'count', 'qualifier', /expected qualifier `range`/],
    [{min: 3, max: 2}, 'range', 'count', 'value', /expected `min` ≤ `max`/],
    ['2,500', 'exact', 'count', 'value', /Unexpected `2,500`, expected a number for a count measure/],
    ['1956-10-23', 'exact', 'percent', 'value', /expected a number for a percent measure/],
    [Number.NaN, 'exact', 'count', 'value', /expected a number/],
    ['1956-02-30', 'exact', 'date', 'value', /Unexpected `1956-02-30`, expected a date that exists/],
    [1956.5, 'exact', 'date', 'value', /Unexpected `1956.5`/],
    [{min: '1957', max: '1956-10'}, 'range', 'date', 'value', /expected `min` before `max`/],
    [0, 'nearly', 'count', 'qualifier', /qualifier `nearly`/]
  ]
  it.each(table)('%j %s (%s) is a problem of %s', (value, qualifier, kind, field, reason) => {
    const result = tryFigureInterval(value, qualifier, 0.1, kind)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.field).toBe(field)
      expect(result.reason).toMatch(reason)
    }
  })

  it('throws a typed error', () => {
    expect(() => count(2500, 'range')).toThrow(FigureValueError)
  })

  it('rejects a negative tolerance and nearly with no tolerance', () => {
    expect(tryFigureInterval(10, 'approx', -0.1, 'count')).toMatchObject({ok: false, field: 'tolerance'})
    expect(tryFigureInterval(10, 'nearly', 0, 'count')).toMatchObject({ok: false, field: 'qualifier'})
  })
})

describe('dates', () => {
  it('reads days, months and years, with YAML integer years', () => {
    expect(dateInterval('1970-01-01')).toEqual(closed(0))
    expect(dateInterval('1956-10-23')).toEqual(closed(-4818))
    expect(dateInterval(1956)).toEqual(dateInterval('1956'))
    expect(dayToIso(day('1956-10-23'))).toBe('1956-10-23')
  })

  it('knows leap years', () => {
    expect(dateInterval('1956-02-29')).toBeDefined()
    expect(dateInterval('2000-02-29')).toBeDefined()
    expect(dateInterval('1957-02-29')).toBeUndefined()
    expect(dateInterval('1900-02-29')).toBeUndefined()
    expect([1956, 2000, 1900, 1957].map(isLeapYear)).toEqual([true, true, false, false])
    const year1956 = dateInterval('1956')!
    expect(year1956.hi - year1956.lo + 1).toBe(366)
  })

  it.each([
    '1956-02-30',
    '1956-04-31',
    '1956-13',
    '1956-00',
    '1956-10-00',
    '0000',
    '56',
    '1956-1-5',
    ' 1956',
    '1956-10-23T00:00',
    '23 October 1956',
    ''
  ])('rejects %j', (value) => {
    expect(dateInterval(value)).toBeUndefined()
  })

  it.each([0, -5, 1956.5, 10000, Number.NaN])('rejects the number %d as a year', (value) => {
    expect(dateInterval(value)).toBeUndefined()
  })

  it('agrees with Date on every day of years 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({min: day('0001-01-01'), max: day('9999-12-31')}), (dayNumber) => {
        const iso = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10)
        expect(dayToIso(dayNumber)).toBe(iso)
        expect(dateInterval(iso)).toEqual(closed(dayNumber))
      })
    )
  })

  it('gives the years a day interval spans', () => {
    expect(yearsOf(dateInterval('1956-10-23')!)).toEqual(closed(1956))
    expect(yearsOf(closed(day('1956-12-01'), day('1958-01-01')))).toEqual(closed(1956, 1958))
    expect(yearsOf(interval(day('1956-12-31'), Infinity, true))).toEqual(interval(1957, Infinity))
    expect(yearsOf(interval(-Infinity, day('1957-01-01'), false, true))).toEqual(interval(-Infinity, 1956))
    expect(isEmpty(yearsOf(interval(0, 1, true, true)))).toBe(true)
  })
})

describe('interval basics', () => {
  it('builds closed intervals, infinite ends open', () => {
    expect(closed(5)).toEqual({lo: 5, hi: 5, loOpen: false, hiOpen: false})
    expect(closed(-Infinity, 5)).toEqual({lo: -Infinity, hi: 5, loOpen: true, hiOpen: false})
    expect(isEmpty(closed(3, 2))).toBe(true)
    expect(isEmpty(interval(1, 1, true, false))).toBe(true)
    expect(isEmpty(interval(1, 1))).toBe(false)
  })

  it('formats', () => {
    expect(formatInterval(closed(2250, 2750))).toBe('[2250, 2750]')
    expect(formatInterval(interval(1000, Infinity, true))).toBe('(1000, ∞)')
    expect(formatInterval(dateInterval('1956-10')!, 'date')).toBe('[1956-10-01, 1956-10-31]')
    expect(formatInterval(closed(1 / 3, 2.0000000000000004))).toBe('[0.333333333333, 2]')
    expect(formatInterval(closed(3, 2))).toBe('∅')
  })
})

describe('interval arithmetic: examples', () => {
  it('is exact where floating point is', () => {
    expect(add(closed(600), closed(400))).toEqual(closed(1000))
    expect(intersects(add(closed(600), closed(400)), count(1000, 'more-than'))).toBe(false)
    expect(sub(closed(1989), closed(1956))).toEqual(closed(33))
    expect(mul(closed(0.5), closed(4))).toEqual(closed(2))
    expect(div(closed(6), closed(3))).toEqual(closed(2))
    expect(div(closed(1), closed(4))).toEqual(closed(0.25))
  })

  it('rounds inexact ends outward', () => {
    const third = div(closed(1), closed(3))
    expect(third.lo).toBeLessThan(third.hi)
    // The exact sum of the doubles 0.1 and 0.2 lies between the doubles 0.3 and
    // 0.30000000000000004 (which is what `0.1 + 0.2` rounds to).
    expect(add(closed(0.1), closed(0.2))).toEqual(closed(0.3, 0.1 + 0.2))
  })

  it('keeps open and closed ends', () => {
    expect(formatInterval(add(interval(1000, Infinity, true), closed(5)))).toBe('(1005, ∞)')
    expect(formatInterval(sub(closed(10), interval(-Infinity, 4, false, true)))).toBe('(6, ∞)')
    expect(formatInterval(mul(interval(1.8, 2, false, true), closed(100)))).toBe('[180, 200)')
    expect(formatInterval(mul(interval(-2, 2, false, true), closed(-3, 3)))).toBe('[-6, 6]')
  })

  it('treats 0 times ∞ as 0', () => {
    expect(formatInterval(mul(closed(0, 5), interval(1, Infinity)))).toBe('[0, ∞)')
    expect(formatInterval(mul(interval(0, 5, true), interval(1, Infinity)))).toBe('(0, ∞)')
    expect(formatInterval(mul(closed(0), whole()))).toBe('[0, 0]')
  })

  it('divides by an interval containing 0 into (−∞, ∞)', () => {
    expect(div(closed(1, 2), closed(-1, 1))).toEqual(whole())
    expect(div(closed(1, 2), closed(0))).toEqual(whole())
    expect(formatInterval(div(closed(1, 2), interval(0, 5, true)))).toBe('[0.2, ∞)')
    expect(formatInterval(div(closed(1, 2), interval(-5, 0, false, true)))).toBe('(−∞, -0.2]')
    expect(formatInterval(div(interval(1, Infinity), interval(2, Infinity)))).toBe('(0, ∞)')
  })

  it('propagates empty operands', () => {
    for (const operation of [add, sub, mul, div]) expect(isEmpty(operation(closed(3, 2), closed(1)))).toBe(true)
  })

  it('handles overflow', () => {
    const huge = mul(closed(1e300), closed(1e300))
    expect(huge.lo).toBe(Number.MAX_VALUE)
    expect(huge.hi).toBe(Infinity)
  })
})

// --- Property tests -----------------------------------------------------------------------
// Containment is checked with exact rational arithmetic on BigInt (every double is a
// dyadic rational), so a floating-point slip in the implementation cannot hide behind the
// same slip in the test.

interface Rational {
  numerator: bigint
  denominator: bigint
}

function toRational(x: number): Rational {
  if (x === 0) return {numerator: 0n, denominator: 1n}
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, x)
  const bits = view.getBigUint64(0)
  const sign = bits >> 63n === 1n ? -1n : 1n
  const exponentBits = Number((bits >> 52n) & 0x7ffn)
  let mantissa = bits & ((1n << 52n) - 1n)
  let exponent = -1074
  if (exponentBits !== 0) {
    mantissa |= 1n << 52n
    exponent = exponentBits - 1075
  }
  return exponent >= 0
    ? {numerator: (sign * mantissa) << BigInt(exponent), denominator: 1n}
    : {numerator: sign * mantissa, denominator: 1n << BigInt(-exponent)}
}

const exact = {
  '+': (a: Rational, b: Rational): Rational => ({
    numerator: a.numerator * b.denominator + b.numerator * a.denominator,
    denominator: a.denominator * b.denominator
  }),
  '-': (a: Rational, b: Rational): Rational => exact['+'](a, {numerator: -b.numerator, denominator: b.denominator}),
  '*': (a: Rational, b: Rational): Rational => ({
    numerator: a.numerator * b.numerator,
    denominator: a.denominator * b.denominator
  }),
  '/': (a: Rational, b: Rational): Rational => {
    const sign = b.numerator < 0n ? -1n : 1n
    return {numerator: sign * a.numerator * b.denominator, denominator: sign * a.denominator * b.numerator}
  }
}

function compare(a: Rational, b: Rational): number {
  const difference = a.numerator * b.denominator - b.numerator * a.denominator
  return difference === 0n ? 0 : difference > 0n ? 1 : -1
}

function containsExactly(a: Interval, value: Rational): boolean {
  if (isEmpty(a)) return false
  if (a.lo !== -Infinity) {
    const side = compare(value, toRational(a.lo))
    if (side < 0 || (side === 0 && a.loOpen)) return false
  }
  if (a.hi !== Infinity) {
    const side = compare(value, toRational(a.hi))
    if (side > 0 || (side === 0 && a.hiOpen)) return false
  }
  return true
}

const finiteNumber = fc.oneof(
  fc.integer({min: -1000, max: 1000}),
  fc.constantFrom(0, 0.1, 0.2, 0.5, 1, -1, 3, 1e300, -1e300, Number.MIN_VALUE),
  fc.double({min: -1e6, max: 1e6, noNaN: true}),
  fc.double({noNaN: true, noDefaultInfinity: true})
)

const anyInterval: fc.Arbitrary<Interval> = fc
  .tuple(finiteNumber, finiteNumber, fc.boolean(), fc.boolean(), fc.nat(5), fc.nat(5))
  .map(([x, y, loOpen, hiOpen, loChoice, hiChoice]) => {
    const lo = loChoice === 0 ? -Infinity : Math.min(x, y)
    const hi = hiChoice === 0 ? Infinity : Math.max(x, y)
    // A point interval must be closed to be non-empty.
    return lo === hi ? closed(lo) : interval(lo, hi, loOpen, hiOpen)
  })

/** A candidate point of `a`; properties skip it (`fc.pre`) when rounding put it outside. */
function pointCandidate(a: Interval): fc.Arbitrary<number> {
  const lo = Math.max(a.lo, -Number.MAX_VALUE)
  const hi = Math.min(a.hi, Number.MAX_VALUE)
  return fc.oneof(fc.constantFrom(lo, hi), fc.double({min: lo, max: hi, noNaN: true}))
}

const intervalWithPoint = anyInterval.chain((a) => pointCandidate(a).map((x): [Interval, number] => [a, x]))

describe('interval arithmetic: properties', () => {
  const operations = {'+': add, '-': sub, '*': mul, '/': div} as const
  for (const symbol of ['+', '-', '*', '/'] as const) {
    it(`A ${symbol} B contains a ${symbol} b for every a in A and b in B`, () => {
      fc.assert(
        fc.property(intervalWithPoint, intervalWithPoint, ([a, x], [b, y]) => {
          fc.pre(contains(a, x) && contains(b, y))
          if (symbol === '/') fc.pre(y !== 0)
          const result = operations[symbol](a, b)
          expect(isEmpty(result)).toBe(false)
          expect(containsExactly(result, exact[symbol](toRational(x), toRational(y)))).toBe(true)
        }),
        {numRuns: 3000}
      )
    })
  }

  it('scales a point by a factor exactly as mul does (the shortcut of approx and nearly)', () => {
    const tolerance = fc.oneof(fc.constantFrom(0, 0.05, 0.1, 0.2, 0.25, 1, 1.5), fc.double({min: 0, max: 3, noNaN: true}))
    const factor = fc.oneof(tolerance.map(toleranceFactor), anyInterval)
    fc.assert(
      fc.property(fc.oneof(finiteNumber, fc.constantFrom(-0, Infinity, -Infinity)), factor, (v, f) => {
        expect(scaleByFactor(v, f)).toEqual(mul(closed(v), f))
      }),
      {numRuns: 5000}
    )
  })

  it('is exact on small integer intervals for +, − and ×', () => {
    const integerInterval = fc
      .tuple(fc.integer({min: -1e6, max: 1e6}), fc.integer({min: -1e6, max: 1e6}))
      .map(([x, y]) => closed(Math.min(x, y), Math.max(x, y)))
    fc.assert(
      fc.property(integerInterval, integerInterval, (a, b) => {
        expect(add(a, b)).toEqual(closed(a.lo + b.lo, a.hi + b.hi))
        expect(sub(a, b)).toEqual(closed(a.lo - b.hi, a.hi - b.lo))
        const products = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
        expect(mul(a, b)).toEqual(closed(Math.min(...products) + 0, Math.max(...products) + 0))
      })
    )
  })
})

describe('intersect and hull: properties', () => {
  const probe = (a: Interval, b: Interval, extra: number): number[] =>
    [a.lo, a.hi, b.lo, b.hi, extra].filter((x) => Number.isFinite(x))

  it('a point is in A ∩ B exactly when it is in A and in B', () => {
    fc.assert(
      fc.property(anyInterval, anyInterval, finiteNumber, (a, b, extra) => {
        const common = intersect(a, b)
        expect(common === undefined).toBe(!intersects(a, b))
        expect(intersects(a, b)).toBe(intersects(b, a))
        for (const x of probe(a, b, extra)) {
          expect(common !== undefined && contains(common, x)).toBe(contains(a, x) && contains(b, x))
        }
      })
    )
  })

  it('is commutative and idempotent', () => {
    fc.assert(
      fc.property(anyInterval, anyInterval, (a, b) => {
        const ab = intersect(a, b)
        const ba = intersect(b, a)
        expect(ab === undefined ? ba === undefined : ba !== undefined && sameInterval(ab, ba)).toBe(true)
        expect(sameInterval(intersect(a, a)!, a)).toBe(true)
        expect(sameInterval(hull(a, b), hull(b, a))).toBe(true)
        expect(sameInterval(hull(a, a), a)).toBe(true)
      })
    )
  })

  it('the hull holds both and is the smallest interval that does', () => {
    fc.assert(
      fc.property(anyInterval, anyInterval, finiteNumber, (a, b, extra) => {
        const both = hull(a, b)
        for (const x of probe(a, b, extra)) {
          if (contains(a, x) || contains(b, x)) expect(contains(both, x)).toBe(true)
        }
        expect(both.lo).toBe(Math.min(a.lo, b.lo))
        expect(both.hi).toBe(Math.max(a.hi, b.hi))
        // Its ends are attained exactly when an operand attains them.
        if (Number.isFinite(both.lo)) expect(contains(both, both.lo)).toBe(contains(a, both.lo) || contains(b, both.lo))
        if (Number.isFinite(both.hi)) expect(contains(both, both.hi)).toBe(contains(a, both.hi) || contains(b, both.hi))
      })
    )
  })

  it('A ∩ B lies in A, in B and in the hull', () => {
    fc.assert(
      fc.property(anyInterval, anyInterval, (a, b) => {
        const common = intersect(a, b)
        fc.pre(common !== undefined)
        expect(sameInterval(intersect(common!, a)!, common!)).toBe(true)
        expect(sameInterval(intersect(common!, b)!, common!)).toBe(true)
        expect(sameInterval(intersect(common!, hull(a, b))!, common!)).toBe(true)
      })
    )
  })
})

describe('figureInterval: properties', () => {
  const value = fc.oneof(fc.integer({min: -1e9, max: 1e9}), fc.double({min: -1e12, max: 1e12, noNaN: true}))
  const tolerance = fc.oneof(fc.constantFrom(0, 0.05, 0.1, 0.25), fc.double({min: 0, max: 0.9, noNaN: true}))

  it('holds v for exact, approx, at-least, at-most and not for more-than, less-than, nearly', () => {
    fc.assert(
      fc.property(value, tolerance, (v, t) => {
        for (const qualifier of ['exact', 'approx', 'at-least', 'at-most'] as const) {
          expect(contains(count(v, qualifier, t), v)).toBe(true)
        }
        for (const qualifier of ['more-than', 'less-than'] as const) {
          expect(contains(count(v, qualifier, t), v)).toBe(false)
        }
        if (v !== 0 && t > 0) {
          const nearly = count(v, 'nearly', t)
          expect(isEmpty(nearly)).toBe(false)
          expect(contains(nearly, v)).toBe(false)
          // Nearly lies within approx, on the side of 0.
          expect(sameInterval(intersect(nearly, count(v, 'approx', t))!, nearly)).toBe(true)
          // It ends, open, at v and reaches from there towards 0. (Not "an end nearer 0 than
          // v": at the smallest subnormal, outward rounding takes the far end past 0.)
          if (v > 0) expect(nearly.hi === v && nearly.hiOpen && nearly.lo < v).toBe(true)
          else expect(nearly.lo === v && nearly.loOpen && nearly.hi > v).toBe(true)
        }
      }),
      // A random run once found the smallest subnormal: kept as examples.
      {examples: [[5e-324, 0.49999999999999994], [-5e-324, 0.49999999999999994]]}
    )
  })

  it('approx holds v(1 − t) and v(1 + t) computed exactly', () => {
    fc.assert(
      fc.property(value, tolerance, (v, t) => {
        const around = count(v, 'approx', t)
        const vExact = toRational(v)
        const tExact = toRational(t)
        const one = toRational(1)
        expect(containsExactly(around, exact['*'](vExact, exact['-'](one, tExact)))).toBe(true)
        expect(containsExactly(around, exact['*'](vExact, exact['+'](one, tExact)))).toBe(true)
      })
    )
  })

  it('a date interval holds exactly the days of the date', () => {
    fc.assert(
      fc.property(fc.integer({min: day('1000-01-01'), max: day('2999-12-31')}), (dayNumber) => {
        const iso = dayToIso(dayNumber)
        expect(contains(date(iso.slice(0, 7)), dayNumber)).toBe(true)
        expect(contains(date(iso.slice(0, 4)), dayNumber)).toBe(true)
        expect(contains(date(iso.slice(0, 7)), dayNumber + 40)).toBe(false)
        expect(yearsOf(date(iso))).toEqual(closed(Number(iso.slice(0, 4))))
      })
    )
  })
})
