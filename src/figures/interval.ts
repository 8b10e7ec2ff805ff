/**
 * Intervals of possible true values, with open and closed ends: what a figure means
 * (CORPUS-FORMAT.md, "Figures"), dates as intervals of day numbers, and interval
 * arithmetic for relations. Pure functions over plain data; see docs/intervals.md.
 *
 * Floating point: arithmetic rounds every computed end outward, and only when the
 * floating-point operation was inexact (detected with error-free transformations), so
 * the result always contains the exact result and integer arithmetic stays exact:
 * `600 + 400` is `[1000, 1000]`, which does not meet `more-than 1000`.
 */
import type {FigureScalar, FigureValue, MeasureKind, Qualifier} from '../types.js'

/** `lo` may be `-Infinity` and `hi` `Infinity`; infinite ends are always open. */
export interface Interval {
  lo: number
  hi: number
  loOpen: boolean
  hiOpen: boolean
}

/** The normal way to build an interval: infinite ends become open, `-0` becomes `0`. */
export function interval(lo: number, hi: number, loOpen = false, hiOpen = false): Interval {
  return {
    lo: lo === 0 ? 0 : lo,
    hi: hi === 0 ? 0 : hi,
    loOpen: loOpen || !Number.isFinite(lo),
    hiOpen: hiOpen || !Number.isFinite(hi)
  }
}

/** `[lo, hi]`, or the point `[lo, lo]`; an infinite end is open. `lo > hi` gives an empty interval. */
export function closed(lo: number, hi: number = lo): Interval {
  return interval(lo, hi)
}

/** `(−∞, ∞)`: what a division by an interval around 0 yields. */
export function whole(): Interval {
  return interval(-Infinity, Infinity)
}

/** The canonical empty interval (what arithmetic on an empty operand returns). */
export function emptyInterval(): Interval {
  return {lo: Infinity, hi: -Infinity, loOpen: true, hiOpen: true}
}

export function isEmpty(a: Interval): boolean {
  if (Number.isNaN(a.lo) || Number.isNaN(a.hi)) return true
  return a.lo > a.hi || (a.lo === a.hi && (a.loOpen || a.hiOpen))
}

export function contains(a: Interval, x: number): boolean {
  if (isEmpty(a) || Number.isNaN(x)) return false
  const aboveLo = x > a.lo || (x === a.lo && !a.loOpen)
  const belowHi = x < a.hi || (x === a.hi && !a.hiOpen)
  return aboveLo && belowHi
}

/** Same set of numbers (all empty intervals are equal). */
export function sameInterval(a: Interval, b: Interval): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b)
  return a.lo === b.lo && a.hi === b.hi && a.loOpen === b.loOpen && a.hiOpen === b.hiOpen
}

/** `undefined` when the intervals have no point in common. */
export function intersect(a: Interval, b: Interval): Interval | undefined {
  if (isEmpty(a) || isEmpty(b)) return undefined
  let lo: number
  let loOpen: boolean
  if (a.lo === b.lo) {
    lo = a.lo
    loOpen = a.loOpen || b.loOpen
  } else if (a.lo > b.lo) {
    lo = a.lo
    loOpen = a.loOpen
  } else {
    lo = b.lo
    loOpen = b.loOpen
  }
  let hi: number
  let hiOpen: boolean
  if (a.hi === b.hi) {
    hi = a.hi
    hiOpen = a.hiOpen || b.hiOpen
  } else if (a.hi < b.hi) {
    hi = a.hi
    hiOpen = a.hiOpen
  } else {
    hi = b.hi
    hiOpen = b.hiOpen
  }
  const result = interval(lo, hi, loOpen, hiOpen)
  return isEmpty(result) ? undefined : result
}

export function intersects(a: Interval, b: Interval): boolean {
  return intersect(a, b) !== undefined
}

/** The smallest interval that holds both (an empty operand is ignored). */
export function hull(a: Interval, b: Interval): Interval {
  if (isEmpty(a)) return isEmpty(b) ? emptyInterval() : {...b}
  if (isEmpty(b)) return {...a}
  const lo = Math.min(a.lo, b.lo)
  const hi = Math.max(a.hi, b.hi)
  const loOpen = a.lo === b.lo ? a.loOpen && b.loOpen : lo === a.lo ? a.loOpen : b.loOpen
  const hiOpen = a.hi === b.hi ? a.hiOpen && b.hiOpen : hi === a.hi ? a.hiOpen : b.hiOpen
  return interval(lo, hi, loOpen, hiOpen)
}

