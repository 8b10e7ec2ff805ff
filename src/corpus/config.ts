/**
 * `factlint.config.json`: rule severities and options, tolerances, paths and limits.
 * A config that is plain JSON, without repeated keys, and valid is taken from
 * `JSON.parse`; any other is read with the YAML parser (JSON is YAML 1.2) so that each
 * mistake is reported at its line and column. Loading the YAML parser was ~25 ms of
 * every run of a corpus with a config.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {defaultMaxFileSize, readSource} from '../pipeline/read.js'
import {lineStartsOf} from '../pipeline/positions.js'
import {parseYaml} from '../yaml/parse.js'
import {validator} from '../schema/ajv.js'
import {validateYaml} from '../yaml/validate.js'
import {ConfigError} from '../errors.js'
import type {SeveritySetting} from '../types.js'

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>]

export interface Config {
  rules: Record<string, RuleSetting>
  paths: {bibliography: string; measures: string; claims: string}
  tolerances: Record<string, number>
  maxFileSize: number
  docsUrl: string
}

export const configFileName = 'factlint.config.json'
export const defaultDocsUrl = 'https://github.com/factlint/factlint/blob/main/docs/rules/'

export function defaultConfig(): Config {
  return {
    rules: {},
    paths: {bibliography: 'bibliography.bib', measures: 'measures.yaml', claims: 'claims'},
    tolerances: {},
    maxFileSize: defaultMaxFileSize,
    docsUrl: defaultDocsUrl
  }
}

export {ConfigError}

/** Read the corpus's config, or the defaults when there is none. Throws `ConfigError`. */
export function loadConfig(root: string): Config {
  const file = path.join(root, configFileName)
  if (!existsSync(file)) return defaultConfig()
  const read = readSource(file)
  if (!read.ok) throw new ConfigError(configFileName, [read.problem])
  return configFrom(read.text)
}

/** The config written in `text`; `fastJson: false` always takes the YAML parser (tests compare both). Throws `ConfigError`. */
export function configFrom(text: string, options: {fastJson?: boolean} = {}): Config {
  const config = defaultConfig()
  const data = ((options.fastJson ?? true) ? plainJsonConfig(text) : undefined) ?? positionedValue(text)
  apply(config, data as ConfigData)
  return config
}

/** The value of a config that is plain, valid JSON without repeated keys; `undefined` otherwise. */
export function plainJsonConfig(text: string): unknown {
  // Escaped surrogates: whether a lone one reads the same both ways is not worth knowing.
  if (/\\u[dD][89a-fA-F]/.test(text)) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  // In JSON a string followed by `:` is a key: as many as the value has, or a key repeats
  // (JSON.parse keeps the last; YAML calls it an error).
  const written = text.match(/"(?:[^"\\]|\\.)*"\s*:/g)?.length ?? 0
  if (written !== keyCount(value)) return undefined
  return validator('config')(value) ? value : undefined
}

function keyCount(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0
  if (Array.isArray(value)) return value.reduce((count: number, item) => count + keyCount(item), 0)
  let count = 0
  for (const item of Object.values(value)) count += 1 + keyCount(item)
  return count
}

/** The config's value through the YAML parser, or its problems at their places. */
function positionedValue(text: string): unknown {
  const lineStarts = lineStartsOf(text)
  const source = {text, offset: 0, lineStarts}
  const yaml = parseYaml(source)
  if (yaml.problems.length > 0 || !yaml.document) throw new ConfigError(configFileName, yaml.problems)
  const problems = validateYaml('config', yaml.value, yaml.document, source)
  if (problems.length > 0) throw new ConfigError(configFileName, problems)
  return yaml.value
}

interface ConfigData {
  rules?: Record<string, RuleSetting>
  paths?: Partial<Config['paths']>
  tolerances?: Record<string, number>
  maxFileSize?: number
  docsUrl?: string
}

function apply(config: Config, data: ConfigData): void {
  if (data.rules) config.rules = {...data.rules}
  if (data.paths) config.paths = {...config.paths, ...data.paths}
  if (data.tolerances) config.tolerances = {...data.tolerances}
  if (data.maxFileSize !== undefined) config.maxFileSize = data.maxFileSize
  if (data.docsUrl !== undefined) config.docsUrl = data.docsUrl
}
