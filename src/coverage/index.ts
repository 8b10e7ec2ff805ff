/**
 * Coverage: does every sentence of the article have a claim, and does every claim's
 * `origin` come from the article? A sentence is covered when the `origin` of some claim
 * overlaps it in the article (origins are verbatim fragments: part of a sentence, or
 * several). Sentences listed as stating no fact are left out of the share.
 */
import {distance} from 'fastest-levenshtein'
import {defaultDocsUrl, loadConfig} from '../corpus/config.js'
import {parseClaimFiles} from '../lint.js'
import {compareStrings, listMarkdownFiles} from '../pipeline/read.js'
import type {Finding} from '../report/model.js'
import {articleFormatOf, readArticle, type Article, type ArticleFormat} from '../split/article.js'
import type {ClaimFacts} from '../types.js'
import {normalized, normalizedIndexOf, normalizeText} from './normalize.js'

export const originNotFound = 'origin-not-found'

export interface SentenceCoverage {
  text: string
  line: number
  column: number
  section: string
  paragraph: number
  covered: boolean
  /** Listed as stating no fact (`--ignore`): not counted in the share. */
  ignored: boolean
  /** Claim files (relative to the corpus root) whose origin overlaps the sentence. */
  claims: string[]
}

export interface CoverageSummary {
  sentences: number
  ignored: number
  /** Sentences that state facts: all but the ignored ones. */
  factual: number
  /** Fact-stating sentences covered by a claim. */
  covered: number
  uncovered: number
  /** `covered / factual`, 1 when there is nothing to cover. */
  share: number
  claims: number
  claimsWithoutOrigin: number
  originsNotFound: number
}

export interface CoverageReport {
  version: 1
  /** The article as given on the command line. */
  article: string
  findings: Finding[]
  sentences: SentenceCoverage[]
  /** Lines of the ignore list that match no sentence of the article. */
  unusedIgnores: string[]
  summary: CoverageSummary
}

export interface CoverageInput {
  articleText: string
  articleName: string
  articleFormat?: ArticleFormat
  claims: readonly ClaimFacts[]
  /** Sentences stating no fact, one per entry (blank entries and `#` comments are skipped). */
  ignore?: readonly string[]
  docsUrl?: string
}

export function measureCoverage(input: CoverageInput): CoverageReport {
  const article: Article = readArticle(input.articleText, {format: input.articleFormat ?? 'text'})
  const whole = normalizeText(input.articleText)
  const ignoreLines = (input.ignore ?? []).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'))
  const ignoreSet = new Set(ignoreLines.map(normalized))
  const usedIgnores = new Set<string>()

  const sentences = article.sentences.map((sentence) => {
    const key = normalized(sentence.text)
    const ignored = ignoreSet.has(key)
    if (ignored) usedIgnores.add(key)
    return {
      coverage: {text: sentence.text, line: sentence.line, column: sentence.column, section: sentence.section, paragraph: sentence.paragraph, covered: false, ignored, claims: []} as SentenceCoverage,
      from: normalizedIndexOf(whole, sentence.start),
      to: normalizedIndexOf(whole, sentence.end)
    }
  })

  const findings: Finding[] = []
  let claimsWithoutOrigin = 0
  const readable = input.claims.filter((claim) => claim.frontmatterProblems.length === 0)
  for (const claim of readable) {
    if (claim.origin === undefined || claim.origin.trim() === '') {
      claimsWithoutOrigin++
      continue
    }
    const origin = normalized(claim.origin)
    let found = false
    for (let at = whole.text.indexOf(origin); at !== -1; at = whole.text.indexOf(origin, at + 1)) {
      found = true
      const end = at + origin.length
      for (const sentence of sentences) {
        if (sentence.from < end && at < sentence.to && !sentence.coverage.claims.includes(claim.path)) {
          sentence.coverage.covered = true
          sentence.coverage.claims.push(claim.path)
        }
      }
    }
    if (!found) findings.push(originFinding(claim, input.articleName, closestSentence(origin, article), input.docsUrl ?? defaultDocsUrl))
  }

  const all = sentences.map((sentence) => sentence.coverage)
  const factual = all.filter((sentence) => !sentence.ignored)
  const covered = factual.filter((sentence) => sentence.covered).length
  return {
    version: 1,
    article: input.articleName,
    findings: findings.sort((a, b) => compareStrings(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0)),
    sentences: all,
    unusedIgnores: ignoreLines.filter((line) => !usedIgnores.has(normalized(line))),
    summary: {
      sentences: all.length,
      ignored: all.length - factual.length,
      factual: factual.length,
      covered,
      uncovered: factual.length - covered,
      share: factual.length === 0 ? 1 : covered / factual.length,
      claims: input.claims.length,
      claimsWithoutOrigin,
      originsNotFound: findings.length
    }
  }
}

function closestSentence(originText: string, article: Article): string | undefined {
  const origin = originText.toLowerCase()
  let best: {text: string; score: number} | undefined
  for (const sentence of article.sentences) {
    const text = normalized(sentence.text).toLowerCase()
    // Compare with the stretch of the sentence as long as the origin, at its best place.
    const score = text.length <= origin.length ? distance(origin, text) : bestWindowDistance(origin, text)
    if (!best || score < best.score) best = {text: sentence.text, score}
  }
  return best && best.score <= Math.max(3, origin.length / 3) ? best.text : undefined
}

function bestWindowDistance(needle: string, haystack: string): number {
  let best = Infinity
  const step = Math.max(1, Math.floor(needle.length / 8))
  for (let start = 0; start + needle.length <= haystack.length + step; start += step) {
    best = Math.min(best, distance(needle, haystack.slice(start, start + needle.length)))
  }
  return best
}

function originFinding(claim: ClaimFacts, articleName: string, closest: string | undefined, docsUrl: string): Finding {
  const finding: Finding = {
    rule: originNotFound,
    severity: 'error',
    message: `Unexpected \`origin\` that the article \`${articleName}\` does not contain, expected a verbatim fragment of it`,
    file: claim.path,
    url: `${docsUrl}${originNotFound}.md`
  }
  const place = claim.originPlace
  if (place) {
    finding.line = place.start.line
    finding.column = place.start.column
    if (place.end) {
      finding.endLine = place.end.line
      finding.endColumn = place.end.column
    }
  } else {
    finding.line = 1
    finding.column = 1
  }
  if (closest !== undefined) finding.note = `Closest sentence of the article: ${closest}`
  return finding
}

/** Read the corpus's claims as `check` does. */
export function readCorpusClaims(root: string): {claims: ClaimFacts[]; docsUrl: string} {
  const config = loadConfig(root)
  const files = listMarkdownFiles(root, config.paths.claims)
  return {claims: parseClaimFiles(root, files, config), docsUrl: config.docsUrl}
}

export function coverageOfCorpus(root: string, articlePath: string, articleText: string, ignore: readonly string[] = [], articleName = articlePath): CoverageReport {
  const {claims, docsUrl} = readCorpusClaims(root)
  return measureCoverage({
    articleText,
    articleName,
    articleFormat: articleFormatOf(articlePath),
    claims,
    ignore,
    docsUrl
  })
}
