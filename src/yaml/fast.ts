/**
 * The fast path for YAML in the canonical block style (every claim that the corpus and
 * `factlint split` write, and `measures.yaml`). One pass over the text builds both the
 * value and the ranges of the keys, values and list items that findings point at: the
 * value is exactly what js-yaml's `load` with its core schema gives after `toPlain`
 * (objects without prototype), the ranges are the offsets `yaml`'s document API gives.
 * It used to index the lines and then have js-yaml read the text a second time; js-yaml
 * is now only the oracle of the tests.
 *
 * It only accepts what it can read exactly: block mappings and sequences indented by
 * spaces; one-line plain or quoted scalars, or flat flow collections of them; a mapping
 * value written as a literal or folded block scalar (`|`, `>-`, …) whose lines are all
 * indented alike;
 * whole-line comments indented like the line after them. No blank lines, anchors, tags,
 * comments after a value, multi-line flow or quoted values, or duplicate keys. Plain
 * scalars resolve as in js-yaml's core schema: `~`, `null`, `Null`, `NULL` to null; `true`,
 * `True`, `TRUE` and the same `false`s to booleans; decimal, `0x` and `0o` integers and
 * floats (`.5`, `1e3`, `.inf`, `.NaN`) to numbers; anything else (`yes`, `on`, `2024-01-02`)
 * stays a string. It declines any scalar or key on which js-yaml and `yaml` (YAML 1.2's
 * core schema) could disagree: underscores and `0b` in numbers, a sign before `.5`, `0x`
 * or `0o`, numbers too large for a double, keys js-yaml renames (`True:` is `true`),
 * control characters, unpaired surrogates, U+2028, and white space other than spaces at
 * the edge of a scalar (which JavaScript trims and YAML keeps); also double-quoted
 * escapes that js-yaml rejects. For anything else it returns `undefined` and the caller
 * takes the document API, which also gives the exact error messages. Tests compare the
 * value with js-yaml's and every range with `yaml`'s on the corpus, on synthetic corpora
 * and on generated YAML (test/yaml/one-pass.test.ts, fast-index.test.ts, fast.test.ts).
 */
import type {NodePart} from './parse.js'

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
  const parsed = parseBlockYaml(text)
  if (!parsed) return undefined
  const tree = parsed.tree
  return {value: parsed.value, locate: (path, part = 'value') => tree.locate(path, part)}
}

/** Index a block-style YAML text, or `undefined` when it uses anything else. */
export function indexBlockYaml(text: string): RangeIndex | undefined {
  return parseBlockYaml(text)?.tree.toIndex()
}

function parseBlockYaml(text: string): {value: unknown; tree: RangeTree} | undefined {
  const parser = new BlockParser(text)
  try {
    return {value: parser.parse(), tree: parser.tree}
  } catch (error) {
    if (error === unsupported) return undefined
    throw error
  }
}

class Unsupported extends Error {}
// Thrown as it is, so that declining a text captures no stack trace.
const unsupported = new Unsupported('outside the fast YAML path')

// js-yaml stops at 100 nested nodes; frontmatter never comes near.
const maxDepth = 50

// The ranges, as a tree of nodes in one array of numbers: six per node.
const KEY_START = 0
const KEY_END = 1
const VALUE_START = 2
const VALUE_END = 3
const FIRST_CHILD = 4
const NEXT_SIBLING = 5
const FIELDS = 6
// Past this many children, a lookup in a mapping or sequence builds a table.
const walkLimit = 16

/**
 * Every mapping entry and list item with the ranges of its key (`-1` for an item) and
 * value, linked to its parent's other children. Node 0 is the root.
 */
class RangeTree {
  readonly fields: number[] = [-1, -1, -1, -1, -1, -1]
  readonly keys: Array<string | undefined> = [undefined]
  private tables: Map<number, Map<string, number> | number[]> | undefined

