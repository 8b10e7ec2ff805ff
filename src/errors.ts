/**
 * Errors that stop a command before or instead of a lint run: exit status 2 with one
 * line, never a stack trace. Kept in a module with no dependencies so the command line
 * can recognise them without loading the linter.
 */
import type {StageProblem} from './types.js'

/** The command could not run (no corpus, bad arguments): exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** `factlint.config.json` is invalid: exit status 2, with file, line and column. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: StageProblem[]
  ) {
    super(problems.map((problem) => `${file}:${problem.place?.start.line ?? 1}:${problem.place?.start.column ?? 1}: ${problem.reason}`).join('\n'))
    this.name = 'ConfigError'
  }
}
