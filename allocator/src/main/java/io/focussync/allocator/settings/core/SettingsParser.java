package io.focussync.allocator.settings.core;

import io.focussync.allocator.allocation.AllocationMode;
import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.PushPolicy;
import io.focussync.allocator.allocation.Violation;
import io.focussync.allocator.rules.MappingRule;
import io.focussync.allocator.rules.MatchKind;
import io.focussync.allocator.rules.ProjectMapping;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Validates settings input into {@link AllocationSettings}, collecting every problem. */
public final class SettingsParser {

  public static final int MAX_MAPPINGS = 1000;
  public static final int MAX_RULES = 200;
  public static final int MAX_PATTERN = 512;
  public static final int MAX_KEY = 512;
  public static final int MAX_ID = 128;
  public static final int MAX_DESCRIPTION = 500;
  public static final int MAX_HOLIDAYS = 1000;

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final List<Violation> violations = new ArrayList<>();

  private SettingsParser() {}

  /** Parsed settings or the list of violations. */
  public record Result(AllocationSettings settings, List<Violation> violations) {
    public boolean valid() {
      return violations.isEmpty();
    }
  }

  /** Validates the input; absent fields take the defaults of a new user. */
  public static Result parse(SettingsInput input) {
    return new SettingsParser().run(input);
  }