  /** A new child of `parent` after `previous` (`-1` for the first); `key` is `undefined` for a list item. */
  add(parent: number, previous: number, key: string | undefined, keyStart: number): number {
    const node = this.keys.length
    this.keys.push(key)
    this.fields.push(keyStart, key === undefined ? -1 : keyStart + key.length, -1, -1, -1, -1)
    if (previous === -1) this.fields[parent * FIELDS + FIRST_CHILD] = node
    else this.fields[previous * FIELDS + NEXT_SIBLING] = node
    return node
  }

  setValue(node: number, start: number, end: number): void {
    this.fields[node * FIELDS + VALUE_START] = start
    this.fields[node * FIELDS + VALUE_END] = end
  }

  locate(path: readonly string[], part: NodePart): Range | undefined {
    if (path.length === 0) return undefined
    let node = 0
    for (const segment of path) {
      node = this.child(node, segment)
      if (node === -1) return undefined
    }
    const base = node * FIELDS
    const fields = this.fields
    // A list item has no key: like `nodeAt`, give the item itself.
    if (part === 'value' || fields[base + KEY_START] === -1) return {start: fields[base + VALUE_START] as number, end: fields[base + VALUE_END] as number}
    return {start: fields[base + KEY_START] as number, end: fields[base + (part === 'key' ? KEY_END : VALUE_END)] as number}
  }

  private child(node: number, segment: string): number {
    const fields = this.fields
    const first = fields[node * FIELDS + FIRST_CHILD] as number
    if (first === -1) return -1
    const isMapping = this.keys[first] !== undefined
    const wanted = isMapping ? -1 : listIndex(segment)
    if (!isMapping && wanted === -1) return -1
    const table = this.tables?.get(node)
    if (table) return (Array.isArray(table) ? table[wanted] : table.get(segment)) ?? -1
    let count = 0
    for (let child = first; child !== -1; child = fields[child * FIELDS + NEXT_SIBLING] as number) {
      if (isMapping ? this.keys[child] === segment : count === wanted) return child
      if (++count === walkLimit) return this.buildTable(node, isMapping, segment, wanted)
    }
    return -1
  }

  /** A large mapping or sequence (`measures:` of a big registry): look its children up in a table. */
  private buildTable(node: number, isMapping: boolean, segment: string, wanted: number): number {
    const fields = this.fields
    const byKey = new Map<string, number>()
    const byIndex: number[] = []
    for (let child = fields[node * FIELDS + FIRST_CHILD] as number; child !== -1; child = fields[child * FIELDS + NEXT_SIBLING] as number) {
      if (isMapping) byKey.set(this.keys[child] as string, child)
      else byIndex.push(child)
    }
    this.tables ??= new Map()
    this.tables.set(node, isMapping ? byKey : byIndex)
    return (isMapping ? byKey.get(segment) : byIndex[wanted]) ?? -1
  }

  /** The ranges by path, as `indexBlockYaml` gives them. */
  toIndex(): RangeIndex {
    const index: RangeIndex = {values: new Map(), keys: new Map()}
    const fields = this.fields
    const visit = (node: number, prefix: string): void => {
      let item = 0
      for (let child = fields[node * FIELDS + FIRST_CHILD] as number; child !== -1; child = fields[child * FIELDS + NEXT_SIBLING] as number) {
        const base = child * FIELDS
        const path = prefix + (this.keys[child] ?? String(item++))
        if (fields[base + KEY_START] !== -1) index.keys.set(path, {start: fields[base + KEY_START] as number, end: fields[base + KEY_END] as number})
        index.values.set(path, {start: fields[base + VALUE_START] as number, end: fields[base + VALUE_END] as number})
        visit(child, `${path}/`)
      }
    }
    visit(0, '')
    return index
  }
}

/** `'12'` → 12; anything that `String(index)` does not give → -1. */
function listIndex(segment: string): number {
  const length = segment.length
  if (length === 0 || length > 9 || (length > 1 && segment.charCodeAt(0) === 0x30)) return -1
  let index = 0
  for (let position = 0; position < length; position++) {
    const digit = segment.charCodeAt(position) - 0x30
    if (digit < 0 || digit > 9) return -1
    index = index * 10 + digit
  }
  return index
}

