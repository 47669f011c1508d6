// What the sync's reasons mean for the user (GET /sync/history runs, a day's sync.lastError, the
// connection's attention) and the Clockify calls a dry run would make.

import { h } from './dom.js';

// [pattern of the connector's reason, what to do]. The first match wins.
const ADVICE = [
  [
    /refused the API key|Api key does not exist|\(401\)/i,
    'Clockify no longer accepts the API key: save a new key on the Connections page. The waiting days are pushed once it is accepted.',
  ],
  [
    /is locked \(403\)|locked/i,
    'The entry is in a period locked or approved in Clockify: nothing will be written to it. Unlock the period in Clockify and re-sync the day if it must change.',
  ],
  [
    /^drift|deleted in Clockify/i,
    'The entry was deleted in Clockify: re-sync the day to recreate it, or leave it if it was deleted on purpose.',
  ],
  [
    /refused to create the entry/i,
    'Check that the project still exists and is active in Clockify (Settings → project mapping), and the workspace’s required fields; then re-sync the day.',
  ],
  [
    /refused the change of entry/i,
    'Look at the entry in Clockify (it may be locked or changed by hand), then re-sync the day.',
  ],
  [
    /refused a call the sync needs|\(403\)|Access Denied/i,
    'The key may not do this in the workspace: check its permissions in Clockify, then re-sync the day.',
  ],
  [
    /consistency window/i,
    'Nothing to do: Focus Sync waits a few seconds before checking what Clockify stored.',
  ],
  [
    /\b(429|5\d\d)\b|too many requests|timed? ?out|could not be reached|connection/i,
    'Clockify was unavailable or busy: Focus Sync retries by itself.',
  ],
];

const CLOSED_ADVICE =
  'The day is before the “Closed before” date of your settings: it is locked, and nothing more will be written to Clockify for it.';

/** What to do about a reason (null when there is no reason and the status needs nothing). */
export function adviceFor(reason, status) {
  if (status === 'CLOSED') {
    return CLOSED_ADVICE;
  }
  if (!reason) {
    return null;
  }
  for (const [pattern, advice] of ADVICE) {
    if (pattern.test(reason)) {
      return advice;
    }
  }
  return 'Fix the cause shown, then re-sync the day.';
}

/**
 * A reason as [{reason, advice}], one per distinct advice. The connector joins the reasons of a
 * day's entries with "; ", and a reason may itself hold "; " ("… was deleted in Clockify; a resync
 * recreates it"), so only a "; " before the start of another reason splits.
 */
export function reasonsWithAdvice(text, status) {
  const parts = (text || '').split(/;\s+(?=entry |drift: |Clockify )/).filter(Boolean);
  if (!parts.length) {
    const advice = adviceFor(null, status);
    return advice ? [{ reason: null, advice }] : [];
  }
  const seen = new Map();
  for (const reason of parts) {
    const advice = adviceFor(reason, status);
    if (seen.has(advice)) {
      seen.get(advice).reason += `; ${reason}`;
    } else {
      seen.set(advice, { reason, advice });
    }
  }
  return [...seen.values()];
}

/** The newest dry-run run of a date among history runs, or null. */
export function newestDryRun(runs, date) {
  let best = null;
  for (const run of runs || []) {
    if (run.date === date && run.dryRun && (!best || newer(run, best))) {
      best = run;
    }
  }
  return best;
}

function newer(a, b) {
  return a.revision !== b.revision ? a.revision > b.revision : Date.parse(a.at) > Date.parse(b.at);
}

function prettyBody(body) {
  if (!body) {
    return null;
  }
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch (e) {
    return body;
  }
}

/** The calls of a dry run, in order: method, path and body. */
export function callList(run) {
  const calls = run.calls || [];
  if (!calls.length) {
    return h('p', { class: 'muted small' }, 'No call: Clockify already holds this plan.');
  }
  return h(
    'ol',
    { class: 'calls', dataset: { role: 'dry-run-calls' } },
    calls.map((c) =>
      h(
        'li',
        { class: 'call' },
        h('code', { class: 'call-line' }, h('span', { class: 'call-method' }, c.method), ' ', c.path),
        c.body ? h('pre', { class: 'call-body' }, prettyBody(c.body)) : null,
      ),
    ),
  );
}

/** The Clockify connection's own attention (a refused key) with what to do; null when fine. */
export function connectionAttention(view) {
  if (!view || view.status !== 'NEEDS_ATTENTION') {
    return null;
  }
  const reason = view.attention || 'Clockify refused the API key.';
  return h(
    'div',
    { class: 'notice notice-error attention-banner', role: 'alert', id: 'connection-attention' },
    h('strong', {}, 'Clockify needs attention: '),
    h('span', { dataset: { role: 'reason' } }, reason),
    ' ',
    h('span', { class: 'advice' }, `What to do: ${adviceFor(reason)}`),
    ' ',
    h('a', { href: '#/connections' }, 'Open Connections'),
  );
}
