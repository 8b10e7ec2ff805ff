/**
 * Debian's bibutils reads the RIS export: `ris2xml` finds as many references as there are
 * entries, with the keys as IDs (RIS keeps 20 characters of an ID), and citation-js
 * parses the same RIS back to the same titles. Skipped on a workstation without bibutils;
 * in CI (`CI` set) a missing ris2xml fails.
 */
import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {toCsl} from '../../src/bibliography/index.js'
import {risToCsl} from '../../src/bibliography/ris.js'
import {exportBibliography} from '../../src/export/index.js'
import {bibliography, keysOf} from '../export/helpers.js'

const found = spawnSync('ris2xml', ['--version'], {encoding: 'utf8'}).error === undefined
const run = found || Boolean(process.env.CI)
if (!run) console.warn('test/slow/export-ris.test.ts skipped: ris2xml is not installed (apt-get install -y bibutils)')

describe.runIf(run)('bibutils reads the RIS export', () => {
  it('is installed (CI must install it: apt-get install -y bibutils)', () => {
    expect(found).toBe(true)
  })

  it.each(['corpus', 'zotero-export', 'biblatex-examples'] as const)('%s: one MODS record per entry, keyed, and the same titles through citation-js', (name) => {
    const bib = bibliography(name)
    const ris = exportBibliography(bib, 'ris').output
    const result = spawnSync('ris2xml', [], {input: ris, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
    expect(result.status).toBe(0)
    const keys = keysOf(bib)
    expect(result.stderr).toContain(`Processed ${keys.length} references`)
    const ids = [...result.stdout.matchAll(/<mods ID="([^"]*)"/g)].map((match) => match[1])
    expect(ids).toEqual(keys.map((key) => key.slice(0, 20)))
    const titles = toCsl(bib).items.map((item) => item['title'])
    expect(risToCsl(ris).map((item) => item['title'])).toEqual(titles)
  })
})