/**
 * A recursive descent over the lines of the text. It holds the current content line (the
 * next one that is not a comment): where it starts, its indentation (-1 at the end of the
 * text), where its text ends and where its line ending ends.
 */
class BlockParser {
  readonly tree = new RangeTree()
  private readonly text: string
  private readonly length: number
  private lineStart = 0
  private indent = 0
  private textEnd = 0
  private lineEnd = 0
  /** Where the last node read ends: after its line ending, or after its block scalar's last line. */
  private lastEnd = 0
  /** Where the last scalar read ends. */
  private scalarEnd = 0
  private depth = 0
  private readonly hasCarriageReturn: boolean
  /** The first `#` at or after the last line read (or the end of the text). */
  private nextHash: number

  constructor(text: string) {
    this.text = text
    this.length = text.length
    this.hasCarriageReturn = text.includes('\r')
    this.nextHash = indexOrEnd(text, '#', 0)
  }

  parse(): unknown {
    // Tabs, and the characters js-yaml rejects (controls, unpaired surrogates, U+FFFE) or
    // Unicode line separators, which only some parsers end a line at.
    if (forbiddenCharacter.test(this.text) || !(this.text as WellFormed).isWellFormed()) throw unsupported
    this.advance(0)
    if (this.indent === -1) throw unsupported
    return this.parseMap(0, 0, 0)
  }

  /**
   * Move to the first content line at or after offset `from` (a line start), past comment
   * lines. `yaml` gives a comment line to the node that follows it when both are indented
   * alike; elsewhere it may widen the range of the node before it: such comments decline.
   */
  private advance(from: number): void {
    const text = this.text
    const length = this.length
    let commentIndent = -1
    while (from < length) {
      let position = from
      while (text.charCodeAt(position) === 0x20) position++
      const indent = position - from
      const code = text.charCodeAt(position)
      // Blank lines, and other white space where `yaml` and js-yaml could disagree.
      if (position >= length || code === 0x0a || code === 0x0d || isOtherSpace(code)) throw unsupported
      const isComment = code === 0x23
      const textEnd = this.scanLine(isComment ? position + 1 : position, isComment)
      if (commentIndent !== -1 && commentIndent !== indent) throw unsupported
      if (isComment) {
        commentIndent = indent
        from = this.endOfLine(textEnd)
        continue
      }
      this.lineStart = from
      this.indent = indent
      this.textEnd = textEnd
      this.lineEnd = this.endOfLine(textEnd)
      return
    }
    // Comments after the last value stay outside every range only at the left margin.
    if (commentIndent > 0) throw unsupported
    this.lineStart = this.textEnd = this.lineEnd = length
    this.indent = -1
  }

  /**
   * The end of the line's text from `position`. Declines a `#` (a comment after a value,
   * or one inside it) unless `hashes`.
   */
  private scanLine(position: number, hashes: boolean): number {
    const text = this.text
    let end: number
    if (this.hasCarriageReturn) {
      end = position
      for (let code = text.charCodeAt(end); end < this.length && code !== 0x0a && code !== 0x0d; code = text.charCodeAt(++end));
    } else {
      end = text.indexOf('\n', position)
      if (end === -1) end = this.length
    }
    if (!hashes) {
      if (this.nextHash < position) this.nextHash = indexOrEnd(text, '#', position)
      if (this.nextHash < end) throw unsupported
    }
    return end
  }

  /** After the line ending at `textEnd` (`\n`, `\r\n` or `\r`), or the end of the text. */
  private endOfLine(textEnd: number): number {
    if (textEnd >= this.length) return this.length
    return this.text.charCodeAt(textEnd) === 0x0d && this.text.charCodeAt(textEnd + 1) === 0x0a ? textEnd + 2 : textEnd + 1
  }

