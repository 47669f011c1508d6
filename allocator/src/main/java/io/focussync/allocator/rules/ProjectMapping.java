package io.focussync.allocator.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's project-key mapping, compiled once: exact keys win, then the rules in list order; a key
 * nothing matches goes to Other. Patterns run on RE2/J, whose matching time is linear in the key,
 * so no pattern a user writes can stall the allocator.
 */
public final class ProjectMapping {

  public static final String UNMAPPED_RULE = "no mapping or rule matched: Other";

  /** The longest pattern a rule may have. */
  public static final int MAX_PATTERN_LENGTH = 200;

  private final Map<String, String> exact;
  private final List<MappingRule> rules;
  private final List<Pattern> compiled;

  private ProjectMapping(Map<String, String> exact, List<MappingRule> rules) {
    this.exact = Map.copyOf(exact);
    this.rules = List.copyOf(rules);
    this.compiled = new ArrayList<>(rules.size());
    for (MappingRule rule : rules) {
      compiled.add(compile(rule));
    }
  }

  /** Compiles a mapping; throws {@link PatternSyntaxException} for an invalid pattern. */
  public static ProjectMapping of(Map<String, String> exact, List<MappingRule> rules) {
    return new ProjectMapping(exact == null ? Map.of() : exact, rules == null ? List.of() : rules);
  }

  /** Why a rule's pattern cannot be compiled, empty when it can. */
  public static Optional<String> problemOf(MappingRule rule) {
    if (rule.pattern() != null && rule.pattern().length() > MAX_PATTERN_LENGTH) {
      return Optional.of("is longer than " + MAX_PATTERN_LENGTH + " characters");
    }
    try {
      compile(rule);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of("invalid regular expression: " + e.getDescription());
    }
  }

  /** Where the key goes and which rule sent it there. */
  public KeyMapping map(String projectKey) {
    String key = projectKey == null ? "" : projectKey;
    String exactProject = exact.get(key);
    if (exactProject != null) {
      return new KeyMapping(exactProject, "projectMapping[\"" + key + "\"]");
    }
    for (int i = 0; i < rules.size(); i++) {
      MappingRule rule = rules.get(i);
      if (matches(rule, compiled.get(i), key)) {
        return new KeyMapping(
            rule.projectId(), "rules[" + i + "] " + rule.match() + " \"" + rule.pattern() + "\"");
      }
    }
    return new KeyMapping(null, UNMAPPED_RULE);
  }

  private static boolean matches(MappingRule rule, Pattern pattern, String key) {
    switch (rule.match()) {
      case PREFIX:
        return key.startsWith(rule.pattern());
      case GLOB:
      case REGEX:
        // both match the whole key, as the dashboard's preview does
        return pattern.matcher(key).matches();
      default:
        throw new IllegalStateException("unknown match " + rule.match());
    }
  }

  private static Pattern compile(MappingRule rule) {
    switch (rule.match()) {
      case GLOB:
        return Pattern.compile(globToRegex(rule.pattern()));
      case REGEX:
        return Pattern.compile(rule.pattern());
      default:
        return null;
    }
  }

  static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return regex.toString();
  }
}
