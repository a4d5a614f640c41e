// The local web chat: sends a question to /api/chat and shows the answer with its sources and
// follow-up buttons. Text only goes into textContent, never into HTML.
const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('text');
const languageSelect = document.getElementById('language');

languageSelect.value = localStorage.getItem('cii-language') ?? '';

/** This browser's conversation with the assistant (a random id, no personal data). */
function conversationId() {
  let id = localStorage.getItem('cii-conversation');
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem('cii-conversation', id);
  }
  return id;
}
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

function buttons(container, choices) {
  if (!choices.length) return;
  const row = element('div', 'followups');
  for (const choice of choices) {
    const b = element('button', '', choice.label);
    b.type = 'button';
    b.addEventListener('click', () => send(choice.value, choice.label));
    row.append(b);
  }
  container.append(row);
}

function showAnswer(reply) {
  const item = element('li', 'bot');
  if (reply.kind === 'help' || reply.kind === 'notice' || reply.kind === 'triage-result') {
    renderText(item, reply.text);
  } else if (reply.kind === 'triage-question') {
    item.classList.add('question');
    renderText(item, reply.text);
    buttons(item, reply.choices);
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
    buttons(item, answer.followUps.map((f) => ({ label: f, value: f })));
  }
  log.append(item);
  item.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

async function send(text, shown = text) {
  log.append(element('li', 'user', shown));
  const language = languageSelect.value || undefined;
  try {
    const response = await fetch('api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: conversationId(), text, language }),
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
