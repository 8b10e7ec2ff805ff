/**
 * `unknown-measure`: a figure whose `measure` is not an id of `measures.yaml`, so it can
 * take part in no conflict, relation or report. Reported at the figure's `measure` value,
 * with the closest registered id when one is near (a typo is the usual cause).
 *
 * Decision: with no `measures.yaml` at all every figure's measure is unknown and each is
 * reported; the reason then says the registry is missing rather than suggesting an id.
 */
import {closest, distance} from 'fastest-levenshtein'
import {code, createRule} from './create-rule.js'

export const unknownMeasure = createRule({
  id: 'unknown-measure',
  description: 'A figure whose `measure` is not in `measures.yaml`',
  defaultSeverity: 'error',
  checkClaim(claim, context, corpus) {
    const registry = corpus.measures
    for (const figure of claim.figures) {
      if (Object.hasOwn(registry.measures, figure.measure)) continue
      const ids = Object.keys(registry.measures)
      const suggestion = ids.length > 0 ? closest(figure.measure, ids) : undefined
      const near = suggestion !== undefined && distance(figure.measure, suggestion) <= Math.max(2, Math.floor(figure.measure.length / 3))
      const expected = registry.present ? `a measure id of ${code(corpus.measuresPath)}` : `a measure id, but ${code(corpus.measuresPath)} is missing`
      context.report({
        file: claim.path,
        reason: `Unexpected unknown measure ${code(figure.measure)}, expected ${expected}${near ? `; did you mean ${code(suggestion)}?` : ''}`,
        place: figure.fieldPlaces.measure ?? figure.place,
        actual: figure.measure,
        ...(near ? {expected: [suggestion]} : {})
      })
    }
  }
})
