// Renders the desk's neutral messages as HTML for the local chat page: a small, safe markdown subset
// (everything is escaped first), fields, buttons (words first, emoji as decoration) and forms.
import { labelParts } from './page-model.js';

export function escapeHtml(s) {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function inline(raw) {
  const tokens = [];
  const keep = (html) => {
    tokens.push(html);
    return `\u{e000}${tokens.length - 1}\u{e001}`;
  };
  const link = (url, label) => keep(`<a href="${url}" target="_blank" rel="noopener">${label}</a>`);
  let s = escapeHtml(raw);
  s = s.replace(/`([^`]+)`/g, (_, c) => keep(`<code>${c}</code>`));
  s = s.replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, (_, label, url) => link(url, label));
  // Articles often give bare addresses; trailing punctuation belongs to the sentence, not the link.
  s = s.replace(/https?:\/\/[^\s<]*[^\s<.,;:!?)]/g, (url) => link(url, url));
  s = s.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  s = s.replace(/(^|[^\w])_([^_]+)_(?!\w)/g, '$1<em>$2</em>');
  // Placeholders from the private use area, which escaped text cannot contain as markup.
  return s.replace(/\u{e000}(\d+)\u{e001}/gu, (_, i) => tokens[Number(i)] ?? '');
}

export function markdown(text) {
  const lines = String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let html = '';
  let para = [];
  let list = null;
  const flushPara = () => {
    if (para.length) html += `<p>${para.map(inline).join('<br>')}</p>`;
    para = [];
  };
  const flushList = () => {
    if (list)
      html += `<${list.tag}${list.start > 1 ? ` start="${list.start}"` : ''}>${list.items.join('')}</${list.tag}>`;
    list = null;
  };
  const item = (tag, text, start = 1) => {
    flushPara();
    if (list?.tag !== tag) {
      flushList();
      list = { tag, items: [], start };
    }
    list.items.push(`<li>${inline(text)}</li>`);
  };
  for (const line of lines) {
    const bullet = /^\s*[-*] (.*)$/.exec(line);
    const numbered = /^\s*(\d+)[.)] (.*)$/.exec(line);
    if (/^\s*$/.test(line)) {
      flushPara();
      flushList();
    } else if (bullet) item('ul', bullet[1]);
    // A numbered list resumed after a nested one keeps its numbers ("4." stays 4).
    else if (numbered) item('ol', numbered[2], Number(numbered[1]));
    else {
      flushList();
      para.push(line);
    }
  }
  flushPara();
  flushList();
  return html;
}

export function el(tag, cls, html) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (html != null) n.innerHTML = html;
  return n;
}

function renderButtons(block, on) {
  const wrap = el('div', 'blk actions');
  wrap.setAttribute('role', 'group');
  wrap.setAttribute('aria-label', 'Actions');
  for (const btn of Array.isArray(block.buttons) ? block.buttons : []) {
    if (!btn) continue;
    const b = el('button', btn.style === 'primary' || btn.style === 'danger' ? btn.style : '');
    b.type = 'button';
    const { text, emoji } = labelParts(btn.label);
    b.textContent = text;
    if (emoji) {
      const deco = el('span', 'emoji');
      deco.setAttribute('aria-hidden', 'true');
      deco.textContent = ` ${emoji}`;
      b.appendChild(deco);
    }
    b.addEventListener('click', () => on.press(wrap, btn, text));
    wrap.appendChild(b);
  }
  return wrap;
}

// A form the desk offers: its fields, the errors of the last try, and a submit to /api/local/forms.
function renderForm(f, on) {
  if (!f || typeof f !== 'object' || !Array.isArray(f.fields)) return null;
  const box = el('form', 'blk deskform');
  const errors = f.errors && typeof f.errors === 'object' ? f.errors : {};
  box.appendChild(el('div', 'blk', `<strong>${escapeHtml(String(f.title || ''))}</strong>`));
  for (const field of f.fields) {
    if (!field || typeof field.name !== 'string') continue;
    const id = `f-${String(f.id)}-${field.name}-${Math.random().toString(36).slice(2, 8)}`;
    const lab = el('label');
    lab.htmlFor = id;
    lab.textContent = String(field.label || field.name);
    let control;
    if (field.kind === 'choice') {
      control = el('select');
      for (const o of Array.isArray(field.options) ? field.options : []) {
        const opt = el('option');
        opt.value = String(o.value);
        opt.textContent = String(o.label);
        if (o.value === field.initial) opt.selected = true;
        control.appendChild(opt);
      }
    } else {
      control = el(field.multiline ? 'textarea' : 'input');
      if (typeof field.maxLength === 'number') control.maxLength = field.maxLength;
      if (field.hint) control.placeholder = String(field.hint);
      if (field.initial) control.value = String(field.initial);
    }
    control.id = id;
    control.name = field.name;
    box.appendChild(lab);
    box.appendChild(control);
    if (errors[field.name]) {
      const e = el('div', 'blk context');
      e.setAttribute('role', 'alert');
      e.textContent = String(errors[field.name]);
      box.appendChild(e);
    }
  }
  const go = el('button', 'primary');
  go.type = 'submit';
  go.textContent = String(f.submitLabel || 'Send');
  box.appendChild(go);
  box.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const values = {};
    for (const c of box.elements) if (c.name) values[c.name] = c.value;
    on.submit(String(f.id), values, go);
  });
  return box;
}

function renderBlock(block, on) {
  if (!block || typeof block !== 'object') return null;
  switch (block.kind) {
    case 'text':
      return el('div', 'blk', markdown(block.text));
    case 'context':
      return el('div', 'blk context', markdown(block.text));
    case 'divider':
      return el('hr', 'blk');
    case 'fields': {
      const dl = el('dl', 'blk fields');
      for (const f of Array.isArray(block.fields) ? block.fields : []) {
        const dt = el('dt');
        dt.textContent = f?.label != null ? String(f.label) : '';
        const dd = el('dd');
        dd.textContent = f?.value != null ? String(f.value) : '';
        dl.appendChild(dt);
        dl.appendChild(dd);
      }
      return dl;
    }
    case 'actions':
      return renderButtons(block, on);
    case 'rating': {
      // The question, then its scores as one row of buttons.
      const box = el('div', 'blk rating');
      box.appendChild(el('div', 'blk', markdown(block.label)));
      box.appendChild(renderButtons(block, on));
      return box;
    }
    case 'form':
      return renderForm(block.form, on);
    case 'image': {
      // The desk's own picture (a chart), as a link to it: only its own paths and web addresses are followed.
      const url = String(block.url || '');
      if (!/^(\/[^/]|https?:\/\/)/.test(url)) return null;
      const a = el('a', 'blk image-link');
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = `📈 ${String(block.title || 'Chart')}`;
      if (block.alt) a.title = String(block.alt);
      return a;
    }
    default:
      return null;
  }
}

/** A message's contents, for a bubble: `on.press(group, button, label)` and `on.submit(form, values, go)`. */
export function renderMessage(msg, on) {
  const b = el('div', 'bubble');
  if (Array.isArray(msg.blocks) && msg.blocks.length) {
    for (const blk of msg.blocks) {
      const n = renderBlock(blk, on);
      if (n) b.appendChild(n);
    }
  } else b.innerHTML = markdown(msg.text);
  return b;
}
