/**
 * The fast paths must give what remark gives: `splitFrontmatter` what remark-frontmatter
 * finds, and plain-prose runs what remark's text nodes are.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {markdownRuns, proseRuns} from '../../src/pipeline/parse-claim.js'
import {isPlainProse, splitFrontmatter} from '../../src/pipeline/split.js'

const withFrontmatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze()

/** What remark-frontmatter says: the yaml node's value and end offset, or nothing. */
function remarkSplit(text: string): {value: string; end: number} | undefined {
  const tree = withFrontmatter.parse(text) as Root
  const first = tree.children[0]
  if (first?.type !== 'yaml') return undefined
  return {value: first.value, end: first.position?.end.offset ?? -1}
}

function ourSplit(text: string): {value: string; end: number} | undefined {
  const split = splitFrontmatter(text)
  return split ? {value: text.slice(split.valueStart, split.valueEnd), end: split.end} : undefined
}

describe('splitFrontmatter', () => {
  const cases = [
    '---\nid: a\n---\nBody.\n',
    '---\r\nid: a\r\n---\r\nBody.',
    '---\rid: a\r---\rBody.',
    '---  \nid: a\n---\t \nBody.',
    '---\n---\nBody.',
    '---\n\n---\n',
    '---\nid: a\n',
    '---\nid: a\n----\nBody',
    '---js\nid: a\n---\n',
    ' ---\nid: a\n---\n',
    '---\nid: a\n---',
    '---\nid: a\n --- \n---\n',
    '--- x\nid: a\n---\n',
    '',
    '---',
    '---\n'
  ]
  for (const text of cases) {
    it(`agrees with remark-frontmatter on ${JSON.stringify(text)}`, () => {
      expect(ourSplit(text)).toEqual(remarkSplit(text))
    })
  }

  it('agrees with remark-frontmatter on generated files', () => {
    const piece = fc.constantFrom('---', '----', '--- ', '---\t', ' ---', 'id: a', 'x', '', ' ', '- b')
    const ending = fc.constantFrom('\n', '\r\n', '\r')
    const file = fc.array(fc.tuple(piece, ending), {maxLength: 8}).chain((lines) =>
      fc.constantFrom('', 'tail').map((tail) => lines.map(([line, end]) => line + end).join('') + tail)
    )
    fc.assert(
      fc.property(file, (text) => {
        expect(ourSplit(text)).toEqual(remarkSplit(text))
      }),
      {numRuns: 2000}
    )
  })
})

const bodyParser = unified().use(remarkParse).freeze()

describe('plain prose runs', () => {
  it('equal remark text nodes for every body of the real corpus', () => {
    const root = path.resolve('corpus/claims')
    let plain = 0
    let total = 0
    for (const file of readdirSync(root, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.md'))) {
      const text = readFileSync(path.join(root, file), 'utf8')
      const split = splitFrontmatter(text)
      if (!split) continue
      const body = text.slice(split.end).replace(/^(\r\n|\n|\r)/, '')
      total++
      if (isPlainProse(body)) plain++
      expect(proseRuns(body, 0), file).toEqual(markdownRuns(body, 0))
    }
    expect(total).toBeGreaterThan(100)
    // Most claims take the fast path; the test is only meaningful if they do.
    expect(plain / total).toBeGreaterThan(0.9)
  })

  it('equal remark text nodes for generated prose', () => {
    const word = fc.constantFrom('Nagy', 'was', 'executed', 'in', '1958', '[@lendvai2008, p. 5]', '“Russians Go Home”', '2,500', 'of', '-', '1.', '*x*', '`c`', 'a&b', '<b>', '[x](y)', '[@k]', '#', '—', '"q"')
    const line = fc.array(word, {minLength: 1, maxLength: 8}).map((words) => words.join(' '))
    const body = fc
      .array(fc.tuple(line, fc.constantFrom('\n', '\n\n', '\r\n', '\n\n\n')), {minLength: 1, maxLength: 4})
      .map((lines) => lines.map(([text, end]) => text + end).join(''))
    fc.assert(
      fc.property(body, (text) => {
        const ours = proseRuns(text, 7)
        if (isPlainProse(text)) expect(ours).toEqual(markdownRuns(text, 7))
      }),
      {numRuns: 1000}
    )
  })

  it('falls back to remark for Markdown', () => {
    expect(isPlainProse('Nagy was *executed*.')).toBe(false)
    expect(isPlainProse('- a list')).toBe(false)
    expect(isPlainProse('1956. A year')).toBe(false)
    expect(isPlainProse('Nagy [@lendvai2008, p. 5] was executed in 1958.')).toBe(true)
    const tree = bodyParser.parse('Nagy was *executed*.') as Root
    expect(tree.children[0]?.type).toBe('paragraph')
  })
})
