/**
 * An article's structure: title, byline, sections (from headings), paragraphs, sentences
 * and the source list at the end. Two layouts are read:
 *
 * - Markdown (`.md`): ATX headings (`#`, `##`…) start sections, the first `# ` heading is
 *   the title; paragraphs are blocks separated by blank lines; frontmatter is skipped.
 * - Plain text (any other extension): the first line is the title, lines starting with
 *   `- ` right after it are the byline, every other line is a paragraph, and a short line
 *   with no final punctuation is a heading.
 *
 * In both, a heading named Sources, References, Bibliography, Works cited or Further
 * reading starts the source list: every line after it (list markers removed) is a source.
 */
import {slugify} from './ids.js'
import {splitSentences} from './sentences.js'
import {lineStartsOf, pointAt} from '../pipeline/positions.js'

export type ArticleFormat = 'markdown' | 'text'
export type SectionBy = 'headings' | 'none'

export interface ArticleSentence {
  /** The sentence, whitespace runs collapsed to single spaces. */
  text: string
  /** Offsets in the article text of the sentence as written. */
  start: number
  end: number
  line: number
  column: number
  /** 1-based number of the paragraph in the article's body (title, byline, headings and sources not counted). */
  paragraph: number
  /** The id of the section it belongs to. */
  section: string
}

export interface ArticleHeading {
  text: string
  line: number
}

export interface ArticleSection {
  /** Kebab-case id from the heading (`introduction` before the first heading). */
  id: string
  title: string
  heading?: ArticleHeading
  sentences: ArticleSentence[]
}

export interface ArticleSourceLine {
  text: string
  line: number
}

export interface Article {
  format: ArticleFormat
  title?: string
  byline: string[]
  sections: ArticleSection[]
  /** Every sentence of the body, in order (the same objects as in `sections`). */
  sentences: ArticleSentence[]
  /** The headings that started sections. */
  headings: ArticleHeading[]
  sourcesHeading?: ArticleHeading
  sources: ArticleSourceLine[]
}

export interface ReadArticleOptions {
  format?: ArticleFormat
  sectionBy?: SectionBy
}

export const introductionId = 'introduction'
export const introductionTitle = 'Introduction'

const sourceHeadings = /^(sources|references|bibliography|works cited|further reading|sources and further reading)$/i

export function articleFormatOf(fileName: string): ArticleFormat {
  return /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text'
}

/** A line of text that, in a plain-text article, reads as a heading. */
export function looksLikeHeading(line: string): boolean {
  const trimmed = line.trim()
  if (trimmed === '' || trimmed.length > 100) return false
  if (trimmed.split(/\s+/).length > 14) return false
  if (!/^[\p{Lu}\p{N}]/u.test(trimmed)) return false
  return !/[.!?:;,…"”’')\]]$/.test(trimmed)
}

interface Block {
  kind: 'title' | 'byline' | 'heading' | 'paragraph' | 'source'
  text: string
  start: number
  end: number
}

export function readArticle(text: string, options: ReadArticleOptions = {}): Article {
  const format = options.format ?? 'text'
  const blocks = format === 'markdown' ? markdownBlocks(text) : textBlocks(text)
  const lineStarts = lineStartsOf(text)
  const lineOf = (offset: number) => pointAt(lineStarts, offset).line
  const article: Article = {format, byline: [], sections: [], sentences: [], headings: [], sources: []}
  let section: ArticleSection | undefined
  const sectionIds = new Set<string>()
  let paragraph = 0
  for (const block of blocks) {
    if (block.kind === 'title') article.title = block.text
    else if (block.kind === 'byline') article.byline.push(block.text)
    else if (block.kind === 'source') article.sources.push({text: block.text, line: lineOf(block.start)})
    else if (block.kind === 'heading') {
      const heading = {text: block.text, line: lineOf(block.start)}
      if (sourceHeadings.test(block.text.replace(/:$/, ''))) {
        article.sourcesHeading = heading
        continue
      }
      if (options.sectionBy === 'none') continue
      article.headings.push(heading)
      section = {id: uniqueSectionId(slugify(block.text) || 'section', sectionIds), title: block.text, heading, sentences: []}
      article.sections.push(section)
    } else {
      paragraph++
      if (!section) {
        section = {id: uniqueSectionId(options.sectionBy === 'none' ? 'article' : introductionId, sectionIds), title: options.sectionBy === 'none' ? (article.title ?? 'Article') : introductionTitle, sentences: []}
        article.sections.push(section)
      }
      for (const span of splitSentences(block.text)) {
        const start = block.start + span.start
        const point = pointAt(lineStarts, start)
        const sentence: ArticleSentence = {
          text: span.text.replace(/\s+/g, ' '),
          start,
          end: block.start + span.end,
          line: point.line,
          column: point.column,
          paragraph,
          section: section.id
        }
        section.sentences.push(sentence)
        article.sentences.push(sentence)
      }
    }
  }
  return article
}

function uniqueSectionId(base: string, taken: Set<string>): string {
  let id = base
  for (let counter = 2; taken.has(id); counter++) id = `${base}-${counter}`
  taken.add(id)
  return id
}

/** The lines of `text` with their offsets (line endings excluded). */
function linesOf(text: string): Array<{text: string; start: number}> {
  const lines: Array<{text: string; start: number}> = []
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0
    if (start >= text.length && match[0] === '') break
    lines.push({text: match[1] ?? '', start})
  }
  return lines
}

