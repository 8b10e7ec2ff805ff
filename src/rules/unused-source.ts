import {code, createRule} from './create-rule.js'

/** An entry that no claim cites is either dead weight or a claim that was never written. */
export const unusedSource = createRule({
  id: 'unused-source',
  description: 'A bibliography entry that no claim cites',
  defaultSeverity: 'warning',
  checkCorpus(corpus, context) {
    const used = new Set<string>()
    for (const claim of corpus.claims) {
      for (const source of claim.sources) used.add(source.key)
      // A key cited only in the body still counts as used (it gets `body-citation`).
      for (const citation of claim.bodyCitations) used.add(citation.key)
    }
    const reported = new Set<string>()
    for (const entry of corpus.bibliography.entries) {
      if (used.has(entry.key) || reported.has(entry.key)) continue
      reported.add(entry.key)
      context.report({
        file: corpus.bibliographyPath,
        reason: `Unexpected unused source ${code(entry.key)}, expected a claim that cites it (or remove the entry)`,
        place: entry.place
      })
    }
  }
})
