/**
 * `--style` and `--locale`: a name or a path turned into CSL XML. Built-in styles and
 * locales come with citation-js; more come from folders of `.csl` and `locales-*.xml`
 * files, by default Debian's `citation-style-language-styles` and
 * `citation-style-language-locales` packages, plus any folders in `FACTLINT_CSL_STYLES`
 * / `FACTLINT_CSL_LOCALES` (searched first).
 */
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {closest} from 'fastest-levenshtein'
import {builtinLocale, builtinLocaleNames, builtinStyle, builtinStyleNames, type CslStyle} from '../bibliography/citeproc.js'
import {UsageError} from '../lint.js'

export const debianStylesFolder = '/usr/share/citation-style-language/styles'
export const debianLocalesFolder = '/usr/share/citation-style-language/locales'

const stylesInstallHint = 'Install more with `apt-get install citation-style-language-styles` (Debian, Ubuntu), or give the path of a .csl file'
const localesInstallHint = 'Install more with `apt-get install citation-style-language-locales` (Debian, Ubuntu), or give the path of a locales-xx-XX.xml file'

type Env = Record<string, string | undefined>

export function styleFolders(env: Env): string[] {
  return [...splitFolders(env['FACTLINT_CSL_STYLES']), debianStylesFolder]
}

export function localeFolders(env: Env): string[] {
  return [...splitFolders(env['FACTLINT_CSL_LOCALES']), debianLocalesFolder]
}

function splitFolders(value: string | undefined): string[] {
  return (value ?? '').split(path.delimiter).filter((folder) => folder !== '')
}

/** Whether the argument names a file rather than a style or locale name. */
function looksLikePath(value: string, extension: string): boolean {
  return value.endsWith(extension) || value.includes('/') || value.includes(path.sep)
}

export interface ResolvedStyle {
  style: CslStyle
  /** Where it came from, for messages: `built in`, or a file. */
  source: string
  /** A dependent style's own `default-locale`, which its parent's XML does not carry. */
  defaultLocale?: string
}

/**
 * A style by path (`./my.csl`), built-in name (`apa`) or the name of a file in a style
 * folder (`chicago-note-bibliography`). Dependent styles (which only point at a parent)
 * resolve to their parent in the same folders.
 */
export function resolveStyle(value: string, options: {cwd: string; env: Env}): ResolvedStyle {
  if (looksLikePath(value, '.csl')) {
    const file = path.resolve(options.cwd, value)
    if (!isFile(file)) throw new UsageError(`No CSL style at \`${value}\` (${file})`)
    return fromFile(file, options.env, value)
  }
  const builtin = builtinStyle(value)
  if (builtin) return {style: builtin, source: 'built in'}
  const folders = styleFolders(options.env)
  for (const folder of folders) {
    for (const candidate of [path.join(folder, `${value}.csl`), path.join(folder, 'dependent', `${value}.csl`)]) {
      if (isFile(candidate)) return fromFile(candidate, options.env, value)
    }
  }
  throw new UsageError(unknownStyleMessage(value, folders))
}

function fromFile(file: string, env: Env, asked: string): ResolvedStyle {
  const xml = readFileSync(file, 'utf8')
  if (!/<style\b/.test(xml)) throw new UsageError(`Unexpected content in \`${asked}\` (${file}), expected a CSL style (<style …>)`)
  const parentUrl = /<link\b[^>]*\brel="independent-parent"[^>]*>/.exec(xml)?.[0].match(/\bhref="([^"]+)"/)?.[1]
  if (parentUrl === undefined) return {style: {id: file, xml}, source: file}
  // A dependent style has no layout of its own: citeproc needs the parent's XML.
  const parentName = parentUrl.replace(/\/+$/, '').split('/').pop() ?? ''
  const defaultLocale = /<style\b[^>]*\bdefault-locale="([^"]+)"/.exec(xml)?.[1]
  const parent = builtinStyle(parentName)
  const withLocale = (resolved: ResolvedStyle): ResolvedStyle => (defaultLocale !== undefined ? {...resolved, defaultLocale} : resolved)
  const folders = [path.dirname(file), path.dirname(path.dirname(file)), ...styleFolders(env)]
  for (const folder of folders) {
    const candidate = path.join(folder, `${parentName}.csl`)
    if (candidate !== file && isFile(candidate)) {
      return withLocale({style: {id: candidate, xml: readFileSync(candidate, 'utf8')}, source: `${file} (dependent on ${candidate})`})
    }
  }
  if (parent) return withLocale({style: parent, source: `${file} (dependent on built-in ${parentName})`})
  throw new UsageError(`The style \`${asked}\` (${file}) depends on \`${parentName}\`, which is neither built in nor in ${folders.join(', ')}`)
}

