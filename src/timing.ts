/**
 * `FACTLINT_TIMING=1`: where a run's time went, written to stderr after the output, as
 * ESLint's `TIMING=1` does for its rules. Stages are marked as they end (the time since
 * the previous mark is theirs); rules add up their own time across files, in this thread
 * only (from 20,000 files worker threads check part of them, uncounted). Off, a mark is
 * one comparison, so the marks stay in the code.
 */
export const timingEnabled = Boolean(process.env.FACTLINT_TIMING) && process.env.FACTLINT_TIMING !== '0'

const stages: Array<[label: string, ms: number]> = []
const notes: string[] = []
const rules = new Map<string, number>()
let last = 0

/** The stage called `label` ends now. */
export function stage(label: string): void {
  if (!timingEnabled) return
  const now = performance.now()
  stages.push([label, now - last])
  last = now
}

/** A line for the table that is not a time (whether the code cache was used). */
export function note(text: string): void {
  if (timingEnabled) notes.push(text)
}

/** Add time spent in a rule (per-file rules add up across files). */
export function addRuleTime(ruleId: string, ms: number): void {
  rules.set(ruleId, (rules.get(ruleId) ?? 0) + ms)
}

/** The table of stages and rules; the first stage is Node's start-up and loading factlint. */
export function timingTable(): string {
  const row = (label: string, ms: number) => `${ms.toFixed(1).padStart(9)} ms  ${label}\n`
  let text = 'factlint timing (FACTLINT_TIMING)\n'
  for (const line of notes) text += `${' '.repeat(14)}${line}\n`
  for (const [label, ms] of stages) text += row(label, ms)
  text += row('total', last)
  if (rules.size > 0) {
    text += 'rules (included above)\n'
    for (const [ruleId, ms] of [...rules].sort((a, b) => b[1] - a[1])) text += row(ruleId, ms)
  }
  return text
}
