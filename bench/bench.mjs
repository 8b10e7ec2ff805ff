#!/usr/bin/env node
// Benchmark `factlint check` on synthetic corpora from ../shared/tools/gen-corpus.mjs,
// beside the floor (reading every file) and two tools of the field: pandoc's citation
// pass over the same bodies and remark-cli with remark-frontmatter and one lint rule.
//
//   npm run bench                                   1,000, 10,000 and 100,000 claims (about 10 minutes)
//   npm run bench -- --sizes 1000,10000 --runs 3    a quicker look
//   npm run bench -- --no-others                    factlint only
//   npm run bench -- --node-options=--v8-pool-size=0
//                                                   also `check` with these Node options,
//                                                   run by turns with the plain one
//
// Whole-process wall time (median) and peak resident memory (GNU time), measured from
// outside the process: a benchmark, never a timed assertion in a test.
import {spawnSync} from 'node:child_process'
import {appendFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, totalmem} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'
import {median, syntheticCorpus} from './lib.mjs'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '1000,10000,100000'},
    runs: {type: 'string', default: '5'},
    others: {type: 'boolean', default: true},
    'no-others': {type: 'boolean', default: false},
    'node-options': {type: 'string'},
    generator: {type: 'string', default: path.resolve(repository, '../shared/tools/gen-corpus.mjs')}
  }
})
const sizes = values.sizes.split(',').map(Number)
const runs = Number(values.runs)
const others = values.others && !values['no-others']
const nodeOptions = values['node-options'] === undefined ? undefined : `${process.env.NODE_OPTIONS ?? ''} ${values['node-options']}`.trim()
const bin = path.join(repository, 'dist/bin.js')
const remark = path.join(repository, 'node_modules/.bin/remark')
const out = path.join(repository, 'bench/out')
for (const [what, file] of [['dist/bin.js (npm run build)', bin], ['the corpus generator', values.generator]]) {
  if (!existsSync(file)) {
    console.error(`bench: missing ${what} at ${file}`)
    process.exit(2)
  }
}
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0

