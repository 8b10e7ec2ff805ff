/**
 * SARIF 2.1.0 (OASIS, errata 01): one run, the tool's rules, one result per finding.
 * Written for GitHub code scanning as well as the spec: GitHub ignores `originalUriBaseIds`
 * and reads every relative `uri` from the repository root, so each `uri` is the
 * repository-relative path with `uriBaseId: %SRCROOT%`, the base declared (without an
 * absolute value, which would break determinism) in `originalUriBaseIds`. Microsoft's
 * validator (`--rule-kind "Sarif;Gh"`) adds a few more demands that shape this file:
 * every result has a location with a `startLine` (corpus-wide findings point at the
 * corpus folder, line 1), related locations carry a message, messages end with a period,
 * rules have a friendly `name` different from their `id`, and the tool gives its version.
 */
import {createHash} from 'node:crypto'
import type {Location as SarifLocation, Log, ReportingDescriptor, Result} from 'sarif'
import {version} from '../version.js'
import {defaultDocsUrl} from '../corpus/config.js'
import type {Finding, Location, ReportData} from '../report/model.js'
import {ruleList} from '../rules/index.js'
import type {Severity} from '../types.js'
import {jsonDocumentChunks} from './json-chunks.js'

/** The errata-01 schema; its URL ends in `2.1.0.json`, which the validator's SARIF1011 expects. */
export const sarifSchemaUri = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'
export const repositoryRootBaseId = '%SRCROOT%'
const informationUri = 'https://github.com/factlint/factlint'

export interface SarifOptions {
  /** Path of the corpus root relative to the repository root, `/`-separated (`''` when they are the same). */
  rootFromRepository: string
  /** Where the rule pages live; a rule's page is `${docsUrl}${id}.md`. */
  docsUrl?: string
}

const levels: Record<Severity, Result.level> = {error: 'error', warning: 'warning', info: 'note'}

export function buildSarif(report: ReportData, options: SarifOptions): Log {
  const docsUrl = options.docsUrl ?? defaultDocsUrl
  const rules = ruleDescriptors(report.findings, docsUrl)
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))
  const occurrences = new Map<string, number>()
  const results = report.findings.map((finding): Result => {
    const result: Result = {
      ruleId: finding.rule,
      ruleIndex: ruleIndex.get(finding.rule) ?? 0,
      level: levels[finding.severity],
      message: {text: sentence(finding.note ? `${sentence(finding.message)} ${finding.note}` : finding.message)},
      locations: [location(finding, options.rootFromRepository)],
      partialFingerprints: {'factlintFinding/v1': fingerprint(finding, occurrences)}
    }
    if (finding.cause) {
      result.relatedLocations = [
        {id: 1, ...location(finding.cause, options.rootFromRepository), message: {text: sentence(finding.cause.message ?? 'The other place involved')}}
      ]
    }
    return result
  })
  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'factlint', version: version(), informationUri, rules}},
        originalUriBaseIds: {[repositoryRootBaseId]: {description: {text: 'The root of the repository that holds the corpus.'}}},
        results,
        columnKind: 'utf16CodeUnits'
      }
    ]
  }
}

/** The SARIF log as JSON, piece by piece: two-space indent, trailing newline. */
export function formatSarifChunks(report: ReportData, options: SarifOptions): Generator<string> {
  return jsonDocumentChunks(buildSarif(report, options))
}

/** The SARIF log as one string. */
export function formatSarif(report: ReportData, options: SarifOptions): string {
  return [...formatSarifChunks(report, options)].join('')
}

/** Every rule of the registry (so a clean run still documents them), then any other rule a finding names. */
function ruleDescriptors(findings: readonly Finding[], docsUrl: string): ReportingDescriptor[] {
  const known = new Map(ruleList.map((rule) => [rule.id, rule]))
  const extra = [...new Set(findings.map((finding) => finding.rule))].filter((id) => !known.has(id)).sort()
  const descriptors: ReportingDescriptor[] = []
  for (const id of [...known.keys(), ...extra]) {
    const rule = known.get(id)
    const helpUri = `${docsUrl}${id}.md`
    const description = sentence(rule?.description ?? `Findings of the rule \`${id}\``)
    const name = pascalCase(id)
    descriptors.push({
      id,
      // SARIF1001: a name that equals the id (ignoring case, as the validator does) is omitted.
      ...(name.toLowerCase() === id.toLowerCase() ? {} : {name}),
      shortDescription: {text: description},
      // GitHub's ingestion (GH2012) requires a full description.
      fullDescription: {text: `${description} See ${helpUri} for what it checks, why it matters and how to fix it.`},
      helpUri,
      help: {text: `${description} Documentation: ${helpUri}`, markdown: `${description} [Documentation](${helpUri})`},
      ...(rule ? {defaultConfiguration: {level: levels[rule.defaultSeverity]}} : {})
    })
  }
  return descriptors
}

function location(place: Finding | Location, rootFromRepository: string): SarifLocation {
  const start = {line: place.line ?? 1, column: place.column}
  const end = 'endLine' in place && place.endLine !== undefined ? {line: place.endLine, column: place.endColumn} : undefined
  const region: NonNullable<NonNullable<SarifLocation['physicalLocation']>['region']> = {startLine: start.line}
  if (start.column !== undefined) region.startColumn = start.column
  // An end before the start would break SARIF1007; vfile never gives one, but a cause might lack columns.
  if (end && (end.line > start.line || (end.line === start.line && (end.column ?? 0) >= (start.column ?? 1)))) {
    region.endLine = end.line
    if (end.column !== undefined) region.endColumn = end.column
  }
  return {
    physicalLocation: {
      artifactLocation: {uri: repositoryUri(place.file, rootFromRepository), uriBaseId: repositoryRootBaseId},
      region
    }
  }
}

/** A corpus path as a repository-relative URI, percent-encoded per segment; no file means the corpus folder. */
export function repositoryUri(file: string | undefined, rootFromRepository: string): string {
  const segments = [...rootFromRepository.split('/'), ...(file ?? '').split('/')].filter((segment) => segment !== '' && segment !== '.')
  const path = segments.map(encodeURIComponent).join('/')
  if (file !== undefined) return path
  return path === '' ? './' : `${path}/`
}

/**
 * Stable across runs and line shifts (rule, file and message, not line), numbered when
 * the same finding occurs twice in a file, as GitHub's own `primaryLocationLineHash` is.
 */
function fingerprint(finding: Finding, occurrences: Map<string, number>): string {
  const hash = createHash('sha256').update(`${finding.rule}\u0000${finding.file ?? ''}\u0000${finding.message}`).digest('hex').slice(0, 32)
  const count = (occurrences.get(hash) ?? 0) + 1
  occurrences.set(hash, count)
  return `${hash}:${count}`
}

/** Plain-text SARIF messages are sentences (validator rule SARIF2001). */
function sentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
}