function unknownStyleMessage(value: string, folders: string[]): string {
  const installed = folders.flatMap((folder) => listNames(folder, '.csl'))
  const suggestion = installed.length > 0 || builtinStyleNames.length > 0 ? closest(value, [...builtinStyleNames, ...installed]) : undefined
  const lookedIn = folders.map((folder) => `${folder}${existsSync(folder) ? '' : ' (missing)'}`).join(', ')
  return (
    `Unknown style \`${value}\`; built in: ${builtinStyleNames.join(', ')}. ` +
    `Looked for ${value}.csl in ${lookedIn}` +
    (installed.length > 0 ? ` (${installed.length} styles there)` : '') +
    '. ' +
    (suggestion !== undefined && suggestion !== value ? `Did you mean \`${suggestion}\`? ` : '') +
    stylesInstallHint +
    (folders.length > 0 ? '; FACTLINT_CSL_STYLES adds folders' : '') +
    '.'
  )
}

function listNames(folder: string, extension: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith(extension))
      .map((name) => name.slice(0, -extension.length))
  } catch {
    return []
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

export interface ResolvedLocales {
  /** The locale to force, if one was asked for (a name citeproc knows it by). */
  locale?: string
  /** Every locale citeproc may ask for: the one asked for, the style's, en-US as fallback. */
  retrieveLocale: (name: string) => string | undefined
}

/**
 * `--locale` by name (`de-DE`: built in, then `locales-de-DE.xml` in the locale folders)
 * or by path. citeproc asks for more locales than the one given (the fallback en-US, the
 * style's own): they are looked up in the same places.
 */
export function resolveLocale(value: string | undefined, options: {cwd: string; env: Env}): ResolvedLocales {
  const folders = localeFolders(options.env)
  const cache = new Map<string, string | undefined>()
  const lookup = (name: string): string | undefined => {
    if (!cache.has(name)) {
      let xml = builtinLocale(name)
      for (const folder of folders) {
        if (xml !== undefined) break
        const file = path.join(folder, `locales-${name}.xml`)
        if (isFile(file)) xml = readFileSync(file, 'utf8')
      }
      cache.set(name, xml)
    }
    return cache.get(name)
  }
  if (value === undefined) return {retrieveLocale: lookup}
  if (looksLikePath(value, '.xml')) {
    const file = path.resolve(options.cwd, value)
    if (!isFile(file)) throw new UsageError(`No CSL locale at \`${value}\` (${file})`)
    const xml = readFileSync(file, 'utf8')
    const name = /<locale\b[^>]*\bxml:lang="([^"]+)"/.exec(xml)?.[1]
    if (name === undefined) throw new UsageError(`Unexpected content in \`${value}\` (${file}), expected a CSL locale (<locale xml:lang="…">)`)
    return {locale: name, retrieveLocale: (asked) => (asked === name ? xml : lookup(asked))}
  }
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(value) || lookup(value) === undefined) {
    const installed = folders.flatMap((folder) => listNames(folder, '.xml')).map((name) => name.replace(/^locales-/, ''))
    const lookedIn = folders.map((folder) => `${folder}${existsSync(folder) ? '' : ' (missing)'}`).join(', ')
    throw new UsageError(
      `Unknown locale \`${value}\`; built in: ${builtinLocaleNames.join(', ')}. ` +
        `Looked for locales-${value}.xml in ${lookedIn}` +
        (installed.length > 0 ? ` (${installed.length} locales there: ${installed.slice(0, 12).join(', ')}${installed.length > 12 ? ', …' : ''})` : '') +
        `. ${localesInstallHint}; FACTLINT_CSL_LOCALES adds folders.`
    )
  }
  return {locale: value, retrieveLocale: lookup}
}
