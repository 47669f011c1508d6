// Where a project key goes, computed in the browser for the settings page's live preview.
//
// The semantics must stay identical to the allocator's (API.md "Settings", DESIGN.md section 1):
//   1. Exact keys first: projectMapping[key] for the whole key, case-sensitive.
//      Reason: projectMapping["<key>"]
//   2. Then the rules in list order; the first rule that matches wins. Reason: rules[<i>] <MATCH> "<pattern>"
//      - PREFIX: the key starts with the pattern (case-sensitive, plain text, no wildcards).
//      - GLOB:   the WHOLE key matches the pattern; `*` is any run of characters (also none),
//                `?` exactly one character; every other character stands for itself (no
//                character classes, no escapes).
//      - REGEX:  the pattern (Java regular-expression syntax) must match the WHOLE key
//                (full match, as if written ^(?:pattern)$), case-sensitive.
//   3. Nothing matched: the key goes to the Other bucket (otherProjectId when set).
//      Reason: no mapping or rule matched: Other
// The reason texts are the ones the allocator puts in GET /days/{date} buckets[].rule.
//
// The browser runs REGEX patterns with JavaScript's engine in unicode mode, which agrees with
// Java's for the common syntax; a Java-only construct (possessive quantifiers, \A, \Z, inline
// flags…) cannot be previewed and is reported as such instead of guessing.

export const UNMAPPED_RULE = 'no mapping or rule matched: Other';

/** Whether REGEX rules must match the whole key (true) or may match anywhere in it. */
export const REGEX_FULL_MATCH = true;

function escapeRegex(text) {
  // Only syntax characters: in unicode mode any other escaped character is an error.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The regular expression (source) of a glob: `*` → any run, `?` → one character. */
export function globToRegex(glob) {
  let out = '';
  for (const ch of Array.from(glob)) {
    if (ch === '*') {
      out += '.*';
    } else if (ch === '?') {
      out += '.';
    } else {
      out += escapeRegex(ch);
    }
  }
  return out;
}

/** Compiles a rule's matcher: returns {test(key)} or {error: message}. */
export function compileRule(rule) {
  const pattern = rule.pattern || '';
  switch (rule.match) {
    case 'PREFIX':
      return { test: (key) => key.startsWith(pattern) };
    case 'GLOB': {
      const re = new RegExp(`^(?:${globToRegex(pattern)})$`, 'u');
      return { test: (key) => re.test(key) };
    }
    case 'REGEX': {
      try {
        const source = REGEX_FULL_MATCH ? `^(?:${pattern})$` : pattern;
        const re = new RegExp(source, 'u');
        return { test: (key) => re.test(key) };
      } catch (e) {
        // The engine's message quotes our wrapper (/^(?:…)$/u); keep only its reason.
        const reason = String(e.message).split(': ').pop();
        return { error: `invalid regular expression (${reason})` };
      }
    }
    default:
      return { error: `unknown match type ${rule.match}` };
  }
}

/**
 * Maps a key: {projectId (null for Other), rule, problems: [rule errors met on the way]}.
 * `mapping` is {key: projectId}, `rules` is [{match, pattern, projectId}].
 */
export function mapKey(key, mapping, rules) {
  const problems = [];
  if (Object.prototype.hasOwnProperty.call(mapping || {}, key) && mapping[key]) {
    return { projectId: mapping[key], rule: `projectMapping["${key}"]`, problems };
  }
  const list = rules || [];
  for (let i = 0; i < list.length; i += 1) {
    const rule = list[i];
    if (!rule.pattern) {
      continue;
    }
    const compiled = compileRule(rule);
    if (compiled.error) {
      problems.push(`rules[${i}]: ${compiled.error}`);
      continue;
    }
    if (compiled.test(key)) {
      return {
        projectId: rule.projectId || null,
        rule: `rules[${i}] ${rule.match} "${rule.pattern}"`,
        problems,
      };
    }
  }
  return { projectId: null, rule: UNMAPPED_RULE, problems };
}
