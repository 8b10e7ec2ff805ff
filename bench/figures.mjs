#!/usr/bin/env node
// Benchmark the two rules that read figures in claim bodies, `figure-text` and
// `undeclared-figure`, in one warm process, on synthetic corpora from
// ../shared/tools/gen-corpus.mjs (generated into bench/out/<claims> like bench.mjs does).
//
//   npm run build && node bench/figures.mjs            10,000 claims, 5 warm-up and 15 timed runs
//   node bench/figures.mjs --sizes 1000,10000 --runs 30
//   node bench/figures.mjs --dist /path/to/other/dist  the same on another build (before/after)
//
// The corpus is parsed once; each run gets a fresh copy of the claims and a new corpus
// object (made outside the timing), so nothing the rules remember about a claim or a lint
// run survives into the next run, and the rules run rule by rule over every claim, as
// `lintCorpus` runs them. Prints the median per rule, the fastest run of both (the machine
// is shared, and other work only ever adds time), and a digest of each rule's findings,
// so two builds can be compared for identical findings. A benchmark, never a timed
// assertion in a test.
import {createHash} from 'node:crypto'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'
import {distLoader, median, syntheticCorpus} from './lib.mjs'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '10000'},
    runs: {type: 'string', default: '15'},
    warmup: {type: 'string', default: '5'},
    dist: {type: 'string', default: path.join(repository, 'dist')},
    corpus: {type: 'string', multiple: true, default: []},
    generator: {type: 'string', default: path.resolve(repository, '../shared/tools/gen-corpus.mjs')}
  }
})
const runs = Number(values.runs)
const warmup = Number(values.warmup)
const dist = path.resolve(values.dist)
const load = distLoader(dist)
const {lintCorpus} = await load('lint.js')
const {figureText} = await load('rules/figure-text.js')
const {undeclaredFigure} = await load('rules/undeclared-figure.js')
const timedRules = [figureText, undeclaredFigure]

/** One pass of both rules over fresh copies of the claims: seconds per rule and the reports. */
function runOnce(corpus, pristineClaims) {
  const claims = structuredClone(pristineClaims)
  const fresh = {...corpus, claims}
  const result = []
  for (const rule of timedRules) {
    const reports = []
    const context = {options: rule.defaultOptions ?? {}, report: (report) => reports.push(report)}
    const started = process.hrtime.bigint()
    for (const claim of claims) rule.checkClaim(claim, context, fresh)
    result.push({id: rule.id, seconds: Number(process.hrtime.bigint() - started) / 1e9, reports})
  }
  return result
}

const digest = (reports) => createHash('sha256').update(JSON.stringify(reports)).digest('hex').slice(0, 12)

const corpora = values.corpus.map((root) => [root, path.resolve(root)])
for (const claims of values.sizes.split(',').filter(Boolean).map(Number)) {
  const directory = syntheticCorpus(values.generator, claims)
  if (directory) corpora.push([`synthetic, ${claims} claims`, directory])
  else console.error(`bench: no generator at ${values.generator}; skipping the ${claims}-claim corpus`)
}

console.log(`node ${process.version}, ${dist}, median of ${runs} runs after ${warmup} warm-up`)
console.log('| corpus | claims | figure-text ms | undeclared-figure ms | both ms | both, fastest run ms | findings (figure-text · undeclared-figure) |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |')
for (const [label, root] of corpora) {
  const {corpus} = lintCorpus({root, keepFacts: true})
  const pristine = structuredClone(corpus.claims)
  const samples = {total: [], 'figure-text': [], 'undeclared-figure': []}
  let last
  for (let index = 0; index < warmup + runs; index++) {
    last = runOnce(corpus, pristine)
    if (index < warmup) continue
    for (const rule of last) samples[rule.id].push(rule.seconds)
    samples.total.push(last.reduce((sum, rule) => sum + rule.seconds, 0))
  }
  const ms = (list) => (median(list) * 1000).toFixed(1)
  const findings = last.map((rule) => `${rule.reports.length} ${digest(rule.reports)}`).join(' · ')
  const fastest = (Math.min(...samples.total) * 1000).toFixed(1)
  console.log(`| ${label} | ${pristine.length} | ${ms(samples['figure-text'])} | ${ms(samples['undeclared-figure'])} | ${ms(samples.total)} | ${fastest} | ${findings} |`)
}
