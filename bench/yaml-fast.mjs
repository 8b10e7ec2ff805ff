#!/usr/bin/env node
// Benchmark the fast YAML path, `parseYamlFast`, in one warm process over every claim's
// frontmatter of a synthetic corpus from ../shared/tools/gen-corpus.mjs (generated into
// bench/out/<claims> like bench.mjs does), beside js-yaml's `load` of the same texts (what
// the fast path used to run after its line index).
//
//   npm run build && node bench/yaml-fast.mjs             10,000 claims, 5 warm-up and 15 timed runs
//   node bench/yaml-fast.mjs --claims 1000 --runs 30
//   node bench/yaml-fast.mjs --dist /path/to/other/dist   the same on another build (before/after)
//
// Each run parses every frontmatter and asks for the places that `collectFrontmatter`
// asks for (id, status, origin, each source and figure and their fields). Prints the
// median and the fastest run (the machine is shared, and other work only ever adds time),
// how many texts took the fast path, and a digest of the values and places, so that two
// builds can be compared for identical results. A benchmark, never a timed assertion in a test.
import {createHash} from 'node:crypto'
import {readFileSync, readdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'
import {distLoader, syntheticCorpus} from './lib.mjs'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({
  options: {
    claims: {type: 'string', default: '10000'},
    runs: {type: 'string', default: '15'},
    warmup: {type: 'string', default: '5'},
    dist: {type: 'string', default: path.join(repository, 'dist')},
    generator: {type: 'string', default: path.resolve(repository, '../shared/tools/gen-corpus.mjs')}
  }
})
const runs = Number(values.runs)
const warmup = Number(values.warmup)
const dist = path.resolve(values.dist)
const load = distLoader(dist, 'yaml/fast.js')
const {parseYamlFast} = await load('yaml/fast.js')
const {splitFrontmatter} = await load('pipeline/split.js')
const jsYaml = createRequire(path.join(repository, 'package.json'))('js-yaml')

const root = syntheticCorpus(values.generator, values.claims)
if (!root) {
  console.error(`bench: no generator at ${values.generator}`)
  process.exit(2)
}
const texts = readdirSync(path.join(root, 'claims'), {recursive: true, encoding: 'utf8'})
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => {
    const text = readFileSync(path.join(root, 'claims', name), 'utf8')
    const split = splitFrontmatter(text)
    return split ? text.slice(split.valueStart, split.valueEnd) : ''
  })

/** The places `collectFrontmatter` asks for on a claim. */
function paths(value) {
  const out = [['id'], ['status'], ['origin'], ['sources']]
  const sources = Array.isArray(value?.sources) ? value.sources : []
  sources.forEach((_, index) => out.push(['sources', String(index)], ['sources', String(index), 'key'], ['sources', String(index), 'locator']))
  const figures = Array.isArray(value?.figures) ? value.figures : []
  figures.forEach((_, index) => {
    out.push(['figures', String(index)])
    for (const field of ['measure', 'value', 'qualifier', 'text', 'unit']) out.push(['figures', String(index), field])
  })
  return out
}
const wanted = texts.map((text) => {
  try {
    return paths(jsYaml.load(text, {schema: jsYaml.CORE_SCHEMA}))
  } catch {
    return []
  }
})

function fastPath() {
  let taken = 0
  let found = 0
  for (let index = 0; index < texts.length; index++) {
    const fast = parseYamlFast(texts[index])
    if (!fast) continue
    taken++
    for (const place of wanted[index]) if (fast.locate(place, place.length === 1 ? 'key' : 'value')) found++
  }
  return taken + found
}
function jsYamlLoad() {
  let count = 0
  for (const text of texts) {
    try {
      if (jsYaml.load(text, {schema: jsYaml.CORE_SCHEMA, json: false})) count++
    } catch {}
  }
  return count
}

function digest() {
  const hash = createHash('sha256')
  let taken = 0
  for (let index = 0; index < texts.length; index++) {
    const fast = parseYamlFast(texts[index])
    if (!fast) {
      hash.update('-\n')
      continue
    }
    taken++
    hash.update(JSON.stringify(fast.value) + '\n')
    for (const place of wanted[index]) for (const part of ['value', 'key', 'pair']) hash.update(JSON.stringify(fast.locate(place, part) ?? null))
  }
  return {taken, digest: hash.digest('hex').slice(0, 16)}
}

function measure(name, run) {
  for (let index = 0; index < warmup; index++) run()
  const times = []
  for (let index = 0; index < runs; index++) {
    const start = process.hrtime.bigint()
    run()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  console.log(`${name.padEnd(28)} median ${median.toFixed(1).padStart(7)} ms   fastest ${times[0].toFixed(1).padStart(7)} ms   (${(median * 1000 / texts.length).toFixed(2)} µs per frontmatter)`)
}

const {taken, digest: hex} = digest()
console.log(`${texts.length} frontmatters from ${path.relative(process.cwd(), root) || root}, ${taken} on the fast path, digest ${hex} (${dist})`)
measure('parseYamlFast + locate', fastPath)
measure('js-yaml load (reference)', jsYamlLoad)
