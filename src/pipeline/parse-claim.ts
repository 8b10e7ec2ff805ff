/**
 * Stages 2–4 for one claim file: parse (unified + remark-parse + remark-frontmatter),
 * validate the frontmatter (yaml document + ajv, errors at their YAML node), and collect
 * the facts the rules need into plain data (`ClaimFacts`).
 */
import type {Root, RootContent} from 'mdast'
import {validator} from '../schema/ajv.js'
import {parseYamlFast} from '../yaml/fast.js'
import {markdownModules} from '../vendor/markdown.js'
import {nodeAt, parseYaml, type NodePart, type YamlSource} from '../yaml/parse.js'
import {validateYaml} from '../yaml/validate.js'
import {
  claimStatuses,
  qualifiers,
  stances,
  type BodyCitation,
  type ClaimFacts,
  type ClaimStatus,
  type DeclaredFigure,
  type FigureValue,
  type Place,
  type Qualifier,
  type SourceCitation,
  type Stance,
  type StageProblem,
  type TextRun
} from '../types.js'
import {findCitations, findQuotations} from './body.js'
import {lineOne, lineStartsOf, placeAt} from './positions.js'
import {isPlainProse, plainParagraphs, splitFrontmatter} from './split.js'

// The body alone: the frontmatter was split off by `splitFrontmatter`, which follows
// remark-frontmatter's rules, so it is never tokenized as Markdown. Made when a body
// first needs it: plain prose never does (`src/vendor/markdown.ts`).
let bodyProcessor: ReturnType<typeof createBodyProcessor> | undefined

function createBodyProcessor() {
  const {unified, remarkParse} = markdownModules()
  return unified().use(remarkParse).freeze()
}

/** An empty record for a file that could not be read at all. */
export function unreadableClaim(path: string, problem: StageProblem): ClaimFacts {
  const facts = emptyFacts(path, '', [0])
  facts.frontmatterProblems.push(problem)
  return facts
}

export interface ParseClaimOptions {
  /** Try the fast YAML path first (default). Off in tests that compare both paths. */
  fastYaml?: boolean
}

export function parseClaim(path: string, text: string, options: ParseClaimOptions = {}): ClaimFacts {
  const lineStarts = lineStartsOf(text)
  const facts = emptyFacts(path, text, lineStarts)

  if (text.trim() === '') {
    facts.frontmatterProblems.push({reason: 'Unexpected empty file, expected YAML frontmatter between `---` lines and a claim', place: lineOne})
    return facts
  }

  const split = splitFrontmatter(text)
  if (!split) {
    facts.frontmatterProblems.push(missingFrontmatter(text))
    return facts
  }
  facts.frontmatterPlace = placeAt(lineStarts, 0, split.end)
  const valueOffset = split.valueStart
  const source: YamlSource = {text: text.slice(split.valueStart, split.valueEnd), offset: valueOffset, lineStarts}
  const fast = options.fastYaml === false ? undefined : parseYamlFast(source.text)
  if (fast && isMapping(fast.value) && validator('claim')(fast.value)) {
    // Valid canonical frontmatter: no finding can come from the YAML itself.
    collectFrontmatter(facts, fast.value, fast.locate, source)
  } else {
    const yaml = parseYaml(source)
    if (yaml.problems.length > 0 || !yaml.document) {
      facts.frontmatterProblems.push(...yaml.problems)
      return facts
    }
    const data = yaml.value
    if (!isMapping(data)) {
      facts.frontmatterProblems.push({
        reason: `Unexpected frontmatter of type \`${data === null || data === undefined ? 'null' : Array.isArray(data) ? 'list' : typeof data}\`, expected a mapping of fields (\`id: …\`)`,
        place: placeAt(lineStarts, valueOffset)
      })
      return facts
    }
    const document = yaml.document
    facts.schemaProblems.push(...validateYaml('claim', data, document, source))
    collectFrontmatter(facts, data, (path, part) => nodeAt(document, path, part), source)
  }
  collectBody(facts, text, split.end)
  return facts
}

