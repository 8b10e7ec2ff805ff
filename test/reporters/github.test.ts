import {describe, expect, it} from 'vitest'
import type {ReportData} from '../../src/report/model.js'
import {formatGithub} from '../../src/reporters/github.js'

const summary = {claims: 2, sources: 1, measures: 0, errors: 1, warnings: 1, infos: 1, unknownLocators: 0}

describe('GitHub annotations reporter', () => {
  it('writes one workflow command per finding, paths from the repository root', () => {
    const report: ReportData = {
      version: 1,
      findings: [
        {rule: 'uncited', severity: 'error', message: 'Unexpected claim without sources', file: 'claims/s/a.md', line: 4, column: 1, endLine: 4, endColumn: 8},
        {rule: 'locator-needed', severity: 'warning', message: 'Unexpected locator `unknown`', file: 'claims/s/b.md', line: 9, column: 14},
        {rule: 'relation', severity: 'info', message: 'Relation `r` not evaluated', file: 'measures.yaml', line: 3, column: 5}
      ],
      summary
    }
    expect(formatGithub(report, {rootFromRepository: 'corpus'})).toBe(
      [
        '::error file=corpus/claims/s/a.md,line=4,endLine=4,col=1,endColumn=8,title=factlint uncited::Unexpected claim without sources',
        '::warning file=corpus/claims/s/b.md,line=9,col=14,title=factlint locator-needed::Unexpected locator `unknown`',
        '::notice file=corpus/measures.yaml,line=3,col=5,title=factlint relation::Relation `r` not evaluated',
        'factlint: 1 error, 1 warning, 1 info in 2 claims',
        ''
      ].join('\n')
    )
  })

  it('escapes properties and data so corpus text cannot end or forge a command', () => {
    const report: ReportData = {
      version: 1,
      findings: [
        {
          rule: 'schema',
          severity: 'error',
          message: 'Bad 100% value\n::error::forged',
          note: 'Allowed: a, b',
          file: 'claims/a,b:c/x.md',
          line: 1,
          column: 1,
          cause: {file: 'claims/y.md', line: 2}
        }
      ],
      summary
    }
    const [line] = formatGithub(report, {rootFromRepository: ''}).split('\n')
    expect(line).toBe('::error file=claims/a%2Cb%3Ac/x.md,line=1,col=1,title=factlint schema::Bad 100%25 value%0A::error::forged%0AAllowed: a, b%0ASee also claims/y.md:2')
  })

  it('annotates corpus-wide findings without a file', () => {
    const report: ReportData = {version: 1, findings: [{rule: 'bibliography', severity: 'error', message: 'Missing bibliography'}], summary}
    expect(formatGithub(report, {rootFromRepository: 'corpus'}).split('\n')[0]).toBe('::error title=factlint bibliography::Missing bibliography')
  })
})
