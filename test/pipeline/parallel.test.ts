/**
 * Worker threads must not change a single byte of the report.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {workerCount} from '../../src/pipeline/parallel.js'
import {claim, validClaim, writeCorpus} from '../helpers/corpus.js'

const bin = path.resolve('dist/bin.js')

function check(root: string, workers: string): {status: number | null; stdout: string} {
  const child = spawnSync(process.execPath, [bin, 'check', root, '--format', 'json'], {
    encoding: 'utf8',
    env: {...process.env, FACTLINT_WORKERS: workers},
    maxBuffer: 1 << 28
  })
  if (child.error) throw child.error
  return {status: child.status, stdout: child.stdout}
}

describe('parallel parsing', () => {
  it('gives byte-identical reports with and without workers', () => {
    if (!existsSync(bin)) throw new Error('dist/bin.js is missing: `npm test` builds it first')
    const root = mkdtempSync(path.join(tmpdir(), 'factlint-parallel-'))
    const generated = spawnSync(process.execPath, [path.resolve('../shared/tools/gen-corpus.mjs'), root, '600', '3'])
    expect(generated.status).toBe(0)
    const single = check(root, '0')
    const parallel = check(root, '3')
    expect(single.status).toBe(1)
    expect(parallel.status).toBe(single.status)
    expect(parallel.stdout).toBe(single.stdout)
    expect(JSON.parse(single.stdout).summary.claims).toBe(600)
  })

  it('gives the same findings in workers for names that are also object properties, and for unreadable files', () => {
    const root = writeCorpus({
      'claims/s/a.md': validClaim('a', '  - key: constructor\nfigures:\n  - measure: constructor\n    value: 5\n    qualifier: exact\n    text: five\n    unit: person\n  - measure: __proto__\n    value: 5\n    qualifier: exact'),
      'claims/s/b.md': claim('id: b\nsources: [toString]'),
      'claims/s/c.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]),
      'claims/s/d.md': 'no frontmatter at all\n'
    })
    const single = check(root, '0')
    const parallel = check(root, '2')
    expect(parallel.stdout).toBe(single.stdout)
    const rules = (JSON.parse(single.stdout) as {findings: Array<{rule: string}>}).findings.map((finding) => finding.rule)
    expect(rules).toEqual(expect.arrayContaining(['unknown-source', 'unknown-measure', 'frontmatter']))
  })

  it('uses no workers for small corpora unless told to', () => {
    expect(workerCount(10, {})).toBe(0)
    expect(workerCount(10, {FACTLINT_WORKERS: '2'})).toBe(2)
    expect(workerCount(100_000, {FACTLINT_WORKERS: '0'})).toBe(0)
  })
})
