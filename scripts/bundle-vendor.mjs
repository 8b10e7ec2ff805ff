#!/usr/bin/env node
// Pre-bundle the two ESM-only dependencies that most runs never call into CommonJS files
// under dist/vendor/, so that factlint can load them synchronously on first use instead
// of at start-up (see src/vendor/README.md):
//   markdown.cjs       unified + remark-parse: only bodies with Markdown syntax need them
//   bibtex-parser.cjs  @retorquere/bibtex-parser: only values with LaTeX need it
// Together they were ~0.1–0.15 s of every run's start-up.
//
//   node scripts/bundle-vendor.mjs [outDir]      default dist/vendor
import {mkdirSync, renameSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDirectory = process.argv[2] ? path.resolve(process.argv[2]) : path.join(repository, 'dist/vendor')
const bundles = {
  markdown: "export {unified} from 'unified'\nexport {default as remarkParse} from 'remark-parse'\n",
  'bibtex-parser': "export * from '@retorquere/bibtex-parser'\n"
}

mkdirSync(outDirectory, {recursive: true})
for (const [name, contents] of Object.entries(bundles)) {
  const file = path.join(outDirectory, `${name}.cjs`)
  // Write beside and rename, so that a run starting meanwhile never reads half a file.
  const partial = `${file}.${process.pid}.tmp`
  await build({
    stdin: {contents, resolveDir: repository, loader: 'js', sourcefile: `${name}.js`},
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: partial,
    legalComments: 'inline',
    logLevel: 'warning'
  })
  renameSync(partial, file)
}
console.log(`bundle-vendor: ${Object.keys(bundles).join(', ')} → ${path.relative(process.cwd(), outDirectory) || '.'}`)
