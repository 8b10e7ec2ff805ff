/**
 * Which measure a drafted figure probably belongs to. The historian chooses; `split` only
 * suggests: the measure of the registry whose id and label share most words with the
 * sentence and whose kind fits, or else a new id made of the words around the figure.
 */
import type {ReadFigure} from '../figures/reader.js'
import type {Measure, MeasureKind} from '../types.js'
import {slugify, stopWords} from './ids.js'

export interface MeasureSuggestion {
  /** A measure id: of the registry when `fromRegistry`, else a proposal for a new one. */
  id: string
  fromRegistry: boolean
  label?: string
  unit?: string
}

const kindsFor: Record<ReadFigure['kind'], readonly MeasureKind[]> = {
  date: ['date'],
  percent: ['percent'],
  number: ['count', 'length', 'duration']
}

/** Words too common in labels and sentences to say which measure is meant. */
const weakWords = new Set(['the', 'of', 'in', 'and', 'a', 'an', 'to', 'for', 'by', 'on', 'at', 'as', 'was', 'were', 'that', 'day', 'year', 'number', 'hungary', 'hungarian', 'hungarians', 'soviet'])

function stem(word: string): string {
  return word.length > 4 ? word.replace(/(ies|es|s|ed|ing)$/, '') : word
}

function wordsOf(text: string): Set<string> {
  return new Set(
    slugify(text)
      .split('-')
      .filter((word) => word.length > 1 && !/^\d+$/.test(word) && !weakWords.has(word) && !stopWords.has(word))
      .map(stem)
  )
}

/** The least score (a shared word counts 1, or 2 next to the figure) for a registry measure to be suggested. */
export const minimumScore = 2

export function suggestMeasure(sentence: string, figure: ReadFigure, measures: readonly Measure[]): MeasureSuggestion {
  const sentenceWords = wordsOf(sentence)
  // The figure's own words and the few after it ("2,500 Hungarian deaths") say most.
  const nearWords = wordsOf(`${figure.text} ${sentence.slice(figure.end).split(/\s+/).slice(0, 4).join(' ')}`)
  let best: {measure: Measure; score: number} | undefined
  for (const measure of measures) {
    if (!kindsFor[figure.kind].includes(measure.kind)) continue
    if (figure.unit !== undefined && measure.unit !== undefined && unitsDiffer(figure.unit, measure.unit)) continue
    const measureWords = wordsOf(`${measure.id} ${measure.label}`)
    let score = 0
    for (const word of measureWords) if (sentenceWords.has(word)) score += nearWords.has(word) ? 2 : 1
    if (score < minimumScore) continue
    if (!best || score > best.score || (score === best.score && measure.id < best.measure.id)) best = {measure, score}
  }
  if (best) {
    const suggestion: MeasureSuggestion = {id: best.measure.id, fromRegistry: true, label: best.measure.label}
    if (best.measure.unit !== undefined) suggestion.unit = best.measure.unit
    return suggestion
  }
  return {id: newMeasureId(sentence, figure), fromRegistry: false}
}

/**
 * The reader's unit is the noun after the number ("troop", "hungarian"); a registry unit
 * is a unit of measure ("person", "tank"). Only a clash of two real units rules a measure
 * out: 60,000 troops are not tanks, but 200,000 Hungarians may be persons.
 */
const unitsOfMeasure = new Set(['person', 'tank', 'troop', 'soldier', 'foot', 'metre', 'meter', 'kilometre', 'mile', 'day', 'week', 'month', 'year', 'hour', 'percent', 'point', 'division', 'aircraft', 'gun'])

function unitsDiffer(readUnit: string, measureUnit: string): boolean {
  if (stem(readUnit) === stem(measureUnit)) return false
  return unitsOfMeasure.has(stem(readUnit)) && unitsOfMeasure.has(stem(measureUnit))
}

/** `date-…` from the sentence's first words for dates, else the words right after the number. */
function newMeasureId(sentence: string, figure: ReadFigure): string {
  const meaningful = (text: string) =>
    slugify(text)
      .split('-')
      .filter((word) => word.length > 2 && !/^\d+$/.test(word) && !weakWords.has(word) && !fillerWords.has(word))
  if (figure.kind === 'date') {
    const words = meaningful(sentence.slice(0, figure.start) + ' ' + sentence.slice(figure.end)).slice(0, 3)
    return ['date', ...words].join('-')
  }
  const after = meaningful(sentence.slice(figure.end)).slice(0, 3)
  const words = after.length > 0 ? after : meaningful(sentence).slice(0, 3)
  return words.length > 0 ? words.join('-') : figure.kind
}

const fillerWords = new Set(['had', 'have', 'has', 'been', 'being', 'this', 'those', 'these', 'with', 'from', 'into', 'than', 'more', 'over', 'some', 'around', 'about', 'nearly', 'almost', 'only', 'even', 'who', 'which', 'their', 'his', 'her', 'its', 'after', 'before', 'later', 'earlier', 'between', 'when', 'while', 'there'])
