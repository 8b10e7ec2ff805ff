/**
 * Which entries an export takes (`--cited-only`, `--claims GLOB`) and who cites each one
 * (`--with-claims`), from the claims' `sources` and their body citations.
 */
import picomatch from 'picomatch'
import type {ClaimFacts, ClaimSummary, Stance} from '../types.js'

/** One citation of an entry by a claim. */
export interface ClaimCitation {
  /** The claim's id (its file name when the id is missing). */
  claim: string
  /** The claim file, relative to the corpus root. */
  file: string
  /** As written; `unknown` says the locator has not been checked yet. */
  locator?: string
  /** Only when not the default `supports`. */
  stance?: Exclude<Stance, 'supports'>
}

/**
 * The claim files that match any of the globs. A glob is matched against the path from
 * the corpus root (`claims/uprising/*.md`) and from the claims folder (`uprising/**`).
 */
export function claimsMatching(claims: readonly ClaimFacts[], globs: readonly string[], claimsFolder: string): ClaimFacts[] {
  const matchers = globs.map((glob) => picomatch(glob, {dot: false}))
  const prefix = `${claimsFolder.replace(/\/+$/, '')}/`
  return claims.filter((claim) => {
    const fromClaims = claim.path.startsWith(prefix) ? claim.path.slice(prefix.length) : claim.path
    return matchers.some((matches) => matches(claim.path) || matches(fromClaims))
  })
}

/**
 * Every key the claims cite, with each citation, in claim path order; a key cited only in
 * a body (`[@key, p. 5]`) counts, as pandoc would need it.
 */
export function citationsByKey(claims: readonly ClaimSummary[]): Map<string, ClaimCitation[]> {
  const byKey = new Map<string, ClaimCitation[]>()
  const sorted = [...claims].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const claim of sorted) {
    const seen = new Set<string>()
    const add = (key: string, locator: string | undefined, stance: Stance): void => {
      const citation: ClaimCitation = {claim: claim.id ?? claim.stem, file: claim.path}
      if (locator !== undefined && locator.trim() !== '') citation.locator = locator
      if (stance !== 'supports') citation.stance = stance
      const identity = JSON.stringify([key, citation.locator, citation.stance])
      if (seen.has(identity)) return
      seen.add(identity)
      const list = byKey.get(key) ?? []
      list.push(citation)
      byKey.set(key, list)
    }
    for (const source of claim.sources) add(source.key, source.locator, source.stance)
    for (const cited of claim.bodyCitations) {
      // A body citation without a locator adds nothing to the `sources` entry for that key.
      const inSources = claim.sources.some((source) => source.key === cited.key)
      if (cited.locator !== undefined || !inSources) add(cited.key, cited.locator, 'supports')
    }
  }
  return byKey
}
