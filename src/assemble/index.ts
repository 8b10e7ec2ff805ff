/**
 * The corpus put back together as an article: Pandoc Markdown with a YAML header, one
 * heading per section (in the order of `sections.yaml`), the claims' bodies in file order
 * (or in the article's order, given the article), each with Pandoc citations of its
 * sources, and the bibliography under a final References heading.
 */
import path from 'node:path'
import {loadConfig} from '../corpus/config.js'
import {readSections, readSectionsFile, titleFromFolder} from '../corpus/sections.js'
import {normalized, normalizeText} from '../coverage/normalize.js'
import {loadBibliography, parseClaimFiles} from '../lint.js'
import {compareStrings, listMarkdownFiles} from '../pipeline/read.js'
import {articleFormatOf, readArticle} from '../split/article.js'
import type {ClaimFacts, SourceCitation} from '../types.js'

export interface AssembleOptions {
  root: string
  /** The folder the Markdown file will be in: the header's paths are relative to it. */
  outputDirectory: string
  /** Defaults to `sections.yaml`'s title, then the corpus folder's name. */
  title?: string
  /** A CSL style file (or URL) for the header's `csl`. */
  csl?: string
  /** Order claims by where their origin occurs in this article, and keep its paragraphs. */
  article?: {text: string; name: string}
  /** Leave out `draft` claims (`retracted` ones are always left out). */
  excludeDrafts?: boolean
}

export interface AssembledArticle {
  markdown: string
  /** Claims put in, and sections with at least one of them. */
  claims: number
  sections: number
  /** Every key cited, in first-cited order. */
  citedKeys: string[]
  /** Cited keys that the bibliography lacks: Pandoc would report them missing. */
  missingKeys: string[]
  skipped: Array<{file: string; reason: string}>
  /** The bibliography path as written in the header. */
  bibliography: string
}

/** A Pandoc locator from a claim's: `unknown` means none is known yet. */
export function pandocLocator(locator: string | undefined): string | undefined {
  const trimmed = locator?.trim()
  if (trimmed === undefined || trimmed === '' || trimmed.toLowerCase() === 'unknown') return undefined
  // `;` separates citations and `]` closes the group: escape them inside a locator.
  return trimmed.replace(/([[\];])/g, '\\$1')
}

const plainKey = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&\-+?<>~/]*[\p{L}\p{N}_])?$/u

function citationKey(key: string): string {
  return plainKey.test(key) ? `@${key}` : `@{${key}}`
}

const stancePrefix: Record<SourceCitation['stance'], string> = {supports: '', context: 'see ', contradicts: 'but see '}

/** `[@lendvai2008, p. 178; see @gati2006]` for the sources the body does not cite itself. */
export function citationsFor(claim: Pick<ClaimFacts, 'sources' | 'bodyCitations'>): string {
  const inBody = new Set(claim.bodyCitations.map((citation) => citation.key))
  const seen = new Set<string>()
  const items: string[] = []
  for (const source of claim.sources) {
    if (inBody.has(source.key) || seen.has(source.key)) continue
    seen.add(source.key)
    const locator = pandocLocator(source.locator)
    items.push(`${stancePrefix[source.stance]}${citationKey(source.key)}${locator === undefined ? '' : `, ${locator}`}`)
  }
  return items.length === 0 ? '' : `[${items.join('; ')}]`
}