  /**
   * A block mapping whose keys start at `column`; the first key may start mid-line (after
   * `- `), at `keyColumn` of the current line. Its entries become children of `parent`.
   */
  private parseMap(column: number, keyColumn: number, parent: number): Record<string, unknown> {
    if (++this.depth > maxDepth) throw unsupported
    const text = this.text
    const object = nullObject()
    let previous = -1
    while (true) {
      const textEnd = this.textEnd
      const keyStart = this.lineStart + keyColumn
      const keyEnd = keyEndAt(text, keyStart, textEnd)
      if (keyEnd === -1) throw unsupported
      let position = keyEnd + 1
      while (position < textEnd && text.charCodeAt(position) === 0x20) position++
      const key = text.slice(keyStart, keyEnd)
      if (isRenamedKey(key) || object[key] !== undefined) throw unsupported
      const node = this.tree.add(parent, previous, key, keyStart)
      previous = node
      if (position < textEnd) {
        const code = text.charCodeAt(position)
        if ((code === 0x7c || code === 0x3e) && isBlockIndicator(text, position + 1, textEnd)) {
          object[key] = this.blockScalar(position, keyColumn, node)
        } else {
          object[key] = this.scalar(position, textEnd, node)
          this.lastEnd = this.lineEnd
          this.advance(this.lineEnd)
        }
      } else {
        // `key:` alone: a nested block (sequence or mapping) on the following lines. A key
        // without value (null) declines: the document API knows its exact range.
        this.advance(this.lineEnd)
        const indent = this.indent
        if (indent <= keyColumn) throw unsupported
        const start = this.lineStart + indent
        object[key] = text.charCodeAt(start) === 0x2d && text.charCodeAt(start + 1) === 0x20 ? this.parseSeq(indent, node) : this.parseMap(indent, indent, node)
        this.tree.setValue(node, start, this.lastEnd)
      }
      if (this.indent < column) break
      if (this.indent !== column) throw unsupported
      keyColumn = column
    }
    this.depth--
    return object
  }

  /** A block sequence whose `- ` markers are at `column`. */
  private parseSeq(column: number, parent: number): unknown[] {
    if (++this.depth > maxDepth) throw unsupported
    const text = this.text
    const items: unknown[] = []
    let previous = -1
    while (true) {
      const textEnd = this.textEnd
      const dash = this.lineStart + column
      if (text.charCodeAt(dash) !== 0x2d || text.charCodeAt(dash + 1) !== 0x20) throw unsupported
      let position = dash + 2
      while (position < textEnd && text.charCodeAt(position) === 0x20) position++
      const node = this.tree.add(parent, previous, undefined, -1)
      previous = node
      if (keyEndAt(text, position, textEnd) !== -1) {
        const contentColumn = position - this.lineStart
        items.push(this.parseMap(contentColumn, contentColumn, node))
        this.tree.setValue(node, position, this.lastEnd)
      } else {
        items.push(this.scalar(position, textEnd, node))
        this.lastEnd = this.lineEnd
        this.advance(this.lineEnd)
      }
      if (this.indent < column) break
      if (this.indent !== column) throw unsupported
    }
    this.depth--
    return items
  }

