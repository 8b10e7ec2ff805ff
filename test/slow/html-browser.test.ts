/**
 * The review page in a real browser: Debian's chromium, driven by playwright-core, opens
 * the file from disk under its own Content-Security-Policy, and we check that sections,
 * filters and a conflict table work, that axe-core finds no violations, that the page
 * fits a phone and hides its controls on paper. It saves a screenshot of the page for the
 * real corpus to docs/images/review-page.png.
 */
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {CommandIo} from '../../src/commands/io.js'
import {runReport} from '../../src/commands/report.js'
import {claim, validClaim, writeCorpus} from '../helpers/corpus.js'

const repository = path.resolve(import.meta.dirname, '../..')
const executablePath = '/usr/bin/chromium'
const axeSource = readFileSync(path.join(repository, 'node_modules/axe-core/axe.min.js'), 'utf8')

const io: CommandIo = {stdout: () => {}, stderr: () => {}, cwd: repository, env: {}, isTTY: false}

/**
 * axe-core's violations, one line each. Injected through the DevTools protocol, which the
 * page's CSP does not govern; expressions are strings since tsconfig has no DOM types.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  return (await page.evaluate(
    'axe.run().then((result) => result.violations.map((violation) => violation.id + ": " + violation.nodes.map((node) => node.html).join(" | ")))'
  )) as string[]
}

async function reviewPage(root: string): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'factlint-browser-'))
  await runReport([root, '--out', out], io)
  return path.join(out, 'index.html')
}

const figure = (value: number, qualifier: string, text: string) =>
  `figures:\n  - measure: deaths-hungarian-1956\n    value: ${value}\n    qualifier: ${qualifier}\n    text: "${text}"\n`

/** Two sections in an order that is not alphabetical, every status, a conflict, hostile text. */
function fixtureCorpus(): string {
  return writeCorpus({
    'sections.yaml': 'sections:\n  - id: zeta\n    title: "Zeta comes first"\n  - id: alpha\n    title: "Alpha comes second"\n',
    'claims/zeta/low.md': validClaim('low', figure(2500, 'approx', 'around 2,500'), 'Around 2,500 Hungarians were killed.'),
    'claims/zeta/high.md': validClaim('high', figure(3000, 'more-than', 'more than 3,000'), 'More than 3,000 Hungarians were killed.').replace(
      'status: unverified',
      'status: disputed'
    ),
    'claims/alpha/hostile.md': validClaim('hostile', '', 'A claim with <script>window.pwned = true</script> inside.').replace('status: unverified', 'status: verified'),
    'claims/alpha/draft.md': claim('id: draft\nstatus: draft\nsources: []', 'A draft without sources.'),
    'claims/alpha/unknown.md': validClaim('unknown').replace('locator: "p. 12"', 'locator: unknown')
  })
}

