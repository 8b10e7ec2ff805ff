/**
 * Calendar words and ISO date strings for the reader of figures. The ISO forms are the
 * contract's (`1956-10-23`, `1956-10`, `1956`) plus `--10-23` for a day and month whose
 * year the words do not say (ISO 8601's reduced form without year).
 */

const monthNumbers: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['february', 2],
  ['march', 3],
  ['april', 4],
  ['may', 5],
  ['june', 6],
  ['july', 7],
  ['august', 8],
  ['september', 9],
  ['october', 10],
  ['november', 11],
  ['december', 12],
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12]
])

/** Every word `monthOf` knows, lower-case: names and abbreviations. */
export const monthWords: ReadonlySet<string> = new Set(monthNumbers.keys())

const monthAbbreviations: ReadonlySet<string> = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec'
])

/**
 * The month a word names, or undefined. Month names are only months when capitalised:
 * "may", "march" and "dec" are ordinary words in lower case.
 */
export function monthOf(word: string): number | undefined {
  const first = word.charAt(0)
  if (first === '' || first !== first.toUpperCase() || first === first.toLowerCase()) return undefined
  return monthNumbers.get(word.toLowerCase())
}

/** Whether a month word is an abbreviation that may take a full stop ("Oct."). */
export function isMonthAbbreviation(word: string): boolean {
  return monthAbbreviations.has(word.toLowerCase())
}

export const seasonWords: ReadonlySet<string> = new Set(['spring', 'summer', 'autumn', 'fall', 'winter'])

/** Bare four-digit numbers in this span can be years. */
export const firstYear = 1000
export const lastYear = 2100

export function isYearNumber(value: number): boolean {
  return Number.isInteger(value) && value >= firstYear && value <= lastYear
}

export interface DateParts {
  year?: number
  month?: number
  day?: number
}

export function daysInMonth(month: number, year?: number): number {
  if (month === 2) {
    if (year === undefined) return 29
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    return leap ? 29 : 28
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

export function isValidDay(day: number, month: number, year?: number): boolean {
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(month, year)
}

const twoDigits = (value: number): string => String(value).padStart(2, '0')

/**
 * The ISO string of a date: `1956-10-23`, `1956-10`, `1956`, or `--10-23` when there is a
 * day and month but no year. Undefined for parts that make no date (a day without a month).
 */
export function formatDate(parts: DateParts): string | undefined {
  const {year, month, day} = parts
  if (year === undefined) {
    return month !== undefined && day !== undefined ? `--${twoDigits(month)}-${twoDigits(day)}` : undefined
  }
  const yearText = String(year).padStart(4, '0')
  if (month === undefined) return day === undefined ? yearText : undefined
  if (day === undefined) return `${yearText}-${twoDigits(month)}`
  return `${yearText}-${twoDigits(month)}-${twoDigits(day)}`
}

/**
 * Order two ISO strings of the reader: negative, zero or positive, or undefined when one
 * has a year and the other not (they cannot be ordered). A shorter date sorts before the
 * longer dates inside it, which is what a range needs ("1956" to "1956-11-04").
 */
export function compareDates(a: string, b: string): number | undefined {
  if (a.startsWith('--') !== b.startsWith('--')) return undefined
  return a < b ? -1 : a > b ? 1 : 0
}

/** Which part of a decade "early", "mid" and "late" mean, as years after its start. */
const decadeParts = {
  whole: [0, 9],
  early: [0, 3],
  mid: [3, 6],
  late: [6, 9]
} as const satisfies Record<string, readonly [number, number]>

export type DecadePart = keyof typeof decadeParts

/**
 * The years of a decade: "the 1960s" is 1960–1969, "the late 1980s" 1986–1989,
 * "the early 1960s" 1960–1963, "the mid-1960s" 1963–1966. The parts overlap by a year on
 * purpose: the words are vague, and an interval that is too narrow would make two honest
 * claims conflict.
 */
export function decadeRange(decadeStart: number, part: DecadePart = 'whole'): {min: string; max: string} {
  const [from, to] = decadeParts[part]
  return {min: String(decadeStart + from), max: String(decadeStart + to)}
}