  /**
   * A literal or folded block scalar whose indicator is at `position`, as a mapping value
   * whose key is at `keyColumn`. Its lines are those indented deeper than the key, all by
   * the same amount, so that folding has no more-indented lines to keep and both parsers
   * read one value; with no blank lines, keeping (`+`) and clipping add one line break.
   */
  private blockScalar(position: number, keyColumn: number, node: number): string {
    const text = this.text
    const length = this.length
    const folded = text.charCodeAt(position) === 0x3e
    const strip = text.charCodeAt(position + 1) === 0x2d
    let value = ''
    let contentIndent = -1
    let from = this.lineEnd
    while (from < length) {
      let start = from
      while (text.charCodeAt(start) === 0x20) start++
      const code = text.charCodeAt(start)
      if (start >= length || code === 0x0a || code === 0x0d || isOtherSpace(code)) throw unsupported
      const indent = start - from
      if (indent <= keyColumn) break
      if (contentIndent === -1) contentIndent = indent
      else if (indent !== contentIndent) throw unsupported
      const textEnd = this.scanLine(start, true)
      const line = text.slice(start, textEnd)
      value = from === this.lineEnd ? line : value + (folded ? ' ' : '\n') + line
      from = this.endOfLine(textEnd)
    }
    if (contentIndent === -1) throw unsupported
    this.tree.setValue(node, position, from)
    this.lastEnd = from
    this.advance(from)
    return strip ? value : `${value}\n`
  }

  /**
   * A one-line scalar or flat flow collection at `position` of the current line, which
   * must end the line; its range is set on `node`.
   */
  private scalar(position: number, textEnd: number, node: number): unknown {
    const text = this.text
    if (position >= textEnd) throw unsupported
    const code = text.charCodeAt(position)
    let value: unknown
    let end: number
    if (code === 0x22) {
      value = this.doubleQuoted(position, textEnd)
      end = this.scalarEnd
    } else if (code === 0x27) {
      value = this.singleQuoted(position, textEnd)
      end = this.scalarEnd
    } else if (code === 0x5b || code === 0x7b) {
      value = this.flow(position, textEnd, node)
      end = this.scalarEnd
    } else {
      end = textEnd
      while (text.charCodeAt(end - 1) === 0x20) end--
      if (isOtherSpace(text.charCodeAt(end - 1))) throw unsupported
      const source = text.slice(position, end)
      if (isRiskyPlain(source)) throw unsupported
      value = resolvePlain(source)
    }
    for (let after = end; after < textEnd; after++) if (text.charCodeAt(after) !== 0x20) throw unsupported
    this.tree.setValue(node, position, end)
    return value
  }

  private doubleQuoted(position: number, textEnd: number): string {
    const text = this.text
    let value = ''
    let segment = position + 1
    let at = segment
    while (true) {
      if (at >= textEnd) throw unsupported
      const code = text.charCodeAt(at)
      if (code === 0x22) break
      if (code !== 0x5c) {
        at++
        continue
      }
      value += text.slice(segment, at)
      const escape = at + 1 < textEnd ? text.charCodeAt(at + 1) : -1
      const simple = escape >= 0 && escape < 0x80 ? simpleEscapes[escape] : undefined
      if (simple !== undefined) {
        value += simple
        at += 2
      } else {
        const digits = escape === 0x78 ? 2 : escape === 0x75 ? 4 : escape === 0x55 ? 8 : 0
        if (digits === 0 || at + 2 + digits > textEnd) throw unsupported
        let codePoint = 0
        for (let digit = at + 2; digit < at + 2 + digits; digit++) {
          const hex = hexValue(text.charCodeAt(digit))
          if (hex === -1) throw unsupported
          codePoint = codePoint * 16 + hex
        }
        // js-yaml's arithmetic overflows past U+10FFFF: the document API decides.
        if (codePoint > 0x10ffff) throw unsupported
        value += String.fromCodePoint(codePoint)
        at += 2 + digits
      }
      segment = at
    }
    this.scalarEnd = at + 1
    return segment === position + 1 ? text.slice(segment, at) : value + text.slice(segment, at)
  }

  private singleQuoted(position: number, textEnd: number): string {
    const text = this.text
    let value = ''
    let segment = position + 1
    let at = segment
    while (true) {
      if (at >= textEnd) throw unsupported
      if (text.charCodeAt(at) === 0x27) {
        if (text.charCodeAt(at + 1) !== 0x27) break
        // `''` is one quote.
        value += text.slice(segment, at + 1)
        at += 2
        segment = at
      } else {
        at++
      }
    }
    this.scalarEnd = at + 1
    return value + text.slice(segment, at)
  }

