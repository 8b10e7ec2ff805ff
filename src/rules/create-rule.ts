/**
 * The shape of a rule, after remark-lint's `unified-lint-rule` and typescript-eslint's
 * `RuleCreator`: a rule only says what is wrong and where (`context.report`); the runner
 * stamps the rule id, severity (from config, never from rule code), source and docs url.
 */
import type {Bibliography} from '../bibliography/read.js'
import type {Config} from '../corpus/config.js'
import type {MeasureRegistry} from '../corpus/measures.js'
import type {BibEntry, ClaimFacts, ClaimSummary, Place, Severity} from '../types.js'

/**
 * What every rule may read besides the claims: the corpus's config, bibliography and
 * measures, with indexes built once. Per-file rules (`checkClaim`) see only this and
 * their own claim, so a file's findings depend on nothing but the file and this context,
 * which is what lets `--cache` keep them and worker threads compute them.
 */
export interface CorpusContext {
  root: string
  config: Config
  bibliography: Bibliography
  /** Path of the bibliography relative to the root. */
  bibliographyPath: string
  bibliographyPresent: boolean
  entriesByKey: Map<string, BibEntry>
  measures: MeasureRegistry
  measuresPath: string
}

/**
 * The whole corpus, for cross-file rules (`checkCorpus`): the context and every claim's
 * summary. `lintCorpus` can keep the full facts instead (`keepFacts`), for the review page.
 */
export interface Corpus<Claim extends ClaimSummary = ClaimSummary> extends CorpusContext {
  /** Claims whose frontmatter could be read (no `frontmatter` problem), in path order. */
  claims: Claim[]
  /** Every claim file, readable or not, in path order. */
  allClaims: Claim[]
}

/** The other place a finding points at (the other claim of a conflict). */
export interface RelatedPlace {
  file: string
  place?: Place
  reason?: string
}

export interface Report {
  /** Path relative to the corpus root; omitted for findings about the corpus as a whole. */
  file?: string
  reason: string
  place?: Place
  cause?: RelatedPlace
  note?: string
  actual?: string
  expected?: string[]
  /**
   * Documented disagreement (a conflict on a `disputed` measure): reported as info
   * whatever the configured severity, as the contract says. The only way a rule can
   * lower a severity.
   */
  documented?: boolean
}

export interface RuleContext<Options> {
  options: Options
  report(report: Report): void
}

export interface Rule<Options = Record<string, never>> {
  /** The rule id of the contract; equals the file name under `src/rules/`. */
  id: string
  /** One line: what the rule flags. */
  description: string
  defaultSeverity: Severity
  /** JSON Schema of the options object (`[severity, options]` in config). */
  optionsSchema?: object
  defaultOptions?: Options
  /**
   * Per-file rules: once per readable claim (`frontmatter` also sees unreadable ones),
   * with the claim's full facts and the corpus context, never the other claims.
   */
  checkClaim?(claim: ClaimFacts, context: RuleContext<Options>, corpus: CorpusContext): void
  /** Cross-file rules: once, after every file's summary is collected. */
  checkCorpus?(corpus: Corpus, context: RuleContext<Options>): void
}

/** Typed identity: lets each rule file infer its options type from `defaultOptions`. */
export function createRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule
}

/** Value shown in a reason: `` `value` `` (backticks as remark-lint does). */
export function code(value: unknown): string {
  return `\`${String(value)}\``
}
