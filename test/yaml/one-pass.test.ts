/**
 * The fast YAML path reads the value itself, in the same pass as the ranges; js-yaml is
 * the oracle: wherever the fast path takes a text, its value must be exactly
 * `toPlain(jsYaml.load(text, {schema: CORE_SCHEMA, json: false}))` (same types, -0 and
 * NaN, objects without prototype), and wherever js-yaml throws, the fast path declines.
 * Checked on generated claim frontmatter full of tricky scalars, on tables of scalars and
 * block scalars, and on every frontmatter of the corpus and of a synthetic corpus.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import fc from 'fast-check'
import jsYaml from 'js-yaml'
import {afterAll, describe, expect, it} from 'vitest'
import {splitFrontmatter} from '../../src/pipeline/split.js'
import {indexBlockYaml, parseYamlFast} from '../../src/yaml/fast.js'
import {toPlain} from '../../src/yaml/parse.js'

const created: string[] = []
afterAll(() => {
  for (const directory of created) rmSync(directory, {recursive: true, force: true})
})

type Outcome = 'fast' | 'declined' | 'invalid'

/** Compare the fast path with js-yaml on one text. */
function expectJsYamlValue(text: string): Outcome {
  const fast = parseYamlFast(text)
  let expected: unknown
  try {
    expected = toPlain(jsYaml.load(text, {schema: jsYaml.CORE_SCHEMA, json: false}))
  } catch {
    expect(fast, `js-yaml throws on ${JSON.stringify(text)}`).toBeUndefined()
    return 'invalid'
  }
  if (!fast) return 'declined'
  // Node's strict deep equality tells -0 from 0 and compares prototypes (vitest's
  // `toStrictEqual` compares `constructor`s, which a `constructor:` key fools).
  if (!isDeepStrictEqual(fast.value, expected)) {
    expect(fast.value, JSON.stringify(text)).toEqual(expected)
    expect.fail(`${JSON.stringify(text)}: the values differ in a type, the sign of a zero or a prototype`)
  }
  expectNoPrototypes(fast.value, text)
  return 'fast'
}

function expectNoPrototypes(value: unknown, text: string): void {
  if (Array.isArray(value)) {
    for (const item of value) expectNoPrototypes(item, text)
  } else if (value !== null && typeof value === 'object') {
    expect(Object.getPrototypeOf(value), JSON.stringify(text)).toBeNull()
    for (const item of Object.values(value)) expectNoPrototypes(item, text)
  }
}

function frontmatters(root: string): string[] {
  return readdirSync(root, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(root, name), 'utf8')
      const split = splitFrontmatter(text)
      return split ? text.slice(split.valueStart, split.valueEnd) : ''
    })
}

// Scalars whose type or text a parser could get wrong: those the fast path reads, and
// those it declines (js-yaml rejects them, or `yaml` reads them otherwise).
const readScalars = [
  '0x1F', '0X1F', '0o17', '0o8', '0x', '.5', '00.5', '0123', '1.', '1e3', '1E+3', '.5e3', '+1', '+0', '0', '0.0', '+0.0', '.inf', '+.inf', '.Inf',
  '.NaN', '.nan', '.nAn', 'True', 'TRUE', 'tRUE', 'true', 'false', 'False', 'NULL', 'Null', 'null', 'nULL', 'yes', 'no', 'on', 'off', '~',
  '2024-01-02', '1956-10-23', '12:30', 'a:b', 'http://example.org/a', 'x]y', 'x,y', 'Győr – Pécs', '😀', '\u00a0x', 'x\u0085', 'unknown',
  'p. 5', '"p. 5"', '"quote: yes"', '""', "''", "'it''s'", '"a\\"b"', '"\\t\\n\\\\ \\/"', '"\\x41\\u00e9\\U0001F600"',
  '"\\0\\a\\b\\e\\v\\f\\r\\N\\_\\L\\P\\ "', '"\\uD800"'
]
const declinedScalars = [
  '1_000', '+0x1F', '+0o17', '0b11', '+.5', '1e400', '9'.repeat(400), '-5', '-0', '-.inf', 'a: b', 'x # y', 'x#y', 'x\u00a0', 'x\u2028y', '?x',
  '%x', '@x', '&a x', '*a', '!!str x', "'#'", '"\\U00110000"', '"\\q"', '"\\x4"', '"unclosed', "'unclosed"
]
const trickyScalars = [...readScalars, ...declinedScalars]
const flowScalars = [
  'a', 'b c', '1', '0x1F', '.5', '~', 'null', 'True', '2024-01-02', 'é',
  '"q"', '"1960"', "'it''s'", '"a, b"', "'x]y'", '"{z}"', '""', "''", '"\\u00e9\\"q"', '"# not a comment"', "'a: b'"
]
const declinedFlowScalars = ['1_000', '+.5', '', 'a:b', '[a]', '"q"x', '"unclosed', '"\\q"']

