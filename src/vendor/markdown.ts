/**
 * unified + remark-parse, loaded on first use from the CommonJS bundle that
 * `scripts/bundle-vendor.mjs` builds (`dist/vendor/markdown.cjs`). Claim bodies that are
 * plain prose (nearly all) never need a Markdown parser, and importing the ESM packages
 * took ~40–50 ms of every run's start-up; the bundle loads in a few milliseconds, when a
 * body first needs it. See `src/vendor/README.md`.
 */
import {requireBundle} from './require-bundle.js'

interface MarkdownBundle {
  unified: typeof import('unified').unified
  remarkParse: typeof import('remark-parse').default
}

let bundle: MarkdownBundle | undefined

export function markdownModules(): MarkdownBundle {
  bundle ??= requireBundle<MarkdownBundle>('markdown')
  return bundle
}
