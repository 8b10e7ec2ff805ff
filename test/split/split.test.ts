/**
 * Split the seed article (../shared/seed, outside the repository: never copied into it)
 * and the second article of the tests, and check the drafts.
 */
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {readBibliography} from '../../src/bibliography/index.js'
import {main} from '../../src/cli.js'
import type {CommandIo} from '../../src/commands/io.js'
import {readMeasures} from '../../src/corpus/measures.js'
import {parseSectionsFile} from '../../src/corpus/sections.js'
import {lintCorpus} from '../../src/lint.js'
import {parseClaim} from '../../src/pipeline/parse-claim.js'
import {buildReport} from '../../src/report/model.js'
import {planSplit, splitArticle, todoMeasurePrefix} from '../../src/split/index.js'

const repository = path.resolve(import.meta.dirname, '../..')
const seedPath = path.resolve(repository, '../shared/seed/when-hungary-rose.txt')
const seed = readFileSync(seedPath, 'utf8')
const pragueSpringPath = path.join(repository, 'test/fixtures/articles/prague-spring.md')
const measures = Object.values(readMeasures(readFileSync(path.join(repository, 'corpus/measures.yaml'), 'utf8')).measures)

const temporary: string[] = []
afterAll(() => {
  for (const directory of temporary) rmSync(directory, {recursive: true, force: true})
})
function freshCorpus(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'factlint-split-'))
  temporary.push(root)
  return root
}

function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return []
  return readdirSync(directory, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.md')).sort()
}

function io(cwd: string): CommandIo & {out: string[]; err: string[]} {
  const out: string[] = []
  const err: string[] = []
  return {out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), cwd, env: {}, isTTY: false}
}

/** Every figure of the seed article, in order: numbers and dates, digits and words. */
const seedFigures = [
  'October 1956', '1956', '200,000', 'By 1949', 'An estimated 50,000', 'Between 1948 and 1953', 'around 700,000', '1953',
  'February 1956', 'By the autumn of 1956', '23 October 1956', '24-foot', 'five', '16-point', '1 November', '4 November',
  'Over 1,000', '60,000', 'By 8 November', 'around 2,500', 'More than 20,000', '1958', 'Around 200,000', 'nearly two percent',
  'one', '1956', '1960s', '70s', '1956', 'late 1980s', '1989', 'Over 200,000', 'thirty-three', '23 October', '1956', 'One'
]

const seedHeadings = [
  'Living Under Moscow’s Shadow', 'The Cracks Begin to Show', 'The Night the Statue Fell', 'An Army Torn Between Orders and Conscience',
  'The Illusion of Freedom', 'Operation Whirlwind: The Crushing of a Nation', 'The Price of Defiance', 'The Flight of 200,000',
  'The Silence That Followed', 'A Revolution Remembered'
]

