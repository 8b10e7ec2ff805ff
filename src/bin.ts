#!/usr/bin/env node
/**
 * The `factlint` command: sets V8's flags for a short run, then runs the bundle
 * `dist/factlint.cjs` (`scripts/bundle-cli.mjs`) through a code cache kept beside it
 * (`src/code-cache.ts`), as it does the vendor bundles the run loads (`dist/vendor/`).
 * `FACTLINT_CODE_CACHE=0` runs without the cache.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadBundle, type LoadedBundle} from './code-cache.js'
import type {run} from './entry.js'
import {tuneV8} from './v8-tuning.js'
import {bundleLoaderKey, type BundleLoader} from './vendor/loader-key.js'

// Before any of the command's code is compiled: V8's flags are part of what a code cache is valid for.
tuneV8()

const here = path.dirname(fileURLToPath(import.meta.url))
const argv = process.argv.slice(2)
const cacheDirectory = process.env.FACTLINT_CODE_CACHE === '0' ? undefined : path.join(here, '.code-cache')
// Each command calls its own functions, so each keeps its own caches; commands are lower-case words.
const purpose = argv[0] !== undefined && /^[a-z]+$/.test(argv[0]) ? argv[0] : 'other'
const loaded: Array<LoadedBundle<unknown>> = []
function load<Exports>(file: string): LoadedBundle<Exports> {
  const bundle = loadBundle<Exports>(file, {cacheDirectory, purpose})
  loaded.push(bundle)
  return bundle
}
;(globalThis as {[bundleLoaderKey]?: BundleLoader})[bundleLoaderKey] = (file) => load(file).exports

const factlint = load<{run: typeof run}>(path.join(here, 'factlint.cjs'))
const status = await factlint.exports.run(argv, {codeCache: factlint.found})
// Exit status 2 (the contract's "could not run": a mistyped command or option) is no run worth a cache.
const couldNotRun = 2
if (status !== couldNotRun) for (const bundle of loaded) bundle.save()
process.exitCode = status
