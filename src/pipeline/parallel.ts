/**
 * The per-file phase on every core, for larger corpora: the main thread checks the first
 * slice of the files itself while one worker thread per other core checks each of the
 * other slices. A worker gets the run's context as plain data (config, bibliography,
 * measures, the rules' ids and options), reads, parses and checks its files, and posts
 * the outcomes (summaries and reports, plain data) back; the cross-file phase stays on
 * the main thread.
 *
 * `lintCorpus` stays synchronous for its callers: the main thread waits on a shared
 * counter with `Atomics.wait` and collects each worker's message with
 * `receiveMessageOnPort`, a barrier instead of callback plumbing.
 */
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {MessageChannel, receiveMessageOnPort, Worker, type MessagePort} from 'node:worker_threads'
import type {Bibliography} from '../bibliography/read.js'
import type {Config} from '../corpus/config.js'
import type {MeasureRegistry} from '../corpus/measures.js'
import type {RuleId} from '../rules/index.js'
import type {ClaimFacts, ClaimSummary} from '../types.js'
import {checkFiles, type FileOutcome, type FilePhase} from './check-file.js'

/**
 * Below this many files a worker costs more than it saves: on this project's 2-core
 * machine the main thread plus one worker took 1.9 s against 1.6 s alone at 10,000
 * claims, 3.7 s against 4.1 s at 30,000, 9.9 s against 12.5 s at 100,000 (a second
 * worker was slower again: the threads' garbage collectors and compilers share the
 * cores). See docs/performance.md.
 */
export const parallelThreshold = 20_000

const workerUrl = new URL('./check-worker.js', import.meta.url)

/** What a worker is given: its files and the run's context, as structured-cloneable data. */
export interface WorkerJob {
  files: string[]
  root: string
  config: Config
  bibliography: Bibliography
  bibliographyPresent: boolean
  measures: MeasureRegistry
  rules: Array<{id: RuleId; options: unknown}>
  keepFacts: boolean
}

export interface PendingCheck {
  /** Wait for every worker and return the outcomes in the order of `files`. */
  collect(): Array<FileOutcome<ClaimSummary | ClaimFacts>>
}

/**
 * How many worker threads to use besides the main thread: `FACTLINT_WORKERS` when set (0
 * turns them off), else one per core but the main thread's; none for small corpora or
 * when the compiled worker is not there (running from the TypeScript sources in tests).
 */
export function workerCount(fileCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.FACTLINT_WORKERS
  if (forced !== undefined && forced !== '') return Math.max(0, Math.min(16, Number.parseInt(forced, 10) || 0))
  if (fileCount < parallelThreshold || !existsSync(workerUrl)) return 0
  return Math.max(0, Math.min(availableParallelism(), 8) - 1)
}

/**
 * Check the files with `count` workers and the main thread: the files are split into
 * `count + 1` contiguous slices, the main thread checking the first while the workers
 * start up and check the others. Outcomes come back in the order of `files`.
 */
export function checkInParallel(files: readonly string[], phase: FilePhase, count: number): Array<FileOutcome<ClaimSummary | ClaimFacts>> {
  // The main thread starts at once; each worker first loads its modules.
  const mainShare = Math.ceil(files.length / (count + 1))
  const pending = startParallelCheck(files.slice(mainShare), phase, count)
  const own = checkFiles(files.slice(0, mainShare), phase)
  const theirs = pending.collect()
  for (const outcome of theirs) own.push(outcome)
  return own
}

/** Start the per-file phase in `count` workers; the files are split into contiguous slices. */
export function startParallelCheck(files: readonly string[], phase: FilePhase, count: number): PendingCheck {
  const done = new Int32Array(new SharedArrayBuffer(4))
  const {context} = phase
  const shared: Omit<WorkerJob, 'files'> = {
    root: context.root,
    config: context.config,
    bibliography: context.bibliography,
    bibliographyPresent: context.bibliographyPresent,
    measures: context.measures,
    rules: phase.rules.map(({rule, options}) => ({id: rule.id as RuleId, options})),
    keepFacts: phase.keepFacts
  }
  const size = Math.ceil(files.length / count)
  const ports: MessagePort[] = []
  const workers: Worker[] = []
  for (let index = 0; index < files.length; index += size) {
    const {port1, port2} = new MessageChannel()
    ports.push(port1)
    const job: WorkerJob = {...shared, files: files.slice(index, index + size)}
    workers.push(new Worker(workerUrl, {workerData: {job, port: port2, done}, transferList: [port2]}))
  }
  return {
    collect() {
      let finished = Atomics.load(done, 0)
      while (finished < ports.length) {
        Atomics.wait(done, 0, finished, 60_000)
        finished = Atomics.load(done, 0)
      }
      const outcomes: Array<FileOutcome<ClaimSummary | ClaimFacts>> = []
      for (const [index, port] of ports.entries()) {
        const message = receiveMessageOnPort(port)?.message as {outcomes?: Array<FileOutcome<ClaimSummary | ClaimFacts>>; error?: string} | undefined
        port.close()
        void workers[index]?.terminate()
        if (!message?.outcomes) throw new Error(`A check worker failed: ${message?.error ?? 'no result'}`)
        for (const outcome of message.outcomes) outcomes.push(outcome)
      }
      return outcomes
    }
  }
}
