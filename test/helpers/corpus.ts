/**
 * Build small corpora on disk for tests: `{ 'claims/s/a.md': …, 'bibliography.bib': … }`.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll} from 'vitest'
import {lintCorpus, type LintResult} from '../../src/lint.js'
import {buildReport, type Finding} from '../../src/report/model.js'
import type {ClaimFacts, SeveritySetting} from '../../src/types.js'

export type CorpusFiles = Record<string, string | Uint8Array>

const created: string[] = []
afterAll(() => {
  for (const directory of created) rmSync(directory, {recursive: true, force: true})
})

export const defaultBibliography = `@book{lendvai2008,
  author = {Lendvai, Paul},
  title = {One Day That Shook the Communist World},
  publisher = {Princeton University Press},
  location = {Princeton},
  date = {2008},
  keywords = {tier:scholarly}
}

@online{holland2025,
  author = {Holland, Daniel},
  title = {When Hungary Rose},
  url = {https://example.org/when-hungary-rose},
  date = {2025-10-23},
  keywords = {tier:popular}
}

@article{time1956,
  author = {{Time}},
  title = {Budapest Rising},
  journaltitle = {Time},
  date = {1956-11-12},
  keywords = {tier:primary}
}
`

export const defaultMeasures = `default-tolerance: 0.1
measures:
  deaths-hungarian-1956:
    label: Hungarians killed
    kind: count
    unit: person
  date-revolution-outbreak:
    label: Day the revolution broke out
    kind: date
`

/** Write a corpus to a fresh temp folder; bibliography and measures default unless given (`null` leaves one out). */
export function writeCorpus(files: Record<string, string | Uint8Array | null>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'factlint-test-'))
  created.push(root)
  const all: Record<string, string | Uint8Array | null> = {'bibliography.bib': defaultBibliography, 'measures.yaml': defaultMeasures, ...files}
  for (const [name, content] of Object.entries(all)) {
    if (content === null) continue
    const target = path.join(root, name)
    mkdirSync(path.dirname(target), {recursive: true})
    writeFileSync(target, content)
  }
  mkdirSync(path.join(root, 'claims'), {recursive: true})
  return root
}

/** Lint a corpus written from `files`, keeping every claim's full facts (the review page's run). */
export function lintFiles(files: Record<string, string | Uint8Array | null>, ruleOverrides?: Record<string, SeveritySetting>): LintResult<ClaimFacts> {
  return lintCorpus({root: writeCorpus(files), keepFacts: true, ...(ruleOverrides ? {ruleOverrides} : {})})
}

/** The findings of `check`'s run (summaries only), optionally of one rule. */
export function findings(files: Record<string, string | Uint8Array | null>, rule?: string): Finding[] {
  const result = lintCorpus({root: writeCorpus(files)})
  return buildReport(result).findings.filter((finding) => rule === undefined || finding.rule === rule)
}

/** `file:line:column: message` lines, as the tables assert them. */
export function lines(files: Record<string, string | Uint8Array | null>, rule?: string): string[] {
  return findings(files, rule).map((finding) => `${finding.file ?? ''}:${finding.line ?? ''}:${finding.column ?? ''}: ${finding.message}`)
}

/** A claim file from frontmatter lines and a body. */
export function claim(frontmatter: string, body = 'A claim.'): string {
  return `---\n${frontmatter.trim()}\n---\n${body}\n`
}

/** A valid claim citing the default sources. */
export function validClaim(id: string, extra = '', body = 'Rákosi ruled Hungary.'): string {
  return claim(`id: ${id}\nstatus: unverified\nsources:\n  - key: lendvai2008\n    locator: "p. 12"\n${extra}`, body)
}
