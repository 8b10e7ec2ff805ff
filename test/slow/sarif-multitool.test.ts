/**
 * Microsoft's SARIF validator with GitHub's ingestion rules (`--rule-kind "Sarif;Gh"`),
 * on the SARIF of a corpus with every shape of finding and on the real corpus. The
 * validator exits 0 even when the file is invalid, so the test reads its output log and
 * fails on any result. It needs `@microsoft/sarif-multitool` (its Linux binary) and runs
 * whenever the validator is installed (a devDependency), and always in CI.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintCorpus} from '../../src/lint.js'
import {buildReport} from '../../src/report/model.js'
import {formatSarif} from '../../src/reporters/sarif.js'
import {claim, validClaim, writeCorpus} from '../helpers/corpus.js'

const repository = path.resolve(import.meta.dirname, '../..')
const multitool = path.join(repository, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool')
// The validator is a devDependency; in CI it must be there, elsewhere the test says why it skips.
const enabled = existsSync(multitool) || process.env.CI === 'true'

interface ValidationLog {
  runs?: Array<{
    results?: Array<{ruleId?: string; level?: string; message?: {text?: string}; locations?: Array<{physicalLocation?: {region?: {startLine?: number}}}>}>
    invocations?: Array<{executionSuccessful?: boolean; toolExecutionNotifications?: Array<{message?: {text?: string}}>}>
  }>
}

/** Validate one SARIF file; the problems the validator found, as lines. */
function validate(sarifFile: string): string[] {
  const outputFile = path.join(mkdtempSync(path.join(tmpdir(), 'factlint-multitool-')), 'validation.sarif')
  // The platform binary directly: the npm wrapper passes its arguments through a shell,
  // which splits `Sarif;Gh` at the semicolon and silently drops GitHub's rules.
  const run = spawnSync(
    multitool,
    ['validate', sarifFile, '--output', outputFile, '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning'],
    {cwd: repository, encoding: 'utf8', timeout: 170000}
  )
  if (!existsSync(outputFile)) throw new Error(`The validator wrote no output (exit ${run.status}):\n${run.stdout}\n${run.stderr}`)
  const log = JSON.parse(readFileSync(outputFile, 'utf8')) as ValidationLog
  const problems: string[] = []
  for (const logRun of log.runs ?? []) {
    for (const result of logRun.results ?? []) problems.push(`${result.ruleId ?? '?'} ${result.level ?? ''}: ${result.message?.text ?? ''}`)
    for (const invocation of logRun.invocations ?? []) {
      if (invocation.executionSuccessful === false) {
        problems.push(`validator failed: ${(invocation.toolExecutionNotifications ?? []).map((note) => note.message?.text ?? '').join('; ')}`)
      }
    }
  }
  return problems
}

function sarifOf(root: string, rootFromRepository: string): string {
  const result = lintCorpus({root})
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'factlint-sarif-')), 'findings.sarif')
  writeFileSync(file, formatSarif(buildReport(result), {rootFromRepository, docsUrl: result.corpus.config.docsUrl}))
  return file
}

describe.skipIf(!enabled)('SARIF through @microsoft/sarif-multitool', () => {
  it('passes for findings of every shape: conflicts, corpus-wide, odd paths, infos', () => {
    const root = writeCorpus({
      'bibliography.bib': null,
      'claims/s/a.md': validClaim('a'),
      'claims/t/a.md': validClaim('a'),
      'claims/odd folder/é x.md': claim('id: e-x\nstatus: unverified\nsources: []')
    })
    expect(validate(sarifOf(root, 'corpus'))).toEqual([])
  })

  it('passes for the real corpus', () => {
    expect(validate(sarifOf(path.join(repository, 'corpus'), 'corpus'))).toEqual([])
  })
})
