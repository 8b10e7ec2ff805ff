/**
 * The `check` expressions of `measures.yaml` relations: a small hand-written parser (no
 * expression package copes with ids that contain hyphens, where `a - b` is a subtraction
 * and `a-b` one id) and an evaluator over intervals. See docs/intervals.md.
 *
 *     expr    = sum '=' sum
 *     sum     = product (('+' | '-') product)*
 *     product = unary (('*' | '/') unary)*
 *     unary   = number | measure-id | 'year(' measure-id ')' | '(' sum ')'
 */
import {
  add,
  div,
  hull,
  intersect,
  intersects,
  closed,
  mul,
  sub,
  yearsOf,
  type Interval
} from './interval.js'

/**
 * `start` and `end` of measure and year nodes are 0-based offsets into the check string,
 * end exclusive: `check.slice(node.start, node.end)` is `refugees-1956` or
 * `year(date-revolution-outbreak)`.
 */
export type RelationAst =
  | {type: 'number'; value: number}
  | {type: 'measure'; id: string; start: number; end: number}
  | {type: 'year'; id: string; start: number; end: number}
  | {type: 'binary'; op: '+' | '-' | '*' | '/'; left: RelationAst; right: RelationAst}

export interface ParsedRelation {
  left: RelationAst
  right: RelationAst
  /** Every measure id used, bare or in `year(…)`, once each, in order of first use. */
  measures: string[]
  /** The ids used in `year(…)` (the caller checks they are date measures), once each, in order. */
  yearMeasures: string[]
}

/** `column` is 1-based in the check string; `reason` says it too, for a reader of the line. */
export type ParseResult =
  | {ok: true; relation: ParsedRelation}
  | {ok: false; reason: string; column: number}

/** A measure's interval (dates: day interval); `undefined` when the measure has no figures. */
export type Lookup = (measureId: string) => Interval | undefined

export type EvalResult =
  | {status: 'holds'; left: Interval; right: Interval}
  | {status: 'fails'; left: Interval; right: Interval}
  | {status: 'not-evaluated'; missing: string[]}

const measureIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** Deeper parentheses than anyone writes; the bound keeps the recursive descent off the stack limit. */
const maxParenthesisDepth = 64

// --- Lexer ------------------------------------------------------------------------------

type Operator = '+' | '-' | '*' | '/' | '=' | '(' | ')'

type Token = {start: number; end: number; text: string} & (
  | {type: 'number'; value: number}
  | {type: 'id'}
  | {type: 'year'}
  | {type: 'operator'; operator: Operator}
  | {type: 'invalid'; expected: string}
  | {type: 'end'}
)

const operators = new Set<string>(['+', '-', '*', '/', '=', '(', ')'])
/** Look-alikes that a word processor puts in, with what to write instead. */
const lookAlikes: Record<string, string> = {'−': '-', '–': '-', '—': '-', '×': '*', '·': '*', '÷': '/'}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[A-Za-z0-9_]/.test(character)
}

function tokenize(check: string): Token[] {
  const tokens: Token[] = []
  let index = 0
  while (index < check.length) {
    const character = check.charAt(index)
    if (/\s/.test(character)) {
      index++
      continue
    }
    const start = index
    if (operators.has(character)) {
      index++
      tokens.push({type: 'operator', operator: character as Operator, start, end: index, text: character})
      continue
    }
    if (isWordCharacter(character)) {
      index = wordEnd(check, index)
      tokens.push(wordToken(check, start, index))
      // `year` + optional spaces + `(` is the function; a bare `year` is a measure id.
      const token = tokens.at(-1)
      if (token?.type === 'id' && token.text === 'year') {
        let next = index
        while (/\s/.test(check.charAt(next))) next++
        if (check.charAt(next) === '(') {
          index = next + 1
          tokens[tokens.length - 1] = {type: 'year', start, end: index, text: check.slice(start, index)}
        }
      }
      continue
    }
    const codePoint = String.fromCodePoint(check.codePointAt(index) ?? 0)
    index += codePoint.length
    const replacement = lookAlikes[codePoint]
    tokens.push({
      type: 'invalid',
      start,
      end: index,
      text: codePoint,
      expected: replacement ? `\`${replacement}\`` : 'a number, a measure id, an operator or a parenthesis'
    })
  }
  tokens.push({type: 'end', start: check.length, end: check.length, text: ''})
  return tokens
}

