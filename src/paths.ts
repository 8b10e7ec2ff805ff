/**
 * Where factlint's own files are, wherever its code runs from: the TypeScript sources
 * (`src/`, as the tests run them), the compiled modules (`dist/<folder>/<module>.js`) or
 * the bundles (`dist/factlint.cjs`, `dist/bin.js`, see `scripts/bundle-cli.mjs`). A module's
 * `import.meta.url` is at a different depth in each, so paths are taken from the package
 * root, found once by walking up to `package.json`.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = fileURLToPath(import.meta.url)

function findPackageRoot(): string {
  let directory = path.dirname(here)
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory)
    if (parent === directory) throw new Error(`factlint: no package.json above ${here}`)
    directory = parent
  }
  return directory
}

/** The folder with factlint's `package.json`, `schema/`, `src/` and `dist/`. */
export const packageRoot = findPackageRoot()

/** The folder the running code is read from: `src` (the sources) or `dist` (a build). */
export const codeDirectory = path.join(packageRoot, path.relative(packageRoot, here).split(path.sep)[0] ?? 'dist')

/** The JSON Schemas, beside `src/` and `dist/` alike. */
export const schemaDirectory = path.join(packageRoot, 'schema')

/** The build's bundles of ESM-only dependencies (`scripts/bundle-vendor.mjs`), used from the sources too. */
export const vendorDirectory = path.join(packageRoot, 'dist', 'vendor')
