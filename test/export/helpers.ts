/**
 * Shared by the export tests: the bibliographies they export, the CLI in-process, the
 * official CSL-JSON schema, and a CSL-JSON → BibLaTeX converter that stands for a
 * reference manager importing our CSL-JSON and exporting BibTeX again.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import {readBibliography, type Bibliography} from '../../src/bibliography/index.js'
import {main} from '../../src/cli.js'
import type {CommandIo} from '../../src/commands/io.js'

export const repositoryRoot = path.resolve(import.meta.dirname, '../..')
export const corpusRoot = path.join(repositoryRoot, 'corpus')

export const bibliographies = {
  corpus: path.join(corpusRoot, 'bibliography.bib'),
  'zotero-export': path.join(repositoryRoot, 'test/fixtures/bibliography/zotero-export.bib'),
  'biblatex-examples': path.join(repositoryRoot, 'test/fixtures/bibliography/biblatex-examples.bib'),
  'round-trip': path.join(repositoryRoot, 'test/fixtures/export/round-trip.bib')
} as const

const read = new Map<string, Bibliography>()
export function bibliography(name: keyof typeof bibliographies): Bibliography {
  let bib = read.get(name)
  if (!bib) {
    bib = readBibliography(readFileSync(bibliographies[name], 'utf8'), {allowUndated: ['online', 'misc']})
    read.set(name, bib)
  }
  return bib
}

/** Distinct keys in file order. */
export function keysOf(bib: Bibliography): string[] {
  return [...new Set(bib.entries.map((entry) => entry.key))]
}

export async function runCli(argv: string[], options: {cwd?: string; env?: Record<string, string>} = {}) {
  let stdout = ''
  let stderr = ''
  const io: CommandIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: options.cwd ?? repositoryRoot,
    env: options.env ?? {},
    isTTY: false
  }
  const status = await main(argv, io)
  return {status, stdout, stderr}
}

/** The official CSL-JSON schema (draft-07), beside the repository in `shared/`. */
const cslSchema = JSON.parse(readFileSync(path.join(repositoryRoot, '../shared/external-schemas/csl-data.json'), 'utf8')) as object
// Both packages are CommonJS with `exports.default`; NodeNext types the import as the module.
const ajv = new Ajv.default({allowUnionTypes: true})
addFormats.default(ajv)
export const validateCslData = ajv.compile(cslSchema)

const require = createRequire(import.meta.url)
interface CitationCore {
  Cite: new (data: unknown) => {format(style: string, options?: {format?: string}): unknown}
  plugins: {config: {get(name: string): unknown}}
}

/**
 * CSL-JSON → BibLaTeX with citation-js, keys kept (`checkLabel` off: by default it
 * replaces keys with hyphens), Unicode kept.
 */
export function cslToBiblatexText(items: unknown[]): string {
  const core = require('@citation-js/core') as CitationCore
  require('@citation-js/plugin-bibtex')
  const config = core.plugins.config.get('@bibtex') as {format: {asciiOnly: boolean; checkLabel: boolean}}
  const previous = {...config.format}
  config.format.asciiOnly = false
  config.format.checkLabel = false
  try {
    return new core.Cite(items).format('biblatex', {format: 'text'}) as string
  } finally {
    Object.assign(config.format, previous)
  }
}