function emptyFacts(path: string, _text: string, lineStarts: number[]): ClaimFacts {
  const name = path.split('/').at(-1) ?? path
  const segments = path.split('/')
  return {
    path,
    stem: name.replace(/\.md$/, ''),
    section: segments.length >= 3 ? (segments[segments.length - 2] ?? '') : '',
    frontmatterProblems: [],
    schemaProblems: [],
    frontmatterPlace: lineOne,
    sourcesValid: false,
    sources: [],
    sourcesPlace: lineOne,
    figuresValid: false,
    figures: [],
    notFigures: [],
    tags: [],
    body: '',
    bodyOffset: 0,
    bodyPlace: lineOne,
    bodyText: [],
    bodyCitations: [],
    quotations: [],
    lineStarts
  }
}

function missingFrontmatter(text: string): StageProblem {
  const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? ''
  const fence = /^(---|\+\+\+)\s*([A-Za-z]+)?\s*$/.exec(firstLine)
  if (fence?.[2]) {
    return {
      reason: `Unexpected frontmatter language \`${fence[2]}\`, expected YAML (\`---\`); factlint never executes frontmatter`,
      place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: firstLine.length + 1, offset: firstLine.length}}
    }
  }
  if (firstLine.trimEnd() === '---') {
    return {
      reason: 'Unterminated frontmatter: `---` on line 1 is never closed by a `---` line',
      place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 4, offset: 3}}
    }
  }
  return {reason: 'Missing frontmatter, expected YAML between `---` lines at the start of the file', place: lineOne}
}

type Data = Record<string, unknown>

/** Where a node of the frontmatter is: `nodeAt` of the document API, or the fast path's index. */
type Locate = (path: readonly string[], part?: NodePart) => {start: number; end: number} | undefined

