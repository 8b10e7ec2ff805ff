import {testRule} from '../helpers/rule-tester.js'
import {claim, validClaim} from '../helpers/corpus.js'

const f = 'claims/s/a.md'

testRule('schema', {
  valid: [
    {name: 'a full claim', files: {[f]: validClaim('a', 'origin: "From the article"\nfigures:\n  - measure: deaths-hungarian-1956\n    value: 2500\n    qualifier: approx\n    text: around 2,500\n    unit: person\nreviewed:\n  by: Anna Kovács\n  on: 2025-04-13\ntags: [casualties]\nnot-figures: ["Charter 77"]', 'Around 2,500 Hungarians died.')}},
    {name: 'a bare string source', files: {[f]: claim('id: a\nstatus: unverified\nsources:\n  - lendvai2008')}},
    {name: 'a year as an unquoted integer', files: {[f]: validClaim('a', 'figures:\n  - measure: date-revolution-outbreak\n    value: 1956\n    text: "1956"', 'It began in 1956.')}}
  ],
  invalid: [
    {
      name: 'a missing required field, at line 1 of the frontmatter',
      files: {[f]: claim('id: a\nsources: []')},
      errors: [`${f}:2:1: Missing required field \`status\``]
    },
    {
      name: 'an unknown status, at its value',
      files: {[f]: claim('id: a\nstatus: checked\nsources: []')},
      errors: [`${f}:3:9: Unexpected \`status\` value, expected \`draft\`, \`unverified\`, \`verified\`, \`disputed\` or \`retracted\``]
    },
    {
      name: 'an unknown field, at its key',
      files: {[f]: claim('id: a\nstatus: draft\nsources: []\nsoruces: []')},
      errors: [`${f}:5:1: Unexpected field \`soruces\``]
    },
    {
      name: 'a nested error, at the figure value',
      files: {[f]: validClaim('a', 'figures:\n  - measure: deaths-hungarian-1956\n    value: lots\n    qualifier: approx')},
      errors: [`${f}:9:12: Unexpected \`figures[0].value\` format, expected an ISO date (\`1956-10-23\`, \`1956-10\` or \`1956\`)`]
    },
    {
      name: 'a bad qualifier',
      files: {[f]: validClaim('a', 'figures:\n  - measure: deaths-hungarian-1956\n    value: 5\n    qualifier: roughly')},
      errors: [`${f}:10:16: Unexpected \`figures[0].qualifier\` value, expected \`exact\`, \`approx\`, \`nearly\`, \`at-least\`, \`more-than\`, \`at-most\`, \`less-than\` or \`range\``]
    },
    {
      name: 'a source that is neither a key nor an object',
      files: {[f]: claim('id: a\nstatus: unverified\nsources:\n  - 42')},
      errors: [`${f}:5:5: Unexpected \`sources[0]\` type, expected \`string\` or \`object\``]
    },
    {
      name: 'an id that is not kebab-case',
      files: {[f]: claim('id: Not_Kebab\nstatus: draft\nsources: []')},
      errors: [`${f}:2:5: Unexpected \`id\` format, expected kebab-case (\`a-z\`, \`0-9\` and single hyphens)`]
    },
    {
      name: 'prototype-polluting keys are plain unknown fields',
      files: {[f]: claim('id: a\nstatus: draft\nsources: []\n__proto__:\n  polluted: true\nconstructor: x')},
      errors: [`${f}:5:1: Unexpected field \`__proto__\``, `${f}:7:1: Unexpected field \`constructor\``]
    },
    {
      name: 'a figure unit that differs from its measure',
      files: {[f]: validClaim('a', 'figures:\n  - measure: deaths-hungarian-1956\n    value: 2500\n    unit: soldier\n    text: "2,500"', '2,500 died.')},
      errors: [`${f}:10:11: Unexpected unit \`soldier\` for measure \`deaths-hungarian-1956\`, expected \`person\``]
    },
    {
      name: 'a number too large for a double',
      files: {[f]: validClaim('a', 'figures:\n  - measure: deaths-hungarian-1956\n    value: 1e999')},
      errors: [`${f}:9:12: Unexpected \`figures[0].value\` number out of range, expected a finite number`]
    },
    {
      name: 'a broken measures.yaml',
      files: {'measures.yaml': 'measures:\n  Bad_Id:\n    label: x\n    kind: weight\n'},
      errors: [
        'measures.yaml:2:3: Unexpected key `Bad_Id` in `measures`, expected kebab-case (`a-z`, `0-9` and single hyphens)',
        'measures.yaml:4:11: Unexpected `measures.Bad_Id.kind` value, expected `count`, `percent`, `length`, `duration` or `date`'
      ]
    }
  ]
})
