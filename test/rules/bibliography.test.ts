import {testRule} from '../helpers/rule-tester.js'
import {validClaim} from '../helpers/corpus.js'

const cites = {'claims/s/a.md': validClaim('a', '', 'Cited [@holland2025, para. 1] and [@time1956].').replace('sources:\n', 'sources:\n  - key: holland2025\n    locator: "para. 1"\n  - time1956\n')}

testRule('bibliography', {
  valid: [
    {name: 'complete entries', files: cites},
    {
      name: 'an undated @online entry when the config allows it',
      files: {
        ...cites,
        'bibliography.bib': '@online{holland2025, author = {Holland, Daniel}, title = {When Hungary Rose}, url = {https://example.org}}\n@book{lendvai2008, author = {Lendvai, Paul}, title = {One Day}, year = {2008}}\n@article{time1956, author = {{Time}}, title = {Budapest Rising}, journal = {Time}, year = {1956}}\n',
        'factlint.config.json': '{"rules": {"bibliography": ["error", {"allowUndated": ["online"]}]}}'
      }
    }
  ],
  invalid: [
    {
      name: 'a book without a year, at its entry line',
      files: {...cites, 'bibliography.bib': '@book{lendvai2008,\n  author = {Lendvai, Paul},\n  title = {One Day}\n}\n@online{holland2025, author = {Holland, Daniel}, title = {When Hungary Rose}, url = {https://example.org}, date = {2025}}\n@article{time1956, author = {{Time}}, title = {Budapest Rising}, journal = {Time}, year = {1956}}\n'},
      errors: ['bibliography.bib:1:1: Unexpected `@book` entry `lendvai2008` without `date` or `year`, expected one of them']
    },
    {
      name: 'a duplicate key and an unterminated entry; the other entries still load',
      files: {...cites, 'bibliography.bib': '@book{lendvai2008, author = {Lendvai, Paul}, title = {One Day}, year = {2008}}\n@book{lendvai2008, author = {Lendvai, Paul}, title = {One Day}, year = {2008}}\n@online{holland2025, author = {Holland, Daniel}, title = {When Hungary Rose}, url = {https://example.org}, date = {2025}}\n@article{time1956, author = {{Time}}, title = {Budapest Rising}, journal = {Time}, year = {1956}}\n@book{broken, title = {Never closed\n'},
      errors: [
        'bibliography.bib:2:1: Unexpected duplicate key `lendvai2008`, expected each key once',
        'bibliography.bib:5:1: Unexpected `@book` entry `broken` without `author` (or `editor`), expected it for this type',
        'bibliography.bib:5:1: Unexpected `@book` entry `broken` without `date` or `year`, expected one of them',
        'bibliography.bib:5:1: Unexpected `@book` entry `broken` without `title`, expected it for this type',
        'bibliography.bib:5:23: Unexpected unclosed `{`, expected a matching `}` before the end of the file'
      ]
    },
    {
      name: 'a missing bibliography, about the corpus as a whole',
      files: {...cites, 'bibliography.bib': null},
      errors: ['::: Missing bibliography `bibliography.bib`, expected a BibTeX file of the sources']
    }
  ]
})