// --- Arithmetic -----------------------------------------------------------------------

/** One end of an interval while computing. */
interface End {
  value: number
  open: boolean
}

export function negate(a: Interval): Interval {
  if (isEmpty(a)) return emptyInterval()
  return interval(-a.hi, -a.lo, a.hiOpen, a.loOpen)
}

export function add(a: Interval, b: Interval): Interval {
  if (isEmpty(a) || isEmpty(b)) return emptyInterval()
  const lo = a.lo === -Infinity || b.lo === -Infinity ? -Infinity : roundDown(twoSum(a.lo, b.lo))
  const hi = a.hi === Infinity || b.hi === Infinity ? Infinity : roundUp(twoSum(a.hi, b.hi))
  return interval(lo, hi, a.loOpen || b.loOpen, a.hiOpen || b.hiOpen)
}

export function sub(a: Interval, b: Interval): Interval {
  return add(a, negate(b))
}

export function mul(a: Interval, b: Interval): Interval {
  if (isEmpty(a) || isEmpty(b)) return emptyInterval()
  const pairs = endPairs(a, b)
  const lo = lowest(pairs.map(([x, y]) => productEnd(x, y, 'down')))
  const hi = highest(pairs.map(([x, y]) => productEnd(x, y, 'up')))
  return interval(lo.value, hi.value, lo.open, hi.open)
}

/**
 * `a / b`. When `b` contains 0 the quotient is unbounded on both sides (and, at 0 itself,
 * undefined), so the result is `(−∞, ∞)`: it meets every interval, and a relation that
 * divides by such a measure always holds. `b` with an open end at 0, as `(0, 5]`, does
 * not contain 0 and divides normally (`[1, 2] / (0, 5]` is `[0.2, ∞)`).
 */
export function div(a: Interval, b: Interval): Interval {
  if (isEmpty(a) || isEmpty(b)) return emptyInterval()
  if (contains(b, 0)) return whole()
  const pairs = endPairs(a, b)
  const lo = lowest(pairs.map(([x, y, yIsLowerEnd]) => quotientEnd(x, y, yIsLowerEnd, 'down')))
  const hi = highest(pairs.map(([x, y, yIsLowerEnd]) => quotientEnd(x, y, yIsLowerEnd, 'up')))
  return interval(lo.value, hi.value, lo.open, hi.open)
}

function endPairs(a: Interval, b: Interval): Array<[End, End, boolean]> {
  const aEnds: End[] = [
    {value: a.lo, open: a.loOpen},
    {value: a.hi, open: a.hiOpen}
  ]
  const pairs: Array<[End, End, boolean]> = []
  for (const x of aEnds) {
    pairs.push([x, {value: b.lo, open: b.loOpen}, true], [x, {value: b.hi, open: b.hiOpen}, false])
  }
  return pairs
}

/** The least end, closed when any candidate reaching it is closed (the value is attained). */
function lowest(ends: End[]): End {
  const value = Math.min(...ends.map((end) => end.value))
  return {value, open: ends.every((end) => end.value !== value || end.open)}
}

function highest(ends: End[]): End {
  const value = Math.max(...ends.map((end) => end.value))
  return {value, open: ends.every((end) => end.value !== value || end.open)}
}

/**
 * The product of two ends. A closed 0 times anything is an attained 0; an open 0 times
 * ∞ is 0 (the ∞ end is never reached, every value there is finite): the convention of
 * extended interval arithmetic (IEEE 1788), under which the min and max of the four end
 * products are the bounds of the product set.
 */
function productEnd(x: End, y: End, direction: Direction): End {
  if ((x.value === 0 && !x.open) || (y.value === 0 && !y.open)) return {value: 0, open: false}
  if (x.value === 0 || y.value === 0) return {value: 0, open: true}
  if (!Number.isFinite(x.value) || !Number.isFinite(y.value)) {
    return {value: Math.sign(x.value) * Math.sign(y.value) * Infinity, open: true}
  }
  return {value: directed(twoProduct(x.value, y.value), direction), open: x.open || y.open}
}

/**
 * The quotient of two ends, `y` an end of a divisor that does not contain 0: an end at
 * 0 is open, approached from above when it is the divisor's lower end.
 */
