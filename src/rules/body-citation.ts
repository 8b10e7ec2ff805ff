import {code, createRule} from './create-rule.js'

/** A key cited in the body must be declared in `sources`, where its locator and stance live. */
export const bodyCitation = createRule({
  id: 'body-citation',
  description: 'A key cited in the body but not listed in `sources`',
  defaultSeverity: 'error',
  checkClaim(claim, context, corpus) {
    if (!claim.sourcesValid) return
    const declared = new Set(claim.sources.map((source) => source.key))
    for (const citation of claim.bodyCitations) {
      // A key missing from the bibliography gets `unknown-source` only.
      if (declared.has(citation.key) || !corpus.entriesByKey.has(citation.key)) continue
      context.report({
        file: claim.path,
        reason: `Unexpected body citation ${code('@' + citation.key)} that is not in \`sources\`, expected it listed there too`,
        place: citation.place
      })
    }
  }
})
