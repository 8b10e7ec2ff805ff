#!/usr/bin/env node
// Write ajv's standalone validators for the claim, measures and config schemas into
// dist/schema/generated/, so that no run of factlint compiles a schema. It runs after
// `tsc` because it uses the built `dist/schema/ajv.js`: the same ajv instance, options
// and fingerprint as the validators it replaces (see src/schema/ajv.ts).
//
//   node scripts/compile-schemas.mjs [outDir]      default dist/schema/generated
import {mkdirSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ajvModule = path.join(repository, 'dist/schema/ajv.js')
const {generatedDirectory, precompiledSchemaNames, precompiledValidator, standaloneValidatorModule} = await import(pathToFileURL(ajvModule).href)
const outDirectory = process.argv[2] ? path.resolve(process.argv[2]) : fileURLToPath(generatedDirectory)

mkdirSync(outDirectory, {recursive: true})
for (const name of precompiledSchemaNames) {
  const file = path.join(outDirectory, `${name}.cjs`)
  // Write beside and rename, so that a run starting meanwhile never reads half a file.
  const partial = `${file}.${process.pid}.tmp`
  writeFileSync(partial, standaloneValidatorModule(name))
  renameSync(partial, file)
  if (!precompiledValidator(name, pathToFileURL(`${outDirectory}/`))) {
    console.error(`compile-schemas: ${file} was written but is not accepted as ${name}'s validator`)
    process.exit(1)
  }
}
console.log(`compile-schemas: ${precompiledSchemaNames.join(', ')} → ${path.relative(process.cwd(), outDirectory) || '.'}`)
