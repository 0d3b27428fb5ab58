import { describe, expect, it } from 'vitest';
import { parseConsoleLine } from '../../src/console/parseConsoleLine.ts';
import { commands } from '../../src/desk/commandList.ts';

const parse = (line: string) => parseConsoleLine(line, commands);

describe('parseConsoleLine', () => {
  it.each([
    ['/who Qui a remercié Trump ?', { kind: 'command', name: 'who', options: { question: 'Qui a remercié Trump ?' } }],
    ['  /SOURCE   Telegram  ', { kind: 'command', name: 'source', options: { claim: 'Telegram' } }],
    ['/timeline', { kind: 'command', name: 'timeline', options: {} }],
    ['/outlets', { kind: 'command', name: 'outlets', options: {} }],
    ['/nope x', { kind: 'command', name: 'nope', options: {} }],
    ['Qui a arrêté les suspects ?', { kind: 'question', text: 'Qui a arrêté les suspects ?' }],
    ['   ', { kind: 'empty' }],
    ['/quit', { kind: 'quit' }],
    ['/EXIT', { kind: 'quit' }],
  ])('%j', (line, expected) => expect(parse(line)).toEqual(expected));
});
