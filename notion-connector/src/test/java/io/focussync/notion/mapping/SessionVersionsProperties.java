package io.focussync.notion.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class SessionVersionsProperties {

  @Property
  void aLaterMinuteAlwaysHasTheGreaterVersion(
      @ForAll @LongRange(min = 0, max = 40_000_000) long minute,
      @ForAll @IntRange(min = 1, max = 10_000) int minutesLater,
      @ForAll @StringLength(min = 64, max = 64) String hashA,
      @ForAll @StringLength(min = 64, max = 64) String hashB) {
    Instant earlier = Instant.ofEpochSecond(minute * 60);
    Instant later = earlier.plusSeconds(60L * minutesLater);
    long first = SessionVersions.derived(earlier, hex(hashA));

    assertThat(SessionVersions.next(later, hex(hashB), first)).isGreaterThan(first);
    assertThat(SessionVersions.derived(later, hex(hashB))).isGreaterThan(first);
  }

  @Property
  void theNextVersionIsAlwaysAboveTheLast(
      @ForAll @LongRange(min = 0, max = 40_000_000) long minute,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 4) long last,
      @ForAll @StringLength(min = 64, max = 64) String hash) {
    assertThat(SessionVersions.next(Instant.ofEpochSecond(minute * 60), hex(hash), last))
        .isGreaterThan(last);
  }

  private static String hex(String any) {
    StringBuilder hex = new StringBuilder();
    for (char c : any.toCharArray()) {
      hex.append(Character.forDigit(Math.abs(c) % 16, 16));
    }
    return hex.toString();
  }
}
