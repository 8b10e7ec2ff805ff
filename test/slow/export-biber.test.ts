/**
 * biber (Debian's) validates the BibLaTeX export against BibLaTeX's data model:
 * `biber --tool --validate-datamodel` prints no `WARN -` or `ERROR -` line (it exits 0 on
 * data-model warnings, so its output is read). The one exception is documented: the
 * corpus's undated @online and @misc entries (corpus/factlint.config.json says why; we
 * never invent a date), for which biber says a date is missing. On the fixtures the
 * export adds no warning the source itself does not get.
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {exportBibliography} from '../../src/export/index.js'
import {bibliographies, bibliography} from '../export/helpers.js'

const found = spawnSync('biber', ['--version'], {encoding: 'utf8'}).status === 0
const run = found || Boolean(process.env.CI)
if (!run) console.warn('test/slow/export-biber.test.ts skipped: biber is not installed (apt-get install -y biber)')

const directory = mkdtempSync(path.join(tmpdir(), 'factlint-export-biber-'))
afterAll(() => rmSync(directory, {recursive: true, force: true}))

/** biber's WARN and ERROR lines, without the file name, sorted. */
function biberProblems(file: string): string[] {
  const result = spawnSync('biber', ['--tool', '--validate-datamodel', '--output-file', `${file}.out`, file], {encoding: 'utf8', cwd: directory})
  expect(result.status, result.stdout + result.stderr).toBe(0)
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => /^(WARN|ERROR) - /.test(line))
    .map((line) => line.replace(/ \([^)]*\.bib\)/, ''))
    .sort()
}

describe.runIf(run)('biber validates the BibLaTeX export', () => {
  it('is installed (CI must install it: apt-get install -y biber)', () => {
    expect(found).toBe(true)
  })

  it('the corpus: no warning but the missing dates of the undated @online and @misc entries', () => {
    const bib = bibliography('corpus')
    const config = JSON.parse(readFileSync(path.join(path.dirname(bibliographies.corpus), 'factlint.config.json'), 'utf8')) as {
      rules: {bibliography: [string, {allowUndated: string[]}]}
    }
    const allowUndated = new Set(config.rules.bibliography[1].allowUndated)
    const undated = bib.entries.filter((entry) => allowUndated.has(entry.type) && entry.fields['date'] === undefined && entry.fields['year'] === undefined)
    expect(undated.length).toBeGreaterThan(0)
    writeFileSync(path.join(directory, 'corpus.bib'), exportBibliography(bib, 'biblatex').output)
    expect(biberProblems('corpus.bib')).toEqual(
      undated.map((entry) => `WARN - Datamodel: Entry '${entry.key}': Missing mandatory field - one of 'date, year' must be defined`).sort()
    )
  })

  it.each(['zotero-export', 'biblatex-examples', 'round-trip'] as const)('%s: the export gets the warnings of its source, and no others', (name) => {
    copyFileSync(bibliographies[name], path.join(directory, `${name}-source.bib`))
    writeFileSync(path.join(directory, `${name}-export.bib`), exportBibliography(bibliography(name), 'biblatex').output)
    expect(biberProblems(`${name}-export.bib`)).toEqual(biberProblems(`${name}-source.bib`))
  })
})
