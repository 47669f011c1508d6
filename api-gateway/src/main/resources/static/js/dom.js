// Tiny DOM helpers. Text always goes in as text nodes (never innerHTML), so data from the API
// cannot inject markup.

let idCounter = 0;

/** A unique element id with a readable prefix. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * Creates an element: h('button', {type: 'button', onclick: fn}, 'Save').
 * Attributes starting with "on" become listeners; `dataset`, `style` objects are merged;
 * boolean true/false add/omit the attribute; children may be strings, nodes, arrays or null.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'style' && typeof value === 'object') {
      Object.assign(el.style, value);
    } else if (name === 'value') {
      el.value = value;
    } else if (name === 'checked') {
      el.checked = Boolean(value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  appendAll(el, children);
  return el;
}

/** Appends children, skipping null/undefined/false (Element.append would print "null"). */
export function append(el, ...children) {
  appendAll(el, children);
}

function appendAll(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      appendAll(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces the children of an element. */
export function replaceChildren(el, ...children) {
  el.textContent = '';
  appendAll(el, children);
}

/**
 * A labelled input with a slot for its inline error (aria-describedby points at the error).
 * `field` is the API field name that problem+json errors[] use.
 */
export function field(label, input, { field: name, hint } = {}) {
  const id = input.id || uid('f');
  input.id = id;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (name) {
    input.dataset.field = name;
  }
  return h(
    'div',
    { class: 'field', dataset: name ? { fieldWrap: name } : {} },
    h('label', { for: id }, label),
    input,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, dataset: { errorFor: name || '' }, hidden: true }),
  );
}

/** Shows a short status message in a live region. */
export function say(region, text, kind = 'info') {
  region.textContent = text;
  region.className = `notice notice-${kind}`;
  region.hidden = !text;
}
