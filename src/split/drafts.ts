/**
 * From an article to draft claim files: one per sentence, with `status: draft`, `origin`
 * set to the sentence, no sources, and a figure for every number and date the reader of
 * figures finds. Pure: the plan is text; `write.ts` puts it on disk.
 *
 * A drafted figure's measure is `todo-<suggestion>`: schema-valid kebab-case, but in no
 * registry, so `unknown-measure` flags every figure whose measure nobody chose yet. The
 * suggestion (a registry measure, or a proposed new id) follows in a YAML comment.
 */
import {readFigures, type ReadFigure, type ReadValue} from '../figures/reader.js'
import type {FigureValue, Measure, Qualifier} from '../types.js'
import {readArticle, type Article, type ArticleFormat, type ArticleSentence, type SectionBy} from './article.js'
import {claimId, idFromSentence} from './ids.js'
import {suggestMeasure, type MeasureSuggestion} from './measures.js'
import {assignCitationKeys, parseSourceLine, type SourceDraft} from './sources.js'

export const todoMeasurePrefix = 'todo-'

export interface DraftFigure {
  measure: string
  suggestion: MeasureSuggestion
  value: FigureValue
  qualifier: Qualifier
  text: string
  unit?: string
  /** Remarks written as YAML comments after the figure (assumed year, unit not written). */
  remarks: string[]
}

export interface ClaimDraft {
  id: string
  section: string
  /** `<section>/<id>.md`, relative to the claims folder. */
  path: string
  sentence: ArticleSentence
  figures: DraftFigure[]
  content: string
}

export interface SplitPlan {
  article: Article
  claims: ClaimDraft[]
  /** Sections in article order, for `sections.yaml`. */
  sections: Array<{id: string; title: string}>
  sources: SourceDraft[]
}

export interface PlanSplitOptions {
  format?: ArticleFormat
  sectionBy?: SectionBy
  /** The registry's measures, for suggestions. */
  measures?: readonly Measure[]
  /**
   * Claim files already in the claims folder (`section/id.md`): an id used by a file at
   * another path counts as taken, so that a split never creates a duplicate id.
   */
  existingFiles?: readonly string[]
  /** Citation keys already in the bibliography: new sources get other keys. */
  existingKeys?: ReadonlySet<string>
}

export function planSplit(text: string, options: PlanSplitOptions = {}): SplitPlan {
  const article = readArticle(text, {format: options.format ?? 'text', sectionBy: options.sectionBy ?? 'headings'})
  const existingPaths = new Map<string, string[]>()
  for (const file of options.existingFiles ?? []) {
    const stem = file.split('/').at(-1)?.replace(/\.md$/, '') ?? file
    existingPaths.set(stem, [...(existingPaths.get(stem) ?? []), file])
  }
  const taken = new Set<string>()
  const claims: ClaimDraft[] = []
  let lastYear: string | undefined
  for (const sentence of article.sentences) {
    const base = idFromSentence(sentence.text)
    let id = claimId(base, taken)
    while ((existingPaths.get(id) ?? []).some((file) => file !== `${sentence.section}/${id}.md`)) id = claimId(base, taken)
    const figures: DraftFigure[] = []
    for (const figure of readFigures(sentence.text, {skip: quotationRanges(sentence.text)})) {
      const drafted = draftFigure(sentence.text, figure, options.measures ?? [], lastYear)
      lastYear = yearOf(drafted.value) ?? lastYear
      figures.push(drafted)
    }
    const draft: ClaimDraft = {id, section: sentence.section, path: `${sentence.section}/${id}.md`, sentence, figures, content: ''}
    draft.content = renderClaimDraft(draft)
    claims.push(draft)
  }
  const sources = article.sources.map((line) => parseSourceLine(line.text))
  assignCitationKeys(
    sources.map((source) => source.item),
    new Set(options.existingKeys ?? [])
  )
  const sections = article.sections.map(({id, title}) => ({id, title}))
  return {article, claims, sections, sources}
}

