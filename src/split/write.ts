/**
 * Writing files without ever leaving half of one, and without replacing one unasked.
 * The content goes to a temporary file in the same folder first; `link` then creates the
 * target only if it does not exist (atomic, no race with another writer), `rename`
 * replaces it when replacing was asked for.
 */
import {existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

export type WriteAction = 'create' | 'overwrite' | 'unchanged' | 'skip'

export interface FileWrite {
  /** Absolute path. */
  file: string
  content: string
}

/** What writing `content` to `file` would do, without doing it. */
export function plannedAction(file: string, content: string, force: boolean): WriteAction {
  if (!existsSync(file)) return 'create'
  if (readFileSync(file, 'utf8') === content) return 'unchanged'
  return force ? 'overwrite' : 'skip'
}

let counter = 0

/**
 * Write one file atomically. `overwrite: false` never replaces an existing file. The
 * temporary file goes whatever happens, even when writing it failed half-way (a full disk).
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: {overwrite: boolean}): 'written' | 'exists' {
  mkdirSync(path.dirname(file), {recursive: true})
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${counter++}.tmp`)
  try {
    writeFileSync(temporary, content, {flag: 'wx'})
    if (options.overwrite) {
      renameSync(temporary, file)
      return 'written'
    }
    try {
      linkSync(temporary, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists'
      throw error
    }
    return 'written'
  } finally {
    rmSync(temporary, {force: true})
  }
}

/** Apply the plan: create what is missing, replace only with `force`. */
export function writeFiles(files: readonly FileWrite[], options: {force: boolean}): Array<{file: string; action: WriteAction}> {
  return files.map(({file, content}) => {
    const action = plannedAction(file, content, options.force)
    if (action === 'create' || action === 'overwrite') {
      const result = writeFileAtomic(file, content, {overwrite: action === 'overwrite'})
      // Another process created it between the check and the write: leave theirs.
      if (result === 'exists') return {file, action: 'skip' as const}
    }
    return {file, action}
  })
}
