import {code, createRule} from './create-rule.js'

/** An entry that does not parse, or lacks what its type needs, cannot be cited properly. */
export const bibliography = createRule({
  id: 'bibliography',
  description: 'A bibliography entry that does not parse or lacks the fields its type needs',
  defaultSeverity: 'error',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allowUndated: {
        description: 'Entry types that may lack `date`/`year` (e.g. `online` for undated web collections).',
        type: 'array',
        items: {type: 'string', pattern: '^[a-z]+$'}
      }
    }
  },
  defaultOptions: {allowUndated: [] as string[]},
  checkCorpus(corpus, context) {
    if (!corpus.bibliographyPresent) {
      context.report({reason: `Missing bibliography ${code(corpus.bibliographyPath)}, expected a BibTeX file of the sources`})
      return
    }
    for (const problem of corpus.bibliography.problems) {
      context.report({file: corpus.bibliographyPath, reason: problem.reason, place: problem.place, note: problem.note})
    }
  }
})
