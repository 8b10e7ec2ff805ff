/**
 * The fast path for YAML in the canonical block style (every claim that the corpus and
 * `factlint split` write, and `measures.yaml`): js-yaml reads the value (about 6× faster
 * than `yaml`'s document API), and a line index finds the ranges of the keys, values and
 * list items that findings point at, with the same offsets `yaml` gives.
 *
 * It only accepts what it can index exactly: block mappings and sequences indented by
 * spaces; one-line plain, quoted or flow scalars; a mapping value written as a literal or
 * folded block scalar (`|`, `>-`, …) whose lines are all indented alike; whole-line
 * comments indented like the line after them. No blank lines, anchors, tags, comments
 * after a value, or multi-line flow or quoted values, and no plain scalar whose type
 * js-yaml and YAML 1.2's core schema could resolve differently. For anything else it
 * returns `undefined` and the caller takes the document API, which also gives the exact
 * error messages. Tests compare both paths' facts and every range with `yaml`'s on the
 * corpus, on synthetic corpora and on generated YAML.
 */
import jsYaml from 'js-yaml'
import type {NodePart} from './parse.js'
import {toPlain} from './parse.js'

export type Range = {start: number; end: number}

/** Ranges of the frontmatter's nodes by JSON-pointer-like path (`sources/0/key`). */
export interface RangeIndex {
  values: Map<string, Range>
  keys: Map<string, Range>
}

export interface FastYaml {
  value: unknown
  locate: (path: readonly string[], part?: NodePart) => Range | undefined
}

export function parseYamlFast(text: string): FastYaml | undefined {
  const index = indexBlockYaml(text)
  if (!index) return undefined
  let value: unknown
  try {
    value = toPlain(jsYaml.load(text, {schema: jsYaml.CORE_SCHEMA, json: false}))
  } catch {
    return undefined
  }
  return {
    value,
    locate(path, part = 'value') {
      const key = path.join('/')
      // A list item has no key: like `nodeAt`, give the item itself.
      if (part === 'key') return index.keys.get(key) ?? index.values.get(key)
      if (part === 'pair') {
        const keyRange = index.keys.get(key)
        const valueRange = index.values.get(key)
        return keyRange ? {start: keyRange.start, end: valueRange?.end ?? keyRange.end} : valueRange
      }
      return index.values.get(key)
    }
  }
}

interface Line {
  start: number
  /** Offset after the line's text (before its line ending). */
  textEnd: number
  /** Offset after the line ending (or the end of the text). */
  end: number
  indent: number
  text: string
  /** For a `key: |` line: the end of the block scalar's last line, which `yaml`'s range includes. */
  blockScalarEnd?: number
}

