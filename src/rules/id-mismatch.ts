import {code, createRule} from './create-rule.js'

/** The `id` must equal the file name, so that a path and an id always find each other. */
export const idMismatch = createRule({
  id: 'id-mismatch',
  description: 'A claim whose `id` differs from its file name',
  defaultSeverity: 'error',
  checkClaim(claim, context) {
    if (claim.id === undefined || claim.id === claim.stem) return
    context.report({
      file: claim.path,
      reason: `Unexpected id ${code(claim.id)}, expected ${code(claim.stem)} (the file name without \`.md\`)`,
      place: claim.idPlace,
      actual: claim.id,
      expected: [claim.stem]
    })
  }
})
