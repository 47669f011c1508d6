// The user's Clockify projects (GET /api/v1/clockify/projects), to pick them by name and to show
// names instead of ids. When the list cannot be read, the pickers fall back to typing an id and
// say why.

import { ApiError, get } from './api.js';
import { h } from './dom.js';

/**
 * Reads the projects: resolves with a catalog {projects, byId, error}; never rejects. `error` is
 * the reason the list could not be read (a sentence), null when it was.
 */
export async function loadProjects() {
  try {
    const answer = await get('/clockify/projects');
    const projects = ((answer && answer.projects) || []).filter((p) => p && p.id);
    projects.sort((a, b) => String(a.name).localeCompare(String(b.name)));
    const error = projects.some((p) => !p.archived)
      ? null
      : 'Your Clockify workspace has no active project to choose. Type project ids instead.';
    return { projects, byId: new Map(projects.map((p) => [p.id, p])), error };
  } catch (e) {
    return { projects: [], byId: new Map(), error: unavailable(e) };
  }
}

/** A catalog that knows no project (before it is read, or where it is not needed). */
export const NO_PROJECTS = { projects: [], byId: new Map(), error: null };

function unavailable(e) {
  const why = e instanceof ApiError ? `${e.status ? `${e.status}: ` : ''}${e.message}` : String(e);
  const lead = {
    404: 'Clockify is not connected, so its projects cannot be listed',
    409: 'The Clockify connection has no key that can read projects (a dry run without a key)',
    503: 'Clockify could not be reached to list the projects',
  }[e instanceof ApiError ? e.status : -1] || 'Your Clockify projects could not be read';
  return `${lead} (${why}). Type project ids instead.`;
}

/** "Name · Client", "Name · Client (archived)", or the id itself when the project is unknown. */
export function projectName(catalog, id) {
  const p = id ? catalog.byId.get(id) : null;
  if (!p) {
    return id || '';
  }
  const client = p.clientName ? ` · ${p.clientName}` : '';
  return `${p.name}${client}${p.archived ? ' (archived)' : ''}`;
}

/** A project's name where Clockify's list is known (else its id); Other for the other bucket. */
export function projectLabel(catalog, projectId, slot) {
  const name = projectName(catalog, projectId);
  if (slot === 'other') {
    return projectId ? `Other (${name})` : 'Other';
  }
  return name || 'Other';
}

/**
 * A project chooser whose `.value` is the project id: a select of the active projects by name
 * when the list is known (an archived or unknown id already saved stays, marked, but is not
 * offered for a new choice), else a text input for the id. `attrs` go on the element (name,
 * dataset…).
 */
export function projectPicker(catalog, value, attrs, emptyLabel = 'No project') {
  if (catalog.error || !catalog.projects.length) {
    return h('input', { type: 'text', value: value || '', autocomplete: 'off', spellcheck: 'false', ...attrs });
  }
  const options = [h('option', { value: '' }, `— ${emptyLabel} —`)];
  const current = value ? catalog.byId.get(value) : null;
  if (value && (!current || current.archived)) {
    const label = current ? projectName(catalog, value) : `Unknown project ${value}`;
    options.push(h('option', { value, disabled: true, dataset: { kept: 'true' } }, `${label} — choose another`));
  }
  for (const p of catalog.projects) {
    if (!p.archived) {
      options.push(h('option', { value: p.id }, projectName(catalog, p.id)));
    }
  }
  const select = h('select', { ...attrs, dataset: { ...(attrs.dataset || {}), picker: 'projects' } }, options);
  select.value = value || '';
  return select;
}

/** Why the pickers are text inputs, as a notice; null when the list is known. */
export function catalogNotice(catalog, id = 'projects-unavailable') {
  if (!catalog.error) {
    return null;
  }
  return h('p', { class: 'notice notice-warn', id }, catalog.error);
}
