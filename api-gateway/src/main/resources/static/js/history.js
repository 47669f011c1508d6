// The sync history page (#/history): the runs of a date range (GET /sync/history), the days that
// need the user with the reason and what to do (GET /days). The connection's own attention is the
// shell's banner (app.js).

import { ApiError, get, post } from './api.js';
import { addDays, dayLabel, hhmm, isDate, longDate, todayIn, wallClock } from './dates.js';
import { field, h, say } from './dom.js';
import { clearErrors, showErrors } from './forms.js';
import { callList, reasonsWithAdvice } from './sync.js';

const DEFAULT_DAYS = 30;
const NEEDS_USER = ['NEEDS_ATTENTION', 'FAILED', 'CLOSED'];
const RUN_STATUS = { SYNCED: 'Synced', NEEDS_ATTENTION: 'Needs attention', FAILED: 'Failed' };

export function renderHistory(main) {
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true });
  const attention = h('section', { class: 'card', id: 'history-attention', 'aria-labelledby': 'history-attention-title', hidden: true });
  const runs = h('section', { class: 'card', id: 'history-runs', 'aria-labelledby': 'history-runs-title' });
  const from = h('input', { type: 'text', name: 'from', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', autocomplete: 'off' });
  const to = h('input', { type: 'text', name: 'to', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', autocomplete: 'off' });
  const show = h('button', { type: 'submit', class: 'primary' }, 'Show');
  const form = h(
    'form',
    { class: 'range-form', id: 'history-range', novalidate: true },
    field('From', from, { field: 'from' }),
    field('To', to, { field: 'to' }),
    h('div', { class: 'actions' }, show),
  );
  main.replaceChildren(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Sync history'), h('p', { class: 'muted', id: 'history-zone' }, 'Every attempt to write a day to Clockify, newest first.')), form),
    status,
    attention,
    runs,
  );
  runs.append(h('p', { class: 'muted' }, 'Loading…'));
  let disposed = false;
  let zone = 'UTC';

  async function load() {
    clearErrors(form);
    const range = { from: from.value.trim(), to: to.value.trim() };
    const problems = ['from', 'to']
      .filter((name) => !isDate(range[name]))
      .map((name) => ({ field: name, message: 'must be a date YYYY-MM-DD' }));
    if (problems.length) {
      showErrors(form, problems, 'Please fix the dates.');
      return;
    }
    show.disabled = true;
    try {
      const [history, days] = await Promise.all([
        get(`/sync/history?from=${range.from}&to=${range.to}`),
        get(`/days?from=${range.from}&to=${range.to}`).catch(() => null),
      ]);
      if (disposed) {
        return;
      }
      say(status, '');
      drawAttention(attention, (days && days.days) || []);
      drawRuns(runs, (history && history.runs) || [], zone, range);
    } catch (e) {
      if (!disposed && !(e instanceof ApiError && e.status === 401)) {
        if (e instanceof ApiError && e.errors.length) {
          showErrors(form, e.errors, e.message);
        } else {
          say(status, `Could not load the sync history: ${e.message}`, 'error');
        }
      }
    } finally {
      show.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });

  get('/settings/allocation')
    .then((s) => s.timeZone || 'UTC')
    .catch(() => 'UTC')
    .then((z) => {
      if (disposed) {
        return;
      }
      zone = z;
      document.getElementById('history-zone').textContent = `Every attempt to write a day to Clockify, newest first; times in ${zone}.`;
      const today = todayIn(zone);
      from.value = addDays(today, -(DEFAULT_DAYS - 1));
      to.value = today;
      load();
    });

  /** The days of the range that need the user, each with its reason and what to do. */
  function drawAttention(section, days) {
    const waiting = days.filter((d) => NEEDS_USER.includes(d.status) && (d.status !== 'CLOSED' || (d.sync && d.sync.lastError)));
    section.hidden = !waiting.length;
    if (!waiting.length) {
      section.replaceChildren();
      return;
    }
    const items = waiting.map((d) => {
      const reasons = reasonsWithAdvice(d.sync && d.sync.lastError, d.status);
      const resync = h('button', { type: 'button', class: 'small-button', dataset: { action: 'resync' } }, 'Re-sync');
      resync.addEventListener('click', async () => {
        resync.disabled = true;
        try {
          await post(`/days/${d.date}/resync`);
          say(status, `Re-sync requested for ${dayLabel(d.date)}.`, 'ok');
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 401)) {
            say(status, `${dayLabel(d.date)}: ${e.message}`, 'error');
          }
        } finally {
          resync.disabled = false;
        }
      });
      return h(
        'li',
        { class: 'attention-day', dataset: { date: d.date, status: d.status } },
        h(
          'div',
          { class: 'key-line' },
          h('a', { href: `#/week/${d.date}`, class: 'project-key' }, longDate(d.date)),
          h('span', { class: `badge status status-${d.status.toLowerCase()}` }, RUN_STATUS[d.status] || (d.status === 'CLOSED' ? 'Closed' : d.status)),
          d.status === 'CLOSED' ? null : resync,
        ),
        reasons.map(({ reason, advice }) =>
          h('p', { class: 'reason' }, reason ? h('span', { class: 'reason-text' }, `${reason}.`) : null, ' ', h('span', { class: 'advice' }, h('strong', {}, 'What to do: '), advice)),
        ),
      );
    });
    section.replaceChildren(h('h2', { id: 'history-attention-title' }, 'Days that need you'), h('ul', { class: 'attention-days' }, items));
  }
}

function drawRuns(section, runs, zone, range) {
  const sorted = [...runs].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const title = h('h2', { id: 'history-runs-title' }, `Runs from ${longDate(range.from)} to ${longDate(range.to)}`);
  if (!sorted.length) {
    section.replaceChildren(title, h('p', { class: 'muted', id: 'history-empty' }, 'No sync runs in this range.'));
    return;
  }
  const rows = sorted.map((run) => {
    const at = wallClock(Date.parse(run.at), zone);
    const statusValue = run.status || (run.error ? 'FAILED' : 'SYNCED');
    const errorCell = h('td', { class: 'run-error', dataset: run.error ? { label: 'Error' } : {} });
    if (run.error) {
      for (const { reason, advice } of reasonsWithAdvice(run.error, statusValue)) {
        errorCell.append(h('p', {}, `${reason}.`, advice ? h('span', { class: 'advice' }, ` What to do: ${advice}`) : null));
      }
    }
    if (run.dryRun && run.calls) {
      errorCell.append(h('details', { class: 'dry-run' }, h('summary', {}, `${run.calls.length} call${run.calls.length === 1 ? '' : 's'} it would make`), callList(run)));
    }
    return h(
      'tr',
      { dataset: { date: run.date, revision: String(run.revision), status: statusValue, dryRun: String(Boolean(run.dryRun)) } },
      h('td', { class: 'num run-date' }, h('a', { href: `#/week/${run.date}` }, dayLabel(run.date))),
      h('td', { class: 'num', dataset: { label: 'Revision' } }, String(run.revision)),
      h('td', { class: 'num', dataset: { label: 'At' } }, `${at.date === run.date ? '' : `${dayLabel(at.date)} `}${hhmm(Math.floor(at.minutes))}`),
      h('td', { class: 'num', dataset: { label: 'Created / updated / deleted / failed' } }, `${run.created || 0} / ${run.updated || 0} / ${run.deleted || 0} / ${run.failed || 0}`),
      h('td', {}, run.dryRun ? h('span', { class: 'badge' }, 'Dry run') : h('span', { class: 'badge badge-live' }, 'Live')),
      h('td', {}, h('span', { class: `badge status status-${statusValue.toLowerCase()}` }, RUN_STATUS[statusValue] || statusValue)),
      errorCell,
    );
  });
  section.replaceChildren(
    title,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'runs', id: 'history-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Date', 'Revision', 'Time', 'Created / updated / deleted / failed', 'Mode', 'Status', 'Error and what to do'].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h('tbody', {}, rows),
      ),
    ),
  );
}
