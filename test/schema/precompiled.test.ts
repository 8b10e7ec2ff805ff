/**
 * The validators that `npm run build` generates must behave exactly like ajv's compiled
 * ones: the same verdict and the same error objects in the same order (the reasons and
 * places of `schema` findings are built from them). Generated here from `src/` into a
 * temporary folder, and compared on the corpus, a synthetic corpus and generated values.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  compiledOptionsValidator,
  compiledValidator,
  optionsFingerprint,
  optionsValidatorModule,
  precompiledOptionsValidator,
  precompiledSchemaNames,
  precompiledValidator,
  schemaFingerprint,
  standaloneValidatorModule,
  validator,
  type PrecompiledSchemaName
} from '../../src/schema/ajv.js'
import {lineStartsOf} from '../../src/pipeline/positions.js'
import {splitFrontmatter} from '../../src/pipeline/split.js'
import {parseYaml} from '../../src/yaml/parse.js'
import {ruleList} from '../../src/rules/index.js'

/** The rules that take options, each with its options schema. */
const optionRules = ruleList.flatMap((rule) => (rule.optionsSchema ? [{id: rule.id, schema: rule.optionsSchema, defaults: rule.defaultOptions as unknown}] : []))

// Inside node_modules/.cache, so that the generated code's `require('ajv/dist/runtime/…')`
// resolves as it does from dist/.
const cache = path.resolve('node_modules/.cache')
let generated: URL
let directory: string

beforeAll(() => {
  mkdirSync(cache, {recursive: true})
  directory = mkdtempSync(path.join(cache, 'factlint-schema-test-'))
  generated = pathToFileURL(`${directory}/`)
  for (const name of precompiledSchemaNames) writeFileSync(path.join(directory, `${name}.cjs`), standaloneValidatorModule(name))
  for (const {id, schema} of optionRules) writeFileSync(path.join(directory, `options-${id}.cjs`), optionsValidatorModule(id, schema))
})

afterAll(() => {
  rmSync(directory, {recursive: true, force: true})
})

function yamlValue(text: string): unknown {
  return parseYaml({text, offset: 0, lineStarts: lineStartsOf(text)}).value
}

function frontmatterValues(root: string): unknown[] {
  return readdirSync(root, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const text = readFileSync(path.join(root, name), 'utf8')
      const split = splitFrontmatter(text)
      return split ? yamlValue(text.slice(split.valueStart, split.valueEnd)) : undefined
    })
    .filter((value) => value !== undefined)
}

/** Both validators' verdict and errors on a value, which must be equal. */
function expectSame(name: PrecompiledSchemaName, value: unknown): boolean {
  const precompiled = precompiledValidator(name, generated)
  if (!precompiled) throw new Error(`no generated validator for ${name}`)
  const compiled = compiledValidator(name)
  const verdict = compiled(value)
  expect(precompiled(value)).toBe(verdict)
  expect(precompiled.errors ?? null).toEqual(compiled.errors ?? null)
  return verdict
}

let syntheticRoot: string | undefined

/** A synthetic corpus (with its injected defects), generated once for this file. */
function synthetic(): string {
  if (syntheticRoot) return syntheticRoot
  const generator = path.resolve('../shared/tools/gen-corpus.mjs')
  if (!existsSync(generator)) throw new Error(`missing ${generator}: CI lays shared/ beside the repository`)
  const root = mkdtempSync(path.join(tmpdir(), 'factlint-schema-gen-'))
  syntheticRoot = root
  const run = spawnSync(process.execPath, [generator, root, '600', '11'], {encoding: 'utf8'})
  expect(run.status).toBe(0)
  return root
}

afterAll(() => {
  if (syntheticRoot) rmSync(syntheticRoot, {recursive: true, force: true})
})

// Values shaped like our documents: the schemas' own property names and values that
// match or miss their patterns, types, enums and lengths.
const keys = [
  'id', 'status', 'origin', 'sources', 'figures', 'reviewed', 'note', 'tags', 'not-figures', '$schema', 'key', 'locator',
  'stance', 'quote', 'measure', 'value', 'qualifier', 'min', 'max', 'text', 'unit', 'by', 'on', 'label', 'kind', 'tolerance',
  'disputed', 'relations', 'check', 'measures', 'default-tolerance', 'rules', 'paths', 'bibliography', 'claims',
  'maxFileSize', 'docsUrl', 'tolerances', '$comment', 'uncited', 'Bad_Key', '__proto__', ''
]
const strings = [
  '', 'a', 'lendvai2008', 'Bad Id', 'kebab-case-id', 'x'.repeat(201), 'verified', 'draft', 'count', 'percent', 'date',
  'exact', 'approx', 'range', 'supports', 'error', 'off', 'warning', '1956-10-23', '1956-10', '19561', 'p. 5', 'a b', '{x}',
  'person', '@key', 'a / b * 100 = c', 'ab'
]
const scalar = fc.oneof(
  fc.constantFrom(...strings),
  fc.string({maxLength: 6}),
  fc.constantFrom(0, 1, -1, 0.1, 2.5, 1956, 1e9, Number.NaN, true, false, null)
)
const {value: documentLike} = fc.letrec<{value: unknown}>((tie) => ({
  value: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    scalar,
    fc.array(tie('value'), {maxLength: 4}),
    fc.dictionary(fc.constantFrom(...keys), tie('value'), {maxKeys: 6})
  )
}))

