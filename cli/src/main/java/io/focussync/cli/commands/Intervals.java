package io.focussync.cli.commands;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads an interval: {@code 2s}, {@code 500ms}, {@code 1m}, or plain seconds. */
final class Intervals implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");
  private static final Duration SHORTEST = Duration.ofMillis(100);

  @Override
  public Duration convert(String value) {
    Matcher matcher = FORM.matcher(value.strip());
    if (!matcher.matches()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not an interval like 2s, 500ms or 1m");
    }
    double amount = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    long millis =
        Math.round(
            switch (unit) {
              case "ms" -> amount;
              case "m" -> amount * 60_000;
              default -> amount * 1000;
            });
    Duration interval = Duration.ofMillis(millis);
    if (interval.compareTo(SHORTEST) < 0) {
      throw new CommandLine.TypeConversionException("the interval must be at least 100ms");
    }
    return interval;
  }
}
