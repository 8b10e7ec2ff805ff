/**
 * Parse claim files in worker threads, one per spare core, while the main thread reads
 * the bibliography and the measures. Results come back as plain data (`ClaimFacts`).
 *
 * `lintCorpus` stays synchronous for its callers: the main thread waits on a shared
 * counter with `Atomics.wait` and collects each worker's message with
 * `receiveMessageOnPort`, a barrier instead of callback plumbing.
 */
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {MessageChannel, receiveMessageOnPort, Worker, type MessagePort} from 'node:worker_threads'
import type {ClaimFacts} from '../types.js'

/** Below this many files, starting workers costs more than it saves. */
export const parallelThreshold = 50_000

const workerUrl = new URL('./parse-worker.js', import.meta.url)

export interface ParseJob {
  root: string
  files: string[]
  maxFileSize: number
}

export interface PendingParse {
  /** Wait for every worker and return the facts in the order of `files`. */
  collect(): ClaimFacts[]
}

/**
 * How many workers to use: `FACTLINT_WORKERS` when set (0 turns them off), else one per
 * core; none for small corpora or when the compiled worker is not there (running from
 * the TypeScript sources in tests).
 */
export function workerCount(fileCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.FACTLINT_WORKERS
  if (forced !== undefined && forced !== '') return Math.max(0, Math.min(16, Number.parseInt(forced, 10) || 0))
  if (fileCount < parallelThreshold || !existsSync(workerUrl)) return 0
  return Math.max(1, Math.min(availableParallelism(), 8))
}

/** Start parsing in `count` workers; the files are split into contiguous slices. */
export function startParallelParse(job: ParseJob, count: number): PendingParse {
  const done = new Int32Array(new SharedArrayBuffer(4))
  const slices: string[][] = []
  const size = Math.ceil(job.files.length / count)
  for (let index = 0; index < job.files.length; index += size) slices.push(job.files.slice(index, index + size))
  const ports: MessagePort[] = []
  const workers: Worker[] = []
  for (const files of slices) {
    const {port1, port2} = new MessageChannel()
    ports.push(port1)
    workers.push(
      new Worker(workerUrl, {
        workerData: {root: job.root, files, maxFileSize: job.maxFileSize, port: port2, done},
        transferList: [port2]
      })
    )
  }
  return {
    collect() {
      let finished = Atomics.load(done, 0)
      while (finished < slices.length) {
        Atomics.wait(done, 0, finished, 60_000)
        finished = Atomics.load(done, 0)
      }
      const facts: ClaimFacts[] = []
      for (const [index, port] of ports.entries()) {
        const message = receiveMessageOnPort(port)?.message as {facts?: ClaimFacts[]; error?: string} | undefined
        port.close()
        void workers[index]?.terminate()
        if (!message?.facts) throw new Error(`A parse worker failed: ${message?.error ?? 'no result'}`)
        facts.push(...message.facts)
      }
      return facts
    }
  }
}
