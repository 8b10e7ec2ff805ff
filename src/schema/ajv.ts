/**
 * The one ajv instance of factlint, and the validators of our JSON Schemas.
 *
 * Compiling is the slow part of ajv (about 0.18 s for our schemas at every start), so
 * `npm run build` writes ajv's standalone code for `claim`, `measures` and `config`, and
 * for the options schema of each rule that takes options (`options-<rule>.cjs`), into
 * `dist/schema/generated/` (`scripts/compile-schemas.mjs`, which calls
 * `standaloneValidatorModule` and `optionsValidatorModule`). `validator` and
 * `optionsValidator` load that code when it exists and was made from the same schema,
 * and compile otherwise (vitest runs `src/` unbuilt; a schema edited after the build).
 * Both are the same generated function, so the errors are the same objects in the same
 * order. Ajv itself is only loaded when something still has to be compiled: the report
 * schema, or a stale build.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {codeDirectory, schemaDirectory as schemaFolder} from '../paths.js'
import type {Ajv2020, ErrorObject, Options, ValidateFunction} from 'ajv/dist/2020.js'

export type SchemaName = 'claim' | 'measures' | 'config' | 'report'

/** The schemas whose validators the build generates ahead of time. */
export const precompiledSchemaNames = ['claim', 'measures', 'config'] as const satisfies readonly SchemaName[]
export type PrecompiledSchemaName = (typeof precompiledSchemaNames)[number]

/** The folder of the schemas, beside `src/` and `dist/` alike. */
export const schemaDirectory = pathToFileURL(`${schemaFolder}/`)

/** Where the build writes the generated validators: `dist/schema/generated/` (none under `src/`). */
export const generatedDirectory = pathToFileURL(`${path.join(codeDirectory, 'schema', 'generated')}/`)

// Ajv is CommonJS: `require` loads it synchronously, and only when needed.
const require = createRequire(import.meta.url)

const ajvOptions: Options = {
  allErrors: true,
  strict: true,
  // The report schema's interval ends are a number, an ISO day or null.
  allowUnionTypes: true,
  // `oneOf` between a string and an object reports both branches; we explain it ourselves.
  verbose: false,
  // Keeps each compiled function's source, which standalone code generation needs.
  code: {source: true}
}

let ajvInstance: Ajv2020 | undefined

function ajv(): Ajv2020 {
  if (!ajvInstance) {
    const {Ajv2020: AjvClass} = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
    ajvInstance = new AjvClass(ajvOptions)
  }
  return ajvInstance
}

const validators = new Map<string, ValidateFunction>()

export function schemaText(name: SchemaName): string {
  return readFileSync(new URL(`${name}.schema.json`, schemaDirectory), 'utf8')
}

export function schemaJson(name: SchemaName): Record<string, unknown> {
  return JSON.parse(schemaText(name)) as Record<string, unknown>
}

/**
 * What a generated validator was made from: the schema text, ajv's options and version.
 * A generated module whose fingerprint differs from the current one is not used.
 */
export function schemaFingerprint(name: SchemaName): string {
  return fingerprintOf(schemaText(name))
}

/** The fingerprint of a rule's options schema (its JSON text), as `schemaFingerprint`. */
export function optionsFingerprint(schema: object): string {
  return fingerprintOf(JSON.stringify(schema))
}

function fingerprintOf(source: string): string {
  const {version} = require('ajv/package.json') as {version: string}
  return createHash('sha256').update(`ajv ${version}\n${JSON.stringify(ajvOptions)}\n`).update(source).digest('hex')
}

export function validator(name: SchemaName): ValidateFunction {
  let validate = validators.get(name)
  if (!validate) {
    validate = (isPrecompiled(name) ? precompiledValidator(name) : undefined) ?? compiledValidator(name)
    validators.set(name, validate)
  }
  return validate
}

