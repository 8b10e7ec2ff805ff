/**
 * The little of citation-js that this folder uses (the packages ship no types): `csl.ts`
 * reads BibLaTeX, `from-csl.ts` writes it. Declared here so that no citation-js type
 * leaks out of the adapter.
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
    config: {
      get(ref: string): unknown
    }
  }
  export class Cite {
    constructor(data?: unknown, options?: object)
    format(format: string, options?: object): unknown
  }
  export const logger: {
    /** Every message citation-js ever logged; it only grows. */
    _log: unknown[]
    level: string
  }
}

declare module '@citation-js/plugin-bibtex' {}
