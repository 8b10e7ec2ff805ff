/**
 * The order and titles of a corpus's sections. The folders under `claims/` say which
 * sections exist but not their order in the article nor their titles; the optional
 * `sections.yaml` at the corpus root says both (docs/sections.md):
 *
 *     title: When Hungary Rose          # optional: the article's title
 *     sections:
 *       - id: introduction              # a folder under claims/
 *         title: Introduction
 *
 * Without it, sections come in alphabetical folder order, titled from their folder names.
 * Folders the file does not list follow the listed ones, alphabetically.
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {loadConfig} from './config.js'
import {lineStartsOf, placeAt} from '../pipeline/positions.js'
import {compareStrings, readSource} from '../pipeline/read.js'
import {nodeAt, parseYaml} from '../yaml/parse.js'
import {ConfigError} from './config.js'
import type {StageProblem} from '../types.js'

export const sectionsFileName = 'sections.yaml'

export interface SectionInfo {
  /** The folder name under `claims/`. */
  id: string
  title: string
}

export interface SectionsFile {
  title?: string
  sections: SectionInfo[]
}

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** "living-under-moscows-shadow" → "Living under moscows shadow": the best a folder name gives. */
export function titleFromFolder(id: string): string {
  const words = id.replace(/-+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * Parse `sections.yaml`. Problems (bad YAML, a missing id, a duplicate) throw a
 * `ConfigError` with their line and column: a wrong order is worse than none.
 */
export function parseSectionsFile(text: string, file = sectionsFileName): SectionsFile {
  const lineStarts = lineStartsOf(text)
  const yaml = parseYaml({text, offset: 0, lineStarts})
  if (yaml.problems.length > 0 || !yaml.document) throw new ConfigError(file, yaml.problems)
  const document = yaml.document
  const problems: StageProblem[] = []
  const at = (pathSegments: Array<string | number>, part: 'value' | 'key' = 'value') => {
    const range = nodeAt(document, pathSegments.map(String), part)
    return range ? placeAt(lineStarts, range.start, range.end) : placeAt(lineStarts, 0)
  }
  const data = yaml.value as Record<string, unknown> | null | undefined
  if (!data || typeof data !== 'object' || Array.isArray(data) || !Array.isArray(data.sections)) {
    throw new ConfigError(file, [{reason: 'Unexpected content, expected a mapping with a `sections:` list of `{id, title}`', place: at([])}])
  }
  const result: SectionsFile = {sections: []}
  if (typeof data.title === 'string') result.title = data.title
  else if (data.title !== undefined) problems.push({reason: 'Unexpected `title`, expected a string', place: at(['title'])})
  for (const key of Object.keys(data)) {
    if (key !== 'title' && key !== 'sections') problems.push({reason: `Unexpected key \`${key}\`, expected \`title\` or \`sections\``, place: at([key], 'key')})
  }
  const seen = new Set<string>()
  data.sections.forEach((item: unknown, index) => {
    const entry = item as Record<string, unknown> | null
    const id = entry && typeof entry === 'object' ? entry.id : undefined
    if (typeof id !== 'string' || !kebabCase.test(id)) {
      problems.push({reason: `Unexpected section id \`${String(id)}\`, expected the kebab-case name of a folder under claims/`, place: at(['sections', index])})
      return
    }
    if (seen.has(id)) {
      problems.push({reason: `Unexpected duplicate section \`${id}\``, place: at(['sections', index, 'id'])})
      return
    }
    seen.add(id)
    const title = entry?.title
    if (title !== undefined && (typeof title !== 'string' || title.trim() === '')) {
      problems.push({reason: `Unexpected title of section \`${id}\`, expected a non-empty string`, place: at(['sections', index, 'title'])})
      return
    }
    result.sections.push({id, title: typeof title === 'string' ? title : titleFromFolder(id)})
  })
  if (problems.length > 0) throw new ConfigError(file, problems)
  return result
}

/** `sections.yaml` of a corpus, or undefined when it has none. */
export function readSectionsFile(root: string): SectionsFile | undefined {
  const file = path.join(root, sectionsFileName)
  if (!existsSync(file)) return undefined
  const read = readSource(file)
  if (!read.ok) throw new ConfigError(sectionsFileName, [read.problem])
  return parseSectionsFile(read.text, sectionsFileName)
}

/** The section folders under the corpus's claims folder, alphabetically. */
export function sectionFolders(root: string): string[] {
  const claims = path.join(root, loadConfig(root).paths.claims)
  if (!existsSync(claims)) return []
  return readdirSync(claims)
    .filter((name) => !name.startsWith('.') && statSync(path.join(claims, name)).isDirectory())
    .sort(compareStrings)
}

/**
 * The corpus's sections in article order: those `sections.yaml` lists, in its order (even
 * when their folder is still empty or missing), then any other folder alphabetically.
 */
export function readSections(root: string): SectionInfo[] {
  const listed = readSectionsFile(root)?.sections ?? []
  const known = new Set(listed.map((section) => section.id))
  const others = sectionFolders(root)
    .filter((id) => !known.has(id))
    .map((id) => ({id, title: titleFromFolder(id)}))
  return [...listed, ...others]
}