function quotientEnd(x: End, y: End, yIsLowerEnd: boolean, direction: Direction): End {
  if (x.value === 0 && !x.open) return {value: 0, open: false}
  if (!Number.isFinite(y.value)) return {value: 0, open: true}
  if (y.value === 0) {
    if (x.value === 0) return {value: 0, open: true}
    return {value: Math.sign(x.value) * (yIsLowerEnd ? 1 : -1) * Infinity, open: true}
  }
  if (!Number.isFinite(x.value)) {
    return {value: Math.sign(x.value) * Math.sign(y.value) * Infinity, open: true}
  }
  return {value: directed(quotient(x.value, y.value), direction), open: x.open || y.open}
}

// --- Outward rounding -------------------------------------------------------------------

type Direction = 'down' | 'up'

/** A rounded result and the sign of (exact − rounded): 0 exact, NaN unknown. */
interface Rounded {
  value: number
  errorSign: number
}

// Error-free transformations lose exactness near overflow and underflow; outside this
// range an inexact-looking result is simply widened by one ulp, which is always enough
// for a single round-to-nearest operation.
const safeMax = 2 ** 900
const safeMin = 2 ** -900

function inSafeRange(x: number): boolean {
  const magnitude = Math.abs(x)
  return magnitude >= safeMin && magnitude <= safeMax
}

/** Knuth's TwoSum: the rounding error of `a + b` exactly (finite operands). */
function twoSum(a: number, b: number): Rounded {
  const sum = a + b
  if (!Number.isFinite(sum)) return {value: sum, errorSign: Number.NaN}
  const bVirtual = sum - a
  const aVirtual = sum - bVirtual
  const error = a - aVirtual + (b - bVirtual)
  return {value: sum, errorSign: Math.sign(error)}
}

/** Veltkamp's split of a double into two halves of 26 bits. */
function split(a: number): [number, number] {
  const c = 134217729 * a
  const high = c - (c - a)
  return [high, a - high]
}

/** Dekker's TwoProduct: the rounding error of `a · b` exactly (within the safe range). */
function twoProduct(a: number, b: number): Rounded {
  const product = a * b
  if (!Number.isFinite(product)) return {value: product, errorSign: Number.NaN}
  if (a === 0 || b === 0) return {value: 0, errorSign: 0}
  if (!inSafeRange(a) || !inSafeRange(b) || !inSafeRange(product)) {
    return {value: product, errorSign: Number.NaN}
  }
  return {value: product, errorSign: Math.sign(productError(a, b, product))}
}

function productError(a: number, b: number, product: number): number {
  const [aHigh, aLow] = split(a)
  const [bHigh, bLow] = split(b)
  return aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow
}

/** `a / b` and on which side of it the exact quotient lies, from the exact residual. */
function quotient(a: number, b: number): Rounded {
  const value = a / b
  if (!Number.isFinite(value)) return {value, errorSign: Number.NaN}
  if (a === 0) return {value: 0, errorSign: 0}
  if (!inSafeRange(a) || !inSafeRange(b) || !inSafeRange(value)) {
    return {value, errorSign: Number.NaN}
  }
  const product = value * b
  // a − product is exact (Sterbenz: product is within a factor 2 of a), so the residual
  // a − value·b has the sign of (a − product) − error.
  const residual = a - product - productError(value, b, product)
  return {value, errorSign: Math.sign(residual) * Math.sign(b)}
}

function directed(rounded: Rounded, direction: Direction): number {
  return direction === 'down' ? roundDown(rounded) : roundUp(rounded)
}

function roundDown({value, errorSign}: Rounded): number {
  // An overflow to +∞ from finite operands: the exact value is finite.
  if (value === Infinity) return Number.MAX_VALUE
  if (value === -Infinity) return -Infinity
  return errorSign < 0 || Number.isNaN(errorSign) ? nextDown(value) : value
}

function roundUp({value, errorSign}: Rounded): number {
  if (value === -Infinity) return -Number.MAX_VALUE
  if (value === Infinity) return Infinity
  return errorSign > 0 || Number.isNaN(errorSign) ? nextUp(value) : value
}

const floatView = new Float64Array(1)
const bitsView = new BigInt64Array(floatView.buffer)

function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x
  if (x === 0) return Number.MIN_VALUE
  floatView[0] = x
  bitsView[0] = (bitsView[0] ?? 0n) + (x > 0 ? 1n : -1n)
  return floatView[0] ?? x
}

function nextDown(x: number): number {
  return -nextUp(-x)
}

