/**
 * What the command line runs (`src/bin.ts` loads it from the bundle `dist/factlint.cjs`):
 * a command with the process's arguments and streams, and its exit status. A bug gets here
 * as an exception: one line with the stack for the bug report, and exit 2.
 */
import {main} from './cli.js'
import {exitStatus, processIo} from './commands/io.js'
import {note} from './timing.js'

export async function run(argv: string[], launch: {codeCache?: string} = {}): Promise<number> {
  if (launch.codeCache !== undefined) note(`code cache: ${launch.codeCache}`)
  try {
    return await main(argv, processIo())
  } catch (error) {
    process.stderr.write(`factlint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return exitStatus.usage
  }
}
