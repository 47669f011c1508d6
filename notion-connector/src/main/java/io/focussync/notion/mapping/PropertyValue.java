package io.focussync.notion.mapping;

import java.math.BigDecimal;
import java.util.List;

/**
 * One property value of a page, already parsed from Notion's JSON into a neutral shape.
 *
 * @param type Notion's property type, e.g. {@code title}, {@code select}, {@code relation}
 * @param text the value as text (joined rich text, select name, url, formula string), or null
 * @param items list values (multi-select names, relation page ids, people ids), never null
 * @param date a date value, or null
 * @param checked a checkbox (or boolean formula) value, or null
 * @param number a number (or number formula) value, or null
 */
public record PropertyValue(
    String type,
    String text,
    List<String> items,
    DateValue date,
    Boolean checked,
    BigDecimal number) {

  public PropertyValue {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** A text-like value. */
  public static PropertyValue ofText(String type, String text) {
    return new PropertyValue(type, text, List.of(), null, null, null);
  }

  /** A list-like value. */
  public static PropertyValue ofItems(String type, List<String> items) {
    return new PropertyValue(type, null, items, null, null, null);
  }

  /** A date value (null when the date is empty). */
  public static PropertyValue ofDate(String type, DateValue date) {
    return new PropertyValue(type, null, List.of(), date, null, null);
  }

  /** A checkbox value. */
  public static PropertyValue ofChecked(String type, Boolean checked) {
    return new PropertyValue(type, null, List.of(), null, checked, null);
  }

  /** A number value. */
  public static PropertyValue ofNumber(String type, BigDecimal number) {
    return new PropertyValue(type, null, List.of(), null, null, number);
  }

  /** A value of a type the connector does not read. */
  public static PropertyValue empty(String type) {
    return new PropertyValue(type, null, List.of(), null, null, null);
  }

  /**
   * A Notion date as sent: {@code start}/{@code end} are ISO dates ({@code 2026-07-04}) for all-day
   * values or ISO date-times with an offset.
   */
  public record DateValue(String start, String end) {}
}
