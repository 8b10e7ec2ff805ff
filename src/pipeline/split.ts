/**
 * Split a claim file into frontmatter and body without tokenizing the YAML as Markdown.
 *
 * remark-frontmatter (micromark-extension-frontmatter) recognises YAML frontmatter as: a
 * `---` fence at line 1, column 1, optionally followed by spaces or tabs, then a line
 * ending; content lines; a closing `---` fence (optionally followed by spaces or tabs)
 * at the start of a line, followed by a line ending or the end of the file. Without a
 * closing fence there is no frontmatter. `splitFrontmatter` follows exactly these rules
 * (a test compares it with remark-frontmatter on generated inputs), so the body can be
 * parsed alone: micromark would otherwise spend most of its time walking the YAML
 * character by character.
 */
import {nextMatch} from './matches.js'

export interface FrontmatterSplit {
  /** Offset of the first character of the YAML value (after the opening fence's line ending). */
  valueStart: number
  /** Offset just after the YAML value (before the line ending that precedes the closing fence). */
  valueEnd: number
  /** Offset just after the closing fence (and its trailing spaces). */
  end: number
}

const openingFence = /^---[ \t]*(?:\r\n|\n|\r)/
const closingFence = /---[ \t]*(?=\r\n|\n|\r|$)/y

export function splitFrontmatter(text: string): FrontmatterSplit | undefined {
  const opening = openingFence.exec(text)
  if (!opening) return undefined
  const valueStart = opening[0].length
  let lineStart = valueStart
  let previousLineEnding = 0
  while (true) {
    closingFence.lastIndex = lineStart
    const closing = closingFence.exec(text)
    if (closing) {
      return {valueStart, valueEnd: lineStart === valueStart ? valueStart : lineStart - previousLineEnding, end: lineStart + closing[0].length}
    }
    const newline = nextLineEnding(text, lineStart)
    if (newline === -1) return undefined
    previousLineEnding = text.charCodeAt(newline) === 13 && text.charCodeAt(newline + 1) === 10 ? 2 : 1
    lineStart = newline + previousLineEnding
  }
}

function nextLineEnding(text: string, from: number): number {
  const lf = text.indexOf('\n', from)
  const cr = text.indexOf('\r', from)
  if (cr === -1) return lf
  if (lf === -1) return cr
  return Math.min(lf, cr)
}

/**
 * A body that is only prose: no character or line shape that Markdown gives a meaning to
 * (emphasis, code, HTML, entities, escapes, links with destinations, definitions, lists,
 * headings, quotes, tables, indented code, hard breaks). Its text is the trimmed source of
 * each paragraph, exactly the text nodes remark would produce (a test checks this on
 * the corpus and on generated bodies), so the Markdown parser can be skipped.
 */
const markdownSyntax = /[`*_<>#&\\!|~\t]|\]\(|\]\[|\]:|^[ \t]|[ \t]$|^(?:[-+=]|\d{1,9}[.)])/m

export function isPlainProse(body: string): boolean {
  return !markdownSyntax.test(body)
}

const paragraphPattern = /[^\r\n]+(?:(?:\r\n|\n|\r)[^\r\n]+)*/g

/** Paragraph spans `[start, end)` of plain prose (lines separated by blank lines). */
export function plainParagraphs(body: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  paragraphPattern.lastIndex = 0
  for (let match = nextMatch(paragraphPattern, body); match; match = nextMatch(paragraphPattern, body)) spans.push([match.index, match.index + match[0].length])
  return spans
}
