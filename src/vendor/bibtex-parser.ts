/**
 * `@retorquere/bibtex-parser`, loaded on first use from the CommonJS bundle that
 * `scripts/bundle-vendor.mjs` builds (`dist/vendor/bibtex-parser.cjs`). Only values with
 * LaTeX need the parser (plain values take the fast path of `src/bibliography/plain-text.ts`),
 * and importing the ESM package took ~0.1 s of every run's start-up. (The package's own
 * CommonJS build cannot be required: its `.js` files sit in a `"type": "module"` package.)
 */
import {requireBundle} from './require-bundle.js'

type BibtexParser = typeof import('@retorquere/bibtex-parser')

let bundle: BibtexParser | undefined

export function bibtexParser(): BibtexParser {
  bundle ??= requireBundle<BibtexParser>('bibtex-parser')
  return bundle
}
