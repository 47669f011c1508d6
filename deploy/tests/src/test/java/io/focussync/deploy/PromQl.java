package io.focussync.deploy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names and selector labels of PromQL expressions, as far as a dashboard's queries need:
 * selectors, functions, aggregations with by/without, binary operators and Grafana variables.
 */
final class PromQl {

  private static final Pattern STRING =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern SELECTOR =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "inf",
          "nan");

  private PromQl() {}

  /** Every metric name an expression reads (a Grafana label_values(...) query included). */
  static Set<String> metricNames(String expr) {
    Set<String> names = new LinkedHashSet<>();
    Matcher labelValues = LABEL_VALUES.matcher(expr);
    if (labelValues.find()) {
      names.add(labelValues.group(1));
      return names;
    }
    String s = STRING.matcher(expr).replaceAll("\"\"");
    s = MATCHERS.matcher(s).replaceAll(" ");
    s = RANGE.matcher(s).replaceAll(" ");
    s = GROUPING.matcher(s).replaceAll(" ");
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      String token = m.group();
      boolean variable = m.start() > 0 && s.charAt(m.start() - 1) == '$';
      boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
      String rest = s.substring(m.end()).stripLeading();
      boolean function = rest.startsWith("(");
      if (!variable && !number && !function && !KEYWORDS.contains(token.toLowerCase())) {
        names.add(token);
      }
    }
    return names;
  }

  /** The labels each selector of an expression matches on, by metric name. */
  static Map<String, Set<String>> selectorLabels(String expr) {
    Map<String, Set<String>> labels = new LinkedHashMap<>();
    Matcher selector = SELECTOR.matcher(STRING.matcher(expr).replaceAll("\"\""));
    while (selector.find()) {
      Set<String> names = labels.computeIfAbsent(selector.group(1), k -> new LinkedHashSet<>());
      Matcher label = LABEL.matcher(selector.group(2));
      while (label.find()) {
        names.add(label.group(1));
      }
    }
    return labels;
  }
}