function stripListMarker(line: string): string {
  return line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
}

function textBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let inSources = false
  let seenBody = false
  for (const line of linesOf(text)) {
    const trimmed = line.text.trim()
    if (trimmed === '') continue
    const start = line.start + line.text.indexOf(trimmed)
    const end = start + trimmed.length
    if (inSources) {
      blocks.push({kind: 'source', text: stripListMarker(trimmed), start, end})
      continue
    }
    if (blocks.length === 0 && looksLikeHeading(trimmed)) {
      blocks.push({kind: 'title', text: trimmed, start, end})
      continue
    }
    if (!seenBody && /^-\s/.test(trimmed) && blocks.every((block) => block.kind === 'title' || block.kind === 'byline')) {
      blocks.push({kind: 'byline', text: stripListMarker(trimmed), start, end})
      continue
    }
    if (looksLikeHeading(trimmed) || sourceHeadings.test(trimmed.replace(/:$/, ''))) {
      blocks.push({kind: 'heading', text: trimmed.replace(/:$/, ''), start, end})
      if (sourceHeadings.test(trimmed.replace(/:$/, ''))) inSources = true
      continue
    }
    seenBody = true
    blocks.push({kind: 'paragraph', text: trimmed, start, end})
  }
  return blocks
}

const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/

function markdownBlocks(text: string): Block[] {
  const lines = linesOf(text)
  let index = 0
  // Frontmatter is metadata, not prose.
  if (lines[0]?.text.trim() === '---') {
    const close = lines.findIndex((line, position) => position > 0 && /^(---|\.\.\.)\s*$/.test(line.text))
    if (close > 0) index = close + 1
  }
  const blocks: Block[] = []
  let inSources = false
  let seenBody = false
  let paragraph: {start: number; end: number} | undefined
  const flush = () => {
    if (!paragraph) return
    // The segmenter breaks at every line break; a wrapped line is one paragraph in Markdown.
    // Spaces of equal length keep the offsets.
    const joined = text.slice(paragraph.start, paragraph.end).replace(/\r\n|\r|\n/g, (ending) => ' '.repeat(ending.length))
    blocks.push({kind: 'paragraph', text: joined, start: paragraph.start, end: paragraph.end})
    seenBody = true
    paragraph = undefined
  }
  for (; index < lines.length; index++) {
    const line = lines[index] as {text: string; start: number}
    const trimmed = line.text.trim()
    const start = line.start + line.text.indexOf(trimmed)
    const end = start + trimmed.length
    if (trimmed === '') {
      flush()
      continue
    }
    const heading = atxHeading.exec(line.text)
    if (heading) {
      flush()
      const title = (heading[2] ?? '').trim()
      const level = heading[1]?.length ?? 1
      if (level === 1 && blocks.length === 0) blocks.push({kind: 'title', text: title, start, end})
      else {
        inSources = sourceHeadings.test(title.replace(/:$/, ''))
        blocks.push({kind: 'heading', text: title.replace(/:$/, ''), start, end})
      }
      continue
    }
    if (inSources) {
      blocks.push({kind: 'source', text: stripListMarker(trimmed), start, end})
      continue
    }
    if (!seenBody && !paragraph && /^[-*+]\s/.test(trimmed) && blocks.every((block) => block.kind === 'title' || block.kind === 'byline')) {
      blocks.push({kind: 'byline', text: stripListMarker(trimmed), start, end})
      continue
    }
    if (paragraph) paragraph.end = end
    else paragraph = {start, end}
  }
  flush()
  return blocks
}
