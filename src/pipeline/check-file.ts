/**
 * The per-file phase of a run: read one claim file, parse it, run every per-file rule on
 * it, and keep what the cross-file phase needs (its summary) and what the rules reported.
 * The outcome is plain data, so it can come back from a worker thread or sit in the cache,
 * and it depends only on the file's bytes and the run's context (config, bibliography,
 * measures, rules), never on another claim.
 */
import type {Bibliography} from '../bibliography/read.js'
import type {Config} from '../corpus/config.js'
import type {MeasureRegistry} from '../corpus/measures.js'
import type {CorpusContext, Report, Rule, RuleContext} from '../rules/create-rule.js'
import type {RuleId} from '../rules/index.js'
import {figureIntervalResult} from '../figures/figure-index.js'
import type {BibEntry, ClaimFacts, ClaimSummary, DeclaredFigure, FigureSummary} from '../types.js'
import {claimFromRead} from './parse-files.js'
import {mapFileReads, type BytesResult} from './read.js'
import {addRuleTime, timingEnabled} from '../timing.js'

/** A finding as a rule reported it, with the rule's id: plain data until the run ends. */
export interface RuleReport extends Report {
  ruleId: RuleId
}

/** A per-file rule of the run, with its resolved options. */
export interface FileRule {
  rule: Rule<unknown>
  options: unknown
}

export interface FileOutcome<Claim extends ClaimSummary = ClaimSummary> {
  /** The claim's summary, or its full facts when the run keeps them. */
  claim: Claim
  /** False when the file has a `frontmatter` problem: no other rule sees it. */
  readable: boolean
  reports: RuleReport[]
}

export interface FilePhase {
  context: CorpusContext
  rules: readonly FileRule[]
  /** Keep the full facts (the review page needs bodies); otherwise only the summary. */
  keepFacts: boolean
}

/** The corpus context every rule reads: config, bibliography (with its key index) and measures. */
export function corpusContext(root: string, config: Config, bibliography: Bibliography, bibliographyPresent: boolean, measures: MeasureRegistry): CorpusContext {
  const entriesByKey = new Map<string, BibEntry>()
  for (const entry of bibliography.entries) if (!entriesByKey.has(entry.key)) entriesByKey.set(entry.key, entry)
  return {
    root,
    config,
    bibliography,
    bibliographyPath: config.paths.bibliography,
    bibliographyPresent,
    entriesByKey,
    measures,
    measuresPath: config.paths.measures
  }
}

/**
 * The bibliography's and the registry's records by name (entries' fields, raw text,
 * measures) have no prototype, so that a key called `constructor` is just a name. Data
 * that crossed a worker boundary or came from JSON has plain objects again: this gives
 * back prototype-free copies.
 */
export function withoutPrototypes(bibliography: Bibliography, measures: MeasureRegistry): {bibliography: Bibliography; measures: MeasureRegistry} {
  const bare = <Value>(record: Record<string, Value>): Record<string, Value> => Object.assign(Object.create(null) as Record<string, Value>, record)
  return {
    bibliography: {
      ...bibliography,
      entries: bibliography.entries.map((entry) => ({...entry, fields: bare(entry.fields), fieldPlaces: bare(entry.fieldPlaces)})),
      raw: bare(bibliography.raw),
      standalone: bare(bibliography.standalone)
    },
    measures: {...measures, measures: bare(measures.measures)}
  }
}

/** Run the per-file rules on a parsed claim. */
export function checkClaim(claim: ClaimFacts, phase: FilePhase): FileOutcome<ClaimSummary | ClaimFacts> {
  const readable = claim.frontmatterProblems.length === 0
  const reports: RuleReport[] = []
  // One context for the claim, pointed at each rule in turn (a rule reports while it
  // runs): a context and a closure for every rule and claim were ~7% of a run's garbage.
  let ruleId: RuleId = 'frontmatter'
  const context: RuleContext<unknown> = {
    options: undefined,
    report(report) {
      reports.push({...report, ruleId})
    }
  }
  for (const {rule, options} of phase.rules) {
    // A file with a `frontmatter` finding gets no other finding.
    if (!rule.checkClaim || (!readable && rule.id !== 'frontmatter')) continue
    ruleId = rule.id as RuleId
    context.options = options
    if (timingEnabled) {
      const started = performance.now()
      rule.checkClaim(claim, context, phase.context)
      addRuleTime(ruleId, performance.now() - started)
    } else {
      rule.checkClaim(claim, context, phase.context)
    }
  }
  return {claim: phase.keepFacts ? claim : summarizeClaim(claim, phase.context), readable, reports}
}

/** A claim's summary: new objects with only the summary's fields, so the facts can go. */
export function summarizeClaim(claim: ClaimFacts, context: CorpusContext): ClaimSummary {
  const summary: ClaimSummary = {
    path: claim.path,
    stem: claim.stem,
    section: claim.section,
    sources: claim.sources.map(({key, locator, stance}) => (locator === undefined ? {key, stance} : {key, locator, stance})),
    figures: claim.figures.map((figure) => summarizeFigure(figure, context)),
    bodyCitations: claim.bodyCitations.map(({key, locator}) => (locator === undefined ? {key} : {key, locator}))
  }
  if (claim.id !== undefined) summary.id = claim.id
  if (claim.idPlace !== undefined) summary.idPlace = claim.idPlace
  if (claim.status !== undefined) summary.status = claim.status
  return summary
}

function summarizeFigure(figure: DeclaredFigure, context: CorpusContext): FigureSummary {
  const {index, measure, value, qualifier, text, unit, place} = figure
  const result = figureIntervalResult(figure, context.measures)
  const summary: FigureSummary = {index, measure, value, qualifier, place, fieldPlaces: {}, interval: result?.ok ? result.interval : null}
  if (text !== undefined) summary.text = text
  if (unit !== undefined) summary.unit = unit
  if (figure.fieldPlaces.value !== undefined) summary.fieldPlaces.value = figure.fieldPlaces.value
  return summary
}

/** Parse and check one claim file (`file` relative to the corpus root) from the result of reading it. */
export function checkRead(file: string, read: BytesResult, phase: FilePhase): FileOutcome<ClaimSummary | ClaimFacts> {
  return checkClaim(claimFromRead(file, read, phase.context.config.maxFileSize), phase)
}

export function checkFiles(files: readonly string[], phase: FilePhase): Array<FileOutcome<ClaimSummary | ClaimFacts>> {
  const {root, config} = phase.context
  return mapFileReads(root, files, config.maxFileSize, (file, read) => checkRead(file, read, phase))
}
