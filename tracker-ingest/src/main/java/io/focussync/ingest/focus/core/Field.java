package io.focussync.ingest.focus.core;

/**
 * One field of a JSON merge patch: absent (unchanged), present as null (removed), or a value.
 *
 * @param present whether the body named the field
 * @param value its value; null when absent or JSON null
 */
public record Field<T>(boolean present, T value) {

  private static final Field<?> ABSENT = new Field<>(false, null);
  private static final Field<?> NULL = new Field<>(true, null);

  @SuppressWarnings("unchecked")
  public static <T> Field<T> absent() {
    return (Field<T>) ABSENT;
  }

  @SuppressWarnings("unchecked")
  public static <T> Field<T> ofNull() {
    return (Field<T>) NULL;
  }

  public static <T> Field<T> of(T value) {
    return value == null ? ofNull() : new Field<>(true, value);
  }

  /** Present as JSON null. */
  public boolean isNull() {
    return present && value == null;
  }

  /** This field's value when present, else the fallback. */
  public T or(T fallback) {
    return present ? value : fallback;
  }
}
