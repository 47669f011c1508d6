package io.focussync.clockify.ledger;

import io.focussync.platform.auth.CurrentUser;
import io.focussync.platform.web.DateRange;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/connections/clockify/go-live {"from", "to"}}: push the previewed days. */
@RestController
public class GoLiveController {

  private static final long MAX_DAYS = 366;

  private final GoLive goLive;

  public GoLiveController(GoLive goLive) {
    this.goLive = goLive;
  }

  /** The range asked for. */
  public record GoLiveRequest(String from, String to) {}

  /** The days that go to Clockify now. */
  public record GoLiveAnswer(LocalDate from, LocalDate to, List<LocalDate> days) {}

  @PostMapping("/api/v1/connections/clockify/go-live")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public GoLiveAnswer goLive(CurrentUser user, @RequestBody GoLiveRequest request) {
    DateRange range = DateRange.required(request.from(), request.to(), MAX_DAYS);
    return new GoLiveAnswer(range.from(), range.to(), goLive.push(user.id(), range));
  }
}
