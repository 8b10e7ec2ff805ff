/**
 * The fast path's line index against `yaml`'s document API, node by node: for every key,
 * value and list item of generated block-style YAML (nested mappings and sequences,
 * block scalars, comment lines at every indentation, CRLF), the index gives the range
 * `nodeAt` gives, or declines the whole text. And js-yaml's value equals `yaml`'s.
 */
import fc from 'fast-check'
import {isMap, isScalar, isSeq, type Document} from 'yaml'
import {describe, expect, it} from 'vitest'
import {lineStartsOf} from '../../src/pipeline/positions.js'
import {indexBlockYaml, parseYamlFast} from '../../src/yaml/fast.js'
import {nodeAt, parseYaml, type NodePart} from '../../src/yaml/parse.js'

type Tree =
  | {kind: 'map'; entries: Array<[string, Tree]>}
  | {kind: 'seq'; items: Tree[]}
  | {kind: 'scalar'; text: string}
  | {kind: 'block'; indicator: string; lines: string[]; extraIndent: number}

const keyNames = ['id', 'label', 'kind', 'disputed', 'note', 'check', 'measures', 'relations', 'a-b', 'x1', '$schema', '__proto__']
// Scalars the index accepts, and some it declines (which must not hide the others).
const scalars = ['a', 'two words', '"p. 5"', "'it''s'", '2500', '0.1', '1e3', '-5', '1956-10-23', 'null', 'true', '~', 'yes', '0o17', '[a, b]', '[ a ,b ]', '[a]', '[]', '{}', '{min: 1, max: 2}', '{ min: 1 ,max:  x y }', '[a, "b"]', '{min: "1960", max: "1979"}', "['a, b', \"]\"]", '[ "x" , y ]', "{a: \"q\\\"r\", b: ''}",
  // Numbers, booleans and nulls in every spelling the core schema knows, and escapes.
  '0x1F', '.5', '1.', '+1', '0123', '.inf', '+.inf', '.NaN', 'True', 'FALSE', 'NULL', '[0x1F, .5, True, ~]', '{min: .5, max: +1}', "''", '""', '"a\\tb \\u00e9 \\x41 \\U0001F600"']
const declinedScalars = ['"a # b"', '1_000', 'a: b', "'x", '', '[a, b,]', '[a, , b]', '[a:b]', '{a}', '{a: 1, a: 2}', '["a":b]', '["a" b]', '[a, [b]]', '{"a": 1}', '+.5', '+0x1F', '1e400', '"\\q"', '{True: 1}']
const blockLines = ['text', 'more text', 'a # not a comment', 'key: value', '- item', '"quoted', "it's", '# hash']

const {map: mapping} = fc.letrec<{tree: Tree; map: Tree; seq: Tree; leaf: Tree}>((tie) => ({
  leaf: fc.oneof(
    {weight: 3, arbitrary: fc.constantFrom(...scalars).map((text): Tree => ({kind: 'scalar', text}))},
    {weight: 1, arbitrary: fc.constantFrom(...declinedScalars).map((text): Tree => ({kind: 'scalar', text}))},
    {
      weight: 1,
      arbitrary: fc
        .record({
          indicator: fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '>-', '|2', '> '),
          lines: fc.array(fc.constantFrom(...blockLines), {minLength: 1, maxLength: 3}),
          extraIndent: fc.constantFrom(1, 2, 2, 4)
        })
        .map((block): Tree => ({kind: 'block', ...block}))
    }
  ),
  map: fc
    .uniqueArray(fc.tuple(fc.constantFrom(...keyNames), tie('tree')), {minLength: 1, maxLength: 4, selector: ([key]) => key})
    .map((entries): Tree => ({kind: 'map', entries})),
  seq: fc.array(tie('tree'), {minLength: 1, maxLength: 3}).map((items): Tree => ({kind: 'seq', items})),
  tree: fc.oneof({depthSize: 'small', withCrossShrink: true}, tie('leaf'), tie('map'), tie('seq'))
}))

interface Style {
  step: number
  dash: string
  /** Indent a sequence under its key (`key:\n  - a`) or not (`key:\n- a`, which the index declines). */
  indentSequences: boolean
}

function render(node: Tree, indent: number, style: Style): string[] {
  const pad = ' '.repeat(indent)
  if (node.kind === 'map') {
    const lines: string[] = []
    for (const [key, value] of node.entries) lines.push(...renderEntry(`${pad}${key}:`, indent, value, style))
    return lines
  }
  if (node.kind === 'seq') {
    const lines: string[] = []
    for (const item of node.items) {
      if (item.kind === 'map') {
        const [first, ...rest] = render(item, indent + style.dash.length, style)
        lines.push(`${pad}${style.dash}${(first ?? '').trimStart()}`, ...rest)
      } else if (item.kind === 'scalar') {
        lines.push(`${pad}${style.dash}${item.text}`.trimEnd())
      } else {
        lines.push(...renderEntry(`${pad}-`, indent, item, style))
      }
    }
    return lines
  }
  return [`${pad}${node.kind === 'scalar' ? node.text : node.indicator}`]
}

