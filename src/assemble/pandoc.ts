/**
 * Rendering the assembled Markdown with Pandoc's citeproc. Pandoc is an outside program:
 * when it is missing or too old, say how to install it instead of failing obscurely.
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'

export const renderTargets = ['html', 'docx', 'pdf'] as const
export type RenderTarget = (typeof renderTargets)[number]

export const pandocInstallHint =
  'Install pandoc 2.11 or later (it has --citeproc): `sudo apt-get install pandoc` on Debian or Ubuntu, `brew install pandoc` on macOS, or see https://pandoc.org/installing.html'

export type PandocVersion = {found: false} | {found: true; version: string; citeproc: boolean}

export function pandocVersion(command = 'pandoc', env: NodeJS.ProcessEnv = process.env): PandocVersion {
  const result = spawnSync(command, ['--version'], {encoding: 'utf8', env})
  if (result.error || result.status !== 0) return {found: false}
  const version = /pandoc(?:\.exe)?\s+([\d.]+)/.exec(result.stdout)?.[1] ?? '0'
  const [major = 0, minor = 0] = version.split('.').map(Number)
  return {found: true, version, citeproc: major > 2 || (major === 2 && minor >= 11)}
}

export interface RenderOptions {
  to: RenderTarget
  /** Output file; by default the Markdown file's name with the target's extension. */
  output?: string
  csl?: string
  /** More pandoc arguments, e.g. `--fail-if-warnings`. */
  extraArguments?: string[]
  command?: string
  env?: NodeJS.ProcessEnv
}

export interface RenderResult {
  status: number | null
  output: string
  stderr: string
  /** Pandoc's `[WARNING] Citeproc: citation x not found` lines, by key. */
  missingCitations: string[]
}

export function renderedPath(markdownFile: string, to: RenderTarget): string {
  return markdownFile.replace(/\.(md|markdown)$/i, '') + `.${to}`
}

/**
 * Run `pandoc --citeproc` in the Markdown file's folder, so that the header's relative
 * `bibliography` and `csl` paths resolve as they were written.
 */
export function renderWithPandoc(markdownFile: string, options: RenderOptions): RenderResult {
  const directory = path.dirname(path.resolve(markdownFile))
  const output = path.resolve(options.output ?? renderedPath(markdownFile, options.to))
  const args = [path.basename(markdownFile), '--from', 'markdown', '--citeproc', '--standalone', '--output', output]
  if (options.to !== 'pdf') args.push('--to', options.to)
  if (options.csl !== undefined) args.push('--csl', path.isAbsolute(options.csl) || /^[a-z]+:\/\//i.test(options.csl) ? options.csl : path.resolve(options.csl))
  args.push(...(options.extraArguments ?? []))
  const result = spawnSync(options.command ?? 'pandoc', args, {cwd: directory, encoding: 'utf8', env: options.env ?? process.env})
  const stderr = result.error ? result.error.message : result.stderr
  const missingCitations = [...stderr.matchAll(/Citeproc: citation (\S+) not found/g)].map((match) => match[1] ?? '')
  return {status: result.error ? null : result.status, output, stderr, missingCitations}
}
