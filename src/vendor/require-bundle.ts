/** Require a bundle of `dist/vendor/` (from the compiled modules, or from the sources in tests). */
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

const require = createRequire(import.meta.url)

export function requireBundle<Module>(name: string): Module {
  // `src/vendor/` and `dist/vendor/` are both two levels below the package root.
  const file = fileURLToPath(new URL(`../../dist/vendor/${name}.cjs`, import.meta.url))
  if (!existsSync(file)) throw new Error(`factlint: ${file} is missing; \`npm run build\` writes it (scripts/bundle-vendor.mjs)`)
  return require(file) as Module
}
