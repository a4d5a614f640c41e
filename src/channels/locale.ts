// The locale step every channel shares: the language of the locale a channel gives (Teams'
// activity.locale, Slack's user locale: "de-CH", "en-US", "it") when the assistant speaks it.
import { isLanguage, type Language } from '../knowledge/primitives.js';

export function localeLanguage(locale: string | undefined): Language | undefined {
  const code = locale?.slice(0, 2).toLowerCase();
  return isLanguage(code) ? code : undefined;
}