function renderEntry(head: string, indent: number, value: Tree, style: Style): string[] {
  if (value.kind === 'scalar') return [`${head} ${value.text}`.trimEnd()]
  if (value.kind === 'block') {
    return [`${head} ${value.indicator}`, ...value.lines.map((line) => `${' '.repeat(indent + value.extraIndent)}${line}`)]
  }
  const nestedIndent = value.kind === 'seq' && !style.indentSequences ? indent : indent + style.step
  return [head, ...render(value, nestedIndent, style)]
}

/** Insert comment lines: indented like the next line, at the margin, or elsewhere. */
function withComments(lines: string[], comments: Array<{at: number; indent: 'next' | 'margin' | 'deeper'}>): string[] {
  const out = [...lines]
  for (const {at, indent} of [...comments].sort((a, b) => b.at - a.at)) {
    const position = at % (out.length + 1)
    const next = out[position]
    const nextIndent = next === undefined ? 0 : next.length - next.trimStart().length
    const column = indent === 'next' ? nextIndent : indent === 'margin' ? 0 : nextIndent + 2
    out.splice(position, 0, `${' '.repeat(column)}# comment`)
  }
  return out
}

const document = fc
  .record({
    root: mapping,
    style: fc.record({step: fc.constantFrom(2, 2, 2, 4, 1), dash: fc.constantFrom('- ', '- ', '-   '), indentSequences: fc.constantFrom(true, true, true, false)}),
    comments: fc.array(fc.record({at: fc.nat(), indent: fc.constantFrom('next' as const, 'next' as const, 'next' as const, 'margin' as const, 'deeper' as const)}), {maxLength: 2}),
    newline: fc.constantFrom('\n', '\n', '\r\n'),
    finalNewline: fc.boolean()
  })
  .map(({root, style, comments, newline, finalNewline}) => withComments(render(root, 0, style), comments).join(newline) + (finalNewline ? newline : ''))

/** Every path of the document's nodes: mapping keys and sequence items, recursively. */
function documentPaths(node: unknown, path: string[], out: string[][]): string[][] {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue
      const keyPath = [...path, String(pair.key.value)]
      out.push(keyPath)
      documentPaths(pair.value, keyPath, out)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      out.push([...path, String(index)])
      documentPaths(item, [...path, String(index)], out)
    })
  }
  return out
}

function indexedPaths(text: string): string[][] {
  const index = indexBlockYaml(text)
  if (!index) return []
  return [...new Set([...index.keys.keys(), ...index.values.keys()])].map((key) => key.split('/'))
}

/** Compare the fast path with the document API on one text; true when it was indexed. */
function expectSameRanges(text: string): boolean {
  const fast = parseYamlFast(text)
  if (!fast) return false
  const parsed = parseYaml({text, offset: 0, lineStarts: lineStartsOf(text)})
  expect(parsed.problems, text).toEqual([])
  expect(fast.value, text).toEqual(parsed.value)
  const yamlDocument = parsed.document as Document.Parsed
  const paths = documentPaths(yamlDocument.contents, [], [])
  expect(indexedPaths(text).map((path) => path.join('/')).sort(), text).toEqual(paths.map((path) => path.join('/')).sort())
  for (const path of paths) {
    for (const part of ['value', 'key', 'pair'] as NodePart[]) {
      expect(fast.locate(path, part), `${part} of ${path.join('/')} in ${JSON.stringify(text)}`).toEqual(nodeAt(yamlDocument, path, part))
    }
  }
  return true
}

describe('fast YAML index', () => {
  it('gives every node the range of the document API, or declines', () => {
    let indexed = 0
    let withBlockScalar = 0
    let withComment = 0
    fc.assert(
      fc.property(document, (text) => {
        if (!expectSameRanges(text)) return
        indexed++
        if (/: [|>]/.test(text)) withBlockScalar++
        if (/^ *#/m.test(text)) withComment++
      }),
      {numRuns: 4000}
    )
    // Not a vacuous pass: many texts, with block scalars and comments, were indexed.
    expect(indexed).toBeGreaterThan(250)
    expect(withBlockScalar).toBeGreaterThan(50)
    expect(withComment).toBeGreaterThan(100)
  })

  it('indexes block scalars and comments where their ranges are certain', () => {
    const text = '# header\nm:\n  # before the first\n  a:\n    d: >-\n      two # lines\n      of text\n  # between\n  b: |\n    kept\nr:\n  - id: x\n    check: |-\n      c\n# end\n'
    expect(expectSameRanges(text)).toBe(true)
    const index = indexBlockYaml(text)
    expect(index?.values.get('m/a/d')).toEqual({start: text.indexOf('>-'), end: text.indexOf('  # between')})
    expect(index?.values.get('r/0')).toEqual({start: text.indexOf('id: x'), end: text.indexOf('# end')})
  })

  it('declines comments and block scalars whose ranges it cannot be sure of', () => {
    for (const yaml of [
      'a:\n  b: 1\n  # deeper than what follows\nc: 2',
      'a:\n  b: 1\n    # deeper than anything\nc: 2',
      'a: 1\n  # trailing, indented',
      'a: |2\n   explicit indentation',
      'a: >\n    more\n  less',
      'a: >\n  folded\n    more indented',
      'a: |\n  with\n\n  a blank line',
      'a: |\nb: empty block',
      'a: |  # comment after the indicator',
      'a:\n  - |\n    in a sequence'
    ]) {
      expect(indexBlockYaml(yaml), yaml).toBeUndefined()
    }
  })
})
