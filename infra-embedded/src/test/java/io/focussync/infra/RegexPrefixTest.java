package io.focussync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexPrefixTest {

  @Test
  void anAnchoredLiteralOrQuotedLiteralIsAPrefix() {
    assertThat(prefix("^" + Pattern.quote("u-1|s|2026-11-20|"), "")).isEqualTo("u-1|s|2026-11-20|");
    assertThat(prefix("^day-", null)).isEqualTo("day-");
    assertThat(prefix("^\\Q\\E", "")).isEmpty();
    assertThat(RegexPrefix.literalPrefix(new Document("$regex", "^abc"))).isEqualTo("abc");
  }

  @Test
  void anythingElseIsNot() {
    assertThat(prefix("day-", "")).isNull();
    assertThat(prefix("^day.", "")).isNull();
    assertThat(prefix("^a|^b", "")).isNull();
    assertThat(prefix("^day-", "i")).isNull();
    assertThat(prefix("^day-", "m")).isNull();
    assertThat(prefix("^" + Pattern.quote("a\\Eb"), "")).isNull();
    assertThat(prefix("^\\Qab\\E.*", "")).isNull();
    assertThat(RegexPrefix.literalPrefix("^abc")).isNull();
    assertThat(RegexPrefix.literalPrefix(new Document("$regex", "^abc").append("$options", "i")))
        .isNull();
  }

  private static String prefix(String pattern, String options) {
    return RegexPrefix.literalPrefix(new BsonRegularExpression(pattern, options));
  }
}