  /**
   * A flat flow collection on one line (`[a, b]`, `{min: 1, max: 2}`,
   * `{min: "1960", max: "1979"}`): one-line plain or quoted scalars, and for a mapping
   * `key: value` pairs with plain keys; its items become children of `node`. Nested
   * collections, empty items and anything after a quoted scalar but `,` or the closing
   * bracket decline.
   */
  private flow(position: number, textEnd: number, node: number): unknown[] | Record<string, unknown> {
    const text = this.text
    const isMapping = text.charCodeAt(position) === 0x7b
    const close = isMapping ? 0x7d : 0x5d
    const object = isMapping ? nullObject() : undefined
    const items: unknown[] = []
    let at = position + 1
    while (text.charCodeAt(at) === 0x20) at++
    if (at >= textEnd) throw unsupported
    if (text.charCodeAt(at) === close) {
      this.scalarEnd = at + 1
      return object ?? items
    }
    let previous = -1
    while (true) {
      let key: string | undefined
      let valueStart = at
      if (object) {
        const keyEnd = keyEndAt(text, at, textEnd)
        if (keyEnd === -1 || keyEnd + 1 >= textEnd || text.charCodeAt(keyEnd + 1) !== 0x20) throw unsupported
        key = text.slice(at, keyEnd)
        if (isRenamedKey(key) || object[key] !== undefined) throw unsupported
        valueStart = keyEnd + 2
        while (text.charCodeAt(valueStart) === 0x20) valueStart++
      }
      let value: unknown
      let valueEnd: number
      let after: number
      const first = text.charCodeAt(valueStart)
      if (first === 0x22 || first === 0x27) {
        value = first === 0x22 ? this.doubleQuoted(valueStart, textEnd) : this.singleQuoted(valueStart, textEnd)
        valueEnd = this.scalarEnd
        after = valueEnd
      } else {
        after = valueStart
        while (after < textEnd && text.charCodeAt(after) !== 0x2c && !isFlowStop(text.charCodeAt(after))) after++
        valueEnd = after
        while (valueEnd > valueStart && text.charCodeAt(valueEnd - 1) === 0x20) valueEnd--
        // Empty items (`[a, , b]`, `{a: }`) decline.
        if (valueEnd === valueStart || isOtherSpace(text.charCodeAt(valueStart)) || isOtherSpace(text.charCodeAt(valueEnd - 1))) throw unsupported
        value = flowPlain(text.slice(valueStart, valueEnd))
      }
      const child = this.tree.add(node, previous, key, key === undefined ? -1 : at)
      previous = child
      this.tree.setValue(child, valueStart, valueEnd)
      if (object) object[key as string] = value
      else items.push(value)
      while (text.charCodeAt(after) === 0x20) after++
      if (after >= textEnd) throw unsupported
      const stop = text.charCodeAt(after)
      if (stop === close) {
        this.scalarEnd = after + 1
        return object ?? items
      }
      if (stop !== 0x2c) throw unsupported
      at = after + 1
      while (text.charCodeAt(at) === 0x20) at++
      // A trailing comma (`[a,]`) or an empty item (`[a,,b]`) declines.
      if (at >= textEnd || text.charCodeAt(at) === 0x2c || text.charCodeAt(at) === close) throw unsupported
    }
  }
}

/**
 * An object without prototype, like `toPlain`'s, so that a `constructor:` key is an
 * ordinary property. `Object.create(null)` makes a dictionary-mode object in V8; an empty
 * literal given a null prototype before its first property stays in fast mode, which the
 * schema validation and the rules then read faster (about 3% of `check` on 10,000 claims).
 */
function nullObject(): Record<string, unknown> {
  const object = {}
  Object.setPrototypeOf(object, null)
  return object as Record<string, unknown>
}

// Node 20 has `isWellFormed` (ES2024), the project's `lib` (ES2023) does not list it yet.
type WellFormed = string & {isWellFormed(): boolean}
const forbiddenCharacter = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u2028\u2029\ufffe\uffff]/

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from)
  return index === -1 ? text.length : index
}