// --- Dates ------------------------------------------------------------------------------

export type DateGranularity = 'day' | 'month' | 'year'

export interface ParsedDate {
  /** First and last day (days since 1970-01-01 UTC). */
  first: number
  last: number
  granularity: DateGranularity
  year: number
  /** 1–12, when given. */
  month?: number
}

const isoDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/**
 * Read `1956-10-23`, `1956-10`, `1956`, or a whole number 1–9999 (YAML reads an unquoted
 * year as an integer). Proleptic Gregorian calendar; `undefined` for anything else,
 * including days that do not exist (`1956-02-30`, `1900-02-29`) and year 0.
 */
export function parseIsoDate(value: string | number): ParsedDate | undefined {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 9999) return undefined
    return yearDate(value)
  }
  if (typeof value !== 'string') return undefined
  const match = isoDatePattern.exec(value)
  if (!match) return undefined
  const year = Number(match[1])
  if (year < 1) return undefined
  if (match[2] === undefined) return yearDate(year)
  const month = Number(match[2])
  if (month < 1 || month > 12) return undefined
  if (match[3] === undefined) {
    return {
      first: daysFromCivil(year, month, 1),
      last: daysFromCivil(year, month, daysInMonth(year, month)),
      granularity: 'month',
      year,
      month
    }
  }
  const day = Number(match[3])
  if (day < 1 || day > daysInMonth(year, month)) return undefined
  const dayNumber = daysFromCivil(year, month, day)
  return {first: dayNumber, last: dayNumber, granularity: 'day', year, month}
}

/** The closed interval of days a date names; `undefined` when it is not a valid date. */
export function dateInterval(value: string | number): Interval | undefined {
  const date = parseIsoDate(value)
  return date && closed(date.first, date.last)
}

/** `1956-10-23` for a day number (a fractional day counts as the day it falls in). */
export function dayToIso(day: number): string {
  if (!Number.isFinite(day)) throw new RangeError(`Unexpected day \`${day}\`, expected a finite number`)
  const {year, month, day: dayOfMonth} = civilFromDays(Math.floor(day))
  const yearText = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0')
  return `${yearText}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`
}

/** The year a day number falls in. */
export function yearOfDay(day: number): number {
  return civilFromDays(Math.floor(day)).year
}

/**
 * The interval of years that a day interval spans: `[1956-10-01, 1956-10-31]` → `[1956, 1956]`,
 * `[1956-12-01, ∞)` → `[1956, ∞)`. Days are whole: an open end at day d means d is out.
 */
