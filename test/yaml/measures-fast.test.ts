/**
 * `readMeasures` takes the fast YAML path for a valid `measures.yaml`; the registry must be
 * the document API's, places included, on the corpus's file, on synthetic corpora's and on
 * generated files (comments, folded and literal block scalars, defects).
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {readMeasures} from '../../src/corpus/measures.js'
import {validator} from '../../src/schema/ajv.js'
import {parseYamlFast} from '../../src/yaml/fast.js'

const created: string[] = []
afterAll(() => {
  for (const directory of created) rmSync(directory, {recursive: true, force: true})
})

function takesFastPath(text: string): boolean {
  const fast = parseYamlFast(text)
  return fast !== undefined && validator('measures')(fast.value)
}

function expectSameRegistry(text: string, tolerances: Record<string, number> = {}): void {
  expect(readMeasures(text, tolerances), text).toEqual(readMeasures(text, tolerances, {fastYaml: false}))
}

function syntheticMeasures(claims: number, seed: number): string {
  const generator = path.resolve('../shared/tools/gen-corpus.mjs')
  if (!existsSync(generator)) throw new Error(`missing ${generator}: CI lays shared/ beside the repository`)
  const root = mkdtempSync(path.join(tmpdir(), 'factlint-measures-'))
  created.push(root)
  const run = spawnSync(process.execPath, [generator, root, String(claims), String(seed)], {encoding: 'utf8'})
  expect(run.status).toBe(0)
  return readFileSync(path.join(root, 'measures.yaml'), 'utf8')
}

/** Mostly what a valid file holds, now and then what the fast path declines or the schema rejects. */
function mostly<T>(usual: readonly T[], unusual: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof({weight: 30, arbitrary: fc.constantFrom(...usual)}, {weight: 1, arbitrary: fc.constantFrom(...unusual)})
}

const labels = mostly(['Refugees of 1956', "Nagy's reburial crowd", 'Dates, 1956–1989', '"Quoted: label"', "'single'"], ['Share (in percent): of the population', 'A # hash', ''])
const kinds = mostly(['count', 'percent', 'date', 'duration', 'length'], ['volume'])
const tolerances = mostly(['0.1', '0', '0.05', '.2', '1e-1'], ['0.1_0', '"0.1"', '-1'])
const disputed = mostly(
  [
    ['>-', 'Official and later estimates differ;', 'see the conflicts table.'],
    ['>', 'Folded, with a final newline.'],
    ['|', 'Literal: kept', 'as two lines.'],
    ['|-', 'a # not a comment'],
    ['|+', 'kept'],
    ['plain', 'Estimates differ.'],
    ['quoted', '"Estimates: differ."']
  ],
  [['|2', 'explicit indentation'], ['>-', 'more', '  indented']]
)
const comment = mostly(['', '', '  # --- a section ---'], ['# at the margin', '    # deeper'])

const measure = fc.record({
  id: fc.constantFrom('refugees-1956', 'deaths-1956', 'date-outbreak', 'share-fled', 'a1', 'x-2-y'),
  label: labels,
  kind: kinds,
  unit: fc.option(fc.constantFrom('person', 'percent', 'tank'), {nil: undefined}),
  tolerance: fc.option(tolerances, {nil: undefined}),
  disputed: fc.option(disputed, {nil: undefined}),
  extra: fc.option(mostly(['note: Wider tolerance.'], ['source: unknown-field']), {nil: undefined}),
  before: comment
})
const relation = fc.record({
  id: mostly(['share-relation', 'split'], ['Bad Id']),
  check: mostly(['"a / b * 100 = c"', 'a + b = c', '>-\n      a + b\n      = c'], ['""', '|\n      a\n\n      b']),
  note: fc.option(fc.constantFrom('The share must agree.', '|\n      Two\n      lines.'), {nil: undefined}),
  before: comment
})

function measuresFile(
  header: string,
  defaultTolerance: string | undefined,
  measures: Array<typeof measure extends fc.Arbitrary<infer T> ? T : never>,
  relations: Array<typeof relation extends fc.Arbitrary<infer T> ? T : never>
): string {
  const lines = header ? [header] : []
  if (defaultTolerance !== undefined) lines.push(`default-tolerance: ${defaultTolerance}`)
  lines.push('measures:')
  for (const m of measures) {
    if (m.before) lines.push(m.before)
    lines.push(`  ${m.id}:`)
    lines.push(`    label: ${m.label}`.trimEnd())
    lines.push(`    kind: ${m.kind}`)
    if (m.unit !== undefined) lines.push(`    unit: ${m.unit}`)
    if (m.tolerance !== undefined) lines.push(`    tolerance: ${m.tolerance}`)
    if (m.disputed) {
      const [style, ...text] = m.disputed
      if (style === 'plain' || style === 'quoted') lines.push(`    disputed: ${text.join(' ')}`)
      else lines.push(`    disputed: ${style}`, ...text.map((line) => `      ${line}`))
    }
    if (m.extra !== undefined) lines.push(`    ${m.extra}`)
  }
  if (relations.length > 0) lines.push('relations:')
  for (const r of relations) {
    if (r.before) lines.push(r.before)
    lines.push(`  - id: ${r.id}`, `    check: ${r.check}`)
    if (r.note !== undefined) lines.push(`    note: ${r.note}`)
  }
  return `${lines.join('\n')}\n`
}

describe('readMeasures on the fast YAML path', () => {
  it("gives the document API's registry for the corpus's measures.yaml, taking the fast path", () => {
    const text = readFileSync('corpus/measures.yaml', 'utf8')
    expect(takesFastPath(text)).toBe(true)
    const registry = readMeasures(text)
    expect(Object.keys(registry.measures).length).toBeGreaterThan(20)
    expect(registry.relations.length).toBeGreaterThan(0)
    expect(Object.values(registry.measures).some((entry) => entry.disputed !== undefined)).toBe(true)
    expectSameRegistry(text)
    expectSameRegistry(text, {default: 0.3, 'refugees-1956': 0.05})
  })

  it("gives the document API's registry for synthetic corpora's measures.yaml, taking the fast path", () => {
    for (const [claims, seed] of [[1000, 1], [5000, 2]] as const) {
      const text = syntheticMeasures(claims, seed)
      expect(takesFastPath(text), `${claims} claims, seed ${seed}`).toBe(true)
      expect(text).toContain('disputed: >-')
      expectSameRegistry(text)
    }
  })

  it("gives the document API's registry for generated files, valid or not", () => {
    let fastPath = 0
    fc.assert(
      fc.property(
        mostly(['', '# The registry of measures.'], ['  # indented header']),
        fc.option(mostly(['0.1', '0.2'], ['x']), {nil: undefined}),
        fc.uniqueArray(measure, {maxLength: 6, selector: (m) => m.id}),
        fc.array(relation, {maxLength: 3}),
        fc.constantFrom<Record<string, number>>({}, {default: 0.25}, {'refugees-1956': 0.01}),
        (header, defaultTolerance, measures, relations, tolerancesByMeasure) => {
          const text = measuresFile(header, defaultTolerance, measures, relations)
          if (takesFastPath(text)) fastPath++
          expectSameRegistry(text, tolerancesByMeasure)
        }
      ),
      {numRuns: 2000}
    )
    // Not a vacuous pass: a good share of the generated files took the fast path.
    expect(fastPath).toBeGreaterThan(400)
  })
})
