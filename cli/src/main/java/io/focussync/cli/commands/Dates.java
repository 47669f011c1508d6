package io.focussync.cli.commands;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads {@code YYYY-MM-DD} (also {@code today}, {@code yesterday}) from the command line. */
final class Dates implements CommandLine.ITypeConverter<LocalDate> {

  @Override
  public LocalDate convert(String value) {
    String text = value.strip();
    if (text.equalsIgnoreCase("today")) {
      return LocalDate.now();
    }
    if (text.equalsIgnoreCase("yesterday")) {
      return LocalDate.now().minusDays(1);
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a date YYYY-MM-DD (or today, yesterday)");
    }
  }
}
