/**
 * Where the command line (`src/bin.ts`) puts its loader of CommonJS bundles, which runs
 * them through its code cache (`src/code-cache.ts`); `requireBundle` uses it when it is
 * there. A module of its own, so that the command line imports nothing else of factlint's.
 */
export const bundleLoaderKey = Symbol.for('factlint.loadBundle')

export type BundleLoader = (file: string) => unknown
