#!/usr/bin/env node
// Benchmark reading bibliographies: `readBibliography` (LaTeX fast path) against the same
// reading with every value sent through the LaTeX parser, in one warm process.
//
//   npm run build && node bench/bibliography.mjs            5 warm-up and 15 timed runs
//   node bench/bibliography.mjs --runs 30 --sizes 10000     fewer corpora, more runs
//
// Reads the corpus's bibliography, the test fixtures and the bibliographies of synthetic
// corpora from ../shared/tools/gen-corpus.mjs (200 entries per 10,000 claims; generated
// into bench/out/<claims> like bench.mjs does). Times the whole `readBibliography` call
// and checks that both paths give the same result, byte for byte as JSON; exits 1 if not.
// A benchmark, never a timed assertion in a test.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'
import {distLoader, syntheticCorpus} from './lib.mjs'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '10000,100000'},
    runs: {type: 'string', default: '15'},
    warmup: {type: 'string', default: '5'},
    generator: {type: 'string', default: path.resolve(repository, '../shared/tools/gen-corpus.mjs')}
  }
})
const runs = Number(values.runs)
const warmup = Number(values.warmup)
const {readBibliography, readBibliographyThroughParser} = await distLoader(path.join(repository, 'dist'), 'bibliography/read.js')('bibliography/read.js')
if (typeof readBibliographyThroughParser !== 'function') {
  console.error('bench: dist/ predates the fast path; run `npm run build`')
  process.exit(2)
}

function syntheticBibliography(claims) {
  const directory = syntheticCorpus(values.generator, claims)
  return directory && path.join(directory, 'bibliography.bib')
}

const files = [
  ['corpus/bibliography.bib', path.join(repository, 'corpus/bibliography.bib')],
  ['biblatex-examples.bib', path.join(repository, 'test/fixtures/bibliography/biblatex-examples.bib')],
  ['zotero-export.bib', path.join(repository, 'test/fixtures/bibliography/zotero-export.bib')]
]
for (const claims of values.sizes.split(',').filter(Boolean).map(Number)) {
  const file = syntheticBibliography(claims)
  if (file) files.push([`synthetic, ${claims} claims`, file])
  else console.error(`bench: no generator at ${values.generator}; skipping the ${claims}-claim corpus`)
}

const options = {allowUndated: ['online', 'misc']}

/** Milliseconds per call: median and fastest of `runs` after `warmup` untimed calls. */
function time(read, text) {
  for (let run = 0; run < warmup; run++) read(text, options)
  const samples = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    read(text, options)
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return {median: samples[Math.floor(samples.length / 2)], fastest: samples[0]}
}

const rows = []
let mismatches = 0
for (const [name, file] of files) {
  const text = readFileSync(file, 'utf8')
  const fastResult = readBibliography(text, options)
  const same = JSON.stringify(fastResult) === JSON.stringify(readBibliographyThroughParser(text, options))
  if (!same) mismatches++
  const fast = time(readBibliography, text)
  const parser = time(readBibliographyThroughParser, text)
  rows.push({name, entries: fastResult.entries.length, kb: text.length / 1024, fast, parser, same})
}

const ms = (value) => value.toFixed(1)
console.log(`readBibliography, in-process, warm: median (fastest) of ${runs} runs after ${warmup} (${process.version}, ${process.platform} ${process.arch})`)
console.log('| file | entries | KB | fast path ms | parser only ms | speed-up | same result |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |')
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.entries} | ${row.kb.toFixed(0)} | ${ms(row.fast.median)} (${ms(row.fast.fastest)}) | ${ms(row.parser.median)} (${ms(row.parser.fastest)}) | ${(row.parser.median / row.fast.median).toFixed(1)}× | ${row.same ? 'yes' : 'NO'} |`
  )
}
if (mismatches > 0) {
  console.error(`bench: the fast path differs from the parser on ${mismatches} file(s)`)
  process.exit(1)
}
