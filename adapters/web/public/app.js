// The local web chat: sends questions to /api/chat, shows each reply as an Adaptive Card rendered
// by the official renderer (text where there is no card), and sends card actions to /api/action.
// A checklist card is updated in place when it is saved. Text only ever goes into textContent.
const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('text');
const languageSelect = document.getElementById('language');
const nameInput = document.getElementById('name');

languageSelect.value = localStorage.getItem('cii-language') ?? '';
languageSelect.addEventListener('change', () => localStorage.setItem('cii-language', languageSelect.value));
nameInput.value = localStorage.getItem('cii-name') ?? '';
nameInput.addEventListener('change', () => localStorage.setItem('cii-name', nameInput.value.trim()));

/** This browser's conversation with the assistant (a random id, no personal data). */
function conversationId() {
  let id = localStorage.getItem('cii-conversation');
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem('cii-conversation', id);
  }
  return id;
}

/**
 * A public web chat asks for its access token (WEB_CHAT_TOKEN) once per tab; on this machine none
 * is needed. The token is kept for the tab only.
 */
const TOKEN_KEY = 'cii-token';
const tokenDialog = document.getElementById('token-dialog');
const tokenInput = document.getElementById('token');
function withToken(headers = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { ...headers, authorization: `Bearer ${token}` } : headers;
}
function askToken() {
  return new Promise((resolve) => {
    tokenInput.value = '';
    tokenDialog.addEventListener('close', () => {
      if (tokenDialog.returnValue === 'ok' && tokenInput.value.trim()) sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim());
      resolve();
    }, { once: true });
    tokenDialog.showModal();
  });
}
/** fetch with the token; asked for (once) when the server says it is needed. */
async function call(path, init = {}) {
  let response = await fetch(path, { ...init, headers: withToken(init.headers) });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    await askToken();
    response = await fetch(path, { ...init, headers: withToken(init.headers) });
  }
  return response;
}

/** Checklist cards on the page, by checklist id, so a save updates the card in place. */
const checklistItems = new Map();
/** Triage question cards on the page, by step, so an answered one is shown answered and inactive. */
const questionItems = new Map();

/** The conversation as shown, kept in this browser so a reload shows it again. */
const HISTORY_KEY = 'cii-history';
const HISTORY_LIMIT = 100;
const history = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]');
function remember(entry) {
  if (entry.kind === 'reply' && entry.reply.kind === 'checklist') {
    const at = history.findIndex((e) => e.kind === 'reply' && e.reply.kind === 'checklist' && e.reply.view.id === entry.reply.view.id);
    if (at >= 0) history.splice(at, 1);
  }
  if (entry.kind === 'reply' && entry.reply.kind === 'triage-answered') {
    // The question it answers is kept as answered, where it was.
    const at = history.findIndex((e) => e.kind === 'reply' && e.reply.kind === 'triage-question' && e.reply.step === entry.reply.step);
    if (at >= 0) history[at] = entry;
    localStorage.setItem(HISTORY_KEY, JSON.stringify(history));
    return;
  }
  history.push(entry);
  history.splice(0, Math.max(0, history.length - HISTORY_LIMIT));
  localStorage.setItem(HISTORY_KEY, JSON.stringify(history));
}

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

function renderCard(container, card) {
  const adaptiveCard = new AdaptiveCards.AdaptiveCard();
  adaptiveCard.onExecuteAction = (action) => {
    const data = { ...(action.data ?? {}) };
    const verb = action.verb ?? data.verb;
    if (verb === 'ask') send(data.text, data.language);
    else act(verb, data);
  };
  adaptiveCard.parse(card);
  // A checklist's ticks are saved as they are made (its Save button stays for a retry).
  const save = adaptiveCard.getAllActions().find((a) => (a.verb ?? a.data?.verb) === 'checklist.save');
  if (save) adaptiveCard.onInputValueChanged = () => save.execute();
  container.append(adaptiveCard.render());
}

/** A result to keep in a case file: the text as it will be pasted, and a button that copies it. */
function renderExport(container, text) {
  const pre = element('pre', 'export', text);
  const copy = element('button', 'copy', '⧉');
  copy.type = 'button';
  copy.title = 'copy';
  copy.addEventListener('click', () => navigator.clipboard?.writeText(text).then(() => copy.classList.add('done')));
  container.append(pre, copy);
}

