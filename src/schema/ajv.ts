/**
 * The one ajv instance of factlint. Every JSON Schema (claims, measures, config, rule
 * options) is compiled here once and reused: compiling is the slow part of ajv.
 */
import {readFileSync} from 'node:fs'
import {Ajv2020, type ErrorObject, type ValidateFunction} from 'ajv/dist/2020.js'

export type SchemaName = 'claim' | 'measures' | 'config' | 'report'

/** The folder of the schemas, beside `src/` and `dist/` alike. */
export const schemaDirectory = new URL('../../schema/', import.meta.url)

const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  // The report schema's interval ends are a number, an ISO day or null.
  allowUnionTypes: true,
  // `oneOf` between a string and an object reports both branches; we explain it ourselves.
  verbose: false
})

const compiled = new Map<string, ValidateFunction>()

export function schemaJson(name: SchemaName): Record<string, unknown> {
  const text = readFileSync(new URL(`${name}.schema.json`, schemaDirectory), 'utf8')
  return JSON.parse(text) as Record<string, unknown>
}

export function validator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name)
  if (!validate) {
    validate = ajv.compile(schemaJson(name))
    compiled.set(name, validate)
  }
  return validate
}

/** Compile a rule's options schema once, keyed by the rule id. */
export function optionsValidator(ruleId: string, schema: object): ValidateFunction {
  const key = `options:${ruleId}`
  let validate = compiled.get(key)
  if (!validate) {
    validate = ajv.compile(schema)
    compiled.set(key, validate)
  }
  return validate
}

export type {ErrorObject}
