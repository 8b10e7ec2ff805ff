import {isKnownLocator} from '../citations/locator.js'
import {createRule} from './create-rule.js'

/** A quotation must be findable: at least one source of the claim needs a real locator. */
export const quoteNeedsLocator = createRule({
  id: 'quote-needs-locator',
  description: 'A quotation in the body without a source that has a locator',
  defaultSeverity: 'warning',
  checkClaim(claim, context) {
    if (claim.quotations.length === 0) return
    const located =
      claim.sources.some((source) => isKnownLocator(source.locator)) ||
      claim.bodyCitations.some((citation) => isKnownLocator(citation.locator))
    if (located) return
    for (const quotation of claim.quotations) {
      context.report({
        file: claim.path,
        reason: `Unexpected quotation without a located source, expected a source with a locator such as \`p. 178\``,
        place: quotation.place
      })
    }
  }
})