function isMapping(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function collectFrontmatter(facts: ClaimFacts, data: Data, locate: Locate, source: YamlSource): void {
  const place = (path: readonly string[], part: NodePart = 'value'): Place | undefined => {
    const range = locate(path, part)
    return range ? placeAt(source.lineStarts, source.offset + range.start, source.offset + range.end) : undefined
  }

  if (typeof data.id === 'string') {
    facts.id = data.id
    facts.idPlace = place(['id'])
  }
  if (typeof data.status === 'string' && (claimStatuses as readonly string[]).includes(data.status)) {
    facts.status = data.status as ClaimStatus
    facts.statusPlace = place(['status'])
  }
  if (typeof data.origin === 'string') {
    facts.origin = data.origin
    facts.originPlace = place(['origin'])
  }
  if (typeof data.note === 'string') facts.note = data.note
  if (Array.isArray(data['not-figures'])) facts.notFigures = data['not-figures'].filter((item): item is string => typeof item === 'string' && item !== '')
  if (Array.isArray(data.tags)) facts.tags = data.tags.filter((item): item is string => typeof item === 'string')
  const reviewed = data.reviewed as Data | undefined
  if (reviewed && typeof reviewed.by === 'string' && typeof reviewed.on === 'string') facts.reviewed = {by: reviewed.by, on: reviewed.on}

  facts.sourcesPlace = place(['sources'], 'key') ?? lineOne
  if (Array.isArray(data.sources)) {
    facts.sourcesValid = true
    data.sources.forEach((item: unknown, index) => {
      const at = String(index)
      const itemPlace = place(['sources', at]) ?? facts.sourcesPlace
      if (typeof item === 'string' && item !== '') {
        facts.sources.push({key: item, stance: 'supports', place: itemPlace, keyPlace: itemPlace})
        return
      }
      if (item && typeof item === 'object' && typeof (item as Data).key === 'string') {
        const source = item as Data
        const citation: SourceCitation = {
          key: source.key as string,
          stance: (stances as readonly string[]).includes(source.stance as string) ? (source.stance as Stance) : 'supports',
          place: itemPlace,
          keyPlace: place(['sources', at, 'key']) ?? itemPlace
        }
        if (typeof source.locator === 'string') {
          citation.locator = source.locator
          citation.locatorPlace = place(['sources', at, 'locator'])
        }
        if (typeof source.quote === 'string') citation.quote = source.quote
        facts.sources.push(citation)
        return
      }
      facts.sourcesValid = false
    })
  } else if (data.sources === undefined) {
    // A missing `sources` is a schema problem and, for a non-draft, also `uncited`.
    facts.sourcesValid = true
  }

  if (Array.isArray(data.figures)) {
    facts.figuresValid = true
    data.figures.forEach((item: unknown, index) => {
      const at = String(index)
      const figure = item as Data
      if (!figure || typeof figure !== 'object' || typeof figure.measure !== 'string' || !isFigureValue(figure.value)) {
        facts.figuresValid = false
        return
      }
      const qualifier = figure.qualifier === undefined ? 'exact' : figure.qualifier
      if (!(qualifiers as readonly string[]).includes(qualifier as string)) {
        facts.figuresValid = false
        return
      }
      const declared: DeclaredFigure = {
        index,
        measure: figure.measure,
        value: copyValue(figure.value),
        qualifier: qualifier as Qualifier,
        place: place(['figures', at]) ?? facts.frontmatterPlace,
        fieldPlaces: {}
      }
      for (const field of ['measure', 'value', 'qualifier', 'text', 'unit'] as const) {
        const fieldPlace = place(['figures', at, field])
        if (fieldPlace) declared.fieldPlaces[field] = fieldPlace
      }
      if (typeof figure.text === 'string') declared.text = figure.text
      if (typeof figure.unit === 'string') declared.unit = figure.unit
      facts.figures.push(declared)
    })
  } else if (data.figures === undefined) {
    facts.figuresValid = true
  }
}

function isScalarValue(value: unknown): value is number | string {
  return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string'
}

function isFigureValue(value: unknown): value is FigureValue {
  if (isScalarValue(value)) return true
  if (value && typeof value === 'object') {
    const range = value as Data
    return isScalarValue(range.min) && isScalarValue(range.max)
  }
  return false
}

function copyValue(value: FigureValue): FigureValue {
  return typeof value === 'object' ? {min: value.min, max: value.max} : value
}

/** Collect prose runs, citations and quotations of the body. */
function collectBody(facts: ClaimFacts, text: string, frontmatterEnd: number): void {
  const bodyStart = skipLineEnding(text, frontmatterEnd)
  const body = text.slice(bodyStart)
  facts.body = body
  facts.bodyOffset = bodyStart
  facts.bodyPlace = placeAt(facts.lineStarts, bodyStart, text.length)
  facts.bodyText = proseRuns(body, bodyStart)
  const citations: BodyCitation[] = []
  for (const run of facts.bodyText) citations.push(...findCitations(run, facts.lineStarts))
  facts.bodyCitations = citations
  facts.quotations = facts.bodyText.flatMap((run) => findQuotations(run, facts.lineStarts))
}

/**
 * The body's text nodes as runs with file offsets. Plain prose (most claims) needs no
 * Markdown parser: its paragraphs are its text nodes. Anything else goes through remark.
 */
export function proseRuns(body: string, bodyStart: number): TextRun[] {
  if (isPlainProse(body)) {
    return plainParagraphs(body).map(([start, end]) => ({value: body.slice(start, end), offset: bodyStart + start}))
  }
  return markdownRuns(body, bodyStart)
}

/** Text nodes found by remark, outside code and HTML. */
export function markdownRuns(body: string, bodyStart: number): TextRun[] {
  bodyProcessor ??= createBodyProcessor()
  const tree = bodyProcessor.parse(body) as Root
  const runs: TextRun[] = []
  const visit = (node: RootContent): void => {
    if (node.type === 'text') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) runs.push({value: body.slice(start, end), offset: bodyStart + start})
      return
    }
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return
    if ('children' in node) for (const child of node.children) visit(child as RootContent)
  }
  for (const child of tree.children) visit(child)
  return runs
}

function skipLineEnding(text: string, offset: number): number {
  if (text.charCodeAt(offset) === 13) offset++
  if (text.charCodeAt(offset) === 10) offset++
  return offset
}
