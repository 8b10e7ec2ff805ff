import {describe, expect, it} from 'vitest'
import {splitSentences} from '../../src/split/sentences.js'

const sentencesOf = (text: string) => splitSentences(text).map((sentence) => sentence.text)

describe('splitSentences', () => {
  const valid: Array<[string, string[]]> = [
    ['One. Two! Three?', ['One.', 'Two!', 'Three?']],
    ['Mr. Smith went to Washington. He stayed.', ['Mr. Smith went to Washington.', 'He stayed.']],
    ['The U.S. Army arrived. It left.', ['The U.S. Army arrived.', 'It left.']],
    ['They moved to the U.S. The rest stayed.', ['They moved to the U.S.', 'The rest stayed.']],
    ['It was built c. 1951 and fell in 1956.', ['It was built c. 1951 and fell in 1956.']],
    ['See p. 178 for the figure. It is disputed.', ['See p. 178 for the figure.', 'It is disputed.']],
    ['John F. Kennedy spoke. Crowds listened.', ['John F. Kennedy spoke.', 'Crowds listened.']],
    ['Gen. Maléter joined the insurgents.', ['Gen. Maléter joined the insurgents.']],
    ['They chanted “Russians go home.” The police waited.', ['They chanted “Russians go home.”', 'The police waited.']],
    // A pasted text that lost the space after a full stop (the seed article has one).
    ['they could no longer bear to lose themselves.Hungary, October 1956, was one of those moments.', ['they could no longer bear to lose themselves.', 'Hungary, October 1956, was one of those moments.']],
    ['', []]
  ]
  for (const [text, expected] of valid) {
    it(`splits ${JSON.stringify(text.slice(0, 40))}`, () => {
      expect(sentencesOf(text)).toEqual(expected)
    })
  }

  it('gives offsets of the sentences as written', () => {
    const text = '  First one.   Second one. '
    for (const sentence of splitSentences(text)) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text)
  })
})
