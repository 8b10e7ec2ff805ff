import {describe, expect, it} from 'vitest'
import {claim, findings, validClaim} from '../helpers/corpus.js'
import {testRule} from '../helpers/rule-tester.js'

const f = 'claims/s/a.md'
const deaths = 'deaths-hungarian-1956'

/** A claim whose body is line 8 when it has no figures. */
const body = (text: string) => ({[f]: validClaim('a', '', text)})
const withFigures = (figures: string, text: string) => ({[f]: validClaim('a', `figures:\n${figures}`, text)})

testRule('undeclared-figure', {
  valid: [
    {name: 'no numbers', files: body('Rákosi ruled Hungary.')},
    {name: 'a number that a figure declares', files: withFigures(`  - measure: ${deaths}\n    value: 2500\n    qualifier: approx\n    text: around 2,500`, 'Around 2,500 died.')},
    {name: 'a date whose text leaves out the year', files: withFigures('  - measure: date-revolution-outbreak\n    value: 1956-10-23\n    text: 23 October', 'It began on 23 October 1956.')},
    {name: 'declared even when the figure has its own finding', files: withFigures(`  - measure: ${deaths}\n    value: 9999\n    text: "2,500"`, 'Some 2,500 died.')},
    {name: 'every occurrence of a text is declared', files: withFigures(`  - measure: ${deaths}\n    value: 2500\n    text: "2,500"`, 'It was 2,500; yes, 2,500.')},
    {name: 'numbers in a citation locator', files: body('Rákosi ruled Hungary [@lendvai2008, p. 178; @holland2025, para. 31].')},
    {name: 'numbers in a quotation, straight or curly', files: body('He said "2,500 died" and “200,000 fled”.')},
    {name: 'a not-figures phrase', files: {[f]: validClaim('a', 'not-figures: ["Two Thousand Words"]', 'Two Thousand Words appeared.')}},
    {name: 'ordinals, vague plurals, codes and names', files: body('The 19th-century poet, the first strike, thousands fled, UN report A/3592, Stalin’s best pupil, Radio Free Europe.')},
    {name: 'numbers in code', files: body('Rákosi ruled `1949` Hungary.')}
  ],
  invalid: [
    {
      name: 'a number no figure declares, at its words',
      files: body('Around 2,500 Hungarians died.'),
      errors: [`${f}:8:1: Unexpected undeclared number \`Around 2,500\`, expected a figure whose \`text\` covers it`]
    },
    {
      name: 'a date no figure declares',
      files: body('Rákosi ruled Hungary until 1956.'),
      errors: [`${f}:8:28: Unexpected undeclared date \`1956\`, expected a figure whose \`text\` covers it`]
    },
    {
      name: 'one of two numbers declared',
      files: withFigures('  - measure: deaths-hungarian-1956\n    value: 1000\n    qualifier: more-than\n    text: Over 1,000', 'Over 1,000 Soviet tanks and 60,000 troops came.'),
      errors: [`${f}:13:29: Unexpected undeclared number \`60,000\`, expected a figure whose \`text\` covers it`]
    },
    {
      name: 'a figure without text, named in the reason',
      files: withFigures(`  - measure: ${deaths}\n    value: 2500`, 'Officials counted 2,500 dead.'),
      errors: [`${f}:11:19: Unexpected undeclared number \`2,500\`, expected a figure whose \`text\` covers it; the figure of \`${deaths}\` has no \`text\``]
    },
    {
      name: 'a title at the start of a sentence, without not-figures',
      files: body('Two Thousand Words appeared.'),
      errors: [`${f}:8:1: Unexpected undeclared number \`Two Thousand\`, expected a figure whose \`text\` covers it`]
    },
    {
      name: 'a number outside the quotation, on a later line',
      files: body('He said "2,500 died".\nThirty-three years later he was reburied.'),
      errors: [`${f}:9:1: Unexpected undeclared number \`Thirty-three\`, expected a figure whose \`text\` covers it`]
    },
    {
      name: 'a number words cardinal',
      files: body('Nagy and two of his ministers were executed.'),
      errors: [`${f}:8:10: Unexpected undeclared number \`two\`, expected a figure whose \`text\` covers it`]
    },
    {
      name: 'a draft claim is checked too',
      files: {[f]: claim('id: a\nstatus: draft\nsources: []', 'Over 1,000 tanks came.')},
      errors: [`${f}:6:1: Unexpected undeclared number \`Over 1,000\`, expected a figure whose \`text\` covers it`]
    }
  ]
})

describe('undeclared-figure', () => {
  it('is a warning, spanning the words', () => {
    const [finding] = findings(body('Around 2,500 Hungarians died.'), 'undeclared-figure')
    expect(finding).toMatchObject({severity: 'warning', line: 8, column: 1, endLine: 8, endColumn: 13})
  })
})
