/**
 * V8's optimising compiler tuned for a command that runs once and exits. Applied by the
 * command line (`src/bin.ts`) before it runs a command, and only there: a program that
 * uses factlint as a library keeps its own settings.
 *
 * A `check` of 10,000 claims spends about 0.55 s of CPU in TurboFan, V8's optimising
 * compiler, on a second thread (`--no-concurrent-recompilation` moves it onto the main
 * thread: 1.45 s → 2.05 s); until a hot function's optimised code is ready it runs
 * slower. Most of that compile time is inlining, which V8 budgets for long-running
 * programs. Smaller inlining budgets give optimised code sooner, a little less fast, and
 * a run of a few seconds comes out ahead: about 6% at 10,000 and 100,000 claims, less
 * for small corpora (docs/performance.md, item 14). No output changes: the flags decide
 * only what is compiled how.
 *
 * A budget given on Node's own command line wins, so
 * `node --max-inlined-bytecode-size=460 --max-inlined-bytecode-size-cumulative=920 …`
 * runs with V8's defaults (the benchmark's comparison). Node does not accept these flags
 * in `NODE_OPTIONS`.
 */
import {setFlagsFromString} from 'node:v8'

/** V8's defaults are 460 and 920 (Node 20, V8 11.3). */
export const inliningFlags: ReadonlyArray<[name: string, value: number]> = [
  ['max-inlined-bytecode-size', 100],
  ['max-inlined-bytecode-size-cumulative', 200]
]

/** The flags to set: those not given on Node's command line (`process.execArgv`). */
export function tuningFlags(execArgv: readonly string[]): string[] {
  // V8 reads `_` in a flag's name as `-`.
  const given = new Set(
    execArgv.filter((argument) => argument.startsWith('--')).map((argument) => argument.slice(2).split('=')[0]!.replaceAll('_', '-'))
  )
  return inliningFlags.filter(([name]) => !given.has(name)).map(([name, value]) => `--${name}=${value}`)
}

/** Set the flags for this process (V8's flags are the process's: worker threads share them). */
export function tuneV8(): void {
  for (const flag of tuningFlags(process.execArgv)) setFlagsFromString(flag)
}
