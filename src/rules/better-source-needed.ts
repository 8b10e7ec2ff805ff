import {code, createRule} from './create-rule.js'

/** Weak tiers: a claim resting only on these needs a scholarly, primary or reference source. */
const weakTiers = new Set(['popular', 'unknown'])

export const betterSourceNeeded = createRule({
  id: 'better-source-needed',
  description: 'A claim whose only sources are of `popular` or `unknown` tier',
  defaultSeverity: 'warning',
  checkClaim(claim, context, corpus) {
    if (claim.status === 'draft' || claim.sources.length === 0) return
    const tiers = claim.sources.map((source) => corpus.entriesByKey.get(source.key)?.tier ?? 'unknown')
    if (!tiers.every((tier) => weakTiers.has(tier))) return
    const keys = claim.sources.map((source, index) => `${code(source.key)} (${tiers[index] ?? 'unknown'})`)
    context.report({
      file: claim.path,
      reason: `Unexpected claim resting only on ${keys.join(', ')}, expected a primary, scholarly, reference or press source`,
      place: claim.sourcesPlace
    })
  }
})
