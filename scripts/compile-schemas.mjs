#!/usr/bin/env node
// Write ajv's standalone validators for the claim, measures and config schemas, and for
// the options schema of each rule that takes options, into dist/schema/generated/, so
// that no run of factlint compiles a schema (or even loads ajv). It runs after
// `tsc` because it uses the built `dist/schema/ajv.js`: the same ajv instance, options
// and fingerprint as the validators it replaces (see src/schema/ajv.ts).
//
//   node scripts/compile-schemas.mjs [outDir]      default dist/schema/generated
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ajvModule = path.join(repository, 'dist/schema/ajv.js')
const {generatedDirectory, optionsValidatorModule, precompiledOptionsValidator, precompiledSchemaNames, precompiledValidator, standaloneValidatorModule} = await import(pathToFileURL(ajvModule).href)
const {ruleList} = await import(pathToFileURL(path.join(repository, 'dist/rules/index.js')).href)
const {writeFileAtomic} = await import(pathToFileURL(path.join(repository, 'dist/split/write.js')).href)
const outDirectory = process.argv[2] ? path.resolve(process.argv[2]) : fileURLToPath(generatedDirectory)

mkdirSync(outDirectory, {recursive: true})
const outUrl = pathToFileURL(`${outDirectory}/`)
const written = []
const generate = (stem, source, accepted) => {
  const file = path.join(outDirectory, `${stem}.cjs`)
  // Written beside and renamed, so that a run starting meanwhile never reads half a file.
  writeFileAtomic(file, source, {overwrite: true})
  if (!accepted()) {
    console.error(`compile-schemas: ${file} was written but is not accepted as ${stem}'s validator`)
    process.exit(1)
  }
  written.push(stem)
}
for (const name of precompiledSchemaNames) generate(name, standaloneValidatorModule(name), () => precompiledValidator(name, outUrl))
for (const rule of ruleList) {
  if (rule.optionsSchema) generate(`options-${rule.id}`, optionsValidatorModule(rule.id, rule.optionsSchema), () => precompiledOptionsValidator(rule.id, rule.optionsSchema, outUrl))
}
console.log(`compile-schemas: ${written.join(', ')} → ${path.relative(process.cwd(), outDirectory) || '.'}`)