/**
 * Where the `:` after a key at `start` is, when a key (`[A-Za-z$][A-Za-z0-9_$-]*`)
 * followed by `:` and a space or the end of the line starts there; otherwise -1.
 */
function keyEndAt(text: string, start: number, textEnd: number): number {
  let code = text.charCodeAt(start)
  if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x24) || start >= textEnd) return -1
  let position = start + 1
  for (; position < textEnd; position++) {
    code = text.charCodeAt(position)
    if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x24 || code === 0x5f || code === 0x2d)) break
  }
  if (position >= textEnd || code !== 0x3a) return -1
  if (position + 1 < textEnd && text.charCodeAt(position + 1) !== 0x20) return -1
  return position
}

/** `[|>][+-]?` then the end of the line: `key: |`, `key: >-`. Indentation indicators (`|2`) and comments decline. */
function isBlockIndicator(text: string, after: number, textEnd: number): boolean {
  if (after === textEnd) return true
  const code = text.charCodeAt(after)
  return after + 1 === textEnd && (code === 0x2b || code === 0x2d)
}

/** Keys that js-yaml resolves to a value whose string differs (`True:` is the key `true`). */
function isRenamedKey(key: string): boolean {
  const length = key.length
  if (length !== 4 && length !== 5) return false
  return key === 'True' || key === 'TRUE' || key === 'Null' || key === 'NULL' || key === 'False' || key === 'FALSE'
}

/** Quotes and brackets end the flat flow collections this path reads. */
function isFlowStop(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d
}

/** White space that JavaScript trims and YAML does not (no-break space, U+2000…, BOM). */
function isOtherSpace(code: number): boolean {
  if (code < 0xa0) return code === 0x0b || code === 0x0c
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/**
 * Plain scalars whose type js-yaml and the YAML 1.2 core schema may resolve differently
 * (underscores in numbers, binary), or that need care (indicators, `: `, a final `:`).
 */
function isRiskyPlain(source: string): boolean {
  const first = source.charCodeAt(0)
  switch (first) {
    case 0x2d: case 0x3f: case 0x3a: case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x23: case 0x26: // - ? : , [ ] { } # &
    case 0x2a: case 0x21: case 0x7c: case 0x3e: case 0x27: case 0x22: case 0x25: case 0x40: case 0x60: // * ! | > ' " % @ `
      return true
  }
  let position = first === 0x2b ? 1 : 0
  if (source.charCodeAt(position) === 0x30 && (source.charCodeAt(position + 1) | 0x20) === 0x62) return true
  for (let code = source.charCodeAt(position); (code >= 0x30 && code <= 0x39) || code === 0x2e; code = source.charCodeAt(++position));
  if (source.charCodeAt(position) === 0x5f) return true
  // (A ` #` never comes here: a value line with a `#` declines.)
  return source.includes(': ') || source.charCodeAt(source.length - 1) === 0x3a
}

/** A plain scalar inside a flow collection; `:` declines. */
function flowPlain(source: string): unknown {
  if (source.includes(':') || isRiskyPlain(source)) throw unsupported
  return resolvePlain(source)
}

/**
 * js-yaml's core schema: null, bool, int, float, in that order; otherwise the string.
 * Numbers on which `yaml`'s core schema differs decline: a sign before `.5`, `0x` or `0o`
 * (`+.5` is a string to js-yaml, `+0x1F` one to `yaml`), and numbers too large for a
 * double (a string to js-yaml, Infinity to `yaml`).
 */
function resolvePlain(source: string): unknown {
  const length = source.length
  const first = source.charCodeAt(0)
  if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) {
    if ((first === 0x2b || first === 0x2d) && signedRadixOrFraction.test(source)) throw unsupported
    if (isYamlInteger(source)) return yamlInteger(source)
    if (isYamlFloat(source)) return yamlFloat(source)
    if (yamlFloatPattern.test(source) || radixInteger.test(source)) throw unsupported
    return source
  }
  if (length === 1) return first === 0x7e ? null : source
  if (length === 4) {
    if (source === 'null' || source === 'Null' || source === 'NULL') return null
    if (source === 'true' || source === 'True' || source === 'TRUE') return true
  } else if (length === 5 && (source === 'false' || source === 'False' || source === 'FALSE')) {
    return false
  }
  return source
}

