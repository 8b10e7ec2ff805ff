/**
 * `factlint.config.json`: rule severities and options, tolerances, paths and limits.
 * It is read with the YAML parser (JSON is YAML 1.2) so that a mistake is reported at
 * its line and column.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {defaultMaxFileSize, readSource} from '../pipeline/read.js'
import {lineStartsOf} from '../pipeline/positions.js'
import {parseYaml} from '../yaml/parse.js'
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
  const config = defaultConfig()
  const file = path.join(root, configFileName)
  if (!existsSync(file)) return config
  const read = readSource(file)
  if (!read.ok) throw new ConfigError(configFileName, [read.problem])
  const lineStarts = lineStartsOf(read.text)
  const source = {text: read.text, offset: 0, lineStarts}
  const yaml = parseYaml(source)
  if (yaml.problems.length > 0 || !yaml.document) throw new ConfigError(configFileName, yaml.problems)
  const problems = validateYaml('config', yaml.value, yaml.document, source)
  if (problems.length > 0) throw new ConfigError(configFileName, problems)
  const data = yaml.value as {
    rules?: Record<string, RuleSetting>
    paths?: Partial<Config['paths']>
    tolerances?: Record<string, number>
    maxFileSize?: number
    docsUrl?: string
  }
  if (data.rules) config.rules = {...data.rules}
  if (data.paths) config.paths = {...config.paths, ...data.paths}
  if (data.tolerances) config.tolerances = {...data.tolerances}
  if (data.maxFileSize !== undefined) config.maxFileSize = data.maxFileSize
  if (data.docsUrl !== undefined) config.docsUrl = data.docsUrl
  return config
}
