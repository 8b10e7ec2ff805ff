/**
 * The little of citation-js that `csl.ts` uses (the packages ship no types). Kept here so
 * that no citation-js type leaks out of the adapter.
 */
declare module '@citation-js/core' {
  interface ChainOptions {
    forceType?: string
    generateGraph?: boolean
    strict?: boolean
    target?: string
  }
  export const plugins: {
    input: {
      chain(input: unknown, options?: ChainOptions): unknown
    }
  }
  export const logger: {
    /** Every message citation-js ever logged; it only grows. */
    _log: unknown[]
    level: string
  }
}

declare module '@citation-js/plugin-bibtex' {}