/** Run a command once: wall seconds and peak RSS (MB) from GNU time. */
function measure(command, args, options = {}) {
  const started = process.hrtime.bigint()
  const child = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {encoding: 'utf8', maxBuffer: 1 << 30, ...options})
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (child.status !== 0 && child.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${child.status}: ${child.stderr.slice(-2000)}`)
  return {seconds, peakMb: Number(child.stderr.trim().split('\n').at(-1)) / 1024}
}


/** Two commands run by turns (a, b, a, b, …), so that a change in the machine's load falls on both alike. */
function alternate(times, runA, runB) {
  const samples = [[], []]
  for (let index = 0; index < times; index++) {
    samples[0].push(runA())
    samples[1].push(runB())
  }
  return samples.map((list) => ({seconds: median(list.map((sample) => sample.seconds)), peakMb: Math.max(...list.map((sample) => sample.peakMb))}))
}

function repeat(times, run, before) {
  const samples = []
  for (let index = 0; index < times; index++) {
    before?.(index)
    samples.push(run())
  }
  return {seconds: median(samples.map((sample) => sample.seconds)), peakMb: Math.max(...samples.map((sample) => sample.peakMb))}
}

function claimFiles(directory) {
  return readdirSync(path.join(directory, 'claims'), {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(directory, 'claims', name))
}

/** The bodies of every claim as one Markdown file, for pandoc's citation pass. */
function pandocInput(directory) {
  const file = path.join(directory, 'bodies.md')
  if (!existsSync(file)) {
    const bodies = claimFiles(directory).map((claim) => readFileSync(claim, 'utf8').split(/\n---\n/).slice(1).join('\n---\n'))
    writeFileSync(file, bodies.join('\n\n'))
  }
  return file
}

const rows = []
for (const size of sizes) {
  // The generator is there (checked above).
  const directory = syntheticCorpus(values.generator, size)
  const few = size >= 100000 ? Math.min(runs, 3) : runs
  const row = {claims: size}
  row.read = repeat(few, () =>
    measure(process.execPath, ['-e', `const fs=require('fs');let n=0;for(const f of fs.readdirSync(process.argv[1],{recursive:true})){if(f.endsWith('.md'))n+=fs.readFileSync(require('path').join(process.argv[1],f)).length}`, path.join(directory, 'claims')])
  )
  const check = (env = process.env) => measure(process.execPath, [bin, 'check', directory, '--format', 'json'], {stdio: ['ignore', 'ignore', 'pipe'], env})
  if (nodeOptions) [row.check, row.checkTuned] = alternate(few, () => check(), () => check({...process.env, NODE_OPTIONS: nodeOptions}))
  else row.check = repeat(few, () => check())
  // Re-check after one claim changes: prime the cache, then edit a different file each
  // run; once with the JSON report (every finding and the measures section, 11 MB at
  // 10,000 claims), once with the default stylish output.
  const cache = path.join(out, `cache-${size}`)
  rmSync(cache, {recursive: true, force: true})
  const recheck = (...format) => measure(process.execPath, [bin, 'check', directory, ...format, '--cache-location', cache], {stdio: ['ignore', 'ignore', 'pipe']})
  recheck('--format', 'json')
  const files = claimFiles(directory)
  row.cached = repeat(few, () => recheck('--format', 'json'), (index) => appendFileSync(files[index * 7] ?? files[0], '\n'))
  row.cachedStylish = repeat(few, () => recheck(), (index) => appendFileSync(files[index * 7 + 3] ?? files[0], '\n'))
  if (others && has('pandoc')) {
    const input = pandocInput(directory)
    row.pandoc = repeat(Math.min(few, 3), () =>
      measure('pandoc', ['--citeproc', '--bibliography', path.join(directory, 'bibliography.bib'), '-f', 'markdown', '-t', 'plain', '-o', '/dev/null', input], {stdio: ['ignore', 'ignore', 'pipe']})
    )
  }
  if (others && existsSync(remark) && size <= 10000) {
    // remark-cli's own time varies most between runs (16.5 s to 27 s at 10,000 claims here),
    // and with the machine's load, as `check`'s does: the ratio is of the two run by turns
    // (check, remark, check, …), so that a change in the load falls on both; three each.
    ;[row.checkBesideRemark, row.remark] = alternate(
      Math.min(few, 3),
      () => check(),
      () => measure(remark, [path.join(directory, 'claims'), '--quiet', '--no-stdout', '--no-config', '--no-ignore', '--use', 'remark-frontmatter', '--use', 'remark-lint-final-newline'], {stdio: ['ignore', 'ignore', 'pipe'], cwd: repository})
    )
  }
  rows.push(row)
  console.error(`bench: ${size} claims done`)
}

const s = (value) => (value ? value.seconds.toFixed(2) : '–')
const ratio = (a, b) => (a && b ? `${(a.seconds / b.seconds).toFixed(1)}×` : '–')
const cpu = cpus()[0]?.model ?? 'unknown CPU'
console.log(`Machine: ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${runs} runs (3 at 100,000)`)
console.log('')
if (nodeOptions) console.log(`\`check\` with NODE_OPTIONS=${nodeOptions}, run by turns with the plain \`check\`:\n`)
if (nodeOptions) console.log('| claims | factlint check | with the options | change |\n| ---: | ---: | ---: | ---: |')
for (const row of nodeOptions ? rows : []) console.log(`| ${row.claims} | ${s(row.check)} | ${s(row.checkTuned)} | ${((row.checkTuned.seconds / row.check.seconds - 1) * 100).toFixed(1)}% |`)
if (nodeOptions) console.log('')
console.log('| claims | read files | factlint check | check / read | peak MB | re-check, 1 file changed (--cache): json · stylish | pandoc --citeproc | remark-cli, 1 rule | remark / check (check run by turns with it) |')
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const row of rows) {
  const remarkRatio = row.remark ? `${ratio(row.remark, row.checkBesideRemark)} (${s(row.checkBesideRemark)})` : '–'
  console.log(`| ${row.claims} | ${s(row.read)} | ${s(row.check)} | ${ratio(row.check, row.read)} | ${row.check.peakMb.toFixed(0)} | ${s(row.cached)} · ${s(row.cachedStylish)} | ${s(row.pandoc)} | ${s(row.remark)} | ${remarkRatio} |`)
}
// Node 20 reads the certificates of NODE_EXTRA_CA_CERTS when it starts, before any of the
// command's code: every Node process of the table (the floor, factlint, remark-cli) pays it
// once. Say how much, so that a table from a machine that sets it can be read.
if (process.env.NODE_EXTRA_CA_CERTS) {
  const withoutCerts = {...process.env}
  delete withoutCerts.NODE_EXTRA_CA_CERTS
  const [withIt, without] = alternate(
    Math.max(runs, 5) * 3,
    () => measure(process.execPath, ['-e', '0']),
    () => measure(process.execPath, ['-e', '0'], {env: withoutCerts})
  )
  console.log(`\nNODE_EXTRA_CA_CERTS is set: \`node -e 0\` takes ${withIt.seconds.toFixed(3)} s with it and ${without.seconds.toFixed(3)} s without (Node 20 reads the certificates at every start; docs/performance.md#tuning-for-machines-with-few-cores)`)
}
const ten = rows.find((row) => row.claims === 10000)
const hundred = rows.find((row) => row.claims === 100000)
if (ten && hundred) console.log(`\n100,000 / 10,000 check time: ${(hundred.check.seconds / ten.check.seconds).toFixed(1)}× (linear is 10×)`)
