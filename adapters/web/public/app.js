// The local web chat: sends a question to /api/chat and shows the answer with its sources and
// follow-up buttons. Text only goes into textContent, never into HTML.
const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('text');
const languageSelect = document.getElementById('language');

languageSelect.value = localStorage.getItem('cii-language') ?? '';
languageSelect.addEventListener('change', () => localStorage.setItem('cii-language', languageSelect.value));

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Renders "**heading**" lines as headings and the rest as paragraphs. */
function renderText(container, text) {
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const heading = line.match(/^\*\*(.*)\*\*$/);
    container.append(heading ? element('h3', '', heading[1]) : element('p', line.trimStart().startsWith('⚠') ? 'caution' : '', line));
  }
}

function showAnswer(reply) {
  const item = element('li', 'bot');
  if (reply.kind === 'help') {
    renderText(item, reply.text);
  } else {
    const { answer } = reply;
    renderText(item, answer.text);
    if (answer.sources.length) {
      const details = element('details', 'sources');
      details.append(element('summary', '', `Sources (${answer.sources.length})`));
      const list = element('ul');
      for (const s of answer.sources) list.append(element('li', '', `${s.title} — ${s.where} (${s.document})`));
      details.append(list);
      item.append(details);
    }
    if (answer.followUps.length) {
      const buttons = element('div', 'followups');
      for (const f of answer.followUps) {
        const b = element('button', '', f);
        b.type = 'button';
        b.addEventListener('click', () => send(f));
        buttons.append(b);
      }
      item.append(buttons);
    }
  }
  log.append(item);
  item.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

async function send(text) {
  log.append(element('li', 'user', text));
  const language = languageSelect.value || undefined;
  try {
    const response = await fetch('api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, language }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ?? response.statusText);
    for (const reply of body.replies) showAnswer(reply);
  } catch (error) {
    log.append(element('li', 'bot error', `⚠ ${error.message}`));
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  send(text);
});
