/**
 * The pipeline, stage by stage: read → parse → validate → collect (per file, plain data)
 * → check the set (rules) → findings. A stage that fails on one file becomes a finding on
 * that file; the run goes on.
 */
import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {VFileMessage} from 'vfile-message'
import {readBibliography, type Bibliography} from './bibliography/read.js'
import {ConfigError, UsageError} from './errors.js'
import {loadConfig, type Config, type RuleSetting} from './corpus/config.js'
import {emptyRegistry, readMeasures, type MeasureRegistry} from './corpus/measures.js'
import {openClaimCache, type CacheOptions, type CorpusInputs} from './cache/claim-cache.js'
import {checkFiles, corpusContext, type FileOutcome, type FilePhase, type RuleReport} from './pipeline/check-file.js'
import {checkInParallel, workerCount} from './pipeline/parallel.js'
import {parseClaimFiles as parseFiles} from './pipeline/parse-files.js'
import {compareStrings, listMarkdownFiles, readSource} from './pipeline/read.js'
import {optionsValidator} from './schema/ajv.js'
import {explainErrors} from './yaml/validate.js'
import {addRuleTime, stage, timingEnabled} from './timing.js'
import {isRuleId, ruleList, type RuleId} from './rules/index.js'
import type {Corpus, Report, Rule} from './rules/create-rule.js'
import type {Point, Position} from 'unist'
import type {ClaimFacts, ClaimSummary, Place, Severity, SeveritySetting} from './types.js'

export {UsageError}

export interface LintOptions {
  root: string
  /** `--rule id=severity` flags: override config. */
  ruleOverrides?: Record<string, SeveritySetting>
  /** `--cache`: reuse the per-file outcomes of unchanged files (see `src/cache/`). */
  cache?: CacheOptions
  /**
   * Keep every claim's full facts in the result (the review page shows bodies). Off, a run
   * keeps only each claim's summary once its per-file rules have run.
   */
  keepFacts?: boolean
}

export interface LintResult<Claim extends ClaimSummary = ClaimSummary> {
  corpus: Corpus<Claim>
  /** Every finding, sorted (file, line, column, rule, message). */
  messages: VFileMessage[]
  /** The resolved severity of each rule (`off` for rules not run). */
  severities: Record<string, SeveritySetting>
}

interface ResolvedRule {
  rule: Rule<unknown>
  severity: Severity
  options: unknown
}

export function resolveRules(config: Config, overrides: Record<string, SeveritySetting> = {}): ResolvedRule[] {
  for (const id of [...Object.keys(config.rules), ...Object.keys(overrides)]) {
    if (!isRuleId(id)) throw new UsageError(`Unknown rule \`${id}\`; known rules: ${ruleList.map((rule) => rule.id).join(', ')}`)
  }
  const resolved: ResolvedRule[] = []
  for (const rule of ruleList as Array<Rule<unknown>>) {
    const setting: RuleSetting | undefined = config.rules[rule.id]
    const [configSeverity, configOptions] = Array.isArray(setting) ? [setting[0], setting[1]] : [setting, undefined]
    const severity = overrides[rule.id] ?? configSeverity ?? rule.defaultSeverity
    if (severity === 'off') continue
    if (configOptions !== undefined) {
      if (!rule.optionsSchema) throw new ConfigError('factlint.config.json', [{reason: `Unexpected options for rule \`${rule.id}\`, which takes none`}])
      const validate = optionsValidator(rule.id, rule.optionsSchema)
      if (!validate(configOptions)) {
        throw new ConfigError('factlint.config.json', explainErrors(validate.errors ?? []).map(({reason}) => ({reason: `Rule \`${rule.id}\` options: ${reason}`})))
      }
    }
    resolved.push({rule, severity, options: {...(rule.defaultOptions as object | undefined), ...configOptions}})
  }
  return resolved
}

/** Read and parse claim files in this thread. */
export function parseClaimFiles(root: string, files: string[], config: Config): ClaimFacts[] {
  return parseFiles(root, files, config.maxFileSize)
}

export function loadBibliography(root: string, config: Config, allowUndated: string[]): {bibliography: Bibliography; present: boolean} {
  const file = path.join(root, config.paths.bibliography)
  if (!existsSync(file)) return {bibliography: readBibliography(''), present: false}
  const read = readSource(file, 64 * 1024 * 1024)
  if (!read.ok) {
    const bibliography = readBibliography('')
    bibliography.problems.push({...read.problem, kind: 'parse'})
    return {bibliography, present: true}
  }
  return {bibliography: readBibliography(read.text, {allowUndated}), present: true}
}

export function loadMeasures(root: string, config: Config): MeasureRegistry {
  const file = path.join(root, config.paths.measures)
  if (!existsSync(file)) return emptyRegistry(false)
  const read = readSource(file, 64 * 1024 * 1024)
  if (!read.ok) {
    const registry = emptyRegistry(true)
    registry.problems.push(read.problem)
    return registry
  }
  return readMeasures(read.text, config.tolerances)
}

/**
 * Lint a corpus in two phases, as remark-validate-links does: each claim file is read,
 * parsed and checked by the per-file rules on its own (in this thread, in workers, or
 * taken from the cache), keeping a small summary; then the cross-file rules check the
 * set of summaries once.
 */