export function yearsOf(days: Interval): Interval {
  if (isEmpty(days)) return emptyInterval()
  const firstDay = days.lo === -Infinity ? -Infinity : days.loOpen ? Math.floor(days.lo) + 1 : Math.ceil(days.lo)
  const lastDay = days.hi === Infinity ? Infinity : days.hiOpen ? Math.ceil(days.hi) - 1 : Math.floor(days.hi)
  if (firstDay > lastDay) return emptyInterval()
  return interval(
    Number.isFinite(firstDay) ? yearOfDay(firstDay) : firstDay,
    Number.isFinite(lastDay) ? yearOfDay(lastDay) : lastDay
  )
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function yearDate(year: number): ParsedDate {
  return {first: daysFromCivil(year, 1, 1), last: daysFromCivil(year, 12, 31), granularity: 'year', year}
}

// Howard Hinnant's civil-calendar algorithms: exact integer arithmetic for any year,
// without `Date.UTC`'s mapping of years 0–99 to 1900–1999.
function daysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year
  const era = Math.floor(shiftedYear / 400)
  const yearOfEra = shiftedYear - era * 400
  const monthFromMarch = (month + 9) % 12
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

function civilFromDays(days: number): {year: number; month: number; day: number} {
  const shifted = days + 719468
  const era = Math.floor(shifted / 146097)
  const dayOfEra = shifted - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
  return {year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day}
}

/** The first day of the unit (day, month, year) `steps` units away from the date's first day. */
function shiftedFirstDay(date: ParsedDate, steps: number): number {
  if (date.granularity === 'day') return date.first + steps
  if (date.granularity === 'year') return daysFromCivil(date.year + steps, 1, 1)
  const monthIndex = date.year * 12 + (date.month ?? 1) - 1 + steps
  return daysFromCivil(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1)
}

/** The last day of the unit `steps` units away from the date's last day. */
function shiftedLastDay(date: ParsedDate, steps: number): number {
  return shiftedFirstDay(date, steps + 1) - 1
}

/**
 * `[1 − t, 1 + t]` with 1 − t rounded down and 1 + t rounded up: a decimal boundary such
 * as 2250 for `approx 2500` stays inside despite 0.1 having no exact binary form. One
 * per tolerance (a corpus has a few), shared: intervals are never changed in place.
 */
export function toleranceFactor(tolerance: number): Interval {
  let factor = toleranceFactors.get(tolerance)
  if (factor === undefined) {
    factor = interval(roundDown(twoSum(1, -tolerance)), roundUp(twoSum(1, tolerance)))
    if (toleranceFactors.size >= 64) toleranceFactors.clear()
    toleranceFactors.set(tolerance, factor)
  }
  return factor
}

const toleranceFactors = new Map<number, Interval>()

/**
 * `mul(closed(v), factor)`, the interval of every approximate figure. For a finite `v`
 * and a closed factor with positive finite ends the four end products of `mul` reduce
 * to two (`v·lo ≤ v·hi` when `v > 0`, and rounding is monotone), without `mul`'s lists
 * of candidate ends; any other operands go to `mul` itself.
 */
export function scaleByFactor(v: number, factor: Interval): Interval {
  if (!Number.isFinite(v) || factor.loOpen || factor.hiOpen || !(factor.lo > 0) || !Number.isFinite(factor.hi)) {
    return mul(closed(v), factor)
  }
  if (v === 0) return closed(0)
  return v > 0
    ? closed(roundDown(twoProduct(v, factor.lo)), roundUp(twoProduct(v, factor.hi)))
    : closed(roundDown(twoProduct(v, factor.hi)), roundUp(twoProduct(v, factor.lo)))
}

// --- Formatting -------------------------------------------------------------------------

/** `[2250, 2750]`, `(1000, ∞)`, `(−∞, 2)`, dates as `[1956-10-01, 1956-10-31]`; `∅` when empty. */
export function formatInterval(a: Interval, kind: MeasureKind = 'count'): string {
  if (isEmpty(a)) return '∅'
  const formatEnd = (value: number): string => {
    if (value === -Infinity) return '−∞'
    if (value === Infinity) return '∞'
    return kind === 'date' ? dayToIso(value) : formatNumber(value)
  }
  return `${a.loOpen ? '(' : '['}${formatEnd(a.lo)}, ${formatEnd(a.hi)}${a.hiOpen ? ')' : ']'}`
}

/** 12 significant digits: enough to tell figures apart, short enough to hide the ulp of outward rounding. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value)
  return String(Number(value.toPrecision(12)))
}

// --- Figures ----------------------------------------------------------------------------

/** Which frontmatter field (or the measure's tolerance) a figure's problem is about. */
export type FigureProblemField = 'value' | 'qualifier' | 'tolerance'

/**
 * A figure whose value cannot be read with its qualifier and measure kind. Callers report
 * it as a `schema` finding at `field`'s node.
 */
export class FigureValueError extends Error {
  override readonly name = 'FigureValueError'
  readonly reason: string
  readonly field: FigureProblemField

  constructor(reason: string, field: FigureProblemField) {
    super(reason)
    this.reason = reason
    this.field = field
  }
}

export type FigureIntervalResult =
  | {ok: true; interval: Interval}
  | {ok: false; reason: string; field: FigureProblemField}

/**
 * A figure's interval per the contract's table, with `tolerance` t the measure's (the
 * registry's default is 0.1). Dates are intervals of day numbers (days since 1970-01-01
 * UTC), closed and whole-day: see docs/intervals.md for the date qualifiers.
 * @throws FigureValueError when the value does not fit the qualifier or the kind.
 */
export function figureInterval(
  value: FigureValue,
  qualifier: Qualifier,
  tolerance: number,
  kind: MeasureKind
): Interval {
  const isRange = typeof value === 'object' && value !== null
  if (qualifier === 'range' && !isRange) {
    throw new FigureValueError(
      `Unexpected single value \`${describeScalar(value)}\` with qualifier \`range\`, expected \`{min, max}\``,
      'qualifier'
    )
  }
  if (qualifier !== 'range' && isRange) {
    throw new FigureValueError(
      `Unexpected \`{min, max}\` value with qualifier \`${qualifier}\`, expected qualifier \`range\``,
      'qualifier'
    )
  }
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new FigureValueError(`Unexpected tolerance \`${tolerance}\`, expected a number from 0 up`, 'tolerance')
  }
  if (kind === 'date') return dateFigureInterval(value, qualifier)
  return numberFigureInterval(value, qualifier, tolerance, kind)
}

