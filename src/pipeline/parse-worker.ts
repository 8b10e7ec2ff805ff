/**
 * A parse worker: reads and parses its slice of claim files and posts the facts back,
 * then bumps the shared counter the main thread waits on.
 */
import {workerData, type MessagePort} from 'node:worker_threads'
import {parseClaimFiles} from './parse-files.js'

const {root, files, maxFileSize, port, done} = workerData as {
  root: string
  files: string[]
  maxFileSize: number
  port: MessagePort
  done: Int32Array
}

try {
  port.postMessage({facts: parseClaimFiles(root, files, maxFileSize)})
} catch (error) {
  port.postMessage({error: error instanceof Error ? (error.stack ?? error.message) : String(error)})
} finally {
  Atomics.add(done, 0, 1)
  Atomics.notify(done, 0)
}
