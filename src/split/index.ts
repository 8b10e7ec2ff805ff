/**
 * `split` end to end: read the article and what the corpus already holds (claim files,
 * citation keys, measures), plan the drafts, and write claim files, draft bibliography
 * entries and `sections.yaml`. Without `force` no existing file is changed.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {isMap, isSeq, parseDocument} from 'yaml'
import {cslToBiblatex} from '../bibliography/from-csl.js'
import {readBibliography} from '../bibliography/index.js'
import {readMeasures} from '../corpus/measures.js'
import {sectionsFileName} from '../corpus/sections.js'
import {listMarkdownFiles} from '../pipeline/read.js'
import {articleFormatOf, type SectionBy} from './article.js'
import {planSplit, renderSectionsYaml, type SplitPlan} from './drafts.js'
import {plannedAction, writeFiles, type FileWrite, type WriteAction} from './write.js'

export {planSplit, renderClaimDraft, renderSectionsYaml, todoMeasurePrefix} from './drafts.js'
export type {ClaimDraft, DraftFigure, SplitPlan} from './drafts.js'
export {readArticle, articleFormatOf} from './article.js'
export type {Article, ArticleSentence, ArticleSection} from './article.js'

export interface SplitOptions {
  articlePath: string
  /** The claims folder to write into. */
  out: string
  sectionBy?: SectionBy
  /** The bibliography to add draft entries to; none when undefined. */
  bibliography?: string
  /** `measures.yaml` for figure suggestions; none when undefined or missing. */
  measures?: string
  /** `sections.yaml` to write; none when undefined. */
  sections?: string
  force?: boolean
  dryRun?: boolean
}

export interface FileOutcome {
  file: string
  action: WriteAction
  content: string
}

export interface SplitOutcome {
  plan: SplitPlan
  claims: FileOutcome[]
  /** The bibliography file, when one was asked for. */
  bibliography?: FileOutcome & {added: string[]; alreadyThere: string[]; failures: Array<{key: string; reason: string}>}
  sections?: FileOutcome
}

/** The corpus root that holds a claims folder `…/claims`, if `out` is one. */
export function corpusRootOf(out: string): string | undefined {
  return path.basename(path.resolve(out)) === 'claims' ? path.dirname(path.resolve(out)) : undefined
}

export function splitArticle(options: SplitOptions): SplitOutcome {
  const text = readFileSync(options.articlePath, 'utf8')
  const out = path.resolve(options.out)
  const existingFiles = existsSync(out) ? listMarkdownFiles(out, '.').map((file) => file.replace(/^\.\//, '')) : []
  const bibPath = options.bibliography === undefined ? undefined : path.resolve(options.bibliography)
  const bibText = bibPath !== undefined && existsSync(bibPath) ? readFileSync(bibPath, 'utf8') : undefined
  const existingKeys = new Set(bibText === undefined ? [] : readBibliography(bibText).entries.map((entry) => entry.key))
  const measuresPath = options.measures === undefined ? undefined : path.resolve(options.measures)
  const measures = measuresPath !== undefined && existsSync(measuresPath) ? Object.values(readMeasures(readFileSync(measuresPath, 'utf8')).measures) : []

  // Keys depend only on the source line, so a source the bibliography already has (from an
  // earlier split) gets the same key and is not added twice. The price: a different work
  // whose key happens to be taken is not added either; the outcome lists both kinds.
  const plan = planSplit(text, {
    format: articleFormatOf(options.articlePath),
    sectionBy: options.sectionBy ?? 'headings',
    measures,
    existingFiles
  })
  const force = options.force ?? false
  const claimWrites: FileWrite[] = plan.claims.map((claim) => ({file: path.join(out, claim.path), content: claim.content}))
  const outcome: SplitOutcome = {plan, claims: apply(claimWrites, force, options.dryRun ?? false)}

  if (bibPath !== undefined && plan.sources.length > 0) {
    const fresh = plan.sources.filter((source) => !existingKeys.has(source.item['citation-key']))
    const drafts = cslToBiblatex(fresh.map((source) => source.item))
    const header = `% Draft entries from the source list of ${path.basename(options.articlePath)}, written by \`factlint split\`.\n% Check each against the work itself and add its tier: keywords = {tier:…}.\n\n`
    const content = bibText === undefined ? `${header}${drafts.text}` : drafts.text === '' ? bibText : `${bibText.replace(/\s*$/, '\n')}\n${header}${drafts.text}`
    const [written] = apply([{file: bibPath, content}], force, options.dryRun ?? false)
    outcome.bibliography = {
      ...(written as FileOutcome),
      added: fresh.map((source) => source.item['citation-key']).filter((key) => !drafts.failures.some((failure) => failure.key === key)),
      alreadyThere: plan.sources.map((source) => source.item['citation-key']).filter((key) => existingKeys.has(key)),
      failures: drafts.failures
    }
  }

  if (options.sections !== undefined && plan.sections.length > 0) {
    const sectionsPath = path.resolve(options.sections)
    const content = existsSync(sectionsPath)
      ? mergeSections(readFileSync(sectionsPath, 'utf8'), plan)
      : renderSectionsYaml(plan.article.title, plan.sections)
    outcome.sections = apply([{file: sectionsPath, content}], force, options.dryRun ?? false)[0]
  }
  return outcome
}

function apply(files: FileWrite[], force: boolean, dryRun: boolean): FileOutcome[] {
  if (dryRun) return files.map(({file, content}) => ({file, content, action: plannedAction(file, content, force)}))
  const results = writeFiles(files, {force})
  return results.map((result, index) => ({...result, content: files[index]?.content ?? ''}))
}

/** Add the article's sections that an existing `sections.yaml` does not list, at its end. */
function mergeSections(existing: string, plan: SplitPlan): string {
  const document = parseDocument(existing)
  const root = document.contents
  const list = isMap(root) ? root.get('sections') : undefined
  if (!isSeq(list)) return existing
  const listed = new Set(
    list.items.map((item) => (isMap(item) ? String(item.get('id')) : '')).filter((id) => id !== '')
  )
  const missing = plan.sections.filter((section) => !listed.has(section.id))
  if (missing.length === 0) return existing
  for (const section of missing) document.addIn(['sections'], {id: section.id, title: section.title})
  return document.toString()
}

export {sectionsFileName}
