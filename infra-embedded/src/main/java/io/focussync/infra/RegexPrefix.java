package io.focussync.infra;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;

/**
 * The literal prefix an anchored regular expression of a query stands for, if that is all it is.
 */
final class RegexPrefix {

  private static final String META = "\\^$.|?*+()[]{}";

  private RegexPrefix() {}

  /**
   * The prefix of {@code ^literal} or {@code ^\Qliteral\E} (what {@code Pattern.quote} writes)
   * without options; null for any other value or pattern.
   */
  static String literalPrefix(Object queried) {
    if (!BsonRegularExpression.isRegularExpression(queried)) {
      return null;
    }
    BsonRegularExpression regex = BsonRegularExpression.convertToRegularExpression(queried);
    String options = regex.getOptions();
    String pattern = regex.getPattern();
    if ((options != null && !options.isEmpty()) || !pattern.startsWith("^")) {
      return null;
    }
    String rest = pattern.substring(1);
    if (rest.startsWith("\\Q") && rest.endsWith("\\E") && rest.length() >= 4) {
      String quoted = rest.substring(2, rest.length() - 2);
      return quoted.contains("\\E") ? null : quoted;
    }
    for (int i = 0; i < rest.length(); i++) {
      if (META.indexOf(rest.charAt(i)) >= 0) {
        return null;
      }
    }
    return rest;
  }
}
