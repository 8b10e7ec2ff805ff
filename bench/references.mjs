#!/usr/bin/env node
// Benchmark formatted references (APA, HTML) of a synthetic bibliography: citation-js as
// documented (`new Cite(items).format('bibliography', …)`) against factlint's formatter
// (src/bibliography/citeproc.ts), and where the time goes inside citeproc-js.
//
//   npm run build && node bench/references.mjs                 200 and 2,000 entries, 3 runs
//   node bench/references.mjs --sizes 200,2000 --runs 5 --bib path/to/bibliography.bib
//
// The bibliography comes from ../shared/tools/gen-corpus.mjs (2,000 entries at 100,000
// claims; generated once into bench/out/references/). Whole-process wall and CPU time
// (median), measured around a child process; both ways must give the same bytes. On a
// shared machine the wall time follows the load: the main thread's CPU time (Linux) and the
// load average are printed with it. A benchmark, never a timed assertion in a test.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {cpus, loadavg} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {median} from './lib.mjs'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(repository, 'bench/out/references')
const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '200,2000'},
    runs: {type: 'string', default: '3'},
    bib: {type: 'string'},
    child: {type: 'string'},
    items: {type: 'string'},
    generator: {type: 'string', default: path.resolve(repository, '../shared/tools/gen-corpus.mjs')}
  }
})

const citeprocModule = pathToFileURL(path.join(repository, 'dist/bibliography/citeproc.js')).href
const cpuMs = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}
// The main thread's CPU time alone (Linux; 10 ms ticks): the rest of the process's CPU is
// V8's compiler and garbage-collector threads, which a loaded machine makes the main thread wait for.
const mainThreadCpuMs = () => {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}
const sha = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16)

if (values.child) {
  // One measured run, in its own process: print JSON on stdout.
  const startWall = performance.now()
  const items = JSON.parse(readFileSync(values.items, 'utf8'))
  const require = createRequire(path.join(repository, 'package.json'))
  let output
  const phases = {}
  if (values.child === 'citation-js') {
    const {Cite} = require('@citation-js/core')
    require('@citation-js/plugin-csl')
    output = new Cite(items).format('bibliography', {template: 'apa', format: 'html', lang: 'en-US'})
  } else if (values.child === 'factlint') {
    // As `factlint export html` runs it: the command line's V8 settings first (src/v8-tuning.ts).
    const {tuneV8} = await import(pathToFileURL(path.join(repository, 'dist/v8-tuning.js')).href)
    tuneV8()
    const {builtinStyle, formatBibliography, renderBibliography} = await import(citeprocModule)
    output = renderBibliography(formatBibliography(items, {style: builtinStyle('apa'), format: 'html', locale: 'en-US'}))
  } else {
    // Time citeproc's stages from outside, to show where the time goes: main-thread CPU
    // where the system tells it, else the process's.
    const clock = mainThreadCpuMs() === undefined ? cpuMs : mainThreadCpuMs
    const citeproc = createRequire(require.resolve('@citation-js/plugin-csl'))('citeproc')
    const timed = (owner, method, label) => {
      const original = owner[method]
      owner[method] = function (...args) {
        const start = clock()
        try {
          return new.target ? Reflect.construct(original, args, new.target) : original.apply(this, args)
        } finally {
          phases[label] = (phases[label] ?? 0) + clock() - start
        }
      }
      // citeproc reads its constructors' own properties (CSL.Engine.Opt, …) through them.
      Object.assign(owner[method], original)
      owner[method].prototype = original.prototype
    }
    timed(citeproc, 'Engine', 'engine set-up (style, locale)')
    timed(citeproc.Registry.prototype, 'doinserts', 'register: an ambiguity key per entry')
    timed(citeproc.Registry.prototype, 'setsortkeys', 'register: sort keys')
    timed(citeproc.Registry.prototype, 'setdisambigs', 'register: disambiguation (year suffixes)')
    timed(citeproc.Registry.prototype, 'sorttokens', 'register: sorting')
    timed(citeproc.Engine.prototype, 'makeBibliography', 'render the entries')
    const {builtinStyle, formatBibliography} = await import(citeprocModule)
    const style = builtinStyle('apa')
    const start = clock()
    formatBibliography(items, {style, format: 'html', locale: 'en-US'})
    phases['all of it, HTML'] = clock() - start
    output = ''
  }
  console.log(JSON.stringify({sha: sha(output), entries: items.length, cpu: cpuMs(), mainThreadCpu: mainThreadCpuMs(), inProcessWall: performance.now() - startWall, phases}))
  process.exit(0)
}

