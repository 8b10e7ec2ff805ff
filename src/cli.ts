/**
 * The `factlint` command: dispatches to one module per subcommand under `src/commands/`.
 * Errors that stop a command (bad arguments, no corpus, bad config) print one line and
 * exit 2; never a stack trace.
 */
import {readFileSync} from 'node:fs'
import {ConfigError} from './corpus/config.js'
import {runAssemble} from './commands/assemble.js'
import {runCheck} from './commands/check.js'
import {runCoverage} from './commands/coverage.js'
import {exitStatus, processIo, type CommandIo} from './commands/io.js'
import {runReport} from './commands/report.js'
import {runSplit} from './commands/split.js'
import {UsageError} from './lint.js'

export type Command = (argv: string[], io: CommandIo) => Promise<number>

export const commands: Record<string, {run: Command; summary: string}> = {
  check: {run: runCheck, summary: 'lint a corpus and print its findings'},
  split: {run: runSplit, summary: 'draft one claim per sentence of an article, and bibliography entries from its sources'},
  coverage: {run: runCoverage, summary: 'which sentences of the article no claim covers, and which origins it lacks'},
  assemble: {run: runAssemble, summary: 'put the claims back together as a Pandoc Markdown article (--to html|docx|pdf)'},
  report: {run: runReport, summary: 'write the reports: JSON, SARIF, a Markdown summary and the HTML review page'}
}

export function version(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
  return packageJson.version
}

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length))
  return `Usage: factlint <command> [options]

A citation-checked research corpus and fact linter.

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  .join('\n')}

Run \`factlint <command> --help\` for a command's options.
  -h, --help     show this help
  -v, --version  print the version
`
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(help())
    return name === undefined ? exitStatus.usage : exitStatus.ok
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`${version()}\n`)
    return exitStatus.ok
  }
  const command = commands[name]
  if (!command) {
    io.stderr(`factlint: unknown command \`${name}\`; choose one of ${Object.keys(commands).join(', ')}\n`)
    return exitStatus.usage
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`factlint ${name}: ${error.message}\n`)
      return exitStatus.usage
    }
    // parseArgs throws TypeErrors with a code for unknown or malformed options.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`factlint ${name}: ${error.message}\n`)
      return exitStatus.usage
    }
    throw error
  }
}
