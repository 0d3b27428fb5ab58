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
    ['/add my articles/a.md', { kind: 'command', name: 'add', options: { file: 'my articles/a.md' } }],
    ['/article add a.md force', { kind: 'command', name: 'add', options: { file: 'a.md' }, confirmed: true }],
    ['/article retirer x-y forcer', { kind: 'command', name: 'remove', options: { id: 'x-y' }, confirmed: true }],
    ['/remove force', { kind: 'command', name: 'remove', options: {}, confirmed: true }],
    ['/reload force', { kind: 'command', name: 'reload', options: { force: 'force' } }],
    ['/ask la force', { kind: 'command', name: 'ask', options: { question: 'la force' } }],
    ['/article liste', { kind: 'command', name: 'list', options: {} }],
  ])('%j', (line, expected) => expect(parse(line)).toEqual(expected));
});