/** `figureInterval` without the throw. */
export function tryFigureInterval(
  value: FigureValue,
  qualifier: Qualifier,
  tolerance: number,
  kind: MeasureKind
): FigureIntervalResult {
  try {
    return {ok: true, interval: figureInterval(value, qualifier, tolerance, kind)}
  } catch (error) {
    if (error instanceof FigureValueError) return {ok: false, reason: error.reason, field: error.field}
    throw error
  }
}

function numberFigureInterval(value: FigureValue, qualifier: Qualifier, tolerance: number, kind: MeasureKind): Interval {
  if (typeof value === 'object') {
    const min = numberOf(value.min, kind)
    const max = numberOf(value.max, kind)
    if (min > max) {
      throw new FigureValueError(`Unexpected range from \`${min}\` down to \`${max}\`, expected \`min\` ≤ \`max\``, 'value')
    }
    return closed(min, max)
  }
  const v = numberOf(value, kind)
  switch (qualifier) {
    case 'exact':
      return closed(v)
    case 'approx':
      return scaleByFactor(v, toleranceFactor(tolerance))
    case 'nearly': {
      if (v === 0 || tolerance === 0) {
        throw new FigureValueError(
          `Unexpected qualifier \`nearly\` for \`${v}\` with tolerance \`${tolerance}\`, which leaves no value; expected \`approx\` or \`at-most\``,
          'qualifier'
        )
      }
      const around = scaleByFactor(v, toleranceFactor(tolerance))
      // "Nearly" approaches v from the side of 0: nearly −2 is about −1.9.
      return v > 0 ? interval(around.lo, v, false, true) : interval(v, around.hi, true, false)
    }
    case 'at-least':
      return interval(v, Infinity)
    case 'more-than':
      return interval(v, Infinity, true)
    case 'at-most':
      return interval(-Infinity, v)
    case 'less-than':
      return interval(-Infinity, v, false, true)
    case 'range':
      // Unreachable: a scalar with `range` was rejected above.
      return closed(v)
  }
}

function dateFigureInterval(value: FigureValue, qualifier: Qualifier): Interval {
  if (typeof value === 'object') {
    const min = dateOf(value.min)
    const max = dateOf(value.max)
    if (min.first > max.last) {
      throw new FigureValueError(
        `Unexpected range from \`${describeScalar(value.min)}\` back to \`${describeScalar(value.max)}\`, expected \`min\` before \`max\``,
        'value'
      )
    }
    return closed(min.first, max.last)
  }
  const date = dateOf(value)
  // Whole days: "after" a date starts the day after its last day, "before" ends the day
  // before its first, so every end is a closed day and the sets of days are exact.
  switch (qualifier) {
    case 'exact':
      return closed(date.first, date.last)
    case 'approx':
      // A tolerance in per cent of a day number is meaningless; "around October 1956" is
      // widened by one unit of its own granularity on each side: September to November.
      return closed(shiftedFirstDay(date, -1), shiftedLastDay(date, 1))
    case 'nearly':
      // "Nearly 1957": within the unit just before it.
      return closed(shiftedFirstDay(date, -1), date.first - 1)
    case 'at-least':
      return interval(date.first, Infinity)
    case 'more-than':
      return interval(date.last + 1, Infinity)
    case 'at-most':
      return interval(-Infinity, date.last)
    case 'less-than':
      return interval(-Infinity, date.first - 1)
    case 'range':
      return closed(date.first, date.last)
  }
}

function numberOf(scalar: FigureScalar, kind: MeasureKind): number {
  if (typeof scalar === 'number' && Number.isFinite(scalar)) return scalar
  throw new FigureValueError(
    `Unexpected \`${describeScalar(scalar)}\`, expected a number for a ${kind} measure`,
    'value'
  )
}

function dateOf(scalar: FigureScalar): ParsedDate {
  const date = parseIsoDate(scalar)
  if (date) return date
  throw new FigureValueError(
    `Unexpected \`${describeScalar(scalar)}\`, expected a date that exists as \`YYYY-MM-DD\`, \`YYYY-MM\` or \`YYYY\``,
    'value'
  )
}

function describeScalar(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  return JSON.stringify(value) ?? String(value)
}
