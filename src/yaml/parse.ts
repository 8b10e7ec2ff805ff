/**
 * YAML with positions. `yaml`'s document API keeps every node's range, so a schema error
 * at `/figures/0/value` can be reported at the line and column of that value, not at
 * line 1. YAML 1.2 core schema: `on:` is a plain key, `1956-10-23` a string.
 */
import {createRequire} from 'node:module'
import type {Document, Node as YamlNode, ParsedNode} from 'yaml'
import {placeAt} from '../pipeline/positions.js'
import type {Place, StageProblem} from '../types.js'

export interface ParsedYaml {
  /** The document, when it parsed; `undefined` when there are fatal problems. */
  document?: Document.Parsed
  /** The plain value (objects built without prototypes pollution: see `toPlain`). */
  value?: unknown
  problems: StageProblem[]
}

export interface YamlSource {
  /** The YAML text. */
  text: string
  /** Where it starts in the file. */
  offset: number
  /** Line starts of the whole file, to turn offsets into points. */
  lineStarts: readonly number[]
}

// `yaml` takes a good part of start-up to load, and a run whose files all take the fast
// path (`src/yaml/fast.ts`) never needs it: it is required on first use.
const require = createRequire(import.meta.url)
let yamlModule: typeof import('yaml') | undefined
function yaml(): typeof import('yaml') {
  yamlModule ??= require('yaml') as typeof import('yaml')
  return yamlModule
}

const keysThatPollute = new Set(['__proto__', 'constructor', 'prototype'])

/** Parse YAML; every error and warning of `yaml` becomes a problem at its place. */
export function parseYaml(source: YamlSource): ParsedYaml {
  const document = yaml().parseDocument(source.text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    // `yaml` prints warnings (unknown tags such as `!!js/function`) to stderr by default:
    // we turn them into findings instead.
    logLevel: 'silent',
    strict: true,
    keepSourceTokens: false
  })
  const problems: StageProblem[] = []
  for (const error of [...document.errors, ...document.warnings]) {
    const [start, end] = error.pos
    problems.push({
      reason: yamlReason(error.code, error.message),
      place: placeAt(source.lineStarts, source.offset + start, source.offset + Math.max(end, start))
    })
  }
  if (problems.length > 0) return {problems}
  let value: unknown
  try {
    // maxAliasCount keeps `yaml`'s protection against alias bombs ("billion laughs").
    value = toPlain(document.toJS({maxAliasCount: 100}))
  } catch (error) {
    problems.push({
      reason: `Cannot read YAML: ${error instanceof Error ? error.message : String(error)}`,
      place: placeAt(source.lineStarts, source.offset)
    })
    return {problems}
  }
  return {document, value, problems}
}

/** The first sentence of `yaml`'s message, with its code, without the source excerpt. */
function yamlReason(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? message
  const withoutPosition = firstLine.replace(/ at line \d+, column \d+:?$/, '')
  if (code === 'DUPLICATE_KEY') return `Unexpected duplicate key in YAML: ${withoutPosition}`
  if (code === 'TAG_RESOLVE_FAILED' || /tag/i.test(code)) {
    return `Unexpected YAML tag: ${withoutPosition} (tags are never executed; use plain values)`
  }
  return `Invalid YAML: ${withoutPosition}`
}

/**
 * Copy a value into plain objects and arrays with no prototype-polluting keys kept
 * as magic: `__proto__` becomes an ordinary own property of a null-prototype object,
 * so nothing downstream can reach `Object.prototype` through it.
 */
export function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => toPlain(item))
  if (value instanceof Map) {
    const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>
    for (const [key, item] of value) object[String(key)] = toPlain(item)
    return object
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>
    for (const key of Object.getOwnPropertyNames(value)) {
      object[key] = toPlain((value as Record<string, unknown>)[key])
    }
    return object
  }
  return value
}

export function isPollutingKey(key: string): boolean {
  return keysThatPollute.has(key)
}

/** What part of a node a place should cover. */
export type NodePart = 'value' | 'key' | 'pair'

/**
 * Find the node at a JSON-pointer path (`/figures/0/value`). `part: 'key'` returns the key
 * of the last segment (for unknown properties), `pair` the whole `key: value`.
 */
export function nodeAt(
  document: Document.Parsed,
  path: readonly string[],
  part: NodePart = 'value'
): {start: number; end: number} | undefined {
  let node: unknown = document.contents
  const {isMap, isPair, isSeq} = yaml()
  for (let index = 0; index < path.length; index++) {
    const segment = path[index] ?? ''
    const last = index === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && scalarKey(item.key) === segment)
      if (!pair) return undefined
      if (last && part !== 'value') {
        const key = pair.key as ParsedNode | null
        const value = pair.value as ParsedNode | null
        if (part === 'key' && key?.range) return {start: key.range[0], end: key.range[1]}
        if (key?.range) return {start: key.range[0], end: value?.range?.[1] ?? key.range[1]}
        return undefined
      }
      node = pair.value ?? pair.key
    } else if (isSeq(node)) {
      node = node.items[Number(segment)]
    } else {
      return undefined
    }
  }
  const range = (node as YamlNode | undefined)?.range
  if (!range) return undefined
  return {start: range[0], end: range[1]}
}

function scalarKey(key: unknown): string | undefined {
  if (yaml().isScalar(key)) return String(key.value)
  return undefined
}

/** A place for a JSON-pointer path, falling back to the nearest ancestor that exists. */
export function placeOfPath(
  document: Document.Parsed,
  path: readonly string[],
  source: YamlSource,
  part: NodePart = 'value'
): Place {
  for (let length = path.length; length >= 0; length--) {
    const range = nodeAt(document, path.slice(0, length), length === path.length ? part : 'value')
    if (range) return placeAt(source.lineStarts, source.offset + range.start, source.offset + range.end)
  }
  return placeAt(source.lineStarts, source.offset)
}

/** Decode a JSON pointer (`/a~1b/0`) into segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}
