// "Apply to past days…" (POST /api/v1/days/replan). A settings change re-plans today, later days
// and days never synced; days before today that Clockify holds keep what it holds (their day view
// says outdated). This form re-plans a range of them on request: a preview of what would change
// per day (current vs proposed entries), then the re-plan itself.

import { ApiError, post } from './api.js';
import { addDays, dayLabel, duration, hhmm, isDate, longDate, todayIn, wallClock } from './dates.js';
import { field, h } from './dom.js';
import { clearErrors, showErrors } from './forms.js';
import { projectLabel } from './projects.js';

const DEFAULT_DAYS = 30;

/**
 * The form: a range (by default the 30 days up to yesterday, reaching back to `since` when it is
 * earlier), "Preview", then "Apply" for the range previewed. `zone` is the user's time zone,
 * `catalog` the Clockify projects (names where known).
 */
export function replanForm({ zone, catalog, since }) {
  const yesterday = addDays(todayIn(zone), -1);
  let start = addDays(yesterday, -(DEFAULT_DAYS - 1));
  if (isDate(since) && since < start) {
    start = since;
  }
  const from = h('input', { type: 'text', name: 'from', value: start, inputmode: 'numeric', placeholder: 'YYYY-MM-DD', autocomplete: 'off' });
  const to = h('input', { type: 'text', name: 'to', value: yesterday, inputmode: 'numeric', placeholder: 'YYYY-MM-DD', autocomplete: 'off' });
  const previewButton = h('button', { type: 'submit', class: 'primary' }, 'Preview');
  const result = h('div', { id: 'replan-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'replan-form', novalidate: true },
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Apply to past days'),
      h(
        'p',
        { class: 'hint' },
        'A settings change re-plans today, later days and days not yet in Clockify. Days already synced keep ' +
          `what Clockify holds until you apply the settings to them here (dates in ${zone}). Preview first: nothing changes until you apply.`,
      ),
      h('div', { class: 'grid-fields' }, field('From', from, { field: 'from' }), field('To', to, { field: 'to' })),
      h('div', { class: 'actions' }, previewButton),
      result,
    ),
  );
  // An edited range makes the preview stale: it goes, and with it the Apply button.
  const stale = () => result.replaceChildren();
  from.addEventListener('input', stale);
  to.addEventListener('input', stale);

  /** Sends the request; resolves with the answer, or null when the errors were shown. */
  async function send(range, preview, button) {
    button.disabled = true;
    try {
      return await post('/days/replan', { ...range, preview });
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        if (e instanceof ApiError && e.errors.length) {
          showErrors(form, e.errors, e.message);
        } else {
          result.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, `${preview ? 'No preview' : 'Nothing was re-planned'}: ${e.message}`));
        }
      }
      return null;
    } finally {
      button.disabled = false;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    result.replaceChildren();
    const range = { from: from.value.trim(), to: to.value.trim() };
    const local = ['from', 'to'].filter((n) => !isDate(range[n])).map((n) => ({ field: n, message: 'must be a date YYYY-MM-DD' }));
    if (local.length) {
      showErrors(form, local, 'Please fix the dates.');
      return;
    }
    const answer = await send(range, true, previewButton);
    if (!answer) {
      return;
    }
    const days = answer.days || [];
    if (!days.length) {
      result.replaceChildren(h('p', { class: 'notice', role: 'status' }, 'Nothing would change: the days of this range already follow your settings.'));
      return;
    }
    const apply = h('button', { type: 'button', class: 'primary', id: 'replan-apply' }, `Apply to ${days.length === 1 ? '1 day' : `${days.length} days`}`);
    apply.addEventListener('click', async () => {
      const done = await send(range, false, apply);
      if (done) {
        result.replaceChildren(applied(done.replanned || []));
      }
    });
    result.replaceChildren(
      h('p', { class: 'notice', role: 'status' }, `${days.length === 1 ? '1 day' : `${days.length} days`} from ${longDate(answer.from)} to ${longDate(answer.to)} would change:`),
      h('ol', { class: 'replan-days', id: 'replan-preview' }, days.map((d) => previewDay(d, zone, catalog))),
      h('div', { class: 'actions' }, apply),
    );
  });
  return form;
}

/** One day of the preview: its entries now and as re-planned. */
function previewDay(day, zone, catalog) {
  return h(
    'li',
    { class: 'replan-day', dataset: { date: day.date } },
    h('h3', {}, h('a', { href: `#/week/${day.date}` }, dayLabel(day.date))),
    h(
      'div',
      { class: 'replan-compare' },
      h('div', { dataset: { role: 'current' } }, h('p', { class: 'muted small' }, 'Now'), entryList(day.current, zone, catalog)),
      h('div', { dataset: { role: 'proposed' } }, h('p', { class: 'muted small' }, 'Re-planned'), entryList(day.proposed, zone, catalog)),
    ),
  );
}

function entryList(plan, zone, catalog) {
  const entries = (plan && plan.entries) || [];
  if (!entries.length) {
    return h('p', { class: 'muted' }, plan ? 'No entries.' : 'No plan.');
  }
  return h(
    'ul',
    { class: 'legend' },
    entries.map((e) => {
      const start = Date.parse(e.start);
      const end = Date.parse(e.end);
      return h(
        'li',
        { dataset: { slot: e.slot } },
        h('span', { class: 'entry-time' }, `${hhmm(wallClock(start, zone).minutes)}–${hhmm(wallClock(end, zone).minutes)}`),
        h('span', { class: 'entry-project' }, projectLabel(catalog, e.projectId, e.slot)),
        h('span', { class: 'muted' }, duration((end - start) / 1000)),
      );
    }),
  );
}

/** What Apply did: the days that got a new plan. */
function applied(dates) {
  if (!dates.length) {
    return h('p', { class: 'notice', role: 'status' }, 'No day needed re-planning: they already follow your settings.');
  }
  return h(
    'div',
    { class: 'notice notice-ok', role: 'status' },
    h('p', {}, `Re-planned ${dates.length === 1 ? '1 day' : `${dates.length} days`}; they go to Clockify as your push policy says:`),
    h('ul', { class: 'pushed-days', id: 'replanned-days' }, dates.map((d) => h('li', { dataset: { date: d } }, h('a', { href: `#/week/${d}` }, longDate(d))))),
  );
}
