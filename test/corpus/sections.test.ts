import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigError} from '../../src/corpus/config.js'
import {parseSectionsFile, readSections, titleFromFolder} from '../../src/corpus/sections.js'
import {writeCorpus} from '../helpers/corpus.js'

const repository = path.resolve(import.meta.dirname, '../..')
const claim = (id: string) => `---\nid: ${id}\nstatus: draft\nsources: []\n---\nA claim.\n`

describe('readSections', () => {
  it('falls back to alphabetical folder order, titled from the folder names', () => {
    const root = writeCorpus({'claims/the-end/a.md': claim('a'), 'claims/a-beginning/b.md': claim('b')})
    expect(readSections(root)).toEqual([
      {id: 'a-beginning', title: 'A beginning'},
      {id: 'the-end', title: 'The end'}
    ])
  })

  it('follows sections.yaml, then adds unlisted folders alphabetically', () => {
    const root = writeCorpus({
      'claims/the-end/a.md': claim('a'),
      'claims/a-beginning/b.md': claim('b'),
      'claims/middle/c.md': claim('c'),
      'claims/zzz/d.md': claim('d'),
      'sections.yaml': 'title: A Story\nsections:\n  - id: the-end\n    title: "The End: Part One"\n  - id: a-beginning\n  - id: not-written-yet\n    title: Later\n'
    })
    expect(readSections(root)).toEqual([
      {id: 'the-end', title: 'The End: Part One'},
      {id: 'a-beginning', title: 'A beginning'},
      {id: 'not-written-yet', title: 'Later'},
      {id: 'middle', title: 'Middle'},
      {id: 'zzz', title: 'Zzz'}
    ])
  })

  it('reads the Hungary corpus in the article’s order', () => {
    const sections = readSections(path.join(repository, 'corpus'))
    expect(sections.map((section) => section.id)).toEqual([
      'introduction', 'living-under-moscows-shadow', 'the-cracks-begin-to-show', 'the-night-the-statue-fell',
      'an-army-torn-between-orders-and-conscience', 'the-illusion-of-freedom', 'operation-whirlwind-the-crushing-of-a-nation',
      'the-price-of-defiance', 'the-flight-of-200000', 'the-silence-that-followed', 'a-revolution-remembered'
    ])
    expect(sections[1]?.title).toBe('Living Under Moscow’s Shadow')
  })

  it('titles a folder name as a sentence', () => {
    expect(titleFromFolder('the-flight-of-200000')).toBe('The flight of 200000')
  })
})

describe('parseSectionsFile', () => {
  const problems = (text: string): string[] => {
    try {
      parseSectionsFile(text)
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.place?.start.line}:${problem.place?.start.column}: ${problem.reason}`)
      throw error
    }
    return []
  }

  it('rejects what would give a wrong order, at its place', () => {
    expect(problems('sections:\n  - id: a\n  - id: a\n')).toEqual(['3:9: Unexpected duplicate section `a`'])
    expect(problems('sections:\n  - id: Not Kebab\n')).toEqual(['2:5: Unexpected section id `Not Kebab`, expected the kebab-case name of a folder under claims/'])
    expect(problems('sections:\n  - id: a\n    title: ""\n')).toEqual(['3:12: Unexpected title of section `a`, expected a non-empty string'])
    expect(problems('order: [a]\nsections: []\n')).toEqual(['1:1: Unexpected key `order`, expected `title` or `sections`'])
    expect(problems('- a\n')).toEqual(['1:1: Unexpected content, expected a mapping with a `sections:` list of `{id, title}`'])
    expect(problems('sections: [\n')).not.toEqual([])
  })
})
