import {readFileSync} from 'node:fs'
import path from 'node:path'
import {packageRoot} from './paths.js'

/** factlint's version, from package.json. */
export function version(): string {
  const packageJson = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {version: string}
  return packageJson.version
}
