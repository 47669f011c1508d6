// Inline display of problem+json validation errors (errors: [{field, message}]).

import { h } from './dom.js';

/** Removes every inline error of a form. */
export function clearErrors(form) {
  for (const p of form.querySelectorAll('.field-error')) {
    p.textContent = '';
    p.hidden = true;
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
  }
  const summary = form.querySelector('.error-summary');
  if (summary) {
    summary.remove();
  }
}

function errorSlotFor(form, name) {
  for (const p of form.querySelectorAll('.field-error')) {
    if (p.dataset.errorFor === name) {
      return p;
    }
  }
  return null;
}

/**
 * Shows each error next to the input whose data-field is the error's field (or the closest
 * parent field: "rules[1].pattern" → "rules[1]" → "rules"); the rest, and a summary of all, go in
 * an alert at the top of the form. Focuses the first invalid input.
 */
export function showErrors(form, errors, fallbackMessage) {
  clearErrors(form);
  let first = null;
  for (const error of errors) {
    const name = error.field || '';
    let slot = null;
    let candidate = name;
    while (candidate && !slot) {
      slot = errorSlotFor(form, candidate);
      if (!slot) {
        candidate = parentField(candidate);
      }
    }
    if (!slot) {
      continue;
    }
    const text = candidate === name ? error.message : `${name}: ${error.message}`;
    slot.textContent = slot.textContent ? `${slot.textContent} ${text}` : text;
    slot.hidden = false;
    const input = form.querySelector(`[aria-describedby~="${slot.id}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
  }
  const items = errors.length
    ? errors.map((e) => h('li', {}, e.field ? `${e.field}: ${e.message}` : e.message))
    : [h('li', {}, fallbackMessage || 'The request was not accepted.')];
  const summary = h(
    'div',
    { class: 'error-summary', role: 'alert' },
    h('p', {}, fallbackMessage || 'Please fix the following:'),
    h('ul', {}, items),
  );
  const heading = form.querySelector(':scope > h1, :scope > h2, :scope > h3');
  if (heading) {
    heading.after(summary);
  } else {
    form.prepend(summary);
  }
  if (first) {
    first.focus();
  }
}

function parentField(name) {
  const dot = name.lastIndexOf('.');
  const bracket = name.lastIndexOf('[');
  const cut = Math.max(dot, bracket);
  return cut > 0 ? name.slice(0, cut) : '';
}
