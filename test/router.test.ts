// The dispatch every message and card action goes through: features tried in the order they
// registered, one passing by answering nothing; actions found by their verb.
import { describe, expect, it } from 'vitest';
import { ActionRouter, Router } from '../src/router.js';

describe('the router', () => {
  it('gives a turn to the first feature that matches and answers, in the order registered', async () => {
    const tried: string[] = [];
    const router = new Router<{ text: string }, string>()
      .on({ name: 'triage', matches: (t) => t.text.startsWith('triage'), reply: async () => (tried.push('triage'), undefined) })
      .on({ name: 'help', matches: (t) => t.text === 'help', reply: async () => 'help' })
      .on({ name: 'ask', matches: () => true, reply: async (t) => `answer to ${t.text}` });
    expect(await router.route({ text: 'help' })).toBe('help');
    // The triage matched but passed (nothing under way): the next feature that matches answers.
    expect(await router.route({ text: 'triage ZH' })).toBe('answer to triage ZH');
    expect(tried).toEqual(['triage']);
    expect(await new Router<{ text: string }, string>().route({ text: 'x' })).toBeUndefined();
  });

  it('finds a card action by its verb, several verbs to one handler, nothing for an unknown verb', async () => {
    const actions = new ActionRouter<{ verb: string }, string>()
      .on(['checklist.save', 'checklist.refresh'], async (a) => `checklist ${a.verb}`)
      .on('ask', async () => 'asked');
    expect(await actions.route({ verb: 'checklist.refresh' })).toBe('checklist checklist.refresh');
    expect(await actions.route({ verb: 'ask' })).toBe('asked');
    expect(await actions.route({ verb: 'no.such.verb' })).toBeUndefined();
  });
});