// js-yaml 4's `int` and `float` types (lib/type/int.js, float.js), to the letter.
function isYamlInteger(data: string): boolean {
  const max = data.length
  let index = 0
  let hasDigits = false
  let code = data.charCodeAt(index)
  if (code === 0x2d || code === 0x2b) code = data.charCodeAt(++index)
  if (code === 0x30) {
    if (index + 1 === max) return true
    code = data.charCodeAt(++index)
    const digitsOf = code === 0x62 ? isBinaryCode : code === 0x78 ? isHexCode : code === 0x6f ? isOctalCode : undefined
    if (digitsOf) {
      for (index++; index < max; index++) {
        if (!digitsOf(data.charCodeAt(index))) return false
        hasDigits = true
      }
      return hasDigits && Number.isFinite(yamlInteger(data))
    }
  }
  for (; index < max; index++) {
    const digit = data.charCodeAt(index)
    if (digit < 0x30 || digit > 0x39) return false
    hasDigits = true
  }
  return hasDigits && Number.isFinite(yamlInteger(data))
}

function yamlInteger(data: string): number {
  let value = data
  let sign = 1
  let code = value.charCodeAt(0)
  if (code === 0x2d || code === 0x2b) {
    if (code === 0x2d) sign = -1
    value = value.slice(1)
    code = value.charCodeAt(0)
  }
  if (value === '0') return 0
  if (code === 0x30) {
    const base = value.charCodeAt(1)
    if (base === 0x62) return sign * parseInt(value.slice(2), 2)
    if (base === 0x78) return sign * parseInt(value.slice(2), 16)
    if (base === 0x6f) return sign * parseInt(value.slice(2), 8)
  }
  return sign * parseInt(value, 10)
}

function isBinaryCode(code: number): boolean {
  return code === 0x30 || code === 0x31
}

function isOctalCode(code: number): boolean {
  return code >= 0x30 && code <= 0x37
}

function isHexCode(code: number): boolean {
  return hexValue(code) !== -1
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  const lower = code | 0x20
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1
}

const yamlFloatPattern = /^(?:[-+]?(?:[0-9]+)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
const signedRadixOrFraction = /^[-+](?:\.[0-9]|0[xo])/
const radixInteger = /^0(?:x[0-9a-fA-F]+|o[0-7]+)$/
const yamlFloatSpecialPattern = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/

function isYamlFloat(data: string): boolean {
  return yamlFloatPattern.test(data) && (Number.isFinite(parseFloat(data)) || yamlFloatSpecialPattern.test(data))
}

function yamlFloat(data: string): number {
  let value = data.toLowerCase()
  const sign = value.charCodeAt(0) === 0x2d ? -1 : 1
  if (value.charCodeAt(0) === 0x2b || value.charCodeAt(0) === 0x2d) value = value.slice(1)
  if (value === '.inf') return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
  if (value === '.nan') return Number.NaN
  return sign * parseFloat(value)
}

/** Double-quoted escapes of one character (js-yaml's `simpleEscapeSequence`). */
const simpleEscapes: Array<string | undefined> = []
for (const [escape, character] of Object.entries({
  '0': '\x00', a: '\x07', b: '\x08', t: '\x09', '\t': '\x09', n: '\x0A', v: '\x0B', f: '\x0C', r: '\x0D', e: '\x1B',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xA0', L: '\u2028', P: '\u2029'
})) {
  simpleEscapes[escape.charCodeAt(0)] = character
}