function draftFigure(sentence: string, figure: ReadFigure, measures: readonly Measure[], lastYear: string | undefined): DraftFigure {
  const suggestion = suggestMeasure(sentence, figure, measures)
  const remarks: string[] = []
  const withYear = (value: ReadValue): ReadValue => {
    if (typeof value !== 'string' || !value.startsWith('--')) return value
    if (lastYear === undefined) {
      remarks.push('no year in the sentence or before it: give one')
      return value
    }
    remarks.push(`year ${lastYear} assumed from earlier in the article`)
    return `${lastYear}${value.slice(1)}`
  }
  const value: FigureValue = typeof figure.value === 'object' ? {min: withYear(figure.value.min), max: withYear(figure.value.max)} : withYear(figure.value)
  const drafted: DraftFigure = {
    measure: `${todoMeasurePrefix}${suggestion.id}`,
    suggestion,
    value,
    qualifier: figure.qualifier,
    text: figure.text,
    remarks
  }
  if (figure.unit !== undefined) {
    // A unit must equal its measure's: write it only when it agrees with the suggestion.
    if (suggestion.unit !== undefined && suggestion.unit === figure.unit) drafted.unit = figure.unit
    else remarks.push(`the words say the unit \`${figure.unit}\``)
  }
  return drafted
}

/** Numbers inside double quotation marks are not figures (CORPUS-FORMAT.md, "Which numbers are figures"). */
export function quotationRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const match of text.matchAll(/“[^”]*”?|"[^"]*"?/g)) ranges.push([match.index ?? 0, (match.index ?? 0) + match[0].length])
  return ranges
}

function yearOf(value: FigureValue): string | undefined {
  const scalar = typeof value === 'object' ? value.max : value
  return typeof scalar === 'string' ? /^(\d{4})/.exec(scalar)?.[1] : undefined
}

/** A YAML double-quoted scalar: JSON's string syntax is a subset of it. */
function quoted(text: string): string {
  return JSON.stringify(text)
}

function scalarYaml(value: number | string): string {
  return typeof value === 'number' ? String(value) : quoted(value)
}

function valueYaml(value: FigureValue): string {
  return typeof value === 'object' ? `{min: ${scalarYaml(value.min)}, max: ${scalarYaml(value.max)}}` : scalarYaml(value)
}

/** Markdown would read a leading `#`, `>`, list marker or `1.` as block syntax. */
function bodyText(sentence: string): string {
  return /^(?:[#>+*-]|\d+[.)](?:\s|$))/.test(sentence) ? `\\${sentence}` : sentence
}

export function renderClaimDraft(draft: Omit<ClaimDraft, 'content'>): string {
  const lines = ['---', `id: ${draft.id}`, 'status: draft', `origin: ${quoted(draft.sentence.text)}`, 'sources: []']
  if (draft.figures.length > 0) {
    lines.push('figures:')
    lines.push(`  # Choose each measure: remove \`${todoMeasurePrefix}\` to accept the suggestion, or name another measure of measures.yaml.`)
    for (const figure of draft.figures) {
      const suggestion = figure.suggestion.fromRegistry
        ? `suggested: ${figure.suggestion.id} (${figure.suggestion.label ?? ''})`
        : `no measure of measures.yaml fits: add ${figure.suggestion.id} there, or choose one`
      lines.push(`  - measure: ${figure.measure} # ${suggestion}`)
      lines.push(`    value: ${valueYaml(figure.value)}${figure.remarks.length > 0 ? ` # ${figure.remarks.join('; ')}` : ''}`)
      lines.push(`    qualifier: ${figure.qualifier}`)
      if (figure.unit !== undefined) lines.push(`    unit: ${figure.unit}`)
      lines.push(`    text: ${quoted(figure.text)}`)
    }
  }
  lines.push(`note: ${quoted(`Split from paragraph ${draft.sentence.paragraph} of the article. Add sources, then set the status to unverified.`)}`)
  lines.push('---')
  lines.push(bodyText(draft.sentence.text))
  return `${lines.join('\n')}\n`
}

/** `sections.yaml`: the sections in article order, with their titles (docs/sections.md). */
export function renderSectionsYaml(title: string | undefined, sections: ReadonlyArray<{id: string; title: string}>): string {
  const lines = ['# The sections of the article, in its order (docs/sections.md).']
  if (title !== undefined) lines.push(`title: ${quoted(title)}`)
  lines.push('sections:')
  for (const section of sections) lines.push(`  - id: ${section.id}`, `    title: ${quoted(section.title)}`)
  return `${lines.join('\n')}\n`
}
