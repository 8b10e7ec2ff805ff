/**
 * The SARIF reporter against the official OASIS schema (errata 01, draft-04), plus the
 * demands of GitHub's ingestion that the schema does not state.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import type {Log, Result} from 'sarif'
import {describe, expect, it} from 'vitest'
import {buildReport, type ReportData} from '../../src/report/model.js'
import {buildSarif, formatSarif, repositoryUri, sarifSchemaUri} from '../../src/reporters/sarif.js'
import {ruleList} from '../../src/rules/index.js'
import {claim, lintFiles, validClaim} from '../helpers/corpus.js'

// CI checks out shared/ beside the repository, as on the development machine.
const schemaFile = path.resolve(import.meta.dirname, '../../../shared/external-schemas/sarif-schema-2.1.0.json')

function sarifValidator() {
  // Both packages are CommonJS with `exports.default`; NodeNext types the import as the module.
  const ajv = new AjvDraft04.default({allErrors: true})
  addFormats.default(ajv)
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object)
}

/** Findings of every shape: a conflict pair with causes, a corpus-wide one, odd paths. */
function sampleReport(): ReportData {
  const result = lintFiles({
    'bibliography.bib': null,
    'claims/s/a.md': validClaim('a'),
    'claims/t/a.md': validClaim('a'),
    'claims/odd folder/é x.md': claim('id: e-x\nstatus: unverified\nsources: []')
  })
  return buildReport(result)
}