describe('the review page in Chromium', () => {
  let browser: Browser
  let page: Page
  const consoleProblems: string[] = []

  beforeAll(async () => {
    if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install chromium`)
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
    page = await browser.newPage({viewport: {width: 1280, height: 900}})
    // A CSP violation (a hash that does not match) shows up as a console error.
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(message.text())
    })
    page.on('pageerror', (error) => consoleProblems.push(String(error)))
    await page.goto(`file://${await reviewPage(fixtureCorpus())}`)
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('runs its own script under its CSP, and nothing else', async () => {
    expect(consoleProblems).toEqual([])
    await expect(page.locator('#filters').isVisible()).resolves.toBe(true)
    await expect(page.evaluate('window.pwned')).resolves.toBeUndefined()
    await expect(page.locator('#claim-hostile .body').textContent()).resolves.toContain('<script>window.pwned = true</script>')
  })

  it('shows the sections in the article order', async () => {
    const titles = await page.locator('.article-section > h3').allTextContents()
    expect(titles.map((title) => title.replace(/\s*\(.*\)$/, ''))).toEqual(['Zeta comes first', 'Alpha comes second'])
    const claims = await page.locator('#section-alpha .claim h4').allTextContents()
    expect(claims).toEqual(['draft', 'hostile', 'unknown'])
  })

  it('filters by status, rule, severity and text, and clears', async () => {
    const visible = () => page.locator('.claim:visible h4').allTextContents()
    await page.selectOption('#filter-status', 'disputed')
    expect(await visible()).toEqual(['high'])
    await expect(page.locator('#section-alpha').isVisible()).resolves.toBe(false)
    await expect(page.locator('#filter-count').textContent()).resolves.toBe('1 of 5 claims shown')
    await page.selectOption('#filter-status', '')
    await page.selectOption('#filter-rule', 'locator-needed')
    expect(await visible()).toEqual(['unknown'])
    await page.selectOption('#filter-rule', '')
    await page.selectOption('#filter-severity', 'none')
    expect(await visible()).toEqual(['draft', 'hostile'])
    await page.selectOption('#filter-severity', 'error')
    expect((await visible()).sort()).toEqual(['high', 'low'])
    await page.selectOption('#filter-severity', '')
    await page.fill('#filter-text', 'more than 3,000')
    expect(await visible()).toEqual(['high'])
    await page.click('button[type=reset]')
    // The page re-applies the filters after the form has reset (a timeout of 0): wait for it.
    // (Polled from here: the page's CSP rightly forbids the string evaluation waitForFunction needs.)
    let count: string | null = null
    for (let attempt = 0; attempt < 50 && count !== 'All 5 claims shown'; attempt++) {
      count = await page.locator('#filter-count').textContent()
      if (count !== 'All 5 claims shown') await page.waitForTimeout(100)
    }
    expect(count).toBe('All 5 claims shown')
    expect(await visible()).toHaveLength(5)
  })

  it('reaches the claims and the filters from the keyboard', async () => {
    const fresh = await browser.newPage({viewport: {width: 1280, height: 900}})
    await fresh.goto(page.url().replace(/#.*$/, ''))
    await fresh.keyboard.press('Tab')
    await expect(fresh.evaluate('document.activeElement.textContent')).resolves.toBe('Skip to the claims')
    await fresh.keyboard.press('Enter')
    // Following the link is a same-document navigation that may land after `press` returns.
    await fresh.waitForURL((url) => url.hash === '#claims', {timeout: 5000}).catch(() => undefined)
    expect(new URL(fresh.url()).hash).toBe('#claims')
    await fresh.focus('#filter-text')
    await fresh.keyboard.type('hostile')
    expect(await fresh.locator('.claim:visible h4').allTextContents()).toEqual(['hostile'])
    await fresh.close()
  })

  it('highlights the conflicting figures and links to the other claim', async () => {
    const rows = page.locator('#measure-deaths-hungarian-1956 tbody tr.conflict')
    await expect(rows.count()).resolves.toBe(2)
    await expect(page.locator('#measure-deaths-hungarian-1956 .badge').first().textContent()).resolves.toBe('conflicting')
    await expect(page.locator('#measure-deaths-hungarian-1956 svg').getAttribute('role')).resolves.toBe('img')
    await rows.first().locator('td').last().locator('a').click()
    expect(new URL(page.url()).hash).toMatch(/^#claim-(low|high)$/)
  })

  it('passes axe-core with no violations', async () => {
    expect(await axeViolations(page)).toEqual([])
  })

  it('fits a phone without sideways scrolling and hides its controls on paper', async () => {
    const phone = await browser.newPage({viewport: {width: 375, height: 740}})
    await phone.goto(page.url().replace(/#.*$/, ''))
    await expect(phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true)
    await phone.emulateMedia({media: 'print'})
    await expect(phone.locator('#filters').isVisible()).resolves.toBe(false)
    await expect(phone.locator('.claim').first().isVisible()).resolves.toBe(true)
    await phone.close()
  })

  it('renders the real corpus without problems and saves a screenshot for the README', async () => {
    const real = await browser.newPage({viewport: {width: 1280, height: 900}})
    const problems: string[] = []
    real.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    await real.goto(`file://${await reviewPage(path.join(repository, 'corpus'))}`)
    expect(problems).toEqual([])
    expect(await axeViolations(real)).toEqual([])
    await real.screenshot({path: path.join(repository, 'docs/images/review-page.png')})
    await real.close()
  })
})
