import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {UsageError} from '../errors.js'

/** What a command may touch of the outside world, so tests can run commands in-process. */
export interface CommandIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
  env: Record<string, string | undefined>
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean
}

export function processIo(): CommandIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY)
  }
}

/**
 * The one corpus folder a command takes as its argument (default `corpus`): as typed, and
 * resolved against the working directory. A usage error when there are more arguments or
 * the folder is not there.
 */
export function corpusFolderArgument(positionals: readonly string[], cwd: string): {rootArgument: string; root: string} {
  if (positionals.length > 1) throw new UsageError(`Unexpected arguments \`${positionals.slice(1).join(' ')}\`, expected at most one corpus folder`)
  const rootArgument = positionals[0] ?? 'corpus'
  const root = path.resolve(cwd, rootArgument)
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`No corpus at \`${rootArgument}\`: expected a folder with \`claims/\``)
  return {rootArgument, root}
}

/** Exit statuses of the contract. */
export const exitStatus = {ok: 0, findings: 1, usage: 2} as const
