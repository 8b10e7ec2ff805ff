#!/usr/bin/env node
// Bundle factlint's command line into dist/bin.js and dist/chunks/, over the entry the
// TypeScript compiler wrote. Node's ESM loader resolves, reads and links each of the
// ~70 compiled modules one by one: about 30 ms of every run (importing the `check`
// command took 0.11 s with the modules, 0.08 s bundled; `node -e 0` is 0.06 s).
//
// - The entry imports each command lazily, as src/cli.ts does: esbuild's code splitting
//   keeps every dynamic import a chunk of its own, so `check` never loads citation-js.
// - Dependencies stay in node_modules (`packages: 'external'`): Node loads them as
//   before, and the ESM-only ones most runs never call are in dist/vendor/ already.
// - Paths to factlint's own files (schemas, generated validators, package.json) come
//   from src/paths.ts, which finds the package root from any depth. The check worker is
//   an entry of its own in dist/chunks/, beside the chunk that starts it
//   (src/pipeline/parallel.ts looks for `./check-worker.js` next to itself).
// - The compiled modules under dist/ stay: they are the same code, one file each, and
//   the benchmarks and scripts import them.
//
//   node scripts/bundle-cli.mjs
import {readdirSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(repository, 'dist')
const chunks = path.join(dist, 'chunks')

// Chunk names carry a hash of their content: clear the last build's, which nothing loads.
rmSync(chunks, {recursive: true, force: true})
await build({
  absWorkingDir: repository,
  entryPoints: {bin: 'src/bin.ts', 'chunks/check-worker': 'src/pipeline/check-worker.ts'},
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  legalComments: 'inline',
  logLevel: 'warning'
})

// The worker must sit beside whatever chunk holds src/pipeline/parallel.ts.
for (const file of readdirSync(dist, {recursive: true})) {
  if (!String(file).endsWith('.js') || String(file).startsWith('chunks') || !readFileSync(path.join(dist, file), 'utf8').includes('new URL("./check-worker.js"')) continue
  if (path.dirname(String(file)) === '.') throw new Error(`bundle-cli: dist/${file} starts the check worker outside dist/chunks/`)
}
console.log('bundle-cli: src/bin.ts → dist/bin.js, dist/chunks/')
