import {closest, distance} from 'fastest-levenshtein'
import {code, createRule} from './create-rule.js'
import type {Place} from '../types.js'

/** A key that is not in the bibliography: the citation leads nowhere. */
export const unknownSource = createRule({
  id: 'unknown-source',
  description: 'A source key (in `sources` or the body) missing from the bibliography',
  defaultSeverity: 'error',
  checkClaim(claim, context, corpus) {
    const report = (key: string, place: Place) => {
      if (corpus.entriesByKey.has(key)) return
      const keys = [...corpus.entriesByKey.keys()]
      const suggestion = keys.length > 0 ? closest(key, keys) : undefined
      const near = suggestion !== undefined && distance(key, suggestion) <= Math.max(2, Math.floor(key.length / 3))
      context.report({
        file: claim.path,
        reason: `Unexpected unknown source ${code(key)}, expected a key of ${code(corpus.bibliographyPath)}${near ? `; did you mean ${code(suggestion)}?` : ''}`,
        place,
        ...(near ? {expected: [suggestion]} : {}),
        actual: key
      })
    }
    for (const source of claim.sources) report(source.key, source.keyPlace)
    for (const citation of claim.bodyCitations) report(citation.key, citation.place)
  }
})
