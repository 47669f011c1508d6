// The week view: Monday to Sunday in the user's zone; per day the sessions by project key, the
// planned entries as a stacked bar over the work day, bucket shares with the rule that mapped
// each key, the sync status with its last error (and what to do about it), the calls a dry run
// would make, the user's own Clockify entries, a hint on past days a settings change left as
// Clockify holds them (outdated), and the day actions.

import { ApiError, del, get, post, put, seg } from './api.js';
import {
  addDays,
  dayLabel,
  duration,
  hhmm,
  isDate,
  longDate,
  mondayOf,
  parseHhMm,
  todayIn,
  wallClock,
  weekdayOf,
  zonedIso,
} from './dates.js';
import { append, field, h, say, uid } from './dom.js';
import { clearErrors, showErrors } from './forms.js';
import { NO_PROJECTS, loadProjects, projectLabel } from './projects.js';
import { callList, newestDryRun, reasonsWithAdvice } from './sync.js';

const STATUS_TEXT = {
  NO_SESSIONS: 'No sessions',
  PLANNED: 'Planned',
  AWAITING_APPROVAL: 'Awaiting approval',
  PENDING: 'Pushing…',
  SYNCED: 'Synced',
  FAILED: 'Failed',
  NEEDS_ATTENTION: 'Needs attention',
  CLOSED: 'Closed',
};

const AUTO_REFRESH_MS = 10000;
const AFTER_CHANGE_MS = [800, 2000, 4000, 7000, 12000];