function fill(item, reply) {
  item.replaceChildren();
  if (reply.kind === 'triage-export') {
    renderExport(item, reply.text);
  } else if (reply.card) {
    item.classList.add('card');
    renderCard(item, reply.card);
  } else {
    renderText(item, reply.text ?? '');
  }
}

function show(reply, keep = true) {
  if (keep) remember({ kind: 'reply', reply });
  if (reply.kind === 'triage-answered') {
    const question = questionItems.get(reply.step);
    if (question) {
      fill(question, reply);
      question.classList.replace('triage-question', 'triage-answered');
      questionItems.delete(reply.step);
    }
    return;
  }
  if (reply.kind === 'checklist' && checklistItems.has(reply.view.id)) {
    fill(checklistItems.get(reply.view.id), reply);
    return;
  }
  const item = element('li', `bot ${reply.kind}`);
  fill(item, reply);
  if (reply.kind === 'checklist') checklistItems.set(reply.view.id, item);
  if (reply.kind === 'triage-question') questionItems.set(reply.step, item);
  log.append(item);
  item.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

const channelLog = document.getElementById('channel-log');
const tabChat = document.getElementById('tab-chat');
const tabChannel = document.getElementById('tab-channel');
const unread = document.getElementById('unread');
/** Reminders in the channel the user has seen (on a narrow screen the panel is a tab). */
let seenInChannel = 0;

/** On a narrow screen: the chat or the channel panel takes the width. */
function showTab(channel) {
  document.body.classList.toggle('show-channel', channel);
  tabChat.setAttribute('aria-pressed', String(!channel));
  tabChannel.setAttribute('aria-pressed', String(channel));
  if (channel) {
    seenInChannel = channelLog.children.length;
    unread.hidden = true;
  }
}
tabChat.addEventListener('click', () => showTab(false));
tabChannel.addEventListener('click', () => showTab(true));

/** The conversation's channel: reminders the assistant posted here. */
async function refreshChannel() {
  try {
    const response = await fetch(`api/channel?conversationId=${conversationId()}`, { headers: withToken() });
    if (!response.ok) return;
    const { messages } = await response.json();
    channelLog.replaceChildren(
      ...messages.map((m) => {
        const li = element('li', m.late ? 'late' : '', m.text);
        li.title = new Date(m.at).toLocaleString();
        return li;
      }),
    );
    if (document.body.classList.contains('show-channel')) seenInChannel = messages.length;
    const fresh = messages.length - seenInChannel;
    unread.hidden = fresh <= 0;
    unread.textContent = String(fresh);
  } catch {
    // The next refresh will try again.
  }
}

/** Sends a message or an action; a clicked answer shows in the user's bubble in words, as the card said it. */
async function post(path, body, echoAnswers = false) {
  try {
    const response = await call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: conversationId(), language: languageSelect.value || undefined, ...body }),
    });
    const result = await response.json();
    if (!response.ok) throw new Error(result.error ?? response.statusText);
    for (const reply of result.replies) {
      if (echoAnswers && reply.kind === 'triage-answered') {
        showUser(reply.answer);
        remember({ kind: 'user', text: reply.answer });
      }
      show(reply);
    }
  } catch (error) {
    log.append(element('li', 'bot error', `⚠ ${error.message}`));
  }
}

function showUser(text) {
  log.append(element('li', 'user', text));
}

/** A follow-up button gives `answerIn`: the language of the answer that offered it. */
function send(text, answerIn) {
  showUser(text);
  remember({ kind: 'user', text });
  return post('api/chat', answerIn ? { text, answerIn } : { text });
}

function act(verb, data) {
  return post('api/action', { verb, data, name: nameInput.value.trim() || undefined }, true);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  input.value = '';
  // Nothing typed, or more than a question can hold: the assistant says so (nothing is cut silently).
  if (!text) post('api/chat', { text: '' });
  else send(text);
});

// After a reload: the conversation as it was, and each checklist as it is now on the server.
for (const entry of history) {
  if (entry.kind === 'user') showUser(entry.text);
  else show(entry.reply, false);
}
for (const id of checklistItems.keys()) act('checklist.refresh', { checklistId: id });
refreshChannel();
setInterval(refreshChannel, 10_000);