describe('SARIF reporter', () => {
  const validate = sarifValidator()

  it('validates against the official SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatSarif(sampleReport(), {rootFromRepository: 'corpus'})) as unknown
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('has a validator that can fail: an unencoded path is invalid', () => {
    const log = buildSarif(sampleReport(), {rootFromRepository: 'corpus'})
    const location = log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation
    if (location) location.uri = 'corpus/claims/odd folder/é x.md'
    expect(validate(log)).toBe(false)
  })

  it('validates when there are no findings at all', () => {
    const log = buildSarif({version: 1, findings: [], summary: {claims: 0, sources: 0, measures: 0, errors: 0, warnings: 0, infos: 0, unknownLocators: 0}}, {rootFromRepository: ''})
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
    expect(log.runs[0]?.results).toEqual([])
  })

  it('describes the tool and every rule of the registry with help and a docs link', () => {
    const log = buildSarif(sampleReport(), {rootFromRepository: 'corpus', docsUrl: 'https://example.org/rules/'})
    expect(log.$schema).toBe(sarifSchemaUri)
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const driver = log.runs[0]?.tool.driver
    expect(driver?.name).toBe('factlint')
    expect(driver?.version).toMatch(/^\d+\.\d+\.\d+/)
    const ids = driver?.rules?.map((rule) => rule.id)
    expect(ids).toEqual(expect.arrayContaining(ruleList.map((rule) => rule.id)))
    const uncited = driver?.rules?.find((rule) => rule.id === 'uncited')
    // SARIF1001: a name equal to the id (ignoring case) is left out; GH2012 wants a full description.
    expect(uncited?.name).toBeUndefined()
    expect(driver?.rules?.find((rule) => rule.id === 'unknown-source')?.name).toBe('UnknownSource')
    expect(uncited?.fullDescription?.text).toContain('https://example.org/rules/uncited.md')
    expect(uncited).toMatchObject({
      shortDescription: {text: 'A claim with no sources that is not a draft.'},
      helpUri: 'https://example.org/rules/uncited.md',
      defaultConfiguration: {level: 'error'}
    })
    expect(uncited?.help?.text).toContain('https://example.org/rules/uncited.md')
  })

  it('gives each result a repository-relative location, its level and a rule index', () => {
    const log = buildSarif(sampleReport(), {rootFromRepository: 'corpus'})
    const run = log.runs[0]
    expect(run?.originalUriBaseIds).toEqual({'%SRCROOT%': {description: {text: 'The root of the repository that holds the corpus.'}}})
    const results = run?.results ?? []
    const uncited = results.find((result) => result.ruleId === 'uncited') as Result
    expect(uncited.level).toBe('error')
    expect(run?.tool.driver.rules?.[uncited.ruleIndex ?? -1]?.id).toBe('uncited')
    expect(uncited.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: {uri: 'corpus/claims/odd%20folder/%C3%A9%20x.md', uriBaseId: '%SRCROOT%'},
      region: {startLine: 4, startColumn: 1, endLine: 4, endColumn: 8}
    })
    expect(uncited.message.text).toMatch(/^Unexpected claim without sources.*\.$/)
  })

  it('points a conflict at the other claim with relatedLocations', () => {
    const results = buildSarif(sampleReport(), {rootFromRepository: 'corpus'}).runs[0]?.results ?? []
    const duplicates = results.filter((result) => result.ruleId === 'duplicate-id')
    expect(duplicates).toHaveLength(2)
    const first = duplicates[0] as Result
    expect(first.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('corpus/claims/s/a.md')
    expect(first.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {artifactLocation: {uri: 'corpus/claims/t/a.md', uriBaseId: '%SRCROOT%'}, region: {startLine: 2, startColumn: 5}},
        message: {text: expect.stringMatching(/\.$/)}
      }
    ])
  })

  it('places corpus-wide findings on the corpus folder, line 1, as GitHub needs a file and a line', () => {
    const results = buildSarif(sampleReport(), {rootFromRepository: 'corpus'}).runs[0]?.results ?? []
    const missing = results.find((result) => result.ruleId === 'bibliography') as Result
    expect(missing.message.text).toContain('Missing bibliography')
    expect(missing.locations?.[0]?.physicalLocation).toEqual({artifactLocation: {uri: 'corpus/', uriBaseId: '%SRCROOT%'}, region: {startLine: 1}})
  })

  it('fingerprints results stably and uniquely', () => {
    const report = sampleReport()
    const first = buildSarif(report, {rootFromRepository: 'corpus'}).runs[0]?.results ?? []
    const second = buildSarif(report, {rootFromRepository: 'corpus'}).runs[0]?.results ?? []
    const prints = first.map((result) => result.partialFingerprints?.['factlintFinding/v1'])
    expect(prints).toEqual(second.map((result) => result.partialFingerprints?.['factlintFinding/v1']))
    expect(new Set(prints).size).toBe(prints.length)
  })

  it('is the same bytes on every run', () => {
    expect(formatSarif(sampleReport(), {rootFromRepository: 'corpus'})).toBe(formatSarif(sampleReport(), {rootFromRepository: 'corpus'}))
  })

  it('percent-encodes paths and names the corpus folder when there is no file', () => {
    expect(repositoryUri('claims/a b/[x]#1.md', '')).toBe('claims/a%20b/%5Bx%5D%231.md')
    expect(repositoryUri(undefined, '')).toBe('./')
    expect(repositoryUri(undefined, 'data/corpus')).toBe('data/corpus/')
    expect(repositoryUri('claims/a.md', 'data/corpus/')).toBe('data/corpus/claims/a.md')
  })

  it('keeps the result message a sentence and carries the note', () => {
    const report: ReportData = {
      version: 1,
      findings: [{rule: 'schema', severity: 'warning', message: 'Unexpected `x`, expected `y`', note: 'Allowed: `y`, `z`', file: 'claims/a.md', line: 3, column: 2}],
      summary: {claims: 1, sources: 0, measures: 0, errors: 0, warnings: 1, infos: 0, unknownLocators: 0}
    }
    const log: Log = buildSarif(report, {rootFromRepository: ''})
    expect(log.runs[0]?.results?.[0]).toMatchObject({level: 'warning', message: {text: 'Unexpected `x`, expected `y`. Allowed: `y`, `z`.'}})
  })
})
