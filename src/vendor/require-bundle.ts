/** Require a bundle of `dist/vendor/` (from a build, or from the sources in tests). */
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {vendorDirectory} from '../paths.js'
import {bundleLoaderKey, type BundleLoader} from './loader-key.js'

const require = createRequire(import.meta.url)

/**
 * The bundle `name`: through the command line's loader when there is one (the BibTeX
 * parser is a megabyte of code that a run compiles as it calls it, and the code cache
 * keeps what it compiled), else `require` (a library, the tests).
 */
export function requireBundle<Module>(name: string): Module {
  const file = path.join(vendorDirectory, `${name}.cjs`)
  if (!existsSync(file)) throw new Error(`factlint: ${file} is missing; \`npm run build\` writes it (scripts/bundle-vendor.mjs)`)
  const load = (globalThis as {[bundleLoaderKey]?: BundleLoader})[bundleLoaderKey]
  return (load ? load(file) : require(file)) as Module
}
