/**
 * `conflicting-figures`: two claims whose figures of one measure have intervals that do
 * not meet (CORPUS-FORMAT.md, "Figures"), so they cannot both be true.
 *
 * Decisions:
 * - Only figures of claims that are neither `draft` nor `retracted` take part; figures
 *   whose value names no interval are left to `schema`.
 * - Figures are grouped by measure and never compared across measures. Within a measure
 *   no pair is compared either (see `src/figures/figure-index.ts`): the figure with the
 *   highest lower end and the one with the lowest upper end are found in one pass, and a
 *   figure conflicts with some other figure exactly when it conflicts with one of those
 *   two. So the cost is linear in the number of figures.
 * - Each figure in conflict gets one finding on its own file, at its `value`, whose
 *   `cause` points at that extreme figure of the other claim: the tightest witness, the
 *   one whose interval lies farthest from it. The two extremes themselves are reported
 *   against each other, and they are the smallest explanation of the measure's conflict.
 *   A figure that lies between two disjoint others conflicts with both extremes; the
 *   cause names the one above and the note names the one below.
 * - Two figures of one measure in the same claim are compared like any others.
 * - Sources in the message are the claim's citations (keys and locators) except those
 *   with `stance: contradicts`, which are cited against the figure, not for it.
 * - A measure marked `disputed` gives info (`documented: true`), with its explanation
 *   as the note.
 */
import {isUnknownLocator} from '../citations/locator.js'
import {formatInterval} from '../figures/interval.js'
import {conflictWitnesses, figureIndex, type IndexedFigure} from '../figures/figure-index.js'
import type {FigureValue} from '../types.js'
import {code, createRule} from './create-rule.js'

export const conflictingFigures = createRule({
  id: 'conflicting-figures',
  description: 'Two claims whose figures of one measure have intervals that do not meet',
  defaultSeverity: 'error',
  checkCorpus(corpus, context) {
    for (const group of figureIndex(corpus).byMeasure.values()) {
      if (!group.conflicting) continue
      const disputed = group.measure.disputed !== undefined
      // Every finding of a measure names one of its two extreme figures: describe each once.
      const described = new Map<IndexedFigure, string>()
      const describeWitness = (witness: IndexedFigure): string => {
        let text = described.get(witness)
        if (text === undefined) described.set(witness, (text = describeFigure(witness, true)))
        return text
      }
      for (const figure of group.counted) {
        const [witness, alsoBelow] = conflictWitnesses(group, figure)
        if (!witness) continue
        const notes: string[] = []
        if (group.measure.disputed) notes.push(`Disputed: ${group.measure.disputed}`)
        if (alsoBelow) notes.push(`It also conflicts with ${describeWitness(alsoBelow)}.`)
        context.report({
          file: figure.claim.path,
          reason:
            `${disputed ? 'Documented conflict on disputed' : 'Unexpected conflict on'} measure ${code(group.measure.id)}: ` +
            `${describeFigure(figure, false)} and ${describeWitness(witness)} cannot both be true`,
          place: valuePlace(figure),
          cause: {
            file: witness.claim.path,
            place: valuePlace(witness),
            reason: `Figure ${describeValue(witness)} of claim ${code(claimId(witness))}`
          },
          ...(notes.length > 0 ? {note: notes.join(' ')} : {}),
          ...(disputed ? {documented: true} : {})
        })
      }
    }
  }
})

function valuePlace(figure: IndexedFigure) {
  return figure.figure.fieldPlaces.value ?? figure.figure.place
}

function claimId(figure: IndexedFigure): string {
  return figure.claim.id ?? figure.claim.stem
}

/** `` `approx 2500` `[2250, 2750]` in `claims/s/a.md` (`holland2025`, para. 31; `lendvai2008`) ``. */
function describeFigure(figure: IndexedFigure, withFile: boolean): string {
  const sources = figure.claim.sources
    .filter((source) => source.stance !== 'contradicts')
    .map((source) => `${code(source.key)}${source.locator ? `, ${isUnknownLocator(source.locator) ? 'locator unknown' : source.locator}` : ''}`)
  const interval = code(formatInterval(figure.interval, figure.measure.kind))
  const where = withFile ? ` in ${code(figure.claim.path)}` : ''
  return `${describeValue(figure)} ${interval}${where} (${sources.length > 0 ? sources.join('; ') : 'no source'})`
}

/** The qualifier and value as declared: `` `approx 2500` ``, `` `range 2500–3000` ``. */
function describeValue(figure: IndexedFigure): string {
  return code(`${figure.figure.qualifier} ${formatValue(figure.figure.value)}`)
}

function formatValue(value: FigureValue): string {
  return typeof value === 'object' ? `${value.min}–${value.max}` : String(value)
}