/** Mostly what the fast path reads, now and then what it declines. */
function mostly<T>(usual: fc.Arbitrary<T>, unusual: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({weight: 40, arbitrary: usual}, {weight: 1, arbitrary: unusual})
}

const words = fc.stringMatching(/^[A-Za-z0-9 .,:'"\\\-+_é–😀]{1,12}$/u)
// Plain words start with a letter, so that most of them are plain scalars.
const plainWords = fc.tuple(fc.constantFrom('a', 'Z', 'é'), words).map(([first, rest]) => first + rest)
const flowScalar = mostly(fc.constantFrom(...flowScalars), fc.constantFrom(...declinedFlowScalars))
const flowComma = fc.constantFrom(', ', ',', ' , ', ',  ')
const scalar = fc.oneof(
  {weight: 8, arbitrary: mostly(fc.constantFrom(...readScalars), fc.constantFrom(...declinedScalars))},
  {weight: 2, arbitrary: plainWords},
  {weight: 1, arbitrary: words.map((text) => JSON.stringify(text))},
  {weight: 1, arbitrary: words.map((text) => `'${text.replaceAll("'", "''")}'`)},
  {weight: 1, arbitrary: fc.tuple(fc.array(fc.oneof(flowScalar, words.map((text) => JSON.stringify(text))), {maxLength: 4}), flowComma).map(([items, comma]) => `[${items.join(comma)}]`)},
  {weight: 1, arbitrary: fc.tuple(flowScalar, flowScalar, flowComma).map(([min, max, comma]) => `{min: ${min}${comma}max: ${max}}`)}
)
const blockScalar = fc
  .record({
    indicator: fc.constantFrom('|', '|-', '|+', '>', '>-', '>+'),
    lines: fc.array(fc.constantFrom('text', 'a # not a comment', 'key: value', '- item', "it's", '"q', 'trailing  ', '  more indented', 'é 😀'), {minLength: 1, maxLength: 3})
  })
  .map(({indicator, lines}): FieldValue => ({indicator, lines}))

type FieldValue = string | {indicator: string; lines: string[]}

interface Style {
  step: string
  dash: string
}

/** `key: value` lines at `indent`: a scalar, or now and then a block scalar. */
function field(indent: string, key: string, value: FieldValue, style: Style): string[] {
  if (typeof value === 'string') return [`${indent}${key}: ${value}`.trimEnd()]
  return [`${indent}${key}: ${value.indicator}`, ...value.lines.map((line) => `${indent}${style.step}${line}`)]
}

/** A list item that is a mapping: its first field after `- `, the others under it. */
function mapItem(indent: string, fields: Array<[string, FieldValue]>, style: Style): string[] {
  const inner = indent + ' '.repeat(style.dash.length)
  const lines = fields.flatMap(([key, value]) => field(inner, key, value, style))
  const [first = '', ...rest] = lines
  return [`${indent}${style.dash}${first.slice(inner.length)}`, ...rest]
}

const value = fc.oneof({weight: 5, arbitrary: scalar as fc.Arbitrary<FieldValue>}, {weight: 1, arbitrary: blockScalar})
const source = fc.oneof(
  scalar,
  fc.record({key: scalar, locator: fc.option(value, {nil: undefined}), stance: fc.option(scalar, {nil: undefined}), quote: fc.option(value, {nil: undefined})})
)
const figure = fc.record({measure: scalar, value: scalar, qualifier: fc.option(scalar, {nil: undefined}), text: fc.option(value, {nil: undefined})})
const claim = fc.record({
  fields: fc.uniqueArray(fc.tuple(mostly(fc.constantFrom('id', 'status', 'origin', 'note', 'tags', 'not-figures', 'constructor', 'on'), fc.constantFrom('True', 'NULL')), value), {
    maxLength: 5,
    selector: ([key]) => key
  }),
  sources: fc.option(fc.array(source, {maxLength: 3}), {nil: undefined}),
  figures: fc.option(fc.array(figure, {minLength: 1, maxLength: 2}), {nil: undefined}),
  reviewed: fc.option(fc.tuple(scalar, scalar), {nil: undefined}),
  comment: mostly(fc.constantFrom('', '', '# a comment'), fc.constantFrom('  # indented')),
  style: fc.record({step: fc.constantFrom('  ', '  ', '    ', ' '), dash: fc.constantFrom('- ', '- ', '-   ')}),
  newline: fc.constantFrom('\n', '\n', '\r\n'),
  finalNewline: fc.boolean()
})

function renderClaim(generated: typeof claim extends fc.Arbitrary<infer T> ? T : never): string {
  const {style} = generated
  const lines: string[] = []
  for (const [key, fieldValue] of generated.fields) lines.push(...field('', key, fieldValue, style))
  if (generated.sources) {
    lines.push(generated.sources.length === 0 ? 'sources: []' : 'sources:')
    if (generated.comment) lines.push(`${style.step}${generated.comment.trim()}`)
    for (const item of generated.sources) {
      if (typeof item === 'string') lines.push(`${style.step}${style.dash}${item}`.trimEnd())
      else {
        const fields = Object.entries(item).filter((entry): entry is [string, FieldValue] => entry[1] !== undefined)
        lines.push(...mapItem(style.step, fields, style))
      }
    }
  }
  if (generated.figures) {
    lines.push('figures:')
    for (const item of generated.figures) {
      const fields = Object.entries(item).filter((entry): entry is [string, FieldValue] => entry[1] !== undefined)
      lines.push(...mapItem(style.step, fields, style))
    }
  }
  if (generated.reviewed) lines.push('reviewed:', ...field(style.step, 'by', generated.reviewed[0], style), ...field(style.step, 'on', generated.reviewed[1], style))
  if (generated.comment && !generated.comment.startsWith(' ')) lines.unshift(generated.comment)
  return lines.join(generated.newline) + (generated.finalNewline ? generated.newline : '')
}

describe("the fast YAML path's value", () => {
  it("is js-yaml's on generated claim frontmatter, or the path declines", () => {
    const outcomes: Record<Outcome, number> = {fast: 0, declined: 0, invalid: 0}
    fc.assert(
      fc.property(claim, (generated) => {
        const text = renderClaim(generated)
        if (text === '') return
        outcomes[expectJsYamlValue(text)]++
      }),
      {numRuns: 5000}
    )
    // Not a vacuous pass: many texts took the fast path.
    expect(outcomes.fast).toBeGreaterThan(1500)
  })

  it("is js-yaml's for each tricky scalar as a mapping value, a list item and in flow collections", () => {
    for (const text of trickyScalars) {
      for (const yaml of [`a: ${text}`, `a:\n  - ${text}\n  - k: ${text}`, `a: [${text}]`, `a: [x, ${text}]`, `a: {k: ${text}}`]) expectJsYamlValue(yaml)
    }
  })

  it('resolves plain scalars as the core schema does', () => {
    const expected: Array<[string, unknown]> = [
      ['0x1F', 31], ['0o17', 15], ['0o8', '0o8'], ['0x', '0x'], ['0X1F', '0X1F'], ['.5', 0.5], ['00.5', 0.5], ['0123', 123], ['1.', 1], ['1e3', 1000],
      ['1E+3', 1000], ['.5e3', 500], ['+1', 1], ['+0', 0], ['0.0', 0], ['+0.0', 0], ['.inf', Infinity], ['+.inf', Infinity], ['.Inf', Infinity],
      ['.NaN', NaN], ['.nAn', '.nAn'], ['True', true], ['TRUE', true], ['tRUE', 'tRUE'], ['False', false], ['NULL', null], ['Null', null],
      ['nULL', 'nULL'], ['~', null], ['yes', 'yes'], ['on', 'on'], ['2024-01-02', '2024-01-02'], ['12:30', '12:30'], ['a:b', 'a:b'],
      ["'it''s'", "it's"], ["''", ''], ['""', ''], ['"a\\"b"', 'a"b'], ['"\\x41\\u00e9\\U0001F600"', 'Aé😀'], ['"\\t\\n\\\\ \\/"', '\t\n\\ /'],
      ['"\\0\\a\\b\\e\\v\\f\\r\\N\\_\\L\\P\\ "', '\0\x07\b\x1b\v\f\r\x85\xa0\u2028\u2029 ']
    ]
    for (const [text, value] of expected) {
      expect(isDeepStrictEqual(parseYamlFast(`a: ${text}`)?.value, Object.assign(Object.create(null) as object, {a: value})), text).toBe(true)
      expect(expectJsYamlValue(`a: ${text}`), text).toBe('fast')
    }
  })

  it('declines what js-yaml rejects, and numbers and keys that `yaml` reads otherwise', () => {
    for (const text of readScalars) expect(expectJsYamlValue(`a: ${text}`), text).toBe('fast')
    for (const text of declinedScalars) expect(parseYamlFast(`a: ${text}`), text).toBeUndefined()
    for (const yaml of [
      'a: "\\q"', 'a: "\\x4"', 'a: "\\U00110000"', 'a: x\u0001', 'a: 1\na: 2', 'sources: {k: 1, k: 2}', 'a: 1_000', 'a: 0b11', 'a: -5', 'a: +.5',
      'a: +0x1F', 'a: [+0o17]', 'a: 1e400', `a: ${'9'.repeat(400)}`, 'a: 0x' + 'F'.repeat(300), 'True: x', 'a: {NULL: 1}', 'a: x\u00a0',
      'a: x\u2028y', 'a: [\u00a0x]', '\ufeffa: 1'
    ]) {
      expect(parseYamlFast(yaml), JSON.stringify(yaml)).toBeUndefined()
    }
  })

  it("is js-yaml's for literal and folded block scalars with every chomping indicator", () => {
    for (const indicator of ['|', '|-', '|+', '>', '>-', '>+']) {
      for (const yaml of [
        `a: ${indicator}\n  one\n  two  \n  # three`,
        `a: ${indicator}\n    one\nb: x`,
        `a: ${indicator}\n  one\n  two\n`,
        `a: ${indicator}\r\n  one\r\n  two\r\nb: 1\r\n`,
        `sources:\n  - key: a\n    quote: ${indicator}\n      one\n      two\n  - key: b`
      ]) {
        expect(expectJsYamlValue(yaml), yaml).toBe('fast')
      }
    }
  })

  it("is js-yaml's on every frontmatter of the corpus and its measures.yaml", () => {
    const texts = [...frontmatters('corpus/claims'), readFileSync('corpus/measures.yaml', 'utf8')]
    const fast = texts.filter((text) => expectJsYamlValue(text) === 'fast').length
    expect(fast / texts.length).toBeGreaterThan(0.9)
  })

  it("is js-yaml's on every frontmatter of a synthetic corpus and its measures.yaml", () => {
    const generator = path.resolve('../shared/tools/gen-corpus.mjs')
    if (!existsSync(generator)) throw new Error(`missing ${generator}: CI lays shared/ beside the repository`)
    const root = mkdtempSync(path.join(tmpdir(), 'factlint-one-pass-'))
    created.push(root)
    const generated = spawnSync(process.execPath, [generator, root, '3000', '11'], {encoding: 'utf8'})
    expect(generated.status).toBe(0)
    const texts = [...frontmatters(path.join(root, 'claims')), readFileSync(path.join(root, 'measures.yaml'), 'utf8')]
    const fast = texts.filter((text) => expectJsYamlValue(text) === 'fast').length
    expect(fast / texts.length).toBeGreaterThan(0.9)
  })
})

describe("the fast YAML path's places", () => {
  it('are the index ranges, in large mappings and lists too', () => {
    const ids = Array.from({length: 40}, (_, index) => `m${index}`)
    const text = `measures:\n${ids.map((id) => `  ${id}:\n    label: L ${id}`).join('\n')}\nrelations:\n${ids.map((id) => `  - id: ${id}`).join('\n')}\n`
    const fast = parseYamlFast(text)
    const index = indexBlockYaml(text)
    if (!fast || !index) throw new Error('expected the fast path')
    // Backwards, so that a table built on a late lookup serves the early ones.
    for (const [position, id] of [...ids.entries()].reverse()) {
      expect(fast.locate(['measures', id], 'key')).toEqual(index.keys.get(`measures/${id}`))
      expect(fast.locate(['measures', id, 'label'])).toEqual(index.values.get(`measures/${id}/label`))
      expect(fast.locate(['relations', String(position)])).toEqual(index.values.get(`relations/${position}`))
      expect(fast.locate(['relations', String(position), 'id'], 'pair')).toEqual({
        start: index.keys.get(`relations/${position}/id`)?.start,
        end: index.values.get(`relations/${position}/id`)?.end
      })
    }
    for (const missing of [[], ['measures', 'm40'], ['relations', '40'], ['relations', '01'], ['relations', 'x'], ['measures', 'm1', 'label', 'x']]) {
      expect(fast.locate(missing), missing.join('/')).toBeUndefined()
    }
  })
})
