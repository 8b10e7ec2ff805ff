#!/usr/bin/env node
// Benchmark the reader of figures alone (`readFigures`), in one warm process, over every
// prose run of every body and every figure `text` of a corpus, as the two rules read them:
//
//   body, citations skipped      what `figure-text` reads (bodyFiguresOutsideCitations)
//   body, all skips              what `undeclared-figure` reads (citations, quotations, not-figures)
//   figure texts                 every figure's `text`, one read each (no per-run cache)
//
//   npm run build && node bench/figures-reader.mjs                  bench/out/10000, 5 warm-up and 15 timed runs
//   node bench/figures-reader.mjs --corpus corpus --runs 30
//   node bench/figures-reader.mjs --dist /path/to/other/dist          the same on another build (before/after)
//
// The skip ranges are computed once, outside the timing. Prints the median and fastest
// run per input set (the machine is shared: other work only adds time) and a digest of
// every reading, so two builds can be compared for identical readings. `bench/figures.mjs`
// times the two rules themselves. A benchmark, never a timed assertion in a test.
import {createHash} from 'node:crypto'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'
import {distLoader, median} from './lib.mjs'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({
  options: {
    corpus: {type: 'string', multiple: true, default: []},
    runs: {type: 'string', default: '15'},
    warmup: {type: 'string', default: '5'},
    dist: {type: 'string', default: path.join(repository, 'dist')}
  }
})
const runs = Number(values.runs)
const warmup = Number(values.warmup)
const dist = path.resolve(values.dist)
const load = distLoader(dist)
const {lintCorpus} = await load('lint.js')
const {readFigures} = await load('figures/reader.js')
const {citationRanges, undeclaredSkipRanges} = await load('figures/body-readings.js')

const roots = values.corpus.length > 0 ? values.corpus : [path.join(repository, 'bench/out/10000')]

/** Time `readFigures` over `inputs` ([text, skip] pairs): seconds per run, and a digest of the last run's readings. */
function measure(inputs) {
  const seconds = []
  let readings
  for (let index = 0; index < warmup + runs; index++) {
    const started = process.hrtime.bigint()
    readings = inputs.map(([text, skip]) => readFigures(text, {skip}))
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9
    if (index >= warmup) seconds.push(elapsed)
  }
  const count = readings.reduce((sum, list) => sum + list.length, 0)
  return {seconds, count, digest: createHash('sha256').update(JSON.stringify(readings)).digest('hex').slice(0, 12)}
}

console.log(`node ${process.version}, ${dist}, median of ${runs} runs after ${warmup} warm-up`)
console.log('| corpus | input | texts | characters | readings | median ms | fastest ms | digest |')
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |')
let total = 0
for (const root of roots) {
  const {corpus} = lintCorpus({root: path.resolve(root), keepFacts: true})
  const claims = corpus.claims
  const sets = {
    'body, citations skipped': claims.flatMap((claim) => claim.bodyText.map((run) => [run.value, citationRanges(run.value)])),
    'body, all skips': claims.flatMap((claim) => claim.bodyText.map((run) => [run.value, undeclaredSkipRanges(run.value, claim.notFigures)])),
    'figure texts': claims.flatMap((claim) => claim.figures.filter((figure) => figure.text !== undefined).map((figure) => [figure.text, []]))
  }
  for (const [label, inputs] of Object.entries(sets)) {
    const {seconds, count, digest} = measure(inputs)
    const characters = inputs.reduce((sum, [text]) => sum + text.length, 0)
    total += median(seconds)
    const ms = (value) => (value * 1000).toFixed(1)
    console.log(`| ${path.basename(root)} | ${label} | ${inputs.length} | ${characters} | ${count} | ${ms(median(seconds))} | ${ms(Math.min(...seconds))} | ${digest} |`)
  }
}
console.log(`sum of medians: ${(total * 1000).toFixed(1)} ms`)
