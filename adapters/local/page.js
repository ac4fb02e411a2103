// The local chat page: the conversation, and for help-desk members the Queues view (each local queue's
// cards as they stand, from GET /api/local/queues, with working buttons). Served at /local/page.js.
import { defaultUser, placeFor, press, requestJson, sendTyped } from './page-model.js';
import { el, renderMessage } from './page-render.js';

const $ = (id) => document.getElementById(id);
const log = $('log');
const input = $('text');
const sendBtn = $('send');
const userInput = $('user');
const queuesTab = $('tab-queues');
const chatTab = $('tab-chat');
const queuesPanel = $('queues');
let busy = false;

const storeGet = (k) => {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
};
const storeSet = (k, v) => {
  try {
    localStorage.setItem(k, v);
  } catch {
    // Private windows may refuse storage: the name is then asked again next time.
  }
};
const currentUser = () => userInput.value.trim() || defaultUser;
const request = (method, url, body) => requestJson(fetch, method, url, body);

/** A place messages are shown in: the chat log, or the notes under a queue card. */
function conversation(box, scroll) {
  const shown = new Map();
  const row = (who, node, label) => {
    const r = el('div', `row ${who}`);
    if (label) {
      const l = el('div', 'label');
      l.textContent = label;
      r.appendChild(l);
    }
    r.appendChild(node);
    box.appendChild(r);
    scroll();
    return r;
  };
  const view = {
    user(text) {
      const b = el('div', 'bubble');
      b.textContent = text;
      return row('user', b);
    },
    system(text) {
      const d = el('div', 'system');
      d.setAttribute('role', 'alert');
      d.textContent = text;
      box.appendChild(d);
      scroll();
    },
    bot(msg, label) {
      if (!msg || typeof msg !== 'object') return;
      const bubble = renderMessage(msg, handlers(view));
      if (!bubble.childNodes.length) return;
      const where = placeFor(msg, shown);
      if (where.replace) {
        const old = shown.get(where.replace);
        old.replaceChild(bubble, old.querySelector('.bubble'));
        return;
      }
      const r = row('bot', bubble, label);
      if (msg.id) shown.set(msg.id, r);
    },
    all(data, label) {
      for (const m of Array.isArray(data?.messages) ? data.messages : []) view.bot(m, label);
    },
  };
  return view;
}

function setBusy(on) {
  busy = on;
  sendBtn.disabled = on;
  input.disabled = on;
  if (!on) input.focus();
}

/**
 * Posts to the desk as the current user and shows the reply (or why it failed) in `view`. Typed text that
 * did not go is taken back out of the conversation (`retract`): it is back in the box to send again.
 */
async function send(view, url, body, echo, retract = false) {
  const echoed = view.user(echo);
  setBusy(true);
  const result = await request('POST', url, { user: currentUser(), ...body });
  if (result.ok) view.all(result.data);
  else {
    if (retract) echoed.remove();
    view.system(result.error);
  }
  setBusy(false);
  return result;
}

function handlers(view) {
  return {
    press(group, btn, label) {
      if (busy) return;
      const value = String(btn.value ?? '');
      press(group.querySelectorAll('button'), () =>
        send(view, '/api/local/actions', { action: String(btn.actionId), value }, label),
      ).then(refreshQueues);
    },
    submit(form, values, go) {
      if (busy) return;
      press([go], () => send(view, '/api/local/forms', { form, values }, go.textContent)).then(refreshQueues);
    },
  };
}

const chat = conversation(log, () => {
  log.scrollTop = log.scrollHeight;
});

function submit() {
  if (busy) return;
  sendTyped(input, (text) => send(chat, '/api/local/messages', { text }, text, true)).then(autosize);
}
function autosize() {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight + 2, 160)}px`;
}

// ---- The Queues view ----
const cards = new Map();
function showQueues(queues) {
  const seen = new Set();
  for (const queue of queues) {
    let section = document.getElementById(`queue-${queue.tier}`);
    if (!section) {
      section = el('section', 'queue');
      section.id = `queue-${queue.tier}`;
      section.appendChild(el('h2'));
      section.appendChild(el('div', 'cards'));
      queuesPanel.appendChild(section);
    }
    section.querySelector('h2').textContent = `${queue.name} (${queue.place})`;
    const list = section.querySelector('.cards');
    for (const msg of queue.messages) {
      seen.add(msg.id);
      const json = JSON.stringify(msg);
      const known = cards.get(msg.id);
      if (known?.json === json) continue;
      const card = known?.node ?? el('article', 'card');
      if (!known) {
        card.appendChild(el('div', 'now'));
        const notes = el('div', 'notes');
        card.appendChild(notes);
        card.notes = conversation(notes, () => {});
        list.prepend(card);
      }
      card.querySelector('.now').replaceChildren(renderMessage(msg, handlers(card.notes)));
      cards.set(msg.id, { json, node: card });
    }
    list.parentElement.classList.toggle('empty', queue.messages.length === 0);
  }
  for (const [id, card] of cards) {
    if (!seen.has(id)) {
      card.node.remove();
      cards.delete(id);
    }
  }
}

async function refreshQueues() {
  const result = await request('GET', `/api/local/queues?user=${encodeURIComponent(currentUser())}`);
  queuesTab.hidden = !result.ok;
  if (!result.ok) {
    if (!queuesPanel.hidden) showTab('chat');
    return;
  }
  showQueues(Array.isArray(result.data.queues) ? result.data.queues : []);
}

function showTab(which) {
  const queues = which === 'queues';
  queuesPanel.hidden = !queues;
  log.hidden = queues;
  $('composer').hidden = queues;
  queuesTab.setAttribute('aria-selected', String(queues));
  chatTab.setAttribute('aria-selected', String(!queues));
}

// ---- Wiring and polling ----
userInput.value = storeGet('tierdesk.user') || defaultUser;
userInput.addEventListener('change', () => {
  userInput.value = currentUser();
  storeSet('tierdesk.user', userInput.value);
  refreshQueues();
});
$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  submit();
});
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    submit();
  }
});
input.addEventListener('input', autosize);
chatTab.addEventListener('click', () => showTab('chat'));
queuesTab.addEventListener('click', () => {
  showTab('queues');
  refreshQueues();
});

let polling = false;
async function poll() {
  if (polling) return;
  polling = true;
  const inbox = await request('GET', `/api/local/inbox?user=${encodeURIComponent(currentUser())}`);
  // Quiet when it fails: the next poll tries again.
  if (inbox.ok) chat.all(inbox.data, 'update');
  await refreshQueues();
  polling = false;
}
setInterval(poll, 3000);
refreshQueues();

chat.bot({ text: 'Hi! Ask me an IT question, e.g. “how do I reset my password?”. Type `help` for commands.' });
input.focus();
