/**
 * vitest global setup: the sources load remark and the BibTeX parser from the bundles in
 * `dist/vendor/` (see `src/vendor/README.md`). `npm test` builds them; this builds them
 * when a test file runs before any build.
 */
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'

export default function setup(): void {
  if (['markdown', 'bibtex-parser'].every((name) => existsSync(`dist/vendor/${name}.cjs`))) return
  execFileSync(process.execPath, ['scripts/bundle-vendor.mjs'], {stdio: 'inherit'})
}
