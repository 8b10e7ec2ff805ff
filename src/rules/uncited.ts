import {code, createRule} from './create-rule.js'

/** A claim that cites nothing cannot be checked by anyone. */
export const uncited = createRule({
  id: 'uncited',
  description: 'A claim with no sources that is not a draft',
  defaultSeverity: 'error',
  checkClaim(claim, context) {
    if (claim.status === undefined || claim.status === 'draft') return
    if (!claim.sourcesValid || claim.sources.length > 0) return
    context.report({
      file: claim.path,
      reason: `Unexpected claim without sources, expected at least one citation (or \`status: draft\` instead of ${code(claim.status)})`,
      place: claim.sourcesPlace
    })
  }
})
