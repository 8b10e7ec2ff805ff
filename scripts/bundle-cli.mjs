#!/usr/bin/env node
// Bundle factlint's command line, over what the TypeScript compiler wrote:
//
//   dist/factlint.cjs      every command, one CommonJS file (src/entry.ts)
//   dist/bin.js            the `factlint` command: runs factlint.cjs through a V8 code
//                          cache in dist/.code-cache/ (src/bin.ts, src/code-cache.ts)
//   dist/check-worker.js   the worker of large corpora (src/pipeline/check-worker.ts)
//
// Node's ESM loader resolves, reads and links each of the ~70 compiled modules one by
// one: about 30 ms of every run (importing the `check` command took 0.11 s with the
// modules, 0.08 s bundled; `node -e 0` is 0.06 s). One CommonJS file, because V8 takes a
// code cache for a script (`vm.Script`), not for an ES module, in Node 20; and V8
// compiling the functions a run calls costs more than loading: the cache saves ~25 ms of
// a check of the Hungary corpus (docs/performance.md, item 15).
//
// - Commands stay lazy: esbuild runs a dynamically imported module's code only when the
//   import runs, so `factlint check` still never loads citation-js.
// - Dependencies stay in node_modules (`packages: 'external'`): Node loads them as before
//   (`require` of the ES-module ones needs Node 20.19, the `engines` floor), and the
//   ESM-only ones most runs never call are in dist/vendor/ already.
// - `import.meta.url` is the bundle's own file URL. Paths to factlint's files (schemas,
//   generated validators, package.json) come from src/paths.ts, which finds the package
//   root from any depth; the check worker is found beside the file that starts it
//   (src/pipeline/parallel.ts looks for `./check-worker.js` next to itself).
// - The compiled modules under dist/ stay: they are the same code, one file each, and
//   the benchmarks and scripts import them.
//
//   node scripts/bundle-cli.mjs
import {chmodSync, existsSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(repository, 'dist')
const common = {absWorkingDir: repository, bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: 'linked', legalComments: 'inline', logLevel: 'warning'}

// The last build's chunks (an earlier layout) and code caches: nothing loads them again.
rmSync(path.join(dist, 'chunks'), {recursive: true, force: true})
rmSync(path.join(dist, '.code-cache'), {recursive: true, force: true})
await build({
  ...common,
  entryPoints: ['src/entry.ts'],
  outfile: path.join(dist, 'factlint.cjs'),
  format: 'cjs',
  define: {'import.meta.url': '__factlintBundleUrl'},
  banner: {js: 'const __factlintBundleUrl = require("node:url").pathToFileURL(__filename).href;'}
})
await build({...common, entryPoints: ['src/bin.ts'], outfile: path.join(dist, 'bin.js'), format: 'esm'})
// Runnable as `./dist/bin.js` too (npm makes an installed bin executable itself).
chmodSync(path.join(dist, 'bin.js'), 0o755)
await build({...common, entryPoints: ['src/pipeline/check-worker.ts'], outfile: path.join(dist, 'check-worker.js'), format: 'esm'})

// The bundle must start the worker beside itself, and the command must load only the bundle.
if (!readFileSync(path.join(dist, 'factlint.cjs'), 'utf8').includes('new URL("./check-worker.js"')) throw new Error('bundle-cli: dist/factlint.cjs does not start ./check-worker.js')
const bin = readFileSync(path.join(dist, 'bin.js'), 'utf8')
if (/\bfrom "\.\/|import\("\.\//.test(bin) || !existsSync(path.join(dist, 'check-worker.js'))) throw new Error('bundle-cli: dist/bin.js must load factlint.cjs only')
console.log('bundle-cli: src/entry.ts → dist/factlint.cjs; src/bin.ts → dist/bin.js; dist/check-worker.js')