export function renderWeek(main, { arg, go }) {
  const state = {
    settings: null,
    monday: null,
    today: null,
    days: new Map(),
    sessions: [],
    runs: [],
    catalog: NO_PROJECTS,
    openCalls: new Set(),
    loaded: false,
    openForm: null,
  };
  const timers = new Set();
  let loading = null;
  let disposed = false;

  const heading = h('h1', { id: 'week-title' }, 'Week');
  const zoneNote = h('p', { class: 'muted', id: 'week-zone' });
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true });
  const list = h('div', { class: 'days', id: 'week-days', 'aria-labelledby': 'week-title' });
  const navButtons = h(
    'div',
    { class: 'week-nav' },
    h('button', { type: 'button', id: 'prev-week', onclick: () => shift(-7) }, '← Previous week'),
    h('button', { type: 'button', id: 'this-week', onclick: () => go('#/week') }, 'This week'),
    h('button', { type: 'button', id: 'next-week', onclick: () => shift(7) }, 'Next week →'),
  );
  main.replaceChildren(
    h('div', { class: 'page-head' }, h('div', {}, heading, zoneNote), navButtons),
    status,
    list,
  );
  heading.textContent = 'Week';
  list.append(h('p', { class: 'muted' }, 'Loading the week…'));

  function shift(days) {
    const monday = state.monday || mondayOf(isDate(arg) ? arg : todayIn('UTC'));
    go(`#/week/${addDays(monday, days)}`);
  }

  async function load() {
    if (loading) {
      return loading;
    }
    loading = (async () => {
      try {
        if (!state.settings) {
          state.settings = await get('/settings/allocation');
          const zone = state.settings.timeZone || 'UTC';
          state.today = todayIn(zone);
          state.monday = mondayOf(isDate(arg) ? arg : state.today);
          // Project names for the ids, when Clockify's list can be read (once per visit).
          loadProjects().then((catalog) => {
            state.catalog = catalog;
            if (!disposed && state.loaded && !state.openForm) {
              draw();
            }
          });
        }
        const from = state.monday;
        const to = addDays(from, 6);
        const [sessions, range] = await Promise.all([
          get(`/sessions?from=${from}&to=${to}`),
          get(`/days?from=${from}&to=${to}`),
        ]);
        const listed = (range && range.days) || [];
        const details = await Promise.all(
          listed.map((d) => get(`/days/${d.date}`).catch(() => d)),
        );
        // A dry-run day shows the calls it would make: they are in the sync history's runs.
        const dry = details.some((d) => d.sync && d.sync.dryRun);
        const history = dry ? await get(`/sync/history?from=${from}&to=${to}`).catch(() => null) : null;
        state.runs = (history && history.runs) || [];
        state.sessions = (sessions && sessions.sessions) || [];
        state.days = new Map(details.map((d) => [d.date, d]));
        state.loaded = true;
        // An open session form is never redrawn under the user's hands; closing it redraws.
        if (!disposed && !state.openForm) {
          draw();
          if (status.dataset.kind === 'load-error') {
            say(status, '');
            delete status.dataset.kind;
          }
        }
      } catch (e) {
        if (!disposed && !(e instanceof ApiError && e.status === 401)) {
          say(status, `Could not load the week: ${e.message}`, 'error');
          status.dataset.kind = 'load-error';
          if (!state.loaded) {
            list.replaceChildren(
              h('button', { type: 'button', onclick: () => load() }, 'Try again'),
            );
          }
        }
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  /** Reloads a few times after a change: the pipeline is asynchronous (202 Accepted). */
  function refreshSoon() {
    for (const delay of AFTER_CHANGE_MS) {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!state.openForm) {
          load();
        }
      }, delay);
      timers.add(t);
    }
  }

  const ticker = setInterval(() => {
    if (document.visibilityState === 'visible' && !state.openForm) {
      load();
    }
  }, AUTO_REFRESH_MS);

  function draw() {
    const zone = state.settings.timeZone || 'UTC';
    heading.textContent = `Week of ${longDate(state.monday)}`;
    zoneNote.textContent = `Monday to Sunday, times in ${zone}.`;
    const focusKey = document.activeElement && document.activeElement.dataset.focusKey;
    const cards = [];
    for (let i = 0; i < 7; i += 1) {
      cards.push(dayCard(addDays(state.monday, i)));
    }
    list.replaceChildren(...cards);
    if (focusKey) {
      const again = list.querySelector(`[data-focus-key="${focusKey}"]`);
      if (again) {
        again.focus();
      }
    }
  }

  function isWorkday(date) {
    const s = state.settings;
    const day = state.days.get(date);
    if (day && typeof day.workday === 'boolean') {
      return day.workday;
    }
    const holidays = s.holidays || [];
    return (s.workdays || []).includes(weekdayOf(date)) && !holidays.includes(date);
  }

  function sessionsOn(date) {
    const zone = state.settings.timeZone || 'UTC';
    return state.sessions
      .map((s) => {
        const start = wallClock(Date.parse(s.start), zone);
        // An end exactly at midnight belongs to the day before.
        const end = wallClock(Date.parse(s.end) - 1, zone);
        return { s, start, end };
      })
      .filter(({ start, end }) => start.date <= date && end.date >= date)
      .sort((a, b) => Date.parse(a.s.start) - Date.parse(b.s.start));
  }

  function dayCard(date) {
    const day = state.days.get(date);
    const statusValue = day ? day.status : 'NO_SESSIONS';
    const today = date === state.today;
    const workday = isWorkday(date);
    const titleId = uid('day');
    const sessions = sessionsOn(date);
    const card = h('section', {
      class: `day${today ? ' today' : ''}${workday ? '' : ' off'}`,
      'aria-labelledby': titleId,
      'aria-current': today ? 'date' : null,
      dataset: { date, status: statusValue },
    });

    const badges = h(
      'div',
      { class: 'badges' },
      today ? h('span', { class: 'badge badge-today' }, 'Today') : null,
      workday ? null : h('span', { class: 'badge badge-off' }, 'Not a work day'),
      h(
        'span',
        { class: `badge status status-${statusValue.toLowerCase()}`, dataset: { role: 'status' } },
        STATUS_TEXT[statusValue] || statusValue,
      ),
      day && day.sync && day.sync.dryRun ? h('span', { class: 'badge' }, 'Dry run') : null,
      day && day.lateChanges ? h('span', { class: 'badge badge-warn' }, 'Late changes') : null,
      day && day.outdated ? h('span', { class: 'badge badge-warn' }, 'Outdated') : null,
    );
    // A synced past day a settings change left alone: it shows what Clockify holds.
    const outdated =
      day && day.outdated
        ? h(
            'p',
            { class: 'notice notice-warn outdated', dataset: { role: 'outdated' } },
            'Your settings changed after this day was synced: it still shows what Clockify holds. ',
            h('a', { href: `#/settings/replan/${date}` }, 'Apply to past days…'),
          )
        : null;
    const lastError =
      day && day.sync && day.sync.lastError
        ? h(
            'div',
            { class: 'last-error', dataset: { role: 'last-error' } },
            reasonsWithAdvice(day.sync.lastError, statusValue).map(({ reason, advice }, i) =>
              h(
                'p',
                {},
                reason ? `${i === 0 ? 'Last error: ' : ''}${reason}.` : null,
                advice ? h('span', { class: 'advice' }, ` What to do: ${advice}`) : null,
              ),
            ),
          )
        : null;

    const actions = h('div', { class: 'day-actions' });
    if (statusValue === 'AWAITING_APPROVAL') {
      actions.append(
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            dataset: { action: 'approve', focusKey: `approve-${date}` },
            onclick: (e) => dayAction(e.currentTarget, date, 'approve', 'Approved'),
          },
          'Approve',
        ),
      );
    }
    if (day) {
      actions.append(
        h(
          'button',
          {
            type: 'button',
            dataset: { action: 'resync', focusKey: `resync-${date}` },
            onclick: (e) => dayAction(e.currentTarget, date, 'resync', 'Re-sync requested'),
          },
          'Re-sync',
        ),
      );
    }
    const formSlot = h('div', { class: 'form-slot' });
    actions.append(
      h(
        'button',
        {
          type: 'button',
          dataset: { action: 'add-session', focusKey: `add-${date}` },
          onclick: () => openSessionForm(formSlot, date, null),
        },
        'Add session',
      ),
    );

    append(
      card,
      h(
        'header',
        { class: 'day-head' },
        h('h2', { id: titleId }, dayLabel(date)),
        badges,
      ),
      lastError,
      outdated,
      h(
        'div',
        { class: 'day-body' },
        sessionsBlock(date, day, sessions, formSlot),
        planBlock(date, day),
      ),
      conflictsBlock(day),
      dryRunBlock(date, day),
      actions,
      formSlot,
    );
    return card;
  }

  function sessionsBlock(date, day, sessions, formSlot) {
    const block = h('div', { class: 'sessions' }, h('h3', {}, 'Sessions'));
    if (!sessions.length) {
      block.append(h('p', { class: 'muted' }, 'No sessions.'));
      return block;
    }
    const zone = state.settings.timeZone || 'UTC';
    const keyRules = new Map();
    for (const bucket of (day && day.buckets) || []) {
      for (const k of bucket.keys || []) {
        keyRules.set(k.projectKey, { rule: k.rule, projectId: bucket.projectId, bucket: bucket.bucket });
      }
    }
    const byKey = new Map();
    for (const item of sessions) {
      const key = item.s.projectKey;
      if (!byKey.has(key)) {
        byKey.set(key, []);
      }
      byKey.get(key).push(item);
    }
    const groups = h('ul', { class: 'key-groups' });
    for (const [key, items] of byKey) {
      let seconds = 0;
      for (const { s } of items) {
        const dayStart = Date.parse(zonedIso(date, 0, zone));
        const dayEnd = Date.parse(zonedIso(addDays(date, 1), 0, zone));
        seconds += Math.max(0, Math.min(Date.parse(s.end), dayEnd) - Math.max(Date.parse(s.start), dayStart)) / 1000;
      }
      const mapped = keyRules.get(key);
      const sessionItems = items.map(({ s, start, end }) =>
        h(
          'li',
          { class: 'session', dataset: { sessionId: s.id } },
          h(
            'span',
            { class: 'session-time' },
            `${start.date === date ? hhmm(start.minutes) : `${dayLabel(start.date)} ${hhmm(start.minutes)}`}–${
              end.date === date ? hhmm(Math.ceil(end.minutes)) : `${dayLabel(end.date)} ${hhmm(Math.ceil(end.minutes))}`
            }`,
          ),
          s.title ? h('span', { class: 'session-title' }, s.title) : null,
          s.source && s.source !== 'rest' ? h('span', { class: 'muted small' }, s.source) : null,
          h(
            'button',
            {
              type: 'button',
              class: 'small-button',
              dataset: { action: 'edit-session', focusKey: `edit-${s.id}-${date}` },
              'aria-label': `Edit session ${key} ${hhmm(start.minutes)}`,
              onclick: () => openSessionForm(formSlot, date, s),
            },
            'Edit',
          ),
        ),
      );
      groups.append(
        h(
          'li',
          { class: 'key-group', dataset: { projectKey: key } },
          h(
            'div',
            { class: 'key-line' },
            h('span', { class: 'project-key' }, key),
            h('span', { class: 'muted' }, duration(seconds)),
            mapped
              ? h(
                  'span',
                  { class: 'key-rule', dataset: { role: 'key-rule' } },
                  `→ ${projectLabel(state.catalog, mapped.projectId, mapped.bucket)} · ${mapped.rule}`,
                )
              : null,
          ),
          h('ul', { class: 'session-list' }, sessionItems),
        ),
      );
    }
    block.append(groups);
    return block;
  }

  function planBlock(date, day) {
    const block = h('div', { class: 'plan' }, h('h3', {}, 'Planned entries'));
    const plan = day && day.plan;
    const entries = (plan && plan.entries) || [];
    // The user's own Clockify entries (not written by Focus Sync): plans are made around them.
    const own = (day && day.manualEntries) || [];
    if (!entries.length && !own.length) {
      block.append(h('p', { class: 'muted' }, day ? 'No entries planned.' : 'Nothing to plan.'));
      return block;
    }
    const zone = state.settings.timeZone || 'UTC';
    let from = parseHhMm(state.settings.workdayStart) ?? 540;
    let to = parseHhMm(state.settings.workdayEnd) ?? 1020;
    const place = (e) => {
      const s = wallClock(Date.parse(e.start), zone);
      const t = wallClock(Date.parse(e.end), zone);
      const start = s.date < date ? 0 : s.minutes;
      const end = t.date > date ? 1440 : t.minutes;
      from = Math.min(from, start);
      to = Math.max(to, end);
      return { e, start, end };
    };
    const placed = entries.map(place);
    const ownPlaced = own.map(place);
    const span = Math.max(1, to - from);
    const shares = new Map();
    for (const b of (day && day.buckets) || []) {
      shares.set(b.bucket, b);
    }
    const bar = h('ol', {
      class: 'bar',
      'aria-label': `Planned entries from ${hhmm(from)} to ${hhmm(to)}`,
      dataset: { role: 'plan-bar' },
    });
    const legend = h('ul', { class: 'legend', dataset: { role: 'plan-legend' } });
    for (const { e, start, end } of placed) {
      const color = colorFor(colorKey(e));
      const label = projectLabel(state.catalog, e.projectId, e.slot);
      const time = `${hhmm(start)}–${hhmm(end)}`;
      const bucket = shares.get(e.slot);
      bar.append(
        h(
          'li',
          {
            class: 'segment',
            title: `${label} ${time}`,
            style: {
              left: `${((start - from) / span) * 100}%`,
              width: `${((end - start) / span) * 100}%`,
              background: color,
            },
            dataset: { slot: e.slot, projectId: e.projectId || '' },
          },
          h('span', { class: 'visually-hidden' }, `${label} ${time}`),
        ),
      );
      legend.append(
        h(
          'li',
          { dataset: { slot: e.slot } },
          h('span', { class: 'swatch', style: { background: color }, 'aria-hidden': 'true' }),
          h('span', { class: 'entry-time' }, time),
          h('span', { class: 'entry-project' }, label),
          h('span', { class: 'muted' }, duration((end - start) * 60)),
          bucket
            ? h('span', { class: 'entry-share', dataset: { role: 'share' } }, `${formatShare(bucket.share)}`)
            : null,
          bucket && bucket.rule ? h('span', { class: 'muted small entry-rule' }, bucket.rule) : null,
          e.description ? h('span', { class: 'muted small' }, `“${e.description}”`) : null,
        ),
      );
    }
    const ownList = h('ul', { class: 'legend own-entries', dataset: { role: 'own-entries' } });
    for (const { start, end } of ownPlaced) {
      const time = `${hhmm(start)}–${hhmm(end)}`;
      bar.prepend(
        h(
          'li',
          {
            class: 'own-segment',
            title: `Your own Clockify entry ${time}`,
            style: { left: `${((start - from) / span) * 100}%`, width: `${((end - start) / span) * 100}%` },
          },
          h('span', { class: 'visually-hidden' }, `Your own Clockify entry ${time}`),
        ),
      );
      ownList.append(
        h(
          'li',
          { class: 'own-entry' },
          h('span', { class: 'swatch own-swatch', 'aria-hidden': 'true' }),
          h('span', { class: 'entry-time' }, time),
          h('span', { class: 'entry-project' }, 'Your own Clockify entry'),
          h('span', { class: 'muted' }, duration((end - start) * 60)),
        ),
      );
    }
    const meta = [];
    if (plan && plan.mode) {
      meta.push(plan.mode === 'ACTUAL' ? 'Actual times' : 'Normalized to the work day');
    }
    if (plan) {
      meta.push(plan.revision ? `revision ${plan.revision}` : 'not pushed yet');
    }
    if (day.sync) {
      meta.push(`applied revision ${day.sync.appliedRevision}`);
    }
    if (own.length) {
      meta.push('planned around your own entries');
    }
    append(
      block,
      h('p', { class: 'muted small' }, meta.join(' · ')),
      bar,
      h('div', { class: 'bar-axis', 'aria-hidden': 'true' }, h('span', {}, hhmm(from)), h('span', {}, hhmm(to))),
      entries.length ? legend : null,
      own.length ? ownList : null,
    );
    return block;
  }

  /** In ACTUAL mode: sessions that overlap the user's own Clockify entries. */
  function conflictsBlock(day) {
    const conflicts = (day && day.conflicts) || [];
    if (!conflicts.length) {
      return null;
    }
    const zone = state.settings.timeZone || 'UTC';
    const at = (iso) => (iso ? hhmm(wallClock(Date.parse(iso), zone).minutes) : '?');
    return h(
      'div',
      { class: 'notice notice-warn conflicts', dataset: { role: 'conflicts' } },
      h('p', {}, `${conflicts.length === 1 ? 'A session overlaps' : `${conflicts.length} sessions overlap`} your own Clockify entries:`),
      h(
        'ul',
        {},
        conflicts.map((c) =>
          h(
            'li',
            {},
            typeof c === 'string'
              ? c
              : [
                  c.start || c.end ? `${at(c.start)}–${at(c.end)}` : null,
                  c.projectKey ? ` ${c.projectKey}` : null,
                  c.reason || c.message ? ` ${c.reason || c.message}` : null,
                ],
          ),
        ),
      ),
    );
  }

  /** A day applied in a dry run: the Clockify calls of its newest dry run, collapsed. */
  function dryRunBlock(date, day) {
    if (!day || !day.sync || !day.sync.dryRun) {
      return null;
    }
    const run = newestDryRun(state.runs, date);
    if (!run) {
      return null;
    }
    const count = (run.calls || []).length;
    const details = h(
      'details',
      { class: 'dry-run', dataset: { role: 'dry-run' }, open: state.openCalls.has(date) },
      h(
        'summary',
        { dataset: { focusKey: `calls-${date}` } },
        `Dry run of revision ${run.revision}: ${count === 1 ? '1 Clockify call' : `${count} Clockify calls`} it would make`,
      ),
      callList(run),
    );
    // Kept open across the refreshes that redraw the week.
    details.addEventListener('toggle', () => {
      if (details.open) {
        state.openCalls.add(date);
      } else {
        state.openCalls.delete(date);
      }
    });
    return details;
  }

  async function dayAction(button, date, action, doneText) {
    button.disabled = true;
    try {
      await post(`/days/${date}/${action}`);
      say(status, `${doneText} for ${dayLabel(date)}.`, 'ok');
      refreshSoon();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        say(status, `${dayLabel(date)}: ${e.message}`, 'error');
      }
    } finally {
      button.disabled = false;
    }
  }

  function openSessionForm(slot, date, session) {
    closeForm(false, false);
    const zone = state.settings.timeZone || 'UTC';
    const startText = session ? timeText(session.start, date, zone) : '';
    const endText = session ? timeText(session.end, date, zone) : '';
    const key = h('input', { type: 'text', name: 'projectKey', value: session ? session.projectKey : '', autocomplete: 'off' });
    const start = h('input', { type: 'text', name: 'start', value: startText, inputmode: 'numeric', placeholder: '09:00', autocomplete: 'off' });
    const end = h('input', { type: 'text', name: 'end', value: endText, inputmode: 'numeric', placeholder: '10:30', autocomplete: 'off' });
    const title = h('input', { type: 'text', name: 'title', value: session ? session.title || '' : '', autocomplete: 'off' });
    const timeHint = `HH:mm on ${dayLabel(date)}, or YYYY-MM-DD HH:mm`;
    const save = h('button', { type: 'submit', class: 'primary' }, session ? 'Save session' : 'Add session');
    const form = h(
      'form',
      { class: 'session-form', novalidate: true, dataset: { date } },
      h('h3', {}, session ? `Edit session (${session.id})` : `New session on ${dayLabel(date)}`),
      h(
        'div',
        { class: 'grid-fields' },
        field('Project key', key, { field: 'projectKey' }),
        field('Title (optional)', title, { field: 'title' }),
        field('Start', start, { field: 'start', hint: timeHint }),
        field('End', end, { field: 'end', hint: timeHint }),
      ),
      h(
        'div',
        { class: 'actions' },
        save,
        session
          ? h(
              'button',
              { type: 'button', class: 'danger', dataset: { action: 'delete-session' }, onclick: () => remove() },
              'Delete session',
            )
          : null,
        h('button', { type: 'button', onclick: () => closeForm(true) }, 'Cancel'),
      ),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const local = [];
      const startIso = toIso(start.value, date, zone, 'start', local);
      const endIso = toIso(end.value, date, zone, 'end', local);
      if (local.length) {
        showErrors(form, local, 'Please fix the times.');
        return;
      }
      const body = { projectKey: key.value, start: startIso, end: endIso };
      if (title.value.trim()) {
        body.title = title.value;
      }
      if (session && session.trackedSeconds) {
        // the tracker's active time stays, at most the edited span
        const span = Math.floor((Date.parse(endIso) - Date.parse(startIso)) / 1000);
        if (span >= 1) {
          body.trackedSeconds = Math.min(session.trackedSeconds, span);
        }
      }
      save.disabled = true;
      try {
        if (session) {
          await put(`/sessions/${seg(session.id)}`, body);
        } else {
          await post('/sessions', body);
        }
        closeForm();
        say(status, session ? 'Session saved; the plan will follow.' : 'Session added; the plan will follow.', 'ok');
        refreshSoon();
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 401)) {
          showErrors(form, e instanceof ApiError ? e.errors : [], e.message);
        }
      } finally {
        save.disabled = false;
      }
    });

    async function remove() {
      try {
        await del(`/sessions/${seg(session.id)}`);
        closeForm();
        say(status, 'Session deleted; the plan will follow.', 'ok');
        refreshSoon();
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 401)) {
          showErrors(form, e instanceof ApiError ? e.errors : [], e.message);
        }
      }
    }

    slot.replaceChildren(form);
    state.openForm = { form, slot, date };
    key.focus();
  }

  function closeForm(restoreFocus, redraw = true) {
    if (!state.openForm) {
      return;
    }
    const { slot, date } = state.openForm;
    slot.replaceChildren();
    state.openForm = null;
    if (redraw && state.loaded) {
      draw();
    }
    if (restoreFocus) {
      const button = list.querySelector(`[data-focus-key="add-${date}"]`);
      if (button) {
        button.focus();
      }
    }
  }

  load();

  return () => {
    disposed = true;
    clearInterval(ticker);
    for (const t of timers) {
      clearTimeout(t);
    }
  };
}

