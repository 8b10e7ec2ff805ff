/**
 * Stages 2–4 for one claim file: parse (unified + remark-parse + remark-frontmatter),
 * validate the frontmatter (yaml document + ajv, errors at their YAML node), and collect
 * the facts the rules need into plain data (`ClaimFacts`).
 */
import type {Root, RootContent, Yaml} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Document} from 'yaml'
import {nodeAt, parseYaml, type YamlSource} from '../yaml/parse.js'
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

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze()

/** An empty record for a file that could not be read at all. */
export function unreadableClaim(path: string, problem: StageProblem): ClaimFacts {
  const facts = emptyFacts(path, '', [0])
  facts.frontmatterProblems.push(problem)
  return facts
}

export function parseClaim(path: string, text: string): ClaimFacts {
  const lineStarts = lineStartsOf(text)
  const facts = emptyFacts(path, text, lineStarts)

  if (text.trim() === '') {
    facts.frontmatterProblems.push({reason: 'Unexpected empty file, expected YAML frontmatter between `---` lines and a claim', place: lineOne})
    return facts
  }

  const tree = processor.parse(text) as Root
  const first = tree.children[0]
  const yamlNode = first?.type === 'yaml' ? (first as Yaml) : undefined
  if (!yamlNode) {
    facts.frontmatterProblems.push(missingFrontmatter(text))
    return facts
  }

  const start = yamlNode.position?.start.offset ?? 0
  const end = yamlNode.position?.end.offset ?? 0
  facts.frontmatterPlace = placeAt(lineStarts, start, end)
  // The value starts after the opening fence and its line ending.
  const valueOffset = (lineStarts[1] ?? text.length)
  const source: YamlSource = {text: text.slice(valueOffset, Math.max(valueOffset, end - 3)).replace(/\r?\n$/, ''), offset: valueOffset, lineStarts}
  const yaml = parseYaml(source)
  if (yaml.problems.length > 0 || !yaml.document) {
    facts.frontmatterProblems.push(...yaml.problems)
    return facts
  }
  const data = yaml.value
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    facts.frontmatterProblems.push({
      reason: `Unexpected frontmatter of type \`${data === null || data === undefined ? 'null' : Array.isArray(data) ? 'list' : typeof data}\`, expected a mapping of fields (\`id: …\`)`,
      place: placeAt(lineStarts, valueOffset)
    })
    return facts
  }

  facts.schemaProblems.push(...validateYaml('claim', data, yaml.document, source))
  collectFrontmatter(facts, data as Record<string, unknown>, yaml.document, source)
  collectBody(facts, tree, text, end)
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

function collectFrontmatter(facts: ClaimFacts, data: Data, document: Document.Parsed, source: YamlSource): void {
  const place = (path: Array<string | number>, part: 'value' | 'key' | 'pair' = 'value'): Place | undefined => {
    const range = nodeAt(document, path.map(String), part)
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
      const itemPlace = place(['sources', index]) ?? facts.sourcesPlace
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
          keyPlace: place(['sources', index, 'key']) ?? itemPlace
        }
        if (typeof source.locator === 'string') {
          citation.locator = source.locator
          citation.locatorPlace = place(['sources', index, 'locator'])
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
        place: place(['figures', index]) ?? facts.frontmatterPlace,
        fieldPlaces: {}
      }
      for (const field of ['measure', 'value', 'qualifier', 'text', 'unit'] as const) {
        const fieldPlace = place(['figures', index, field])
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
function collectBody(facts: ClaimFacts, tree: Root, text: string, frontmatterEnd: number): void {
  const bodyStart = skipLineEnding(text, frontmatterEnd)
  facts.body = text.slice(bodyStart)
  facts.bodyOffset = bodyStart
  facts.bodyPlace = placeAt(facts.lineStarts, bodyStart, text.length)
  const runs: TextRun[] = []
  const visit = (node: RootContent): void => {
    if (node.type === 'text') {
      const offset = node.position?.start.offset
      if (offset !== undefined) runs.push({value: text.slice(offset, node.position?.end.offset ?? offset), offset})
      return
    }
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') return
    if ('children' in node) for (const child of node.children) visit(child as RootContent)
  }
  for (const child of tree.children) visit(child)
  facts.bodyText = runs
  const citations: BodyCitation[] = []
  for (const run of runs) citations.push(...findCitations(run, facts.lineStarts))
  facts.bodyCitations = citations
  facts.quotations = runs.flatMap((run) => findQuotations(run, facts.lineStarts))
}

function skipLineEnding(text: string, offset: number): number {
  if (text.charCodeAt(offset) === 13) offset++
  if (text.charCodeAt(offset) === 10) offset++
  return offset
}
