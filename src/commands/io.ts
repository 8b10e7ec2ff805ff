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

/** Exit statuses of the contract. */
export const exitStatus = {ok: 0, findings: 1, usage: 2} as const
