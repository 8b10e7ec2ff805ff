/**
 * Validate a YAML value against one of our JSON Schemas and report each ajv error at
 * the line and column of the YAML node at fault.
 */
import type {Document} from 'yaml'
import {validator, type ErrorObject, type SchemaName} from '../schema/ajv.js'
import type {StageProblem} from '../types.js'
import {placeOfPath, pointerSegments, type NodePart, type YamlSource} from './parse.js'

export function validateYaml(
  schema: SchemaName,
  value: unknown,
  document: Document.Parsed,
  source: YamlSource
): StageProblem[] {
  const validate = validator(schema)
  if (validate(value)) return []
  return explainErrors(validate.errors ?? []).map(({error, reason, part, key}) => {
    const path = pointerSegments(error.instancePath)
    // YAML reads `1e999` as Infinity, which JSON Schema's `number` rejects: say why.
    const data = valueAt(value, path)
    if (error.keyword === 'type' && typeof data === 'number' && !Number.isFinite(data)) {
      reason = `Unexpected ${describeField(error.instancePath)} number out of range, expected a finite number`
    }
    if (key !== undefined) path.push(key)
    return {reason, place: placeOfPath(document, path, source, part)}
  })
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

interface Explained {
  error: ErrorObject
  reason: string
  part: NodePart
  /** The key at fault, below `instancePath` (unknown properties, bad property names). */
  key?: string
}

/**
 * Turn ajv's errors into one reason per problem. With `oneOf` (a source is a string or an
 * object) ajv reports every branch's failures; keep those of the branch whose type matched.
 */
export function explainErrors(errors: readonly ErrorObject[]): Explained[] {
  const pathsWithSpecificErrors = new Set<string>()
  for (const error of errors) {
    if (error.keyword !== 'type' && error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      pathsWithSpecificErrors.add(error.instancePath)
    }
  }
  const hasDeeper = (path: string): boolean => {
    for (const other of pathsWithSpecificErrors) if (other.startsWith(path + '/') || other === path) return true
    return false
  }
  const typeErrors = new Map<string, ErrorObject[]>()
  const result: Explained[] = []
  const seen = new Set<string>()
  for (const error of errors) {
    // Explained by its sub-error, which carries `propertyName`.
    if (error.keyword === 'propertyNames') continue
    if (error.propertyName !== undefined) {
      const field = error.instancePath === '' ? 'frontmatter' : describeField(error.instancePath)
      const expected = error.keyword === 'pattern' ? patternDescription(String((error.params as {pattern: string}).pattern)) : (error.message ?? 'a valid name')
      result.push({error, reason: `Unexpected key \`${error.propertyName}\` in ${field}, expected ${expected}`, part: 'key', key: error.propertyName})
      continue
    }
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
      // Explained by its branches' errors; alone only when both branches matched.
      if ((error.params as {passingSchemas?: unknown}).passingSchemas) {
        result.push({error, reason: `Unexpected value at \`${error.instancePath}\`: it matches more than one form`, part: 'value'})
      }
      continue
    }
    if (error.keyword === 'type') {
      if (hasDeeper(error.instancePath)) continue
      const list = typeErrors.get(error.instancePath) ?? []
      list.push(error)
      typeErrors.set(error.instancePath, list)
      continue
    }
    const explained = explain(error)
    const key = `${error.instancePath}|${explained.reason}`
    if (seen.has(key)) continue
    seen.add(key)
    result.push(explained)
  }
  for (const [path, list] of typeErrors) {
    const expected = [...new Set(list.map((e) => String((e.params as {type: string | string[]}).type)))]
    const error = list[0]
    if (!error) continue
    result.push({
      error,
      reason: `Unexpected ${describeField(path)} type, expected ${joinOr(expected.map((t) => `\`${t}\``))}`,
      part: 'value'
    })
  }
  return result
}

function explain(error: ErrorObject): Explained {
  const field = describeField(error.instancePath)
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return {error, reason: `Missing required field \`${String(params.missingProperty)}\`${error.instancePath ? ` in ${field}` : ''}`, part: 'value'}
    case 'additionalProperties':
      return {error, reason: `Unexpected field \`${String(params.additionalProperty)}\`${error.instancePath ? ` in ${field}` : ''}`, part: 'key', key: String(params.additionalProperty)}
    case 'enum':
      return {
        error,
        reason: `Unexpected ${field} value, expected ${joinOr((params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``))}`,
        part: 'value'
      }
    case 'pattern':
      return {error, reason: `Unexpected ${field} format, expected ${patternDescription(String(params.pattern))}`, part: 'value'}
    case 'minLength':
      return {error, reason: `Unexpected empty ${field}`, part: 'value'}
    case 'maxLength':
      return {error, reason: `Unexpected ${field}: longer than ${String(params.limit)} characters`, part: 'value'}
    case 'minimum':
    case 'maximum':
      return {error, reason: `Unexpected ${field}: ${error.message ?? 'out of range'}`, part: 'value'}
    default:
      return {error, reason: `Unexpected ${field}: ${error.message ?? error.keyword}`, part: 'value'}
  }
}

function patternDescription(pattern: string): string {
  if (pattern === '^[a-z0-9]+(-[a-z0-9]+)*$') return 'kebab-case (`a-z`, `0-9` and single hyphens)'
  if (pattern.startsWith('^[0-9]{4}(-')) return 'an ISO date (`1956-10-23`, `1956-10` or `1956`)'
  if (pattern === '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') return 'a day as `YYYY-MM-DD`'
  return `\`${pattern}\``
}

/** `/figures/0/value` → "`figures[0].value`". */
export function describeField(pointer: string): string {
  if (pointer === '') return 'frontmatter'
  const parts = pointer.slice(1).split('/')
  let out = ''
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : (out ? '.' : '') + part
  return `\`${out}\``
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`
}
