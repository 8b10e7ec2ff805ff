// What the benchmark scripts share: the median, and loading modules of a build (`dist`
// by default, or another build given with `--dist` to compare two).
import {existsSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

export const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]

/** A loader of the build's modules by path (`load('lint.js')`); exits when the build is missing. */
export function distLoader(dist, probe = 'lint.js') {
  if (!existsSync(path.join(dist, probe))) {
    console.error(`bench: ${dist}/${probe} is missing; run \`npm run build\` first`)
    process.exit(2)
  }
  return (file) => import(pathToFileURL(path.join(dist, file)).href)
}
