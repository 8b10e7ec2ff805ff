/**
 * The fast path for frontmatter in the canonical block style (every claim that the
 * corpus and `factlint split` write): js-yaml reads the value (about 6× faster than
 * `yaml`'s document API), and a line index finds the ranges of the keys, values and list
 * items that findings point at, with the same offsets `yaml` gives.
 *
 * It only accepts what it can index exactly: block mappings and sequences indented by
 * spaces, one-line plain, quoted or flow scalars, no comments, anchors, tags, block
 * scalars or multi-line values, and no plain scalar whose type js-yaml and YAML 1.2's
 * core schema could resolve differently. For anything else it returns `undefined` and
 * the caller takes the document API, which also gives the exact error messages. A test
 * compares both paths' facts on the corpus, on a synthetic corpus and on generated YAML.
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
      if (part === 'key') return index.keys.get(key)
      if (part === 'pair') {
        const keyRange = index.keys.get(key)
        const valueRange = index.values.get(key)
        return keyRange ? {start: keyRange.start, end: valueRange?.end ?? keyRange.end} : undefined
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
}

const keyPattern = /^([A-Za-z$][A-Za-z0-9_$-]*):(?: +|$)/
const itemPattern = /^- +/
// Plain scalars whose type js-yaml and the YAML 1.2 core schema may resolve differently
// (underscores in numbers, binary), or that need care: fall back.
const riskyPlain = /^[-+]?(?:0b|[0-9.]*_)|^[-?:,[\]{}#&*!|>'"%@`]|: | #|:$/i

class Unsupported extends Error {}

/** Index a block-style YAML text, or `undefined` when it uses anything else. */
export function indexBlockYaml(text: string): RangeIndex | undefined {
  const lines: Line[] = []
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0
    const content = match[1] ?? ''
    if (content === '' && (match[2] ?? '') === '') break
    if (/[\t#]/.test(content) || content.trim() === '' || /^(?:---|\.\.\.)(?:\s|$)/.test(content)) {
      // Tabs, comments, blank lines and document markers: the document API decides.
      return undefined
    }
    const indent = content.length - content.trimStart().length
    lines.push({start, textEnd: start + content.length, end: start + match[0].length, indent, text: content})
  }
  if (lines.length === 0) return undefined
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
    if (valueColumn < line.text.length) {
      index.values.set(keyPath, scalarRange(line, valueColumn))
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
    index.values.set(keyPath, {start: nested.start + nested.indent, end: (lines[end - 1] as Line).end})
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
      index.values.set(itemPath.join('/'), {start: line.start + contentColumn, end: (lines[end - 1] as Line).end})
      lineIndex = end
    } else {
      index.values.set(itemPath.join('/'), scalarRange(line, contentColumn))
      lineIndex++
    }
    item++
  }
  return lineIndex
}

/** The range of a one-line scalar or flow collection starting at `column` of `line`. */
function scalarRange(line: Line, column: number): Range {
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
    end = column + 1 + closeAt + 1
  } else {
    const value = text.slice(column).trimEnd()
    if (value === '' || riskyPlain.test(value)) throw new Unsupported()
    end = column + value.length
  }
  if (text.slice(end).trim() !== '') throw new Unsupported()
  return {start, end: line.start + end}
}