/** The body with its citations: before the final full stop, as Pandoc's author-date styles expect. */
export function citedBody(claim: Pick<ClaimFacts, 'body' | 'sources' | 'bodyCitations'>): string {
  const body = claim.body.trim()
  const citations = citationsFor(claim)
  if (citations === '') return body
  const final = /([^\s"”’')\]])([.!?])$/.exec(body)
  if (final) return `${body.slice(0, body.length - 1)} ${citations}${body.slice(-1)}`
  return `${body} ${citations}`
}

function yamlString(text: string): string {
  return JSON.stringify(text)
}

function posix(file: string): string {
  return file.split(path.sep).join('/')
}

export function assembleArticle(options: AssembleOptions): AssembledArticle {
  const root = path.resolve(options.root)
  const config = loadConfig(root)
  const files = listMarkdownFiles(root, config.paths.claims)
  const skipped: AssembledArticle['skipped'] = []
  const claims = parseClaimFiles(root, files, config).filter((claim) => {
    if (claim.frontmatterProblems.length > 0) skipped.push({file: claim.path, reason: claim.frontmatterProblems[0]?.reason ?? 'unreadable'})
    else if (claim.status === 'retracted') skipped.push({file: claim.path, reason: 'retracted'})
    else if (options.excludeDrafts && claim.status === 'draft') skipped.push({file: claim.path, reason: 'draft'})
    else return true
    return false
  })

  const placeInArticle = options.article ? articlePlaces(options.article, claims) : undefined
  const order = readSections(root)
  const sectionIndex = new Map(order.map((section, index) => [section.id, index]))
  const bySection = new Map<string, ClaimFacts[]>()
  for (const claim of claims) bySection.set(claim.section, [...(bySection.get(claim.section) ?? []), claim])
  const sectionIds = [...bySection.keys()].sort(
    (a, b) => (sectionIndex.get(a) ?? order.length) - (sectionIndex.get(b) ?? order.length) || compareStrings(a, b)
  )

  const bibliographyFile = path.join(root, config.paths.bibliography)
  const bibliography = posix(path.relative(path.resolve(options.outputDirectory), bibliographyFile)) || path.basename(bibliographyFile)
  const title = options.title ?? readSectionsFile(root)?.title ?? titleFromFolder(path.basename(root))
  const header = ['---', `title: ${yamlString(title)}`, `bibliography: ${yamlString(bibliography)}`]
  if (options.csl !== undefined) header.push(`csl: ${yamlString(cslPath(options.csl, options.outputDirectory))}`)
  header.push('link-citations: true', '---', '')
  const blocks: string[] = [header.join('\n')]

  const citedKeys: string[] = []
  const cite = (key: string) => {
    if (!citedKeys.includes(key)) citedKeys.push(key)
  }
  for (const sectionId of sectionIds) {
    const sectionClaims = bySection.get(sectionId) ?? []
    if (placeInArticle) {
      sectionClaims.sort((a, b) => (placeInArticle.get(a.path)?.offset ?? Infinity) - (placeInArticle.get(b.path)?.offset ?? Infinity) || compareStrings(a.path, b.path))
    }
    if (sectionId !== '') {
      const title = order.find((section) => section.id === sectionId)?.title ?? titleFromFolder(sectionId)
      blocks.push(`# ${title}\n`)
    }
    let paragraph: string[] = []
    let paragraphNumber: number | undefined
    const flush = () => {
      if (paragraph.length > 0) blocks.push(`${paragraph.join(' ')}\n`)
      paragraph = []
    }
    for (const claim of sectionClaims) {
      for (const source of claim.sources) cite(source.key)
      for (const citation of claim.bodyCitations) cite(citation.key)
      const number = placeInArticle?.get(claim.path)?.paragraph
      // Claims from one paragraph of the article make one paragraph again.
      if (number === undefined || number !== paragraphNumber) flush()
      paragraphNumber = number
      const body = citedBody(claim)
      if (body.includes('\n\n') || number === undefined) {
        paragraph.push(body)
        flush()
      } else paragraph.push(body)
    }
    flush()
  }
  blocks.push('# References\n', '::: {#refs}\n:::\n')

  const {bibliography: bib} = loadBibliography(root, config, [])
  const known = new Set(bib.entries.map((entry) => entry.key))
  return {
    markdown: blocks.join('\n'),
    claims: claims.length,
    sections: sectionIds.length,
    citedKeys,
    missingKeys: citedKeys.filter((key) => !known.has(key)),
    skipped,
    bibliography
  }
}

/** A CSL given as a local file is written relative to the output; a URL or bare name as given. */
function cslPath(csl: string, outputDirectory: string): string {
  if (/^[a-z]+:\/\//i.test(csl) || !/[/\\]|\.csl$/i.test(csl)) return csl
  return posix(path.relative(path.resolve(outputDirectory), path.resolve(csl)))
}

/** Where each claim's origin first occurs in the article, and in which paragraph. */
function articlePlaces(article: {text: string; name: string}, claims: readonly ClaimFacts[]): Map<string, {offset: number; paragraph?: number}> {
  const whole = normalizeText(article.text)
  const sentences = readArticle(article.text, {format: articleFormatOf(article.name)}).sentences
  const places = new Map<string, {offset: number; paragraph?: number}>()
  for (const claim of claims) {
    if (claim.origin === undefined || claim.origin.trim() === '') continue
    const at = whole.text.indexOf(normalized(claim.origin))
    if (at === -1) continue
    const offset = whole.offsets[at] ?? 0
    const sentence = sentences.find((candidate) => candidate.start <= offset && offset < candidate.end) ?? sentences.findLast((candidate) => candidate.start <= offset)
    places.set(claim.path, sentence ? {offset, paragraph: sentence.paragraph} : {offset})
  }
  return places
}
