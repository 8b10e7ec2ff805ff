/**
 * The `factlint` command: dispatches to one module per subcommand under `src/commands/`.
 * Errors that stop a command (bad arguments, no corpus, bad config) print one line and
 * exit 2; never a stack trace.
 */
import {exitStatus, type CommandIo} from './commands/io.js'
import {ConfigError, UsageError} from './errors.js'
import {version} from './version.js'

export type Command = (argv: string[], io: CommandIo) => Promise<number>

/**
 * Each command's module is imported only when it runs, so `factlint check` does not pay
 * for citation-js, the HTML page or the article splitter at start-up.
 */
export const commands: Record<string, {load: () => Promise<Command>; summary: string}> = {
  check: {load: async () => (await import('./commands/check.js')).runCheck, summary: 'lint a corpus and print its findings'},
  split: {
    load: async () => (await import('./commands/split.js')).runSplit,
    summary: 'draft one claim per sentence of an article, and bibliography entries from its sources'
  },
  coverage: {
    load: async () => (await import('./commands/coverage.js')).runCoverage,
    summary: 'which sentences of the article no claim covers, and which origins it lacks'
  },
  assemble: {
    load: async () => (await import('./commands/assemble.js')).runAssemble,
    summary: 'put the claims back together as a Pandoc Markdown article (--to html|docx|pdf)'
  },
  export: {
    load: async () => (await import('./commands/export.js')).runExport,
    summary: 'write the bibliography as BibTeX, BibLaTeX, CSL-JSON, RIS or formatted references'
  },
  report: {
    load: async () => (await import('./commands/report.js')).runReport,
    summary: 'write the reports: JSON, SARIF, a Markdown summary, the HTML review page and the article'
  }
}

export {version}

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
    return await (await command.load())(rest, io)
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
