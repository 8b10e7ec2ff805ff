/**
 * Reading `measures.yaml`: the registry of measures and relations, with positions.
 *
 * A file in the canonical block style that validates is read by the one-pass fast path
 * of `src/yaml/fast.ts` (a 500-measure file in a sixth of the time); anything else goes through
 * `yaml`'s document API, which also places the problems. Both give the same registry.
 */
import {validator} from '../schema/ajv.js'
import {parseYamlFast} from '../yaml/fast.js'
import {nodeAt, parseYaml, type NodePart, type YamlSource} from '../yaml/parse.js'
import {validateYaml} from '../yaml/validate.js'
import {lineStartsOf, placeAt, lineOne} from '../pipeline/positions.js'
import {measureKinds, type Measure, type MeasureKind, type Relation, type StageProblem} from '../types.js'

export interface MeasureRegistry {
  defaultTolerance: number
  measures: Record<string, Measure>
  relations: Relation[]
  /** Whether the file exists at all. */
  present: boolean
  problems: StageProblem[]
  lineStarts: number[]
}

export const defaultTolerance = 0.1

export function emptyRegistry(present = false): MeasureRegistry {
  return {defaultTolerance, measures: Object.create(null) as Record<string, Measure>, relations: [], present, problems: [], lineStarts: [0]}
}

export interface ReadMeasuresOptions {
  /** Try the fast YAML path first (default). Off in tests that compare both paths. */
  fastYaml?: boolean
}

type Locate = (path: readonly string[], part?: NodePart) => {start: number; end: number} | undefined

export function readMeasures(text: string, tolerances: Record<string, number> = {}, options: ReadMeasuresOptions = {}): MeasureRegistry {
  const lineStarts = lineStartsOf(text)
  const registry = emptyRegistry(true)
  registry.lineStarts = lineStarts
  const fast = options.fastYaml === false ? undefined : parseYamlFast(text)
  if (fast && isMapping(fast.value) && validator('measures')(fast.value)) {
    // A valid file: no problem can come from its YAML or its schema.
    collectRegistry(registry, fast.value, fast.locate, tolerances)
    return registry
  }
  const source: YamlSource = {text, offset: 0, lineStarts}
  const yaml = parseYaml(source)
  if (yaml.problems.length > 0 || !yaml.document) {
    registry.problems.push(...yaml.problems)
    return registry
  }
  const data = yaml.value
  if (!isMapping(data)) {
    registry.problems.push({reason: 'Unexpected `measures.yaml` content, expected a mapping with `measures:`', place: lineOne})
    return registry
  }
  const document = yaml.document
  registry.problems.push(...validateYaml('measures', data, document, source))
  collectRegistry(registry, data, (path, part) => nodeAt(document, path, part), tolerances)
  return registry
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function collectRegistry(registry: MeasureRegistry, data: Record<string, unknown>, locate: Locate, tolerances: Record<string, number>): void {
  const place = (path: Array<string | number>, part: 'value' | 'key' = 'value') => {
    const range = locate(path.map(String), part)
    return range ? placeAt(registry.lineStarts, range.start, range.end) : lineOne
  }
  const fileDefault = typeof data['default-tolerance'] === 'number' ? data['default-tolerance'] : defaultTolerance
  registry.defaultTolerance = tolerances.default ?? fileDefault
  const measures = data.measures
  if (measures && typeof measures === 'object' && !Array.isArray(measures)) {
    for (const [id, raw] of Object.entries(measures as Record<string, unknown>)) {
      const definition = raw as Record<string, unknown> | null
      if (!definition || typeof definition !== 'object') continue
      const kind = (measureKinds as readonly string[]).includes(definition.kind as string) ? (definition.kind as MeasureKind) : undefined
      if (!kind) continue
      const measure: Measure = {
        id,
        label: typeof definition.label === 'string' ? definition.label : id,
        kind,
        tolerance: tolerances[id] ?? (typeof definition.tolerance === 'number' ? definition.tolerance : registry.defaultTolerance),
        place: place(['measures', id], 'key')
      }
      if (typeof definition.unit === 'string') measure.unit = definition.unit
      if (typeof definition.disputed === 'string') measure.disputed = definition.disputed
      registry.measures[id] = measure
    }
  }
  if (Array.isArray(data.relations)) {
    data.relations.forEach((raw: unknown, index) => {
      const relation = raw as Record<string, unknown> | null
      if (!relation || typeof relation.id !== 'string' || typeof relation.check !== 'string') return
      const entry: Relation = {id: relation.id, check: relation.check, place: place(['relations', index]), checkPlace: place(['relations', index, 'check'])}
      if (typeof relation.note === 'string') entry.note = relation.note
      registry.relations.push(entry)
    })
  }
}
