import {figureValueFindings} from '../figures/figure-index.js'
import {code, createRule} from './create-rule.js'
import {relationSchemaFindings} from './relation.js'

/** Frontmatter, `measures.yaml` or a figure's unit that breaks the JSON Schemas. */
export const schema = createRule({
  id: 'schema',
  description: 'Frontmatter or `measures.yaml` that breaks its JSON Schema, or a figure unit that differs from its measure',
  defaultSeverity: 'error',
  checkClaim(claim, context, corpus) {
    for (const problem of claim.schemaProblems) context.report({file: claim.path, ...problem})
    for (const figure of claim.figures) {
      const measure = corpus.measures.measures[figure.measure]
      if (measure?.unit !== undefined && figure.unit !== undefined && figure.unit !== measure.unit) {
        context.report({
          file: claim.path,
          reason: `Unexpected unit ${code(figure.unit)} for measure ${code(measure.id)}, expected ${code(measure.unit)}`,
          place: figure.fieldPlaces.unit ?? figure.place
        })
      }
    }
    // Values that fit the JSON Schema but name no interval (`1956-02-30`, `min > max`).
    for (const finding of figureValueFindings(claim, corpus)) context.report(finding)
  },
  checkCorpus(corpus, context) {
    for (const problem of corpus.measures.problems) context.report({file: corpus.measuresPath, ...problem})
    // Relations that cannot be evaluated: a `check` that does not parse, an unknown id, `year()` of a non-date.
    for (const finding of relationSchemaFindings(corpus)) context.report(finding)
  }
})