export function lintCorpus(options: LintOptions & {keepFacts: true}): LintResult<ClaimFacts>
export function lintCorpus(options: LintOptions): LintResult
export function lintCorpus(options: LintOptions): LintResult<ClaimSummary | ClaimFacts> {
  if (options.cache && options.keepFacts) throw new UsageError('The cache keeps summaries, not full facts: `keepFacts` and `cache` cannot be combined')
  const root = path.resolve(options.root)
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`No corpus at \`${options.root}\`: expected a folder with \`claims/\`, \`bibliography.bib\` and \`measures.yaml\``)
  }
  const config = loadConfig(root)
  const resolved = resolveRules(config, options.ruleOverrides)
  const bibliographyOptions = resolved.find((item) => item.rule.id === 'bibliography')?.options as {allowUndated?: string[]} | undefined
  stage('start-up, config')
  const files = listMarkdownFiles(root, config.paths.claims)
  stage('list claim files')
  const cache = options.cache ? openClaimCache(root, config, options.ruleOverrides ?? {}, options.cache) : undefined
  let inputs: CorpusInputs | undefined = cache?.inputs()
  if (!inputs) {
    const {bibliography, present} = loadBibliography(root, config, bibliographyOptions?.allowUndated ?? [])
    inputs = {bibliography, bibliographyPresent: present, measures: loadMeasures(root, config)}
    cache?.saveInputs(inputs)
  }
  stage(cache ? 'open the cache, bibliography and measures' : 'bibliography and measures')
  const context = corpusContext(root, config, inputs.bibliography, inputs.bibliographyPresent, inputs.measures)
  const phase: FilePhase = {context, rules: resolved.filter((item) => item.rule.checkClaim), keepFacts: options.keepFacts ?? false}

  const workers = cache ? 0 : workerCount(files.length)
  const outcomes = cache
    ? cache.check(files, phase)
    : workers > 0
      ? checkInParallel(files, phase, workers)
      : checkFiles(files, phase)
  if (!cache) stage(workers > 0 ? `per-file phase (main thread and ${workers} worker${workers === 1 ? '' : 's'})` : 'per-file phase')

  const corpus: Corpus<ClaimSummary | ClaimFacts> = {
    ...context,
    claims: outcomes.filter((outcome) => outcome.readable).map((outcome) => outcome.claim),
    allClaims: outcomes.map((outcome) => outcome.claim)
  }
  const messages = runRules(corpus, outcomes, resolved)
  stage('messages')
  const severities: Record<string, SeveritySetting> = {}
  for (const rule of ruleList) severities[rule.id] = resolved.find((item) => item.rule === rule)?.severity ?? 'off'
  return {corpus, messages, severities}
}

/** The per-file reports of the outcomes, then the cross-file rules on the summaries. */
function runRules(corpus: Corpus, outcomes: readonly FileOutcome[], resolved: ResolvedRule[]): VFileMessage[] {
  const severity = new Map(resolved.map((item) => [item.rule.id, item.severity]))
  const reports: RuleReport[] = []
  const unreadable = new Set<string>()
  for (const outcome of outcomes) {
    if (!outcome.readable) unreadable.add(outcome.claim.path)
    for (const report of outcome.reports) reports.push(report)
  }
  for (const {rule, options} of resolved) {
    if (!rule.checkCorpus) continue
    const ruleId = rule.id as RuleId
    const started = timingEnabled ? performance.now() : 0
    rule.checkCorpus(corpus, {
      options,
      report(report) {
        // A file with a `frontmatter` finding gets no other finding.
        if (report.file === undefined || !unreadable.has(report.file)) reports.push({...report, ruleId})
      }
    })
    if (timingEnabled) addRuleTime(ruleId, performance.now() - started)
  }
  stage('cross-file rules')
  // Findings are plain reports, not thrown errors: their stack traces would only cost time.
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return reports.map((report) => toMessage(report, severity.get(report.ruleId) ?? 'error', corpus.config)).sort(compareMessages)
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
}

function toMessage(report: RuleReport, severity: Severity, config: Config): VFileMessage {
  const {ruleId} = report
  const message = new VFileMessage(report.reason, {
    place: unistPlace(report.place),
    ruleId,
    source: 'factlint',
    ...(report.cause ? {cause: relatedMessage(report.cause)} : {})
  })
  if (report.file !== undefined) message.file = report.file
  const effective: Severity = report.documented ? 'info' : severity
  message.fatal = effective === 'error' ? true : effective === 'warning' ? false : undefined
  message.url = `${config.docsUrl}${ruleId}.md`
  if (report.note !== undefined) message.note = report.note
  if (report.actual !== undefined) message.actual = report.actual
  if (report.expected !== undefined) message.expected = report.expected
  return message
}

function relatedMessage(related: NonNullable<Report['cause']>): VFileMessage {
  const message = new VFileMessage(related.reason ?? 'Related place', {place: unistPlace(related.place), source: 'factlint'})
  message.file = related.file
  return message
}

/** vfile wants a whole position or a point; our places may lack an end. */
function unistPlace(place: Place | undefined): Position | Point | undefined {
  if (!place) return undefined
  return place.end ? {start: place.start, end: place.end} : place.start
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** Corpus-wide findings first, then by file, line, column, rule, message. */
export function compareMessages(a: VFileMessage, b: VFileMessage): number {
  return (
    compareStrings(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareStrings(a.ruleId ?? '', b.ruleId ?? '') ||
    compareStrings(a.reason, b.reason)
  )
}
