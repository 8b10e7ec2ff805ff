import {testRule} from '../helpers/rule-tester.js'
import {claim, validClaim} from '../helpers/corpus.js'

const f = 'claims/s/a.md'

const measures = `measures:
  deaths: {label: Deaths, kind: count, unit: person}
  share: {label: Share, kind: percent, unit: percent}
  height: {label: Height, kind: length, unit: foot}
  years: {label: Years, kind: duration, unit: year}
  outbreak: {label: Outbreak, kind: date}
  period: {label: Period, kind: date}
`

/** A claim with one figure: `- measure` on line 8, `value` 9, `qualifier` 10, `text` 11 (column 11). */
function figureClaim(measure: string, value: string, qualifier: string, text: string, body: string): Record<string, string> {
  return {'measures.yaml': measures, [f]: validClaim('a', `figures:\n  - measure: ${measure}\n    value: ${value}\n    qualifier: ${qualifier}\n    text: "${text}"`, body)}
}

testRule('figure-text', {
  valid: [
    {name: 'approx words and value', files: figureClaim('deaths', '2500', 'approx', 'around 2,500', 'Officials put it at around 2,500.')},
    {name: 'case and line breaks do not matter', files: figureClaim('deaths', '2500', 'approx', 'around 2,500', 'Around\n2,500 died.')},
    {name: 'words split by emphasis', files: figureClaim('deaths', '2500', 'approx', 'around 2,500', 'It was around **2,500** in all.')},
    {name: 'an estimated', files: figureClaim('deaths', '50000', 'approx', 'an estimated 50,000', 'It had an estimated 50,000 agents.')},
    {name: 'some', files: figureClaim('deaths', '200000', 'approx', 'Some 200,000', 'Some 200,000 fled.')},
    {name: 'over is more than', files: figureClaim('deaths', '1000', 'more-than', 'Over 1,000', 'Over 1,000 Soviet tanks came.')},
    {name: 'at least', files: figureClaim('deaths', '3000', 'at-least', 'at least 3,000', 'There were at least 3,000.')},
    {name: 'up to is at most', files: figureClaim('deaths', '3000', 'at-most', 'up to 3,000', 'There were up to 3,000.')},
    {name: 'fewer than is less than', files: figureClaim('deaths', '3000', 'less-than', 'fewer than 3,000', 'There were fewer than 3,000.')},
    {name: 'a range', files: figureClaim('deaths', '{min: 2500, max: 3000}', 'range', 'between 2,500 and 3,000', 'It was between 2,500 and 3,000.')},
    {name: 'a range with a dash', files: figureClaim('deaths', '{min: 2500, max: 3000}', 'range', '2,500–3,000', 'It was 2,500–3,000.')},
    {name: 'nearly two percent', files: figureClaim('share', '2', 'nearly', 'nearly two percent', 'It was nearly two percent of the population.')},
    {name: 'a unit of the measure', files: figureClaim('height', '24', 'exact', '24-foot', 'A 24-foot bronze statue.')},
    {name: 'years of a duration', files: figureClaim('years', '33', 'exact', 'thirty-three years', 'It was thirty-three years later.')},
    {name: 'a count of 1,500 written like a year', files: figureClaim('deaths', '1500', 'exact', '1500', 'Then 1500 died.')},
    {name: 'a date without its year takes the declared year', files: figureClaim('outbreak', '1956-10-23', 'exact', '23 October', 'It began on 23 October.')},
    {name: 'a day within the month the words give', files: figureClaim('outbreak', '1956-10-23', 'exact', 'October 1956', 'It began in October 1956.')},
    {name: 'a year as an integer', files: figureClaim('outbreak', '1956', 'exact', '1956', 'It began in 1956.')},
    {name: 'vague words read a little wider', files: figureClaim('period', '{min: 1985, max: 1989}', 'range', 'the late 1980s', 'Until the late 1980s it was taboo.')},
    {name: 'a year range for dates', files: figureClaim('period', '{min: "1948", max: "1953"}', 'range', 'Between 1948 and 1953', 'Between 1948 and 1953 many were jailed.')},
    {name: 'words that read as two figures match their span', files: figureClaim('period', '{min: "1960", max: "1979"}', 'range', 'the 1960s and 1970s', 'Life improved in the 1960s and 1970s.')},
    {name: 'a date qualifier', files: figureClaim('outbreak', '1956-11-08', 'at-most', 'By 8 November', 'By 8 November it was over.')},
    {name: 'a figure without text', files: {[f]: validClaim('a', 'figures:\n  - measure: deaths-hungarian-1956\n    value: 2500')}},
    {name: 'words cut from longer words that agree', files: figureClaim('outbreak', '1956-10-23', 'exact', '23 October', 'It began on 23 October 1956.')},
    {name: 'date words around a date text may belong to the measure', files: figureClaim('outbreak', '1956-11-08', 'exact', '8 November 1956', 'Resistance was crushed by 8 November 1956.')},
    {name: 'one occurrence where the body agrees is enough', files: figureClaim('deaths', '2500', 'exact', '2,500', 'Some 2,500 died; the count was 2,500.')},
    {name: 'text in a quotation is in the body', files: figureClaim('deaths', '2500', 'approx', 'around 2,500', 'He wrote: "around 2,500 died".')}
  ],
  invalid: [
    {
      name: 'words that are not in the body, at the text',
      files: figureClaim('deaths', '2500', 'approx', 'around 2,500', 'Officials put it at about 2,500.'),
      errors: [`${f}:11:11: Unexpected figure text \`around 2,500\`, expected the exact words of the body that state the figure`]
    },
    {
      name: 'around 2,500 declared as exact 2,652, at the figure',
      files: figureClaim('deaths', '2652', 'exact', 'around 2,500', 'Officials put it at around 2,500.'),
      errors: [`${f}:8:5: Unexpected \`exact 2652\` for the words \`around 2,500\`, which say \`approx 2500\``]
    },
    {
      name: 'the right number with another qualifier',
      files: figureClaim('deaths', '2500', 'exact', 'around 2,500', 'Officials put it at around 2,500.'),
      errors: [`${f}:8:5: Unexpected \`exact 2500\` for the words \`around 2,500\`, which say \`approx 2500\``]
    },
    {
      name: 'nearly is not approx',
      files: figureClaim('deaths', '3000', 'approx', 'nearly 3,000', 'Nearly 3,000 died.'),
      errors: [`${f}:8:5: Unexpected \`approx 3000\` for the words \`nearly 3,000\`, which say \`nearly 3000\``]
    },
    {
      name: 'a range that differs',
      files: figureClaim('deaths', '{min: 2500, max: 3500}', 'range', 'between 2,500 and 3,000', 'It was between 2,500 and 3,000.'),
      errors: [`${f}:8:5: Unexpected \`range 2500–3500\` for the words \`between 2,500 and 3,000\`, which say \`range 2500–3000\``]
    },
    {
      name: 'another day',
      files: figureClaim('outbreak', '1956-10-24', 'exact', '23 October', 'It began on 23 October.'),
      errors: [`${f}:8:5: Unexpected \`exact 1956-10-24\` for the words \`23 October\`, which say \`exact 1956-10-23\``]
    },
    {
      name: 'a month wider than the day the words give',
      files: figureClaim('outbreak', '1956-10', 'exact', '24 October 1956', 'It began on 24 October 1956.'),
      errors: []
    },
    {
      name: 'a date qualifier that differs',
      files: figureClaim('outbreak', '1956-11-08', 'exact', 'By 8 November', 'By 8 November it was over.'),
      errors: [`${f}:8:5: Unexpected \`exact 1956-11-08\` for the words \`By 8 November\`, which say \`at-most 1956-11-08\``]
    },
    {
      name: 'words that state no figure, at the text',
      files: figureClaim('deaths', '5000', 'approx', 'thousands', 'Thousands died.'),
      errors: [`${f}:11:11: Unexpected figure text \`thousands\` that states no number or date, expected words such as \`around 2,500\``]
    },
    {
      name: 'a unit of measurement that is not the measure’s',
      files: figureClaim('height', '24', 'exact', '24 metres', 'It was 24 metres tall.'),
      errors: [`${f}:11:11: Unexpected unit \`metre\` in the words \`24 metres\` for measure \`height\`, expected \`foot\``]
    },
    {
      name: 'a percentage for a count',
      files: figureClaim('deaths', '2', 'exact', '2%', 'It was 2% of them.'),
      errors: [`${f}:11:11: Unexpected unit \`percent\` in the words \`2%\` for measure \`deaths\`, expected \`person\``]
    },
    {
      name: 'each figure of a claim; an unknown measure gets only the not-in-body check',
      files: {
        'measures.yaml': measures,
        [f]: claim(
          'id: a\nstatus: unverified\nsources:\n  - lendvai2008\nfigures:\n  - measure: deaths\n    value: 2500\n    text: "2,600"\n  - measure: nowhere\n    value: 7\n    text: "seven"\n  - measure: nowhere\n    value: 7\n    text: "eight"',
          'Some 2,600 died, and eight more.'
        )
      },
      errors: [`${f}:7:5: Unexpected \`exact 2500\` for the words \`2,600\`, which say \`exact 2600\``, `${f}:12:11: Unexpected figure text \`seven\`, expected the exact words of the body that state the figure`]
    },
    {
      name: 'words cut from longer words of the body that say otherwise, at the text',
      files: figureClaim('deaths', '2500', 'exact', '2,500', 'Some 2,500 died.'),
      errors: [`${f}:11:11: Unexpected figure text \`2,500\` cut from \`Some 2,500\` in the body, which says \`approx 2500\`, expected the whole words`]
    },
    {
      name: 'one end cut from a range of the body',
      files: figureClaim('deaths', '3000', 'exact', '3,000', 'It was between 2,500 and 3,000.'),
      errors: [`${f}:11:11: Unexpected figure text \`3,000\` cut from \`between 2,500 and 3,000\` in the body, which says \`range 2500–3000\`, expected the whole words`]
    }
  ]
})
