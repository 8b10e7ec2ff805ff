import {describe, expect, it} from 'vitest'
import type {Finding, ReportData} from '../../src/report/model.js'
import {formatMarkdown, githubBlobBase, inlineMarkdown} from '../../src/reporters/markdown.js'

function report(findings: Finding[]): ReportData {
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length
  return {
    version: 1,
    findings,
    summary: {claims: 3, sources: 2, measures: 1, errors: count('error'), warnings: count('warning'), infos: count('info'), unknownLocators: 1}
  }
}

const docs = 'https://example.org/rules/'

describe('Markdown summary reporter', () => {
  it('counts by rule and severity, lists errors first, links each to its file and line', () => {
    const text = formatMarkdown(
      report([
        {rule: 'unused-source', severity: 'warning', message: 'Unexpected unused source `a`', file: 'bibliography.bib', line: 3, column: 1, url: `${docs}unused-source.md`},
        {rule: 'uncited', severity: 'error', message: 'Unexpected claim without sources', file: 'claims/s/a.md', line: 4, column: 1, url: `${docs}uncited.md`},
        {rule: 'relation', severity: 'info', message: 'Relation `r` not evaluated', url: `${docs}relation.md`}
      ]),
      {rootFromRepository: 'corpus', linkBase: '../'}
    )
    expect(text).toBe(`## factlint: 1 error, 1 warning, 1 info

3 claims, 2 sources, 1 unknown locator.

| Rule | Errors | Warnings | Infos |
| --- | ---: | ---: | ---: |
| [\`uncited\`](https://example.org/rules/uncited.md) | 1 | 0 | 0 |
| [\`unused-source\`](https://example.org/rules/unused-source.md) | 0 | 1 | 0 |
| [\`relation\`](https://example.org/rules/relation.md) | 0 | 0 | 1 |

### Errors (1)

- [\`corpus/claims/s/a.md:4:1\`](../corpus/claims/s/a.md?plain=1#L4) Unexpected claim without sources (\`uncited\`)

<details><summary>Warnings (1)</summary>

- [\`corpus/bibliography.bib:3:1\`](../corpus/bibliography.bib#L3) Unexpected unused source \`a\` (\`unused-source\`)

</details>

<details><summary>Infos (1)</summary>

- (corpus) Relation \`r\` not evaluated (\`relation\`)

</details>
`)
  })

  it('says so when there is nothing to report', () => {
    expect(formatMarkdown(report([]), {rootFromRepository: ''})).toBe('## factlint: no problems\n\n3 claims, 2 sources, 1 unknown locator.\n')
  })

  it('links to a blob URL and percent-encodes paths', () => {
    const text = formatMarkdown(report([{rule: 'uncited', severity: 'error', message: 'm', file: 'claims/a b/(x).md', line: 2, column: 3}]), {
      rootFromRepository: '',
      linkBase: 'https://github.com/o/r/blob/0123abc/'
    })
    expect(text).toContain('- [`claims/a b/(x).md:2:3`](https://github.com/o/r/blob/0123abc/claims/a%20b/%28x%29.md?plain=1#L2) m (`uncited`)')
  })

  it('builds the blob URL of the commit under test in GitHub Actions', () => {
    expect(githubBlobBase({GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc123'})).toBe('https://github.com/o/r/blob/abc123/')
    expect(githubBlobBase({})).toBeUndefined()
  })

  it('escapes Markdown and HTML in messages but keeps their code spans', () => {
    expect(inlineMarkdown('Unexpected <script>alert(1)</script> in *bold* [link](javascript:x) `a|<b>` & `c`')).toBe(
      'Unexpected \\<script\\>alert(1)\\</script\\> in \\*bold\\* \\[link\\](javascript:x) `a|<b>` \\& `c`'
    )
    expect(inlineMarkdown('a lone ` backtick')).toBe('a lone \\` backtick')
  })

  it('cuts long lists short and says how many more there are', () => {
    const findings: Finding[] = Array.from({length: 5}, (_, index) => ({rule: 'uncited', severity: 'error' as const, message: `m${index}`, file: 'claims/a.md', line: index + 1, column: 1}))
    const text = formatMarkdown(report(findings), {rootFromRepository: '', limit: 2})
    expect(text).toContain('m1 (`uncited`)\n- …and 3 more')
    expect(text).not.toContain('m2')
  })
})
