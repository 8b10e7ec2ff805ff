/**
 * `relation`: a relation of `measures.yaml` that the figures cannot satisfy.
 *
 * Each `check` is parsed once per run (`src/figures/relation.ts`) and evaluated with
 * interval arithmetic over the measures' values: a measure's value is the intersection
 * of the intervals of its figures in claims that are neither `draft` nor `retracted`,
 * or their hull when they conflict or the measure is `disputed` (shared with
 * `conflicting-figures` through `src/figures/figure-index.ts`). The relation fails when
 * the two sides cannot be equal: an error at the `check` line with both sides' intervals.
 *
 * Decisions:
 * - A relation over a measure with no counted figures is not evaluated. It is reported
 *   as an info finding through `documented: true`, the one way a rule lowers a severity:
 *   "not an error by design" is what that flag means, so `Report` needs no new field.
 * - A `check` that does not parse, names a measure that is not in the registry, or takes
 *   `year(…)` of a measure that is not a date is a `schema` finding (the contract says so
 *   for parse errors; an unknown id or a wrong kind is the same kind of mistake in the
 *   registry). `relationSchemaFindings` reports them; the `schema` rule calls it, and
 *   this rule skips such relations.
 * - Columns: the parser's column is mapped into the file when the check is written on
 *   one line, plain or quoted without escapes; otherwise the finding points at the start
 *   of the `check` value and the reason still names the column within the check.
 */
import {formatInterval, type Interval} from '../figures/interval.js'
import {figureIndex, measureValue} from '../figures/figure-index.js'
import {evaluateRelation, parseRelation, type ParseResult, type RelationAst} from '../figures/relation.js'
import type {MeasureKind, Place, Relation} from '../types.js'
import {code, createRule, type Corpus, type Report} from './create-rule.js'

const parsed = new WeakMap<Relation, ParseResult>()

function parseOnce(relation: Relation): ParseResult {
  let result = parsed.get(relation)
  if (!result) {
    result = parseRelation(relation.check)
    parsed.set(relation, result)
  }
  return result
}

interface RelationProblem {
  reason: string
  /** 0-based offset in the check string, and the end (exclusive) when the problem spans text. */
  start: number
  end?: number
}

/** What keeps a relation from being evaluated at all: a parse error, an unknown id, `year()` of a non-date. */
function relationProblems(relation: Relation, corpus: Corpus): RelationProblem[] {
  const result = parseOnce(relation)
  if (!result.ok) return [{reason: `Unexpected relation ${code(relation.id)}: ${result.reason}`, start: result.column - 1}]
  const problems: RelationProblem[] = []
  const reported = new Set<string>()
  for (const node of measureNodes(result.relation.left, result.relation.right)) {
    const measure = corpus.measures.measures[node.id]
    if (!measure) {
      if (reported.has(node.id)) continue
      reported.add(node.id)
      problems.push({
        reason: `Unexpected unknown measure ${code(node.id)} in relation ${code(relation.id)}, expected a measure id of ${code(corpus.measuresPath)}`,
        start: node.start,
        end: node.end
      })
    } else if (node.type === 'year' && measure.kind !== 'date') {
      problems.push({
        reason: `Unexpected ${code(`year(${node.id})`)} of a ${measure.kind} measure in relation ${code(relation.id)}, expected a date measure`,
        start: node.start,
        end: node.end
      })
    }
  }
  return problems
}

type MeasureNode = Extract<RelationAst, {type: 'measure' | 'year'}>

/** Measure and year nodes in the order they are written. */
function measureNodes(...roots: RelationAst[]): MeasureNode[] {
  const nodes: MeasureNode[] = []
  const stack = [...roots].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'binary') stack.push(node.right, node.left)
    else if (node.type !== 'number') nodes.push(node)
  }
  return nodes
}

/** `schema` findings for relations that cannot be evaluated; called by the `schema` rule. */
export function relationSchemaFindings(corpus: Corpus): Report[] {
  const findings: Report[] = []
  for (const relation of corpus.measures.relations) {
    for (const problem of relationProblems(relation, corpus)) {
      findings.push({file: corpus.measuresPath, reason: problem.reason, place: placeInCheck(relation, problem.start, problem.end)})
    }
  }
  return findings
}

/**
 * The file place of offsets in the check string: exact when the value is one line,
 * plain or double/single-quoted without escapes (its length tells which); else the
 * value's start.
 */
function placeInCheck(relation: Relation, start: number, end?: number): Place {
  const {start: valueStart, end: valueEnd} = relation.checkPlace
  if (valueEnd === undefined || valueEnd.line !== valueStart.line || valueStart.offset === undefined || valueEnd.offset === undefined) {
    return relation.checkPlace
  }
  const written = valueEnd.offset - valueStart.offset
  const skip = written === relation.check.length ? 0 : written === relation.check.length + 2 ? 1 : undefined
  if (skip === undefined) return relation.checkPlace
  const point = (offset: number) => ({
    line: valueStart.line,
    column: valueStart.column + skip + offset,
    offset: valueStart.offset! + skip + offset
  })
  const place: Place = {start: point(start)}
  if (end !== undefined && end > start) place.end = point(end)
  return place
}

export const relation = createRule({
  id: 'relation',
  description: 'A relation of `measures.yaml` that the figures of its measures cannot satisfy',
  defaultSeverity: 'error',
  checkCorpus(corpus, context) {
    const index = figureIndex(corpus)
    for (const item of corpus.measures.relations) {
      const result = parseOnce(item)
      if (!result.ok || relationProblems(item, corpus).length > 0) continue
      const evaluation = evaluateRelation(result.relation, (id) => {
        const group = index.byMeasure.get(id)
        return group && measureValue(group)
      })
      if (evaluation.status === 'holds') continue
      if (evaluation.status === 'not-evaluated') {
        context.report({
          file: corpus.measuresPath,
          reason: `Relation ${code(item.id)} not evaluated: no figures of ${evaluation.missing.map((id) => code(id)).join(', ')} in claims that are neither draft nor retracted`,
          place: item.checkPlace,
          // Info by design, not an error: documented is the contract's way to say so.
          documented: true
        })
        continue
      }
      const [leftText, rightText] = splitSides(item.check)
      const leftKind = sideKind(result.relation.left, corpus)
      const rightKind = sideKind(result.relation.right, corpus)
      context.report({
        file: corpus.measuresPath,
        reason: `Unexpected relation ${code(item.id)} that cannot hold: ${code(leftText)} is ${formatSide(evaluation.left, leftKind)} and ${code(rightText)} is ${formatSide(evaluation.right, rightKind)}, which do not meet`,
        place: item.checkPlace,
        ...(item.note ? {note: item.note} : {}),
        actual: `${formatSide(evaluation.left, leftKind)} = ${formatSide(evaluation.right, rightKind)}`
      })
    }
  }
})

/** The two sides as written; the check parsed, so it has exactly one `=`. */
function splitSides(check: string): [string, string] {
  const at = check.indexOf('=')
  return [check.slice(0, at).replace(/\s+/g, ' ').trim(), check.slice(at + 1).replace(/\s+/g, ' ').trim()]
}

/** A side that is one bare date measure prints as dates; anything else as numbers. */
function sideKind(side: RelationAst, corpus: Corpus): MeasureKind {
  return side.type === 'measure' ? (corpus.measures.measures[side.id]?.kind ?? 'count') : 'count'
}

function formatSide(value: Interval, kind: MeasureKind): string {
  return code(formatInterval(value, kind === 'date' ? 'date' : 'count'))
}
