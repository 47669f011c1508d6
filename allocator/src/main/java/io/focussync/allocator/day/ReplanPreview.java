package io.focussync.allocator.day;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * What re-planning a day would change: the plan it holds (null: none) and the plan it would get
 * (revision null, not pushed).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReplanPreview(LocalDate date, DayView.PlanView current, DayView.PlanView proposed) {}
