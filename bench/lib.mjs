// What the benchmark scripts share: the median, loading modules of a build (`dist` by
// default, or another build given with `--dist` to compare two), and the synthetic
// corpora of bench/out/.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]

/** A loader of the build's modules by path (`load('lint.js')`); exits when the build is missing. */
export function distLoader(dist, probe = 'lint.js') {
  if (!existsSync(path.join(dist, probe))) {
    console.error(`bench: ${dist}/${probe} is missing; run \`npm run build\` first`)
    process.exit(2)
  }
  return (file) => import(pathToFileURL(path.join(dist, file)).href)
}

/**
 * The synthetic corpus of `claims` claims in bench/out/<claims>, written once by the
 * generator (../shared/tools/gen-corpus.mjs); a folder it did not finish (no
 * `expected-defects.json`, its last file) is written again. `undefined` when there is no
 * generator.
 */
export function syntheticCorpus(generator, claims) {
  const directory = path.join(repository, 'bench/out', String(claims))
  if (existsSync(path.join(directory, 'expected-defects.json'))) return directory
  if (!existsSync(generator)) return undefined
  rmSync(directory, {recursive: true, force: true})
  mkdirSync(directory, {recursive: true})
  const generated = spawnSync(process.execPath, [generator, directory, String(claims)], {stdio: ['ignore', 'ignore', 'inherit']})
  if (generated.status !== 0) throw new Error(`gen-corpus failed for ${claims}`)
  return directory
}
