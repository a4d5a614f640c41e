// The official Adaptive Cards library, loaded in Node the only way it loads: its UMD build, with
// the DOM globals it expects provided by jsdom.
import { JSDOM } from 'jsdom';
import { createRequire } from 'node:module';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window: dom.window, document: dom.window.document, navigator: dom.window.navigator, HTMLElement: dom.window.HTMLElement });
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

/** Parsing and validation messages of the official library; empty for a valid card. */
export function officialProblems(card: unknown): string[] {
  const adaptiveCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  adaptiveCard.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of adaptiveCard.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const version = adaptiveCard.version;
  if (version.major > 1 || (version.major === 1 && version.minor > 5)) problems.push(`version ${version.toString()} is above 1.5`);
  return problems;
}