describe('split the seed article', () => {
  const plan = planSplit(seed, {measures})

  it('turns every sentence into a draft and every heading into a section', () => {
    expect(plan.article.headings.map((heading) => heading.text)).toEqual(seedHeadings)
    expect(plan.sections.map((section) => section.id)).toEqual([
      'introduction', 'living-under-moscows-shadow', 'the-cracks-begin-to-show', 'the-night-the-statue-fell',
      'an-army-torn-between-orders-and-conscience', 'the-illusion-of-freedom', 'operation-whirlwind-the-crushing-of-a-nation',
      'the-price-of-defiance', 'the-flight-of-200000', 'the-silence-that-followed', 'a-revolution-remembered'
    ])
    // Every line between the byline and "Sources" is a heading or is exactly its drafts' origins.
    const lines = seed.split('\n')
    const body = lines.slice(4, lines.indexOf('Sources'))
    let paragraphs = 0
    for (const [index, line] of body.entries()) {
      if (line.trim() === '' || seedHeadings.includes(line)) continue
      paragraphs++
      const drafts = plan.claims.filter((claim) => claim.sentence.line === index + 5)
      expect(drafts.length, line).toBeGreaterThan(0)
      expect(drafts.map((claim) => claim.sentence.text).join(' ').replace(/\s+/g, ''), line).toBe(line.replace(/\s+/g, ''))
    }
    expect(plan.claims).toHaveLength(plan.article.sentences.length)
    expect(new Set(plan.claims.map((claim) => claim.sentence.paragraph)).size).toBe(paragraphs)
    // The corpus cites the article by paragraph: "Around 200,000 Hungarians fled" is para. 31.
    expect(plan.claims.find((claim) => claim.sentence.text.startsWith('Around 200,000'))?.sentence.paragraph).toBe(31)
  })

  it('writes drafts that are schema-valid, with the sentence as origin and body', () => {
    const ids = new Set<string>()
    for (const claim of plan.claims) {
      const facts = parseClaim(`claims/${claim.path}`, claim.content)
      expect(facts.frontmatterProblems, claim.path).toEqual([])
      expect(facts.schemaProblems, claim.path).toEqual([])
      expect([facts.id, facts.status, facts.origin, facts.sources]).toEqual([claim.id, 'draft', claim.sentence.text, []])
      expect(facts.body.trim()).toBe(claim.sentence.text)
      expect(claim.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      ids.add(claim.id)
    }
    expect(ids.size).toBe(plan.claims.length)
  })

  it('pre-fills every figure of the article, each with a todo- measure and its words', () => {
    const figures = plan.claims.flatMap((claim) => claim.figures.map((figure) => ({claim, figure})))
    expect(figures.map(({figure}) => figure.text)).toEqual(seedFigures)
    for (const {claim, figure} of figures) {
      expect(claim.sentence.text).toContain(figure.text)
      expect(figure.measure.startsWith(todoMeasurePrefix)).toBe(true)
    }
    const byText = (text: string) => figures.find(({figure}) => figure.text === text)?.figure
    expect(byText('around 700,000')).toMatchObject({value: 700000, qualifier: 'approx', measure: 'todo-political-prisoners-1948-1953'})
    expect(byText('Between 1948 and 1953')).toMatchObject({value: {min: '1948', max: '1953'}, qualifier: 'range'})
    expect(byText('nearly two percent')).toMatchObject({value: 2, qualifier: 'nearly', measure: 'todo-refugee-share-1956'})
    expect(byText('Over 1,000')).toMatchObject({value: 1000, qualifier: 'more-than'})
    // A day without a year takes the year last named, and says so.
    expect(byText('4 November')).toMatchObject({value: '1956-11-04', measure: 'todo-date-second-soviet-intervention', remarks: ['year 1956 assumed from earlier in the article']})
    expect(byText('around 2,500')).toMatchObject({measure: 'todo-deaths-hungarian-1956'})
  })

  it('turns the 23 listed sources into bibliography entries', () => {
    expect(plan.sources).toHaveLength(23)
    expect(plan.sources.map((source) => source.item['citation-key']).slice(0, 8)).toEqual([
      'lendvai2008', 'gati2006', 'sebestyen2006', 'granville2004', 'bekes2022', 'eorsi2016', 'mikes1957', 'unhcr2006'
    ])
  })

  it('is the same plan when re-run', () => {
    const again = planSplit(seed, {measures})
    expect(again.claims.map((claim) => [claim.path, claim.content])).toEqual(plan.claims.map((claim) => [claim.path, claim.content]))
  })
})

describe('splitArticle on disk', () => {
  it('writes claims, bibliography and sections.yaml; a re-run changes nothing', () => {
    const root = freshCorpus()
    const options = {articlePath: seedPath, out: path.join(root, 'claims'), bibliography: path.join(root, 'bibliography.bib'), sections: path.join(root, 'sections.yaml')}
    const first = splitArticle(options)
    expect(first.claims.every((claim) => claim.action === 'create')).toBe(true)
    const written = filesUnder(path.join(root, 'claims'))
    expect(written).toHaveLength(first.plan.claims.length)

    const bib = readBibliography(readFileSync(path.join(root, 'bibliography.bib'), 'utf8'))
    expect(bib.entries).toHaveLength(23)
    expect(bib.problems.filter((problem) => problem.kind === 'parse' || problem.kind === 'duplicate-key')).toEqual([])
    expect(first.bibliography?.added).toHaveLength(23)

    const sections = parseSectionsFile(readFileSync(path.join(root, 'sections.yaml'), 'utf8'))
    expect(sections.title).toBe('When Hungary Rose: The 1956 Revolution and the Shadow of Soviet Rule')
    expect(sections.sections.map((section) => section.title)).toEqual(['Introduction', ...seedHeadings])

    const before = written.map((file) => readFileSync(path.join(root, 'claims', file), 'utf8'))
    const second = splitArticle(options)
    expect(new Set(second.claims.map((claim) => claim.action))).toEqual(new Set(['unchanged']))
    expect(second.bibliography?.action).toBe('unchanged')
    expect(second.bibliography?.alreadyThere).toHaveLength(23)
    expect(filesUnder(path.join(root, 'claims'))).toEqual(written)
    expect(written.map((file) => readFileSync(path.join(root, 'claims', file), 'utf8'))).toEqual(before)
  })

  it('never overwrites an edited claim without --force', () => {
    const root = freshCorpus()
    const options = {articlePath: seedPath, out: path.join(root, 'claims')}
    const first = splitArticle(options)
    const edited = first.claims[5]?.file ?? ''
    writeFileSync(edited, 'edited by a historian\n')
    const second = splitArticle(options)
    expect(second.claims.find((claim) => claim.file === edited)?.action).toBe('skip')
    expect(readFileSync(edited, 'utf8')).toBe('edited by a historian\n')
    const forced = splitArticle({...options, force: true})
    expect(forced.claims.find((claim) => claim.file === edited)?.action).toBe('overwrite')
    expect(readFileSync(edited, 'utf8')).toBe(first.claims[5]?.content)
  })

  it('does not change an existing bibliography without --force, and then only appends', () => {
    const root = freshCorpus()
    const bibliography = path.join(root, 'bibliography.bib')
    const existing = '@book{lendvai2008,\n  author = {Lendvai, Paul},\n  title = {One Day},\n  date = {2008},\n  publisher = {Princeton University Press},\n}\n'
    writeFileSync(bibliography, existing)
    const options = {articlePath: seedPath, out: path.join(root, 'claims'), bibliography}
    expect(splitArticle(options).bibliography?.action).toBe('skip')
    expect(readFileSync(bibliography, 'utf8')).toBe(existing)
    const forced = splitArticle({...options, force: true})
    expect(forced.bibliography?.alreadyThere).toEqual(['lendvai2008'])
    const text = readFileSync(bibliography, 'utf8')
    expect(text.startsWith(existing)).toBe(true)
    expect(readBibliography(text).entries.map((entry) => entry.key)).toHaveLength(23)
  })

  it('writes nothing on a dry run', () => {
    const root = freshCorpus()
    const outcome = splitArticle({articlePath: seedPath, out: path.join(root, 'claims'), bibliography: path.join(root, 'bibliography.bib'), sections: path.join(root, 'sections.yaml'), dryRun: true})
    expect(outcome.claims.every((claim) => claim.action === 'create')).toBe(true)
    expect(readdirSync(root)).toEqual([])
  })

  it('gives a drafted id used elsewhere in the corpus another number, never a duplicate', () => {
    const root = freshCorpus()
    const taken = planSplit(seed).claims[0]?.id ?? ''
    mkdirSync(path.join(root, 'claims/another-section'), {recursive: true})
    writeFileSync(path.join(root, `claims/another-section/${taken}.md`), 'someone else’s claim\n')
    const outcome = splitArticle({articlePath: seedPath, out: path.join(root, 'claims')})
    expect(outcome.claims[0]?.file).toBe(path.join(root, `claims/introduction/${taken}-2.md`))
    expect(outcome.claims[0]?.action).toBe('create')
  })
})

describe('the drafted corpus under the linter', () => {
  it('has no schema, figure-text or undeclared-figure finding: only unchosen measures and unfinished entries', () => {
    const root = freshCorpus()
    writeFileSync(path.join(root, 'measures.yaml'), readFileSync(path.join(repository, 'corpus/measures.yaml')))
    splitArticle({articlePath: seedPath, out: path.join(root, 'claims'), bibliography: path.join(root, 'bibliography.bib')})
    const findings = buildReport(lintCorpus({root})).findings
    expect(findings.filter((finding) => ['frontmatter', 'schema', 'id-mismatch', 'duplicate-id', 'figure-text', 'undeclared-figure', 'uncited'].includes(finding.rule))).toEqual([])
    // Each pre-filled figure waits for its measure to be chosen: flagged, on purpose.
    expect(findings.filter((finding) => finding.rule === 'unknown-measure')).toHaveLength(seedFigures.length)
  })
})

describe('factlint split (command)', () => {
  it('splits the second article into a corpus folder, then skips on a re-run', async () => {
    const root = freshCorpus()
    const first = io(root)
    expect(await main(['split', pragueSpringPath, '--out', 'corpus/claims'], first)).toBe(0)
    expect(first.out.join('')).toMatch(/18 sentences → 18 drafts in 5 sections \(4 headings\); 13 figures pre-filled; 5 sources\. 18 written\./)
    expect(filesUnder(path.join(root, 'corpus/claims'))).toContain('the-night-of-20-august/us-government-protested-intervene.md')
    expect(existsSync(path.join(root, 'corpus/bibliography.bib'))).toBe(true)
    expect(existsSync(path.join(root, 'corpus/sections.yaml'))).toBe(true)
    const second = io(root)
    expect(await main(['split', pragueSpringPath, '--out', 'corpus/claims'], second)).toBe(0)
    expect(second.out.join('')).toMatch(/0 written, 18 unchanged\./)
  })

  it('prints what it would write on --dry-run', async () => {
    const root = freshCorpus()
    const run = io(root)
    expect(await main(['split', pragueSpringPath, '--out', 'claims', '--dry-run'], run)).toBe(0)
    expect(run.out.join('')).toContain('would create  claims/introduction/')
    expect(run.out.join('')).toContain('    status: draft')
    expect(readdirSync(root)).toEqual([])
  })

  it('exits 2 on bad arguments, and explains itself with --help', async () => {
    const run = io(repository)
    expect(await main(['split'], run)).toBe(2)
    expect(await main(['split', 'no/such/article.txt'], run)).toBe(2)
    expect(await main(['split', pragueSpringPath, '--section-by', 'paragraphs'], run)).toBe(2)
    expect(run.err.join('')).toContain('--section-by `paragraphs`')
    const help = io(repository)
    expect(await main(['split', '--help'], help)).toBe(0)
    expect(help.out.join('')).toContain('Usage: factlint split')
  })
})
