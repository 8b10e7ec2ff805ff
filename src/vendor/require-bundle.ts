/** Require a bundle of `dist/vendor/` (from a build, or from the sources in tests). */
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {vendorDirectory} from '../paths.js'

const require = createRequire(import.meta.url)

export function requireBundle<Module>(name: string): Module {
  const file = path.join(vendorDirectory, `${name}.cjs`)
  if (!existsSync(file)) throw new Error(`factlint: ${file} is missing; \`npm run build\` writes it (scripts/bundle-vendor.mjs)`)
  return require(file) as Module
}