function isPrecompiled(name: SchemaName): name is PrecompiledSchemaName {
  return (precompiledSchemaNames as readonly string[]).includes(name)
}

/** Always ajv's compiled function (the source of the generated code), cached by name. */
export function compiledValidator(name: SchemaName): ValidateFunction {
  const key = `compiled:${name}`
  let validate = validators.get(key)
  if (!validate) {
    validate = ajv().compile(schemaJson(name))
    validators.set(key, validate)
  }
  return validate
}

/** What a generated module exports (see `standaloneValidatorModule`). */
interface GeneratedValidatorModule {
  fingerprint: string
  validate: ValidateFunction
}

/**
 * The generated validator in `directory`, or `undefined` when there is none or it was
 * made from another schema text, other options or another ajv.
 */
export function precompiledValidator(name: PrecompiledSchemaName, directory: URL = generatedDirectory): ValidateFunction | undefined {
  return generatedValidator(name, () => schemaFingerprint(name), directory)
}

/** The generated validator of a rule's options schema (`options-<rule>.cjs`), as `precompiledValidator`. */
export function precompiledOptionsValidator(ruleId: string, schema: object, directory: URL = generatedDirectory): ValidateFunction | undefined {
  return generatedValidator(`options-${ruleId}`, () => optionsFingerprint(schema), directory)
}

function generatedValidator(stem: string, fingerprint: () => string, directory: URL): ValidateFunction | undefined {
  const file = fileURLToPath(new URL(`${stem}.cjs`, directory))
  if (!existsSync(file)) return undefined
  const generated = require(file) as GeneratedValidatorModule
  return generated.fingerprint === fingerprint() ? generated.validate : undefined
}

/**
 * The CommonJS source of a module exporting `fingerprint` and `validate`: ajv's
 * standalone code for the schema, compiled by this one instance with these options.
 */
export function standaloneValidatorModule(name: PrecompiledSchemaName): string {
  return standaloneModule(`schema/${name}.schema.json`, schemaFingerprint(name), compiledValidator(name))
}

/** The same for a rule's options schema; the build writes it as `options-<rule>.cjs`. */
export function optionsValidatorModule(ruleId: string, schema: object): string {
  return standaloneModule(`the options schema of rule \`${ruleId}\``, optionsFingerprint(schema), compiledOptionsValidator(ruleId, schema))
}

function standaloneModule(source: string, fingerprint: string, compiled: ValidateFunction): string {
  const standaloneCode = (require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')).default
  const code = standaloneCode(ajv(), compiled)
  // ajv's code assigns `module.exports`; it runs inside a function with its own `module`
  // so that the file can export the fingerprint beside it.
  return [
    `// Generated by scripts/compile-schemas.mjs from ${source}: do not edit.`,
    '"use strict";',
    `exports.fingerprint = ${JSON.stringify(fingerprint)};`,
    `exports.validate = (function (module) {`,
    code,
    'return module.exports;',
    '})({exports: {}});',
    ''
  ].join('\n')
}

/**
 * A rule's options validator, once per rule: the build's generated code when it was made
 * from this schema, else compiled (loading ajv costs ~0.1 s, so a config that sets a
 * rule's options would pay it on every run).
 */
export function optionsValidator(ruleId: string, schema: object): ValidateFunction {
  const key = `options:${ruleId}`
  let validate = validators.get(key)
  if (!validate) {
    validate = precompiledOptionsValidator(ruleId, schema) ?? compiledOptionsValidator(ruleId, schema)
    validators.set(key, validate)
  }
  return validate
}

/** Always ajv's compiled function for a rule's options schema, cached by rule. */
export function compiledOptionsValidator(ruleId: string, schema: object): ValidateFunction {
  const key = `compiled-options:${ruleId}`
  let validate = validators.get(key)
  if (!validate) {
    validate = ajv().compile(schema)
    validators.set(key, validate)
  }
  return validate
}

export type {ErrorObject}