/** A word runs over `[A-Za-z0-9_]` and hyphens between them; a decimal point joins digits. */
function wordEnd(check: string, start: number): number {
  let index = start
  for (;;) {
    while (isWordCharacter(check.charAt(index))) index++
    const next = check.charAt(index)
    if ((next === '-' || next === '.') && isWordCharacter(check.charAt(index + 1))) index++
    else return index
  }
}

function wordToken(check: string, start: number, end: number): Token {
  const text = check.slice(start, end)
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const value = Number(text)
    if (Number.isFinite(value)) return {type: 'number', value, start, end, text}
    return {type: 'invalid', start, end, text, expected: 'a number below 1.8e308'}
  }
  const looksLikeExponent = /^\d+(?:\.\d+)?e-?\d+$/.test(text)
  const looksLikeSubtraction = /^[\d-]+$/.test(text)
  if (measureIdPattern.test(text) && !looksLikeSubtraction && !looksLikeExponent) return {type: 'id', start, end, text}
  let expected: string
  if (looksLikeExponent) {
    // `1e3` is also a valid kebab-case id; refusing it keeps a typo from reading as a measure.
    expected = 'a number without an exponent, as `1000`'
  } else if (looksLikeSubtraction) {
    expected = `spaces around \`-\` (\`${text.replaceAll('-', ' - ')}\`), since measure ids contain hyphens`
  } else if (text.includes('.')) {
    expected = 'a number as `100` or `0.5`, or a measure id'
  } else {
    expected = 'a measure id in lower-case kebab-case'
  }
  return {type: 'invalid', start, end, text, expected}
}

// --- Parser -----------------------------------------------------------------------------

class RelationSyntaxError extends Error {
  readonly column: number

  constructor(reason: string, column: number) {
    super(reason)
    this.column = column
  }
}

/** Parse a relation's `check`; errors carry the 1-based column of the offending token. */
export function parseRelation(check: string): ParseResult {
  const tokens = tokenize(check)
  let position = 0
  let depth = 0
  const measures: string[] = []
  const yearMeasures: string[] = []

  const peek = (): Token => tokens[position] ?? tokens[tokens.length - 1]!
  const next = (): Token => {
    const token = peek()
    if (position < tokens.length - 1) position++
    return token
  }
  const isOperator = (token: Token, ...wanted: Operator[]): boolean =>
    token.type === 'operator' && wanted.includes(token.operator)

  const fail = (token: Token, expected: string): never => {
    const column = token.start + 1
    const found = token.type === 'end' ? 'end of the check' : `\`${token.text}\``
    const why = token.type === 'invalid' ? token.expected : expected
    throw new RelationSyntaxError(`Unexpected ${found} at column ${column}, expected ${why}`, column)
  }

  const use = (list: string[], id: string): void => {
    if (!list.includes(id)) list.push(id)
  }

  const parseSum = (): RelationAst => {
    let node = parseProduct()
    for (let token = peek(); isOperator(token, '+', '-'); token = peek()) {
      next()
      node = {type: 'binary', op: token.type === 'operator' && token.operator === '+' ? '+' : '-', left: node, right: parseProduct()}
    }
    return node
  }

  const parseProduct = (): RelationAst => {
    let node = parseUnary()
    for (let token = peek(); isOperator(token, '*', '/'); token = peek()) {
      next()
      node = {type: 'binary', op: token.type === 'operator' && token.operator === '*' ? '*' : '/', left: node, right: parseUnary()}
    }
    return node
  }

  const parseUnary = (): RelationAst => {
    const token = next()
    switch (token.type) {
      case 'number':
        return {type: 'number', value: token.value}
      case 'id':
        use(measures, token.text)
        return {type: 'measure', id: token.text, start: token.start, end: token.end}
      case 'year': {
        const id = next()
        if (id.type !== 'id') return fail(id, 'a measure id inside `year(`')
        const close = next()
        if (!isOperator(close, ')')) return fail(close, '`)` to close `year(`')
        use(measures, id.text)
        use(yearMeasures, id.text)
        return {type: 'year', id: id.text, start: token.start, end: close.end}
      }
      case 'operator':
        if (token.operator === '(') {
          if (++depth > maxParenthesisDepth) return fail(token, `at most ${maxParenthesisDepth} nested parentheses`)
          const inner = parseSum()
          const close = next()
          if (!isOperator(close, ')')) return fail(close, 'an operator or `)`')
          depth--
          return inner
        }
        break
      default:
        break
    }
    return fail(token, 'a number, a measure id or `year(`')
  }

  try {
    const left = parseSum()
    const equals = next()
    if (!isOperator(equals, '=')) fail(equals, 'an operator or `=`')
    const right = parseSum()
    const end = next()
    if (end.type !== 'end') fail(end, 'an operator or the end of the check')
    return {ok: true, relation: {left, right, measures, yearMeasures}}
  } catch (error) {
    if (error instanceof RelationSyntaxError) return {ok: false, reason: error.message, column: error.column}
    throw error
  }
}

