/**
 * `undeclared-figure`: a number or date in the body that no figure of the claim declares,
 * so it escapes every conflict and relation check. Reported at the words in the body.
 *
 * The body's prose is read with the reader of figures, run by run (code is not prose),
 * skipping citations (`[@k, p. 178]`, `@k`), quotations (text between double quotes,
 * straight or curly) and the claim's `not-figures` phrases. The reader already passes by
 * ordinals, vague plurals ("thousands"), codes ("A/3592") and references ("p. 178").
 *
 * Decisions:
 * - A number counts as declared when the `text` of any figure of the claim covers it,
 *   even if that figure has its own finding (the contract). "Covers" means the text's
 *   occurrence in the body overlaps the number's words (`numberStart`–`numberEnd`, which
 *   leave out qualifier and unit): `text: "23 October"` covers "23 October 1956", so a
 *   figure's words need not repeat every word the reader joins to a date.
 * - Occurrences are found as `figure-text` finds them: case-insensitive, any white space
 *   equal to one space, across emphasis; every occurrence of a text covers.
 * - When a figure without `text` has the value the words say, the reason says so: the
 *   likely fix is to add its `text`.
 * - Draft claims are checked too: a warning, and the contract exempts drafts only from
 *   the citation rules.
 */
import {bodyFiguresOfTheClaim} from '../figures/body-readings.js'
import type {ReadFigure} from '../figures/reader.js'
import {placeAt} from '../pipeline/positions.js'
import type {ClaimFacts, DeclaredFigure, FigureValue} from '../types.js'
import {code, createRule} from './create-rule.js'
import {coveredByFigureTexts} from './figure-text.js'

export const undeclaredFigure = createRule({
  id: 'undeclared-figure',
  description: 'A number or date in the body that no figure of the claim declares',
  defaultSeverity: 'warning',
  checkClaim(claim, context, corpus) {
    const readings = bodyFiguresOfTheClaim(claim, corpus)
    if (readings.length === 0) return
    const covered = coveredByFigureTexts(claim, corpus)
    for (const {figure: read, start, end, numberStart, numberEnd} of readings) {
      if (covered.some(([coveredStart, coveredEnd]) => coveredStart < numberEnd && numberStart < coveredEnd)) continue
      const withoutText = figureWithoutText(claim, read)
      context.report({
        file: claim.path,
        reason:
          `Unexpected undeclared ${read.kind === 'date' ? 'date' : 'number'} ${code(read.text)}, expected a figure whose \`text\` covers it` +
          (withoutText ? `; the figure of ${code(withoutText.measure)} has no \`text\`` : ''),
        place: placeAt(claim.lineStarts, start, end),
        actual: read.text
      })
    }
  }
})

/** A figure without `text` whose value is what the words say, when there is one. */
function figureWithoutText(claim: ClaimFacts, read: ReadFigure): DeclaredFigure | undefined {
  const said = valueKey(read.value)
  return claim.figures.find((figure) => {
    if (figure.text !== undefined) return false
    if (valueKey(figure.value) === said) return true
    // A date written without its year ("4 November") against `1956-11-04`.
    return typeof read.value === 'string' && read.value.startsWith('--') && typeof figure.value === 'string' && figure.value.endsWith(read.value.slice(1))
  })
}

/** A value as text, so that the year `1956` (a YAML integer) equals the reader's `'1956'`. */
function valueKey(value: FigureValue | ReadFigure['value']): string {
  return typeof value === 'object' ? `${value.min}–${value.max}` : String(value)
}
