#!/usr/bin/env node
/**
 * The `factlint` command: sets V8's flags for a short run, then runs the bundle
 * `dist/factlint.cjs` (`scripts/bundle-cli.mjs`) through a code cache kept beside it
 * (`src/code-cache.ts`). `FACTLINT_CODE_CACHE=0` runs without the cache.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadBundle} from './code-cache.js'
import type {run} from './entry.js'
import {tuneV8} from './v8-tuning.js'

// Before any of the command's code is compiled: V8's flags are part of what a code cache is valid for.
tuneV8()

const here = path.dirname(fileURLToPath(import.meta.url))
const argv = process.argv.slice(2)
const useCache = process.env.FACTLINT_CODE_CACHE !== '0'
// Each command calls its own functions, so each keeps its own cache; commands are lower-case words.
const purpose = argv[0] !== undefined && /^[a-z]+$/.test(argv[0]) ? argv[0] : 'other'
const bundle = loadBundle<{run: typeof run}>(path.join(here, 'factlint.cjs'), {cacheDirectory: useCache ? path.join(here, '.code-cache') : undefined, purpose})
const status = await bundle.exports.run(argv, {codeCache: bundle.found})
// A usage error (a mistyped command or option) is no run worth a cache.
if (status !== 2) bundle.save()
process.exitCode = status