/** Replace the value at a random path of `base` with `replacement`. */
function mutate(base: unknown, choices: number[], replacement: unknown): unknown {
  if (choices.length === 0 || base === null || typeof base !== 'object') return replacement
  const copy: Record<string, unknown> | unknown[] = Array.isArray(base) ? [...(base as unknown[])] : {...(base as Record<string, unknown>)}
  const entries = Object.keys(copy)
  if (entries.length === 0) return replacement
  const [choice = 0, ...rest] = choices
  const key = entries[choice % entries.length] as string
  ;(copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], rest, replacement)
  return copy
}

describe('generated validators', () => {
  it('are accepted for every precompiled schema, and only with the current fingerprint', () => {
    for (const name of precompiledSchemaNames) {
      expect(precompiledValidator(name, generated), name).toBeTypeOf('function')
      const file = path.join(directory, `${name}.cjs`)
      expect(readFileSync(file, 'utf8')).toContain(schemaFingerprint(name))
    }
    const stale = mkdtempSync(path.join(cache, 'factlint-schema-stale-'))
    try {
      writeFileSync(
        path.join(stale, 'claim.cjs'),
        standaloneValidatorModule('claim').replace(schemaFingerprint('claim'), schemaFingerprint('measures'))
      )
      expect(precompiledValidator('claim', pathToFileURL(`${stale}/`))).toBeUndefined()
      expect(precompiledValidator('measures', pathToFileURL(`${stale}/`))).toBeUndefined()
    } finally {
      rmSync(stale, {recursive: true, force: true})
    }
  })

  it('fall back to compiling when nothing was generated (vitest runs src/ unbuilt)', () => {
    expect(precompiledValidator('claim')).toBeUndefined()
    expect(validator('claim')).toBe(compiledValidator('claim'))
  })

  it('give the same verdict and errors on every claim of the corpus and of a synthetic corpus', () => {
    const values = [...frontmatterValues('corpus/claims'), ...frontmatterValues(path.join(synthetic(), 'claims'))]
    expect(values.length).toBeGreaterThan(700)
    for (const value of values) expectSame('claim', value)
  })

  it('give the same verdict and errors on measures.yaml and factlint.config.json files', () => {
    expect(expectSame('measures', yamlValue(readFileSync('corpus/measures.yaml', 'utf8')))).toBe(true)
    expect(expectSame('measures', yamlValue(readFileSync(path.join(synthetic(), 'measures.yaml'), 'utf8')))).toBe(true)
    expect(expectSame('config', yamlValue(readFileSync('corpus/factlint.config.json', 'utf8')))).toBe(true)
  })

  it('give the same verdict and errors on generated values and on mutations of real ones', () => {
    const bases: Record<PrecompiledSchemaName, unknown[]> = {
      claim: frontmatterValues('corpus/claims').slice(0, 40),
      measures: [yamlValue(readFileSync('corpus/measures.yaml', 'utf8'))],
      config: [yamlValue(readFileSync('corpus/factlint.config.json', 'utf8'))]
    }
    const verdicts = new Set<string>()
    for (const name of precompiledSchemaNames) {
      const base = fc.constantFrom(...bases[name])
      fc.assert(
        fc.property(documentLike, (value) => {
          verdicts.add(`${name} ${String(expectSame(name, value))}`)
        }),
        {numRuns: 1500}
      )
      fc.assert(
        fc.property(base, fc.array(fc.nat(), {maxLength: 5}), documentLike, (real, choices, replacement) => {
          verdicts.add(`${name} ${String(expectSame(name, mutate(real, choices, replacement)))}`)
        }),
        {numRuns: 1500}
      )
    }
    for (const name of precompiledSchemaNames) {
      expect(verdicts).toContain(`${name} true`)
      expect(verdicts).toContain(`${name} false`)
    }
  })

  it("of rules' options are accepted only for the same schema, and judge options as ajv's compiled ones do", () => {
    expect(optionRules.map(({id}) => id).sort()).toEqual(['according-to-whom', 'bibliography'])
    const verdicts = new Set<string>()
    for (const {id, schema, defaults} of optionRules) {
      const precompiled = precompiledOptionsValidator(id, schema, generated)
      if (!precompiled) throw new Error(`no generated validator for the options of ${id}`)
      expect(readFileSync(path.join(directory, `options-${id}.cjs`), 'utf8')).toContain(optionsFingerprint(schema))
      expect(precompiledOptionsValidator(id, {...schema, description: 'changed'}, generated)).toBeUndefined()
      const compiled = compiledOptionsValidator(id, schema)
      const same = (value: unknown) => {
        const verdict = compiled(value)
        expect(precompiled(value)).toBe(verdict)
        expect(precompiled.errors ?? null).toEqual(compiled.errors ?? null)
        verdicts.add(`${id} ${String(verdict)}`)
      }
      same(defaults)
      fc.assert(
        fc.property(fc.array(fc.nat(), {maxLength: 3}), documentLike, (choices, replacement) => same(mutate(defaults, choices, replacement))),
        {numRuns: 500}
      )
      fc.assert(fc.property(documentLike, same), {numRuns: 500})
    }
    for (const {id} of optionRules) {
      expect(verdicts).toContain(`${id} true`)
      expect(verdicts).toContain(`${id} false`)
    }
  })
})
