import {createRule} from './create-rule.js'

/** The file cannot be read as a claim: no frontmatter, YAML that does not parse, bad bytes. */
export const frontmatter = createRule({
  id: 'frontmatter',
  description: 'A claim file without frontmatter, or whose YAML does not parse',
  defaultSeverity: 'error',
  checkClaim(claim, context) {
    for (const problem of claim.frontmatterProblems) context.report({file: claim.path, ...problem})
  }
})
