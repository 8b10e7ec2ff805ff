import type {ClaimSummary} from '../types.js'
import {code, createRule} from './create-rule.js'

/** Two claims with one id: a reference to the id would be ambiguous. */
export const duplicateId = createRule({
  id: 'duplicate-id',
  description: 'Two claims with the same `id`',
  defaultSeverity: 'error',
  checkCorpus(corpus, context) {
    const byId = new Map<string, ClaimSummary[]>()
    for (const claim of corpus.claims) {
      if (claim.id === undefined) continue
      const list = byId.get(claim.id)
      if (list) list.push(claim)
      else byId.set(claim.id, [claim])
    }
    for (const [id, claims] of byId) {
      if (claims.length < 2) continue
      claims.forEach((claim, index) => {
        // Each file points at the next one, the last at the first: every duplicate is reachable.
        const other = claims[(index + 1) % claims.length] as ClaimSummary
        context.report({
          file: claim.path,
          reason: `Unexpected duplicate id ${code(id)}, also used by ${code(other.path)}${claims.length > 2 ? ` and ${claims.length - 2} more` : ''}`,
          place: claim.idPlace,
          cause: {file: other.path, place: other.idPlace, reason: `Claim ${code(id)} is also defined here`}
        })
      })
    }
  }
})
