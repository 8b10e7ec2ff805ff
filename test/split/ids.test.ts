import {describe, expect, it} from 'vitest'
import {claimId, idFromSentence, slugify} from '../../src/split/ids.js'

describe('slugify', () => {
  it.each([
    ['Living Under Moscow’s Shadow', 'living-under-moscows-shadow'],
    ['Operation Whirlwind: The Crushing of a Nation', 'operation-whirlwind-the-crushing-of-a-nation'],
    ['The Flight of 200,000', 'the-flight-of-200000'],
    ['Mátyás Rákosi and the Petőfi Circle', 'matyas-rakosi-and-the-petofi-circle'],
    ['Straße, Łódź', 'strasse-lodz'],
    ['The U.S. Army', 'the-us-army'],
    ['  --  ', '']
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug)
  })
})

describe('idFromSentence', () => {
  it('keeps the first meaningful words, kebab-case', () => {
    expect(idFromSentence('Between 1948 and 1953, around 700,000 Hungarians were imprisoned or sent to labour camps.')).toBe(
      '1948-1953-700000-hungarians-imprisoned-sent'
    )
    expect(idFromSentence('Shots rang out.')).toBe('shots-rang')
  })

  it('falls back to every word, then to `sentence`', () => {
    expect(idFromSentence('It was.')).toBe('it-was')
    expect(idFromSentence('—')).toBe('sentence')
  })

  it('stays kebab-case and at most 60 characters', () => {
    const id = idFromSentence('Extraordinarilylongwordnumberone extraordinarilylongwordnumbertwo extraordinarilylongwordnumberthree.')
    expect(id.length).toBeLessThanOrEqual(60)
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })
})

describe('claimId', () => {
  it('numbers duplicates in the order they come', () => {
    const taken = new Set<string>()
    expect([claimId('shots', taken), claimId('shots', taken), claimId('shots', taken)]).toEqual(['shots', 'shots-2', 'shots-3'])
  })
})
