/**
 * A check worker: runs the per-file phase on its slice of claim files and posts the
 * outcomes back, then bumps the shared counter the main thread waits on.
 */
import {workerData, type MessagePort} from 'node:worker_threads'
import {rules} from '../rules/index.js'
import {checkFiles, corpusContext, withoutPrototypes, type FileRule} from './check-file.js'
import type {WorkerJob} from './parallel.js'

const {job, port, done} = workerData as {job: WorkerJob; port: MessagePort; done: Int32Array}

try {
  // A structured clone gives records a prototype again; names from files must stay just names.
  const {bibliography, measures} = withoutPrototypes(job.bibliography, job.measures)
  const context = corpusContext(job.root, job.config, bibliography, job.bibliographyPresent, measures)
  const fileRules: FileRule[] = job.rules.map(({id, options}) => ({rule: rules[id] as FileRule['rule'], options}))
  port.postMessage({outcomes: checkFiles(job.files, {context, rules: fileRules, keepFacts: job.keepFacts})})
} catch (error) {
  port.postMessage({error: error instanceof Error ? (error.stack ?? error.message) : String(error)})
} finally {
  Atomics.add(done, 0, 1)
  Atomics.notify(done, 0)
}