// --- Evaluation -------------------------------------------------------------------------

/**
 * Both sides as intervals; the relation holds when they intersect (the two sides can be
 * equal), fails when they do not, and is not evaluated when a measure has no figures.
 * `lookup` is called once per measure.
 */
export function evaluateRelation(relation: ParsedRelation, lookup: Lookup): EvalResult {
  const values = new Map<string, Interval>()
  const missing: string[] = []
  for (const id of relation.measures) {
    const value = lookup(id)
    if (value === undefined) missing.push(id)
    else values.set(id, value)
  }
  if (missing.length > 0) return {status: 'not-evaluated', missing}
  const left = evaluateExpression(relation.left, values)
  const right = evaluateExpression(relation.right, values)
  return {status: intersects(left, right) ? 'holds' : 'fails', left, right}
}

/**
 * One side's interval. Iterative rather than recursive: a long chain `a + b + c + …`
 * nests to the left as deep as it is long.
 */
export function evaluateExpression(ast: RelationAst, values: ReadonlyMap<string, Interval>): Interval {
  type Frame = {node: RelationAst; visited: boolean}
  const stack: Frame[] = [{node: ast, visited: false}]
  const results: Interval[] = []
  while (stack.length > 0) {
    const frame = stack.pop()!
    const {node} = frame
    if (node.type === 'binary' && !frame.visited) {
      stack.push({node, visited: true}, {node: node.right, visited: false}, {node: node.left, visited: false})
      continue
    }
    switch (node.type) {
      case 'number':
        results.push(closed(node.value))
        break
      case 'measure':
        results.push(valueOf(values, node.id))
        break
      case 'year':
        results.push(yearsOf(valueOf(values, node.id)))
        break
      case 'binary': {
        const right = results.pop()!
        const left = results.pop()!
        results.push(arithmetic[node.op](left, right))
        break
      }
    }
  }
  return results[0]!
}

const arithmetic = {'+': add, '-': sub, '*': mul, '/': div} satisfies Record<string, (a: Interval, b: Interval) => Interval>

function valueOf(values: ReadonlyMap<string, Interval>, id: string): Interval {
  const value = values.get(id)
  if (value === undefined) throw new Error(`Measure \`${id}\` has no value: evaluate through \`evaluateRelation\``)
  return value
}

/**
 * A measure's value in a relation (CORPUS-FORMAT.md, "Relations"): the intersection of
 * its figures' intervals when they agree, their hull when they conflict or the measure
 * is disputed; `undefined` when it has no figures. On a line, intervals that meet
 * pairwise have a common point, so "they agree" is "their intersection is not empty".
 */
export function measureValueForRelation(figureIntervals: readonly Interval[], disputed = false): Interval | undefined {
  const [first, ...rest] = figureIntervals
  if (first === undefined) return undefined
  if (!disputed) {
    let common: Interval | undefined = first
    for (const next of rest) {
      common = intersect(common, next)
      if (common === undefined) break
    }
    if (common !== undefined) return common
  }
  return rest.reduce(hull, first)
}
