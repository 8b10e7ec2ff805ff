import {isKnownLocator, knownLocatorForms, parseLocator} from '../citations/locator.js'
import {longWorkTypes} from '../bibliography/requirements.js'
import {code, createRule} from './create-rule.js'

/**
 * A citation of a long work without a page (or with `unknown`) sends the reader to search
 * a whole book. Each such citation is one item of the historians' queue.
 */
export const locatorNeeded = createRule({
  id: 'locator-needed',
  description: 'A citation of a book, report or other long work without a locator, or with `unknown`; or a locator with an unknown label',
  defaultSeverity: 'warning',
  checkClaim(claim, context, corpus) {
    if (claim.status === 'draft') return
    // A locator given in a body citation (`[@k, p. 5]`) counts for that key.
    const locatedInBody = new Set(claim.bodyCitations.filter((citation) => isKnownLocator(citation.locator)).map((citation) => citation.key))
    for (const source of claim.sources) {
      const parsed = source.locator === undefined ? undefined : parseLocator(source.locator)
      if (parsed?.kind === 'bad-label' || parsed?.kind === 'empty') {
        context.report({
          file: claim.path,
          reason:
            parsed.kind === 'empty'
              ? `Unexpected locator ${code(source.locator)} without a value, expected a label and a place, such as \`p. 178\``
              : `Unexpected locator label ${code(parsed.label)}, expected a CSL label such as ${knownLocatorForms.slice(0, 8).map((form) => code(form)).join(', ')}`,
          place: source.locatorPlace ?? source.place,
          note: `Known labels: ${knownLocatorForms.join(' ')}`
        })
        continue
      }
      const entry = corpus.entriesByKey.get(source.key)
      if (!entry || !longWorkTypes.has(entry.type)) continue
      if (parsed?.kind === 'located' || locatedInBody.has(source.key)) continue
      context.report({
        file: claim.path,
        reason:
          source.locator === undefined
            ? `Missing locator for ${code(source.key)} (a ${entry.type}), expected where in it, such as \`p. 178\``
            : `Unexpected locator \`unknown\` for ${code(source.key)} (a ${entry.type}): the page has not been verified yet`,
        place: source.locatorPlace ?? source.place
      })
    }
    for (const citation of claim.bodyCitations) {
      if (citation.locator === undefined) continue
      const parsed = parseLocator(citation.locator)
      if (parsed.kind !== 'bad-label') continue
      context.report({
        file: claim.path,
        reason: `Unexpected locator label ${code(parsed.label)} in body citation, expected a CSL label such as \`p.\`, \`chap.\`, \`para.\``,
        place: citation.place
      })
    }
  }
})
