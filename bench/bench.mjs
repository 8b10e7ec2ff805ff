#!/usr/bin/env node
// Benchmark `factlint check` on synthetic corpora from ../shared/tools/gen-corpus.mjs.
//
//   npm run bench                      1,000 and 10,000 claims, 5 runs each
//   npm run bench -- --sizes 1000,10000,100000 --runs 3
//
// Whole-process wall time (median) and peak resident memory of each run, measured from
// outside the process: a benchmark, never a timed assertion in a test.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '1000,10000'},
    runs: {type: 'string', default: '5'},
    generator: {type: 'string', default: path.resolve(repository, '../shared/tools/gen-corpus.mjs')}
  }
})
const sizes = values.sizes.split(',').map(Number)
const runs = Number(values.runs)
const bin = path.join(repository, 'dist/bin.js')
if (!existsSync(bin)) {
  console.error('bench: dist/bin.js is missing; run `npm run build` first')
  process.exit(2)
}
if (!existsSync(values.generator)) {
  console.error(`bench: no corpus generator at ${values.generator}`)
  process.exit(2)
}

function corpus(size) {
  const directory = path.join(repository, 'bench/out', String(size))
  if (!existsSync(path.join(directory, 'expected-defects.json'))) {
    mkdirSync(directory, {recursive: true})
    const generated = spawnSync(process.execPath, [values.generator, directory, String(size)], {stdio: 'inherit'})
    if (generated.status !== 0) throw new Error(`gen-corpus failed for ${size}`)
  }
  return directory
}

/** Run a command once; wall seconds and peak RSS (MB) from GNU time when present. */
function measure(command, args) {
  const useTime = existsSync('/usr/bin/time')
  const started = process.hrtime.bigint()
  const child = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {encoding: 'utf8', maxBuffer: 1 << 30})
    : spawnSync(command, args, {encoding: 'utf8', maxBuffer: 1 << 30})
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (child.status !== 0 && child.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${child.status}: ${child.stderr}`)
  const rssKb = useTime ? Number(child.stderr.trim().split('\n').at(-1)) : Number.NaN
  return {seconds, peakMb: rssKb / 1024, stdout: child.stdout}
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const rows = []
for (const size of sizes) {
  const directory = corpus(size)
  const samples = []
  let last
  for (let run = 0; run < runs; run++) {
    last = measure(process.execPath, [bin, 'check', directory, '--format', 'json'])
    samples.push(last)
  }
  const report = JSON.parse(last.stdout)
  const seconds = median(samples.map((sample) => sample.seconds))
  rows.push({
    claims: size,
    seconds,
    claimsPerSecond: Math.round(size / seconds),
    peakMb: Math.max(...samples.map((sample) => sample.peakMb)),
    findings: report.findings.length
  })
}

const expected = JSON.parse(readFileSync(path.join(corpus(sizes[0]), 'expected-defects.json'), 'utf8'))
console.log(`factlint check --format json, median of ${runs} runs (${process.version}, ${process.platform} ${process.arch})`)
console.log('| claims | median s | claims/s | peak MB | findings |')
console.log('| ---: | ---: | ---: | ---: | ---: |')
for (const row of rows) {
  console.log(`| ${row.claims} | ${row.seconds.toFixed(2)} | ${row.claimsPerSecond} | ${Number.isNaN(row.peakMb) ? 'n/a' : row.peakMb.toFixed(0)} | ${row.findings} |`)
}
console.log(`(${sizes[0]}-claim corpus: ${expected.defects.length} injected defects)`)
