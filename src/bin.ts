#!/usr/bin/env node
import {main} from './cli.js'
import {exitStatus, processIo} from './commands/io.js'
import {tuneV8} from './v8-tuning.js'

// Before the command's code runs hot enough to be optimised.
tuneV8()

main(process.argv.slice(2), processIo()).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    // Only a bug gets here: say so in one line, with the stack for the bug report.
    process.stderr.write(`factlint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = exitStatus.usage
  }
)