  /** The input that represents the settings (for GET). */
  public static SettingsInput toInput(AllocationSettings s) {
    List<String> days = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      if (s.workdays().contains(d)) {
        days.add(d.name());
      }
    }
    List<SettingsInput.RuleInput> rules = new ArrayList<>();
    for (MappingRule r : s.rules()) {
      rules.add(new SettingsInput.RuleInput(r.match().name(), r.pattern(), r.projectId()));
    }
    List<String> holidays = new ArrayList<>();
    s.holidays().forEach(h -> holidays.add(h.toString()));
    return new SettingsInput(
        s.timeZone().getId(),
        days,
        s.workdayStart().format(HH_MM),
        s.workdayEnd().format(HH_MM),
        s.mode().name(),
        s.granularityMinutes(),
        s.description(),
        s.otherProjectId(),
        new java.util.TreeMap<String, Object>(s.projectMapping()),
        rules,
        s.pushPolicy().name(),
        holidays,
        s.closedBefore() == null ? null : s.closedBefore().toString(),
        s.defaultProjectKey());
  }

  private Result run(SettingsInput in) {
    AllocationSettings d = AllocationSettings.defaults();
    ZoneId zone = in.timeZone() == null ? d.timeZone() : zone(in.timeZone());
    Set<DayOfWeek> workdays = in.workdays() == null ? d.workdays() : workdays(in.workdays());
    LocalTime start =
        in.workdayStart() == null ? d.workdayStart() : time("workdayStart", in.workdayStart());
    LocalTime end = in.workdayEnd() == null ? d.workdayEnd() : time("workdayEnd", in.workdayEnd());
    AllocationMode mode =
        in.mode() == null ? d.mode() : enumOf("mode", AllocationMode.class, in.mode());
    int granularity =
        in.granularityMinutes() == null ? d.granularityMinutes() : in.granularityMinutes();
    if (start != null && end != null && !start.isBefore(end)) {
      add("workdayEnd", "must be after workdayStart");
    } else if (start != null && end != null) {
      long minutes = java.time.Duration.between(start, end).toMinutes();
      if (granularity < 1 || granularity > minutes) {
        add("granularityMinutes", "must be between 1 and the work day's " + minutes + " minutes");
      } else if (minutes % granularity != 0) {
        add("granularityMinutes", "must divide the work day of " + minutes + " minutes");
      }
    }
    String description = in.description() == null ? d.description() : in.description();
    if (description.isBlank() || description.length() > MAX_DESCRIPTION) {
      add("description", "must be 1 to " + MAX_DESCRIPTION + " characters");
    }
    String otherProjectId =
        in.otherProjectId() == null ? null : checkId("otherProjectId", in.otherProjectId());
    Map<String, String> mapping =
        in.projectMapping() == null ? d.projectMapping() : mapping(in.projectMapping());
    List<MappingRule> rules = in.rules() == null ? d.rules() : rules(in.rules());
    PushPolicy policy =
        in.pushPolicy() == null
            ? d.pushPolicy()
            : enumOf("pushPolicy", PushPolicy.class, in.pushPolicy());
    java.util.SortedSet<LocalDate> holidays =
        in.holidays() == null ? d.holidays() : holidays(in.holidays());
    LocalDate closedBefore =
        in.closedBefore() == null ? null : date("closedBefore", in.closedBefore());
    String defaultProjectKey =
        in.defaultProjectKey() == null
            ? d.defaultProjectKey()
            : projectKey("defaultProjectKey", in.defaultProjectKey());
    if (!violations.isEmpty()) {
      return new Result(null, List.copyOf(violations));
    }
    return new Result(
        new AllocationSettings(
            zone,
            workdays,
            start,
            end,
            mode,
            granularity,
            description,
            otherProjectId,
            mapping,
            rules,
            policy,
            holidays,
            closedBefore,
            defaultProjectKey),
        List.of());
  }

  private ZoneId zone(String text) {
    try {
      // Region ids only (IANA names) plus UTC; no ad-hoc offsets like "+02:00".
      if (!ZoneId.getAvailableZoneIds().contains(text) && !"UTC".equals(text)) {
        add("timeZone", "must be an IANA time zone such as Europe/Berlin");
        return null;
      }
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      add("timeZone", "must be an IANA time zone such as Europe/Berlin");
      return null;
    }
  }

  private Set<DayOfWeek> workdays(List<String> names) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (names.isEmpty()) {
      add("workdays", "must name at least one day");
    }
    if (names.size() > 7 * 4) {
      add("workdays", "has too many entries");
      return days;
    }
    for (int i = 0; i < names.size(); i++) {
      DayOfWeek day = enumOf("workdays[" + i + "]", DayOfWeek.class, names.get(i));
      if (day != null) {
        days.add(day);
      }
    }
    return days;
  }

  private LocalTime time(String field, String text) {
    try {
      return LocalTime.parse(text, HH_MM);
    } catch (DateTimeException e) {
      add(field, "must be a local time HH:mm");
      return null;
    }
  }

  private LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      add(field, "must be a date YYYY-MM-DD");
      return null;
    }
  }

  private <E extends Enum<E>> E enumOf(String field, Class<E> type, String text) {
    if (text != null) {
      for (E value : type.getEnumConstants()) {
        if (value.name().equals(text.toUpperCase(Locale.ROOT))) {
          return value;
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (E value : type.getEnumConstants()) {
      names.add(value.name());
    }
    add(field, "must be one of " + String.join(", ", names));
    return null;
  }

  private Map<String, String> mapping(Map<String, Object> input) {
    Map<String, String> mapping = new java.util.HashMap<>();
    if (input.size() > MAX_MAPPINGS) {
      add("projectMapping", "must have at most " + MAX_MAPPINGS + " keys");
      return Map.of();
    }
    for (Map.Entry<String, Object> e : input.entrySet()) {
      if (e.getKey().length() > MAX_KEY) {
        add("projectMapping", "keys must have at most " + MAX_KEY + " characters");
      }
      String id = checkId("projectMapping[\"" + abbreviate(e.getKey()) + "\"]", e.getValue());
      mapping.put(e.getKey(), id);
    }
    return mapping;
  }

  private List<MappingRule> rules(List<SettingsInput.RuleInput> input) {
    List<MappingRule> rules = new ArrayList<>();
    if (input.size() > MAX_RULES) {
      add("rules", "must have at most " + MAX_RULES + " rules");
      return rules;
    }
    for (int i = 0; i < input.size(); i++) {
      String field = "rules[" + i + "]";
      SettingsInput.RuleInput r = input.get(i);
      if (r == null) {
        add(field, "must be a rule");
        continue;
      }
      MatchKind match = enumOf(field + ".match", MatchKind.class, r.match());
      boolean patternOk = true;
      if (r.pattern() == null || r.pattern().isEmpty() || r.pattern().length() > MAX_PATTERN) {
        add(field + ".pattern", "must be 1 to " + MAX_PATTERN + " characters");
        patternOk = false;
      }
      String projectId = checkId(field + ".projectId", r.projectId());
      if (match != null && patternOk) {
        MappingRule rule = new MappingRule(match, r.pattern(), projectId);
        ProjectMapping.problemOf(rule).ifPresent(p -> add(field + ".pattern", p));
        rules.add(rule);
      }
    }
    return rules;
  }

  private TreeSet<LocalDate> holidays(List<String> input) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    if (input.size() > MAX_HOLIDAYS) {
      add("holidays", "must have at most " + MAX_HOLIDAYS + " dates");
      return dates;
    }
    for (int i = 0; i < input.size(); i++) {
      LocalDate date = input.get(i) == null ? null : date("holidays[" + i + "]", input.get(i));
      if (input.get(i) == null) {
        add("holidays[" + i + "]", "must be a date YYYY-MM-DD");
      }
      if (date != null) {
        dates.add(date);
      }
    }
    return dates;
  }

  private String checkId(String field, Object value) {
    if (!(value instanceof String)
        || ((String) value).isBlank()
        || ((String) value).length() > MAX_ID) {
      add(field, "must be a Clockify project id: a string of 1 to " + MAX_ID + " characters");
      return null;
    }
    return (String) value;
  }

  /** A project key as sessions carry it: 1 to 512 characters, no control characters. */
  private String projectKey(String field, Object value) {
    if (!(value instanceof String key)
        || key.isBlank()
        || key.codePointCount(0, key.length()) > MAX_KEY
        || key.chars().anyMatch(Character::isISOControl)
        || !isWellFormed(key)) {
      add(
          field,
          "must be a project key: a string of 1 to "
              + MAX_KEY
              + " characters without control characters");
      return null;
    }
    return key;
  }

  private static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String key) {
    return key.length() <= 40 ? key : key.substring(0, 40) + "…";
  }

  private void add(String field, String message) {
    violations.add(new Violation(field, message));
  }
}