for (const [what, file] of [['dist/ (npm run build)', path.join(repository, 'dist/bibliography/citeproc.js')]]) {
  if (!existsSync(file)) {
    console.error(`bench/references: missing ${what} at ${file}`)
    process.exit(2)
  }
}

const sizes = values.sizes.split(',').map(Number)
const runs = Number(values.runs)
mkdirSync(out, {recursive: true})

// The bibliography: given, or generated once (gen-corpus writes ~N/50 entries).
let bibFile = values.bib
if (!bibFile) {
  const claims = Math.max(...sizes) * 50
  const corpus = path.join(out, `corpus-${claims}`)
  bibFile = path.join(corpus, 'bibliography.bib')
  if (!existsSync(bibFile)) {
    console.error(`generating a ${claims}-claim corpus for its bibliography (once) …`)
    const generated = spawnSync(process.execPath, [values.generator, corpus, String(claims)], {stdio: 'inherit'})
    if (generated.status !== 0) process.exit(2)
  }
}
const {readBibliography, toCsl} = await import(pathToFileURL(path.join(repository, 'dist/bibliography/index.js')).href)
const bib = readBibliography(readFileSync(bibFile, 'utf8'))
const allKeys = [...new Set(bib.entries.map((entry) => entry.key))]

function measure(method, itemsFile) {
  const start = performance.now()
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', method, '--items', itemsFile], {encoding: 'utf8', maxBuffer: 1 << 26})
  const wall = performance.now() - start
  if (child.status !== 0) {
    console.error(child.stderr)
    process.exit(1)
  }
  return {wall, ...JSON.parse(child.stdout)}
}

const rows = []
for (const size of sizes) {
  if (allKeys.length < size) {
    console.error(`bench/references: ${bibFile} has ${allKeys.length} entries, fewer than ${size}`)
    process.exit(2)
  }
  const itemsFile = path.join(out, `items-${size}.json`)
  writeFileSync(itemsFile, JSON.stringify(toCsl(bib, allKeys.slice(0, size)).items))
  const results = {}
  for (const method of ['citation-js', 'factlint']) {
    const samples = []
    for (let run = 0; run < runs; run++) samples.push(measure(method, itemsFile))
    results[method] = {
      wall: median(samples.map((s) => s.wall)),
      cpu: median(samples.map((s) => s.cpu)),
      mainThreadCpu: samples[0].mainThreadCpu === undefined ? undefined : median(samples.map((s) => s.mainThreadCpu)),
      walls: samples.map((s) => s.wall),
      sha: samples[0].sha
    }
  }
  const phased = measure('phases', itemsFile)
  results.factlint.phases = phased.phases
  results.factlint.phasesClock = phased.mainThreadCpu === undefined ? 'whole process' : 'main thread'
  const same = results['citation-js'].sha === results['factlint'].sha
  rows.push({size, ...results, same})
  if (!same) console.error(`bench/references: outputs differ at ${size} entries (${results['citation-js'].sha} vs ${results['factlint'].sha})`)
}

const seconds = (ms) => (ms === undefined ? '–' : (ms / 1000).toFixed(2))
const timing = (result) => `${seconds(result.wall)} / ${seconds(result.cpu)} / ${seconds(result.mainThreadCpu)}`
console.log(`\nFormatted references, APA, HTML — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, median of ${runs}, load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`)
console.log('\nWhole process: wall / CPU (all threads) / CPU (main thread), seconds.\n')
console.log('| entries | citation-js | factlint | factlint wall, every run | same bytes |')
console.log('| ---: | ---: | ---: | ---: | :---: |')
for (const row of rows) {
  console.log(`| ${row.size} | ${timing(row['citation-js'])} | ${timing(row.factlint)} | ${row.factlint.walls.map(seconds).join(' ')} | ${row.same ? 'yes' : 'NO'} |`)
}
for (const row of rows) {
  console.log(`\nWhere factlint's time goes at ${row.size} entries (CPU s, ${row.factlint.phasesClock}):`)
  for (const [phase, ms] of Object.entries(row.factlint.phases)) console.log(`  ${phase.padEnd(46)} ${seconds(ms)}`)
}

// Outputs that differ are a failure (CI runs this), after the table shows them.
if (rows.some((row) => !row.same)) process.exitCode = 1