const keyPattern = /^([A-Za-z$][A-Za-z0-9_$-]*):(?: +|$)/
const itemPattern = /^- +/
// `key: |`, `key: >-`, `- key: |+`: a block scalar as a mapping value. An explicit
// indentation indicator (`|2`) or a comment after the indicator falls back.
const blockScalarHeader = /^( *(?:- +)?)[A-Za-z$][A-Za-z0-9_$-]*: +[|>][+-]?$/
const blockScalarIndicator = /^[|>][+-]?$/
// Plain scalars whose type js-yaml and the YAML 1.2 core schema may resolve differently
// (underscores in numbers, binary), or that need care: fall back.
const riskyPlain = /^[-+]?(?:0b|[0-9.]*_)|^[-?:,[\]{}#&*!|>'"%@`]|: | #|:$/i

class Unsupported extends Error {}

/** Index a block-style YAML text, or `undefined` when it uses anything else. */
export function indexBlockYaml(text: string): RangeIndex | undefined {
  const lines = contentLines(text)
  if (!lines || lines.length === 0) return undefined
  const index: RangeIndex = {values: new Map(), keys: new Map()}
  try {
    const next = parseMap(lines, 0, 0, 0, [], index)
    if (next !== lines.length) return undefined
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
  return index
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0
    const content = match[1] ?? ''
    if (content === '' && (match[2] ?? '') === '') break
    const indent = content.length - content.trimStart().length
    lines.push({start, textEnd: start + content.length, end: start + match[0].length, indent, text: content})
  }
  return lines
}

/**
 * The lines the parser walks: without comments, and with each block scalar's lines
 * folded into its `key: |` line. `undefined` when a line needs the document API.
 */
function contentLines(text: string): Line[] | undefined {
  const raw = splitLines(text)
  const lines: Line[] = []
  let comments: Line[] = []
  for (let lineIndex = 0; lineIndex < raw.length; lineIndex++) {
    const line = raw[lineIndex] as Line
    // Tabs, blank lines and document markers: the document API decides.
    if (line.text.includes('\t') || line.text.trim() === '' || /^(?:---|\.\.\.)(?:\s|$)/.test(line.text)) return undefined
    if (line.text[line.indent] === '#') {
      comments.push(line)
      continue
    }
    // A comment after a value, or a `#` inside one.
    if (line.text.includes('#')) return undefined
    // `yaml` gives a comment line to the node that follows it when both are indented
    // alike; elsewhere it may widen the range of the node before it.
    if (comments.some((comment) => comment.indent !== line.indent)) return undefined
    comments = []
    lines.push(line)
    const header = blockScalarHeader.exec(line.text)
    if (!header) continue
    // Its lines are those indented deeper than the key, all by the same amount, so that
    // folding has no more-indented lines to keep and both parsers read one value.
    const keyColumn = (header[1] ?? '').length
    let contentIndent: number | undefined
    while (lineIndex + 1 < raw.length) {
      const next = raw[lineIndex + 1] as Line
      if (next.text.trim() === '' || next.text.includes('\t')) return undefined
      if (next.indent <= keyColumn) break
      contentIndent ??= next.indent
      if (next.indent !== contentIndent) return undefined
      line.blockScalarEnd = next.end
      lineIndex++
    }
    if (line.blockScalarEnd === undefined) return undefined
  }
  // Comments after the last value stay outside every range only at the left margin.
  if (comments.some((comment) => comment.indent !== 0)) return undefined
  return lines
}

/** Where a line's node ends: after its line ending, or after its block scalar's last line. */
function lineEnd(line: Line): number {
  return line.blockScalarEnd ?? line.end
}

/**
 * A block mapping whose keys start at `column`; the first key may start mid-line (after
 * `- `), at `firstColumn` of line `from`. Returns the index of the first line after it.
 */
function parseMap(lines: Line[], from: number, column: number, firstColumn: number, path: string[], index: RangeIndex): number {
  let lineIndex = from
  let first = true
  while (lineIndex < lines.length) {
    const line = lines[lineIndex] as Line
    const keyColumn = first ? firstColumn : line.indent
    if (!first && line.indent < column) break
    if (!first && line.indent !== column) throw new Unsupported()
    const rest = line.text.slice(keyColumn)
    const match = keyPattern.exec(rest)
    if (!match) throw new Unsupported()
    const key = match[1] as string
    const keyStart = line.start + keyColumn
    const keyPath = [...path, key].join('/')
    if (index.keys.has(keyPath)) throw new Unsupported()
    index.keys.set(keyPath, {start: keyStart, end: keyStart + key.length})
    const valueColumn = keyColumn + match[0].length
    first = false
    if (line.blockScalarEnd !== undefined) {
      if (!blockScalarIndicator.test(line.text.slice(valueColumn))) throw new Unsupported()
      index.values.set(keyPath, {start: line.start + valueColumn, end: line.blockScalarEnd})
      lineIndex++
      continue
    }
    if (valueColumn < line.text.length) {
      index.values.set(keyPath, scalarRange(line, valueColumn, [...path, key], index))
      lineIndex++
      continue
    }
    // `key:` alone: a nested block (sequence or mapping) on the following lines.
    const nested = lines[lineIndex + 1]
    if (!nested || nested.indent <= keyColumn) {
      // A key without value (null): the document API knows its exact range.
      throw new Unsupported()
    }
    const nestedPath = [...path, key]
    const end = itemPattern.test(nested.text.slice(nested.indent))
      ? parseSeq(lines, lineIndex + 1, nested.indent, nestedPath, index)
      : parseMap(lines, lineIndex + 1, nested.indent, nested.indent, nestedPath, index)
    index.values.set(keyPath, {start: nested.start + nested.indent, end: lineEnd(lines[end - 1] as Line)})
    lineIndex = end
  }
  return lineIndex
}

function parseSeq(lines: Line[], from: number, column: number, path: string[], index: RangeIndex): number {
  let lineIndex = from
  let item = 0
  while (lineIndex < lines.length) {
    const line = lines[lineIndex] as Line
    if (line.indent < column) break
    if (line.indent !== column) throw new Unsupported()
    const marker = itemPattern.exec(line.text.slice(column))
    if (!marker) throw new Unsupported()
    const contentColumn = column + marker[0].length
    const itemPath = [...path, String(item)]
    const content = line.text.slice(contentColumn)
    if (keyPattern.test(content)) {
      const end = parseMap(lines, lineIndex, contentColumn, contentColumn, itemPath, index)
      index.values.set(itemPath.join('/'), {start: line.start + contentColumn, end: lineEnd(lines[end - 1] as Line)})
      lineIndex = end
    } else {
      index.values.set(itemPath.join('/'), scalarRange(line, contentColumn, itemPath, index))
      lineIndex++
    }
    item++
  }
  return lineIndex
}

/**
 * The range of a one-line scalar or flow collection starting at `column` of `line`; the
 * items of a flow collection are indexed below `path`.
 */
function scalarRange(line: Line, column: number, path: string[], index: RangeIndex): Range {
  const text = line.text
  const start = line.start + column
  const first = text[column]
  let end: number
  if (first === '"') {
    let position = column + 1
    while (position < text.length && text[position] !== '"') position += text[position] === '\\' ? 2 : 1
    if (position >= text.length) throw new Unsupported()
    end = position + 1
  } else if (first === "'") {
    let position = column + 1
    while (position < text.length) {
      if (text[position] === "'") {
        if (text[position + 1] === "'") position += 2
        else break
      } else position++
    }
    if (position >= text.length) throw new Unsupported()
    end = position + 1
  } else if (first === '[' || first === '{') {
    const close = first === '[' ? ']' : '}'
    const inner = text.slice(column + 1)
    const closeAt = inner.indexOf(close)
    // One flat, unquoted flow collection on one line.
    if (closeAt === -1 || /["'[\]{}]/.test(inner.slice(0, closeAt))) throw new Unsupported()
    indexFlowItems(line.start + column + 1, inner.slice(0, closeAt), first === '{', path, index)
    end = column + 1 + closeAt + 1
  } else {
    const value = text.slice(column).trimEnd()
    if (value === '' || riskyPlain.test(value)) throw new Unsupported()
    end = column + value.length
  }
  if (text.slice(end).trim() !== '') throw new Unsupported()
  return {start, end: line.start + end}
}

/**
 * The items of a flat flow collection (`[a, b]`, `{min: 1, max: 2}`) whose text `inner`
 * starts at offset `offset`: plain scalars, and for a mapping `key: value` pairs.
 */
function indexFlowItems(offset: number, inner: string, isMapping: boolean, path: string[], index: RangeIndex): void {
  if (inner.trim() === '') return
  let itemOffset = offset
  let item = 0
  for (const part of inner.split(',')) {
    const leading = part.length - part.trimStart().length
    const partStart = itemOffset + leading
    const trimmed = part.trim()
    itemOffset += part.length + 1
    if (isMapping) {
      const pair = /^([A-Za-z$][A-Za-z0-9_$-]*): +(.+)$/.exec(trimmed)
      const [, key, value] = pair ?? []
      if (key === undefined || value === undefined) throw new Unsupported()
      const keyPath = [...path, key].join('/')
      if (index.keys.has(keyPath)) throw new Unsupported()
      index.keys.set(keyPath, {start: partStart, end: partStart + key.length})
      const valueStart = partStart + trimmed.length - value.length
      index.values.set(keyPath, {start: valueStart, end: valueStart + flowPlain(value).length})
    } else {
      index.values.set([...path, String(item)].join('/'), {start: partStart, end: partStart + flowPlain(trimmed).length})
    }
    item++
  }
}

/** A plain scalar inside a flow collection; `:` and empty items (`[a, , b]`) fall back. */
function flowPlain(value: string): string {
  if (value === '' || value.includes(':') || riskyPlain.test(value)) throw new Unsupported()
  return value
}