function timeText(iso, date, zone) {
  const w = wallClock(Date.parse(iso), zone);
  return w.date === date ? hhmm(w.minutes) : `${w.date} ${hhmm(w.minutes)}`;
}

/** 'HH:mm' on the card's date or 'YYYY-MM-DD HH:mm' → RFC 3339 in the user's zone. */
function toIso(text, date, zone, name, problems) {
  const value = (text || '').trim();
  if (!value) {
    return null; // the server says "is required"
  }
  const full = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})$/.exec(value);
  const day = full ? full[1] : date;
  const minutes = parseHhMm(full ? full[2] : value);
  if (minutes === null || !isDate(day)) {
    problems.push({ field: name, message: 'must be a time HH:mm or a date and time YYYY-MM-DD HH:mm' });
    return null;
  }
  return zonedIso(day, minutes, zone);
}

function formatShare(share) {
  return `${(Math.round(share * 1000) / 10).toString()}%`;
}

function colorKey(entry) {
  if (entry.slot === 'other' || (entry.slot || '').startsWith('project:')) {
    return entry.slot;
  }
  return entry.projectId ? `project:${entry.projectId}` : 'other';
}

/** A stable colour per bucket; Other is grey. */
function colorFor(key) {
  if (key === 'other') {
    return 'hsl(220 8% 62%)';
  }
  let hash = 0;
  for (const ch of key) {
    hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  }
  return `hsl(${hash % 360} 62% 48%)`;
}
