package io.focussync.e2e.dashboard;

import static io.focussync.e2e.dashboard.DashboardPeople.dayCss;
import static io.focussync.e2e.dashboard.DashboardPeople.lastWeeksWednesday;
import static io.focussync.e2e.dashboard.DashboardPeople.newUser;
import static io.focussync.e2e.dashboard.DashboardPeople.postSession;
import static io.focussync.e2e.dashboard.DashboardPeople.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.clockify.simulator.SimRequest;
import io.focussync.e2e.dashboard.DashboardPeople.Person;
import io.focussync.e2e.support.E2eStack;
import io.focussync.e2e.support.GatewayApi;
import io.focussync.e2e.support.PipelineWorld;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The web dashboard in a real headless Chromium against the packaged services: sign in, a week with
 * a synced day, a settings change that changes the plan, approval, inline validation errors,
 * secrets never shown, going live from a dry run (the Clockify simulator receives the previewed
 * days), a settings change that leaves synced past days as Clockify holds them until "Apply to past
 * days…" re-plans them, the sync history with what to do about a day and a refused key, and one
 * screenshot per page at 1280 and 390 px (target/screenshots/).
 */
class DashboardIT {

  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  private static E2eStack stack;
  private static ClockifySimulator clockify;

  @BeforeAll
  static void startStack() {
    Browser.requireInstalled();
    PipelineWorld world = PipelineWorld.get();
    stack = world.stack();
    clockify = world.clockify();
  }

  @Test
  void aWeekWithASyncedDayAndASettingsChangeThatChangesThePlan() {
    Person user = newUser(stack, "dashboard-ada");
    assertThat(
            user.api()
                .put(
                    "/api/v1/settings/allocation",
                    Map.of(
                        "timeZone",
                        MADRID.getId(),
                        "projectMapping",
                        Map.of("acme-api", "p-acme"),
                        "pushPolicy",
                        "LIVE"))
                .status())
        .isEqualTo(200);
    LocalDate today = LocalDate.now(MADRID);
    LocalDate wednesday = lastWeeksWednesday(today);

    try (Browser browser = Browser.open(stack.gatewayUrl(), 1280, 900)) {
      browser.open("/");
      browser.awaitVisible(By.id("sign-in-form"));
      browser.screenshot("1280-sign-in");
      browser.assertNoHorizontalScroll("sign-in");

      browser.type(By.name("token"), "fs_not-a-real-token");
      browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
      browser.awaitText(By.id("sign-in-status"), "not accepted");

      signIn(browser, user);
      // The current week, Monday first, today highlighted.
      browser.awaitText(By.id("week-title"), "Week of");
      assertThat(browser.driver().findElements(By.cssSelector("section.day"))).hasSize(7);
      assertThat(browser.find(By.cssSelector("section.day:first-child")).getAttribute("data-date"))
          .isEqualTo(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString());
      assertThat(
              browser
                  .find(By.cssSelector("section.day[aria-current=date]"))
                  .getAttribute("data-date"))
          .isEqualTo(today.toString());

      // A Clockify connection in dry-run mode, so that days become SYNCED with no external API.
      browser.click(By.cssSelector("a[data-nav=connections]"));
      browser.type(By.cssSelector("#clockify-form [name=apiKey]"), "dry-run-key-1234");
      browser.type(By.cssSelector("#clockify-form [name=workspaceId]"), "w1");
      browser.click(By.cssSelector("#clockify-form [name=dryRun]"));
      browser.click(By.cssSelector("#clockify-form button[type=submit]"));
      browser.awaitText(By.id("clockify-state"), "Connected to workspace w1", "dry run");
      browser.awaitText(By.cssSelector("#clockify-form .hint"), "…1234 saved");
      assertThat(browser.find(By.cssSelector("#clockify-form [name=apiKey]")).getAttribute("value"))
          .isEmpty();
      assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("dry-run-key-1234");
      browser.screenshot("1280-connections");
      browser.assertOnlyGatewayRequests();

      // Two sessions on last week's Wednesday, added through the day's form.
      browser.click(By.cssSelector("a[data-nav=week]"));
      browser.awaitVisible(By.cssSelector("section.day"));
      browser.click(By.id("prev-week"));
      By day = day(wednesday);
      addSession(browser, wednesday, "acme-api", "09:00", "12:00", "API work");
      addSession(browser, wednesday, "misc", "13:00", "15:00", null);

      // Planned entries over the 09:00-17:00 day: 3h of 5h → 60 % → 4h48m, the rest to Other.
      awaitStatus(browser, wednesday, "SYNCED");
      browser.awaitText(
          legend(wednesday), "09:00–13:48", "p-acme", "60%", "13:48–17:00", "Other", "40%");
      browser.awaitText(day, "acme-api", "misc", "projectMapping[\"acme-api\"]", "Dry run");
      assertThat(browser.driver().findElements(By.cssSelector(dayCss(wednesday) + " .segment")))
          .hasSize(2);
      browser.screenshot("1280-week");
      browser.assertNoHorizontalScroll("week");

      // Settings: a rule for "misc" and hour granularity, previewed, then saved.
      browser.click(By.cssSelector("a[data-nav=settings]"));
      browser.click(By.id("add-rule"));
      By lastRule = By.cssSelector("#rule-rows li:last-child");
      new Select(browser.find(By.cssSelector("#rule-rows li:last-child [data-role=rule-match]")))
          .selectByValue("PREFIX");
      browser.type(By.cssSelector("#rule-rows li:last-child [data-role=rule-pattern]"), "mi");
      browser.type(By.cssSelector("#rule-rows li:last-child [data-role=rule-project]"), "p-misc");
      assertThat(browser.find(lastRule).getText()).contains("Rule 1");
      browser.type(By.id("preview-key"), "misc");
      browser.awaitText(
          By.id("preview-result"), "maps to project p-misc because of rules[0] PREFIX \"mi\"");
      browser.type(By.id("preview-key"), "acme-api");
      browser.awaitText(
          By.id("preview-result"),
          "maps to project p-acme because of projectMapping[\"acme-api\"]");
      browser.type(By.cssSelector("[name=granularityMinutes]"), "60");
      browser.click(By.cssSelector("#settings-form button[type=submit]"));
      browser.awaitText(By.id("settings-saved"), "Settings saved");
      browser.screenshot("1280-settings");
      browser.assertNoHorizontalScroll("settings");

      // The plan follows: whole hours by largest remainder (4.8h → 5h, 3.2h → 3h), misc mapped.
      browser.click(By.cssSelector("a[data-nav=week]"));
      browser.awaitVisible(By.cssSelector("section.day"));
      browser.click(By.id("prev-week"));
      browser.awaitText(
          legend(wednesday),
          "09:00–14:00",
          "p-acme",
          "14:00–17:00",
          "p-misc",
          "rules[0] PREFIX \"mi\"");
      awaitStatus(browser, wednesday, "SYNCED");
      assertThat(browser.find(legend(wednesday)).getText()).doesNotContain("Other");
      browser.assertOnlyGatewayRequests();

      // Signing out forgets the token.
      browser.click(By.id("sign-out"));
      browser.awaitVisible(By.id("sign-in-form"));
      assertThat(browser.script("return sessionStorage.getItem('focussync.token');")).isNull();
      assertThat(browser.javascriptErrors()).isEmpty();
    }
  }

  @Test
  void atPhoneWidthApprovalValidationErrorsAndARevokedToken() {
    Person user = newUser(stack, "dashboard-bob");
    GatewayApi api = user.api();
    assertThat(
            api.put(
                    "/api/v1/settings/allocation",
                    Map.of("timeZone", "UTC", "pushPolicy", "APPROVAL"))
                .status())
        .isEqualTo(200);
    assertThat(
            api.put(
                    "/api/v1/connections/clockify",
                    Map.of("apiKey", "x-phone-key-9876", "workspaceId", "w1", "dryRun", true))
                .status())
        .isEqualTo(200);
    LocalDate wednesday = lastWeeksWednesday(LocalDate.now(ZoneId.of("UTC")));
    assertThat(
            api.post(
                    "/api/v1/sessions",
                    Map.of(
                        "projectKey",
                        "acme-api",
                        "start",
                        wednesday + "T10:00:00Z",
                        "end",
                        wednesday + "T11:00:00Z"))
                .status())
        .isEqualTo(202);

    try (Browser browser = Browser.open(stack.gatewayUrl(), 390, 844)) {
      browser.open("/");
      browser.awaitVisible(By.id("sign-in-form"));
      browser.screenshot("390-sign-in");
      browser.assertNoHorizontalScroll("sign-in");
      signIn(browser, user);

      // APPROVAL: the day waits for the user, then is pushed (dry run) once approved.
      browser.click(By.id("prev-week"));
      awaitStatus(browser, wednesday, "AWAITING_APPROVAL");
      browser.awaitText(legend(wednesday), "09:00–17:00", "Other", "100%");
      browser.screenshot("390-week");
      browser.assertNoHorizontalScroll("week");
      browser.click(By.cssSelector(dayCss(wednesday) + " button[data-action=approve]"));
      awaitStatus(browser, wednesday, "SYNCED");

      // A session whose end is before its start: the API's error is shown at the field.
      browser.click(By.cssSelector(dayCss(wednesday) + " button[data-action=add-session]"));
      String form = "form.session-form[data-date='" + wednesday + "'] ";
      browser.type(By.cssSelector(form + "[name=projectKey]"), "acme-api");
      browser.type(By.cssSelector(form + "[name=start]"), "12:00");
      browser.type(By.cssSelector(form + "[name=end]"), "11:00");
      browser.click(By.cssSelector(form + "button[type=submit]"));
      browser.awaitText(By.cssSelector(form + ".field-error[data-error-for=end]"), "after start");
      assertThat(browser.find(By.cssSelector(form + "[name=end]")).getAttribute("aria-invalid"))
          .isEqualTo("true");
      browser.assertNoHorizontalScroll("week with the session form");

      // Settings: a granularity that does not divide the day is refused inline; GLOB preview.
      browser.click(By.cssSelector("a[data-nav=settings]"));
      browser.type(By.cssSelector("[name=granularityMinutes]"), "7");
      browser.click(By.cssSelector("#settings-form button[type=submit]"));
      browser.awaitText(
          By.cssSelector("#settings-form .field-error[data-error-for=granularityMinutes]"),
          "must divide");
      browser.click(By.id("add-rule"));
      new Select(browser.find(By.cssSelector("#rule-rows li:last-child [data-role=rule-match]")))
          .selectByValue("GLOB");
      browser.type(
          By.cssSelector("#rule-rows li:last-child [data-role=rule-pattern]"), "client-?-*");
      browser.type(By.cssSelector("#rule-rows li:last-child [data-role=rule-project]"), "p-client");
      browser.type(By.id("preview-key"), "client-7-web");
      browser.awaitText(
          By.id("preview-result"),
          "maps to project p-client because of rules[0] GLOB \"client-?-*\"");
      browser.type(By.id("preview-key"), "client-77-web");
      browser.awaitText(
          By.id("preview-result"), "maps to Other because no mapping or rule matched");
      browser.screenshot("390-settings");
      browser.assertNoHorizontalScroll("settings");

      // Connections: the saved key only as "…last4 saved"; a bad Notion database id inline.
      browser.click(By.cssSelector("a[data-nav=connections]"));
      browser.awaitText(By.cssSelector("#clockify-form .hint"), "…9876 saved");
      assertThat(browser.find(By.cssSelector("#clockify-form [name=apiKey]")).getAttribute("value"))
          .isEmpty();
      browser.type(By.cssSelector("#notion-form [name=token]"), "secret_notion_token");
      browser.type(By.cssSelector("#notion-form [name=databaseId]"), "not-a-database");
      browser.click(By.cssSelector("#notion-form button[type=submit]"));
      browser.awaitText(
          By.cssSelector("#notion-form .field-error[data-error-for=databaseId]"), "32 hex digits");
      browser.screenshot("390-connections");
      browser.assertNoHorizontalScroll("connections");
      browser.assertOnlyGatewayRequests();

      // A revoked token: the next call answers 401 and the user is back at sign-in, told why.
      assertThat(api.delete("/api/v1/tokens/current").status()).isEqualTo(204);
      browser.click(By.cssSelector("a[data-nav=week]"));
      browser.awaitText(By.id("sign-in-status"), "signed out", "Sign in again");
      assertThat(browser.script("return sessionStorage.getItem('focussync.token');")).isNull();
      assertThat(browser.javascriptErrors()).isEmpty();
    }
  }

  @Test
  void thePreviewMapsKeysWithTheAllocatorsSemantics() {
    try (Browser browser = Browser.open(stack.gatewayUrl(), 1280, 900)) {
      browser.open("/");
      browser.awaitVisible(By.id("sign-in-form"));
      // [key, expected projectId (null: Other), expected reason]
      List<List<String>> cases =
          List.of(
              Arrays.asList("acme-api", "p-exact", "projectMapping[\"acme-api\"]"),
              Arrays.asList("acme-web", "p-acme", "rules[0] PREFIX \"acme\""),
              Arrays.asList("Acme-web", null, "no mapping or rule matched: Other"),
              Arrays.asList("ab-1", "p-a", "rules[1] PREFIX \"ab\""),
              Arrays.asList("client-7-web", "p-client", "rules[3] GLOB \"client-?-*\""),
              Arrays.asList("client-7-", "p-client", "rules[3] GLOB \"client-?-*\""),
              Arrays.asList("client-77-web", null, "no mapping or rule matched: Other"),
              Arrays.asList("xclient-7-web", null, "no mapping or rule matched: Other"),
              Arrays.asList("a.b", "p-dot", "rules[4] GLOB \"a.b\""),
              Arrays.asList("axb", null, "no mapping or rule matched: Other"),
              Arrays.asList("ops-12", "p-ops", "rules[5] REGEX \"ops-\\d+\""),
              Arrays.asList("ops-12x", null, "no mapping or rule matched: Other"),
              Arrays.asList("xops-12", null, "no mapping or rule matched: Other"));
      @SuppressWarnings("unchecked")
      List<List<String>> actual =
          (List<List<String>>)
              ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                  .executeAsyncScript(
                      "const [cases, done] = arguments;"
                          + "import('/js/mapping.js').then(m => done(cases.map(c => {"
                          + "  const r = m.mapKey(c[0], {'acme-api': 'p-exact'}, ["
                          + "    {match: 'PREFIX', pattern: 'acme', projectId: 'p-acme'},"
                          + "    {match: 'PREFIX', pattern: 'ab', projectId: 'p-a'},"
                          + "    {match: 'PREFIX', pattern: 'abc', projectId: 'p-never'},"
                          + "    {match: 'GLOB', pattern: 'client-?-*', projectId: 'p-client'},"
                          + "    {match: 'GLOB', pattern: 'a.b', projectId: 'p-dot'},"
                          + "    {match: 'REGEX', pattern: 'ops-\\\\d+', projectId: 'p-ops'}]);"
                          + "  return [c[0], r.projectId, r.rule]; })), e => done([[String(e)]]));",
                      cases);
      assertThat(actual).containsExactlyElementsOf(cases);
    }
  }

  @Test
  void goingLiveFromADryRunPushesThePreviewedDaysToClockify() {
    Person user = newUser(stack, "dashboard-golive");
    assertThat(
            user.api()
                .put(
                    "/api/v1/settings/allocation",
                    Map.of(
                        "timeZone",
                        "UTC",
                        "projectMapping",
                        Map.of("acme-api", "p-acme"),
                        "pushPolicy",
                        "LIVE"))
                .status())
        .isEqualTo(200);
    SimAccount account = simulatorAccount("golive");
    LocalDate wednesday = lastWeeksWednesday(LocalDate.now(ZoneOffset.UTC));

    try (Browser browser = Browser.open(stack.gatewayUrl(), 1280, 900)) {
      browser.open("/");
      browser.awaitVisible(By.id("sign-in-form"));
      signIn(browser, user);

      // A dry run against the simulator: it says what going live will do, and offers no push.
      browser.click(By.cssSelector("a[data-nav=connections]"));
      browser.type(By.cssSelector("#clockify-form [name=apiKey]"), account.apiKey());
      browser.type(By.cssSelector("#clockify-form [name=workspaceId]"), account.workspace());
      browser.type(By.cssSelector("#clockify-form [name=baseUrl]"), clockify.baseUrl());
      browser.click(By.cssSelector("#clockify-form [name=dryRun]"));
      browser.click(By.cssSelector("#clockify-form button[type=submit]"));
      browser.awaitText(By.id("clockify-state"), "dry run");
      browser.awaitText(By.id("clockify-dry-run-note"), "switch to live", "Push previewed days");
      assertThat(browser.driver().findElements(By.id("go-live-form"))).isEmpty();

      // A previewed day: the week shows the calls its dry run would make; Clockify has nothing.
      assertThat(
              user.api()
                  .post(
                      "/api/v1/sessions",
                      Map.of(
                          "projectKey",
                          "acme-api",
                          "start",
                          wednesday + "T10:00:00Z",
                          "end",
                          wednesday + "T12:00:00Z"))
                  .status())
          .isEqualTo(202);
      browser.click(By.cssSelector("a[data-nav=week]"));
      browser.awaitVisible(By.cssSelector("section.day"));
      browser.click(By.id("prev-week"));
      awaitStatus(browser, wednesday, "SYNCED");
      browser.click(By.cssSelector(dayCss(wednesday) + " [data-role=dry-run] summary"));
      browser.awaitText(
          By.cssSelector(dayCss(wednesday) + " [data-role=dry-run-calls]"),
          "POST",
          "/v1/workspaces/" + account.workspace() + "/time-entries",
          "p-acme");
      browser.screenshot("1280-week-dry-run-calls");
      assertThat(clockify.entries(account.workspace())).isEmpty();

      // Saved live: the push is offered (last 30 days by default) and names the day that went.
      browser.click(By.cssSelector("a[data-nav=connections]"));
      browser.type(By.cssSelector("#clockify-form [name=apiKey]"), account.apiKey());
      browser.click(By.cssSelector("#clockify-form [name=dryRun]"));
      browser.click(By.cssSelector("#clockify-form button[type=submit]"));
      browser.awaitText(By.cssSelector("main > .notice"), "connected live");
      browser.awaitVisible(By.id("go-live-form"));
      assertThat(browser.find(By.id("clockify-state")).getText()).doesNotContain("dry run");
      assertThat(browser.driver().findElements(By.id("clockify-dry-run-note"))).isEmpty();
      assertThat(clockify.entries(account.workspace())).isEmpty();
      browser.click(By.cssSelector("#go-live-form button[type=submit]"));
      browser.awaitText(By.id("go-live-result"), "1 day goes to Clockify now");
      browser.awaitVisible(By.cssSelector("#go-live-result li[data-date='" + wednesday + "']"));
      browser.screenshot("1280-connections-go-live");
      browser.assertNoHorizontalScroll("connections after going live");

      // The simulator receives the day's entry: 09:00-17:00 (the one key's 100 %) on p-acme.
      PipelineWorld.eventually()
          .untilAsserted(
              () ->
                  assertThat(clockify.entries(account.workspace()))
                      .singleElement()
                      .satisfies(
                          entry -> {
                            assertThat(entry.projectId()).isEqualTo("p-acme");
                            assertThat(entry.start()).startsWith(wednesday + "T09:00");
                            assertThat(entry.end()).startsWith(wednesday + "T17:00");
                          }));

      // The history lists the dry run and the live run of that day.
      browser.click(By.cssSelector("a[data-nav=history]"));
      browser.awaitVisible(
          By.cssSelector(
              "#history-table tr[data-date='"
                  + wednesday
                  + "'][data-dry-run=true][data-status=SYNCED]"));
      browser.awaitVisible(
          By.cssSelector(
              "#history-table tr[data-date='"
                  + wednesday
                  + "'][data-dry-run=false][data-status=SYNCED]"));
      assertThat(browser.javascriptErrors()).isEmpty();
    }
  }

  @Test
  void aSettingsChangeLeavesSyncedPastDaysAloneUntilAppliedToThem() {
    Person user = newUser(stack, "dashboard-replan");
    SimAccount account = simulatorAccount("replan");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String oldName = "Acme old " + suffix;
    String newName = "Acme new " + suffix;
    String oldProject =
        clockify.addProject(account.workspace(), oldName, null, "#03A9F4", false).id();
    String newProject =
        clockify.addProject(account.workspace(), newName, null, "#8BC34A", false).id();
    assertThat(
            user.api()
                .put(
                    "/api/v1/connections/clockify",
                    Map.of(
                        "apiKey",
                        account.apiKey(),
                        "workspaceId",
                        account.workspace(),
                        "baseUrl",
                        clockify.baseUrl()))
                .status())
        .isEqualTo(200);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("timeZone", "UTC");
    settings.put("projectMapping", Map.of("acme", oldProject));
    settings.put("pushPolicy", "LIVE");
    GatewayApi.Reply saved = user.api().put("/api/v1/settings/allocation", settings);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);

    // Two past weekdays synced live: one 09:00-17:00 entry each on the old project.
    LocalDate wednesday = lastWeeksWednesday(LocalDate.now(ZoneOffset.UTC));
    LocalDate thursday = wednesday.plusDays(1);
    List<LocalDate> pastDays = List.of(wednesday, thursday);
    for (LocalDate date : pastDays) {
      postSession(user, "acme", date + "T10:00:00Z", date + "T11:00:00Z");
    }
    PipelineWorld.eventually()
        .untilAsserted(
            () ->
                assertThat(clockify.entries(account.workspace()))
                    .extracting(SimEntry::projectId, entry -> entry.start().substring(0, 16))
                    .containsExactlyInAnyOrder(
                        tuple(oldProject, wednesday + "T09:00"),
                        tuple(oldProject, thursday + "T09:00")));
    for (LocalDate date : pastDays) {
      PipelineWorld.eventually()
          .untilAsserted(
              () -> {
                JsonNode view = user.api().get("/api/v1/days/" + date).json();
                assertThat(view.get("status").asString()).isEqualTo("SYNCED");
                assertThat(view.get("sync").get("dryRun").asBoolean()).isFalse();
              });
    }
    Map<String, SimEntry> held =
        clockify.entries(account.workspace()).stream()
            .collect(Collectors.toMap(SimEntry::id, entry -> entry));
    Predicate<SimRequest> entryWrites =
        request -> account.apiKey().equals(request.apiKey()) && request.isEntryWrite();
    int writesBefore = clockify.requests(entryWrites).size();

    try (Browser browser = Browser.open(stack.gatewayUrl(), 1280, 900)) {
      browser.open("/");
      browser.awaitVisible(By.id("sign-in-form"));
      signIn(browser, user);

      // Settings: "acme" now maps to the new project; saving offers to apply it to past days.
      browser.click(By.cssSelector("a[data-nav=settings]"));
      new Select(
              browser.awaitVisible(
                  By.cssSelector("#mapping-rows .row:first-child [data-role=mapping-project]")))
          .selectByVisibleText(newName);
      assertThat(browser.driver().findElements(By.id("apply-past-days")).get(0).isDisplayed())
          .isFalse();
      browser.click(By.cssSelector("#settings-form button[type=submit]"));
      browser.awaitText(By.id("settings-saved"), "Settings saved");
      browser.awaitVisible(By.id("apply-past-days"));

      // History stays put: Clockify sees no entry write, the past days keep the old project.
      Awaitility.await("no entry write for the past days after the settings change")
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  clockify.requests(entryWrites).size() == writesBefore
                      && clockify.entries(account.workspace()).stream()
                          .collect(Collectors.toMap(SimEntry::id, entry -> entry))
                          .equals(held));

      // The offer opens the range form: by default the last 30 days up to yesterday.
      browser.click(By.id("apply-past-days"));
      LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
      assertThat(
              browser
                  .awaitVisible(By.cssSelector("#replan-form [name=from]"))
                  .getAttribute("value"))
          .isEqualTo(yesterday.minusDays(29).toString());
      assertThat(browser.find(By.cssSelector("#replan-form [name=to]")).getAttribute("value"))
          .isEqualTo(yesterday.toString());

      // The week: each past day says it shows what Clockify holds, and links to the action.
      browser.click(By.cssSelector("a[data-nav=week]"));
      browser.awaitVisible(By.cssSelector("section.day"));
      browser.click(By.id("prev-week"));
      for (LocalDate date : pastDays) {
        browser.awaitText(
            By.cssSelector(dayCss(date) + " [data-role=outdated]"),
            "still shows what Clockify holds",
            "Apply to past days");
        browser.awaitText(legend(date), "09:00–17:00", oldName);
      }
      browser.screenshot("1280-week-outdated");
      browser.click(By.cssSelector(dayCss(wednesday) + " [data-role=outdated] a"));

      // Preview: each past day, its entry now (old project) and re-planned (new project).
      browser.click(By.cssSelector("#replan-form button[type=submit]"));
      for (LocalDate date : pastDays) {
        String item = "#replan-preview li[data-date='" + date + "'] ";
        browser.awaitText(
            By.cssSelector(item + "[data-role=current]"), "09:00–17:00", oldName, "8h");
        browser.awaitText(
            By.cssSelector(item + "[data-role=proposed]"), "09:00–17:00", newName, "8h");
      }
      assertThat(browser.driver().findElements(By.cssSelector("#replan-preview > li"))).hasSize(2);
      assertThat(clockify.requests(entryWrites)).hasSize(writesBefore);
      browser.screenshot("1280-settings-replan-preview");
      browser.assertNoHorizontalScroll("settings with the re-plan preview");

      // Apply: the days named as re-planned, and Clockify's entries move to the new project.
      browser.click(By.id("replan-apply"));
      browser.awaitText(By.id("replan-result"), "Re-planned 2 days");
      for (LocalDate date : pastDays) {
        browser.awaitVisible(By.cssSelector("#replanned-days li[data-date='" + date + "']"));
      }
      PipelineWorld.eventually()
          .untilAsserted(
              () ->
                  assertThat(clockify.entries(account.workspace()))
                      .extracting(SimEntry::projectId, entry -> entry.start().substring(0, 16))
                      .containsExactlyInAnyOrder(
                          tuple(newProject, wednesday + "T09:00"),
                          tuple(newProject, thursday + "T09:00")));
      browser.resize(390, 844);
      browser.assertNoHorizontalScroll("settings after applying at 390 px");
      assertThat(browser.javascriptErrors()).isEmpty();
    }
  }

  @Test
  void theSyncHistoryShowsRunsAndWhatToDoAboutALockedEntryAndARefusedKey() {
    Person user = newUser(stack, "dashboard-history");
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("timeZone", "UTC");
    settings.put("projectMapping", Map.of("alpha", "p-alpha", "beta", "p-beta"));
    settings.put("pushPolicy", "LIVE");
    assertThat(user.api().put("/api/v1/settings/allocation", settings).status()).isEqualTo(200);
    SimAccount account = simulatorAccount("history");
    assertThat(
            user.api()
                .put(
                    "/api/v1/connections/clockify",
                    Map.of(
                        "apiKey",
                        account.apiKey(),
                        "workspaceId",
                        account.workspace(),
                        "baseUrl",
                        clockify.baseUrl()))
                .status())
        .isEqualTo(200);
    LocalDate wednesday = lastWeeksWednesday(LocalDate.now(ZoneOffset.UTC));

    // A synced day whose entry is then locked in Clockify (an approval): its next change is
    // refused.
    postSession(user, "alpha", wednesday + "T10:00:00Z", wednesday + "T11:00:00Z");
    SimEntry entry =
        PipelineWorld.eventually()
            .until(() -> clockify.entries(account.workspace()), entries -> entries.size() == 1)
            .get(0);
    clockify.lock(entry.id());
    postSession(user, "beta", wednesday + "T12:00:00Z", wednesday + "T13:00:00Z");
    PipelineWorld.eventually()
        .until(
            () -> user.api().get("/api/v1/days/" + wednesday).json().get("status").asString(),
            "NEEDS_ATTENTION"::equals);
    // Then the key is revoked in Clockify: the next day's push is refused, the connection waits.
    clockify.revokeKey(account.apiKey());
    LocalDate thursday = wednesday.plusDays(1);
    postSession(user, "alpha", thursday + "T10:00:00Z", thursday + "T11:00:00Z");
    PipelineWorld.eventually()
        .until(
            () -> user.api().get("/api/v1/connections/clockify").json().get("status").asString(),
            "NEEDS_ATTENTION"::equals);

    try (Browser browser = Browser.open(stack.gatewayUrl(), 1280, 900)) {
      browser.open("/");
      browser.awaitVisible(By.id("sign-in-form"));
      signIn(browser, user);
      // The refused key is said on every page, with what to do.
      browser.awaitText(
          By.id("connection-attention"),
          "Clockify needs attention",
          "refused the API key",
          "save a new key on the Connections page");
      browser.click(By.id("prev-week"));
      browser.awaitText(
          By.cssSelector(dayCss(wednesday) + " [data-role=last-error]"),
          "is locked (403)",
          "What to do",
          "locked or approved in Clockify");

      browser.click(By.cssSelector("a[data-nav=history]"));
      By lockedDay = By.cssSelector("#history-attention li[data-date='" + wednesday + "']");
      browser.awaitText(
          lockedDay,
          "Needs attention",
          "entry " + entry.id(),
          "is locked (403)",
          "What to do",
          "nothing will be written to it");
      // The runs: the first synced live with one entry created, then the refused change.
      browser.awaitText(
          By.cssSelector(
              "#history-table tr[data-date='"
                  + wednesday
                  + "'][data-dry-run=false][data-status=SYNCED]"),
          "1 / 0 / 0 / 0",
          "Live",
          "Synced");
      browser.awaitText(
          By.cssSelector(
              "#history-table tr[data-date='" + wednesday + "'][data-status=NEEDS_ATTENTION]"),
          "is locked (403)",
          "Needs attention");
      browser.awaitText(
          By.cssSelector(
              "#history-table tr[data-date='" + thursday + "'][data-status=NEEDS_ATTENTION]"),
          "refused the API key",
          "save a new key");
      browser.awaitText(By.id("connection-attention"), "refused the API key");
      browser.screenshot("1280-history");
      browser.assertNoHorizontalScroll("history");
      browser.resize(390, 844);
      browser.screenshot("390-history");
      browser.assertNoHorizontalScroll("history at 390 px");
      assertThat(browser.javascriptErrors()).isEmpty();
    }
  }

  @Test
  void withoutAConnectionThePickersTakeIdsAndSayWhy() {
    Person user = newUser(stack, "dashboard-no-projects");
    try (Browser browser = Browser.open(stack.gatewayUrl(), 390, 844)) {
      browser.open("/");
      browser.awaitVisible(By.id("sign-in-form"));
      signIn(browser, user);
      browser.click(By.cssSelector("a[data-nav=settings]"));
      browser.awaitText(By.id("projects-unavailable"), "Type project ids instead");
      browser.click(By.id("add-rule"));
      browser.type(By.cssSelector("#rule-rows li:last-child [data-role=rule-project]"), "p-typed");
      assertThat(browser.find(By.cssSelector("[name=otherProjectId]")).getTagName())
          .isEqualTo("input");
      browser.assertNoHorizontalScroll("settings without projects");
    }
  }

  /** A Clockify user with a workspace of their own and a key the simulator accepts. */
  private record SimAccount(String workspace, String apiKey) {}

  private static SimAccount simulatorAccount(String name) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    SimAccount account = new SimAccount("ws-" + name + "-" + suffix, "key-" + UUID.randomUUID());
    clockify.addKey(account.apiKey(), "cu-" + name + "-" + suffix, "UTC", account.workspace());
    return account;
  }

  /** A new user of the public API, with the token the browser signs in with. */
  private static void addSession(
      Browser browser, LocalDate date, String key, String start, String end, String title) {
    browser.click(By.cssSelector(dayCss(date) + " button[data-action=add-session]"));
    String form = "form.session-form[data-date='" + date + "'] ";
    browser.type(By.cssSelector(form + "[name=projectKey]"), key);
    browser.type(By.cssSelector(form + "[name=start]"), start);
    browser.type(By.cssSelector(form + "[name=end]"), end);
    if (title != null) {
      browser.type(By.cssSelector(form + "[name=title]"), title);
    }
    browser.click(By.cssSelector(form + "button[type=submit]"));
    browser.await(
        "the session form to close",
        d -> d.findElements(By.cssSelector("form.session-form")).isEmpty());
    browser.awaitText(day(date), key);
  }

  private static void awaitStatus(Browser browser, LocalDate date, String status) {
    browser.await(
        date + " to be " + status,
        d -> {
          List<org.openqa.selenium.WebElement> found = d.findElements(day(date));
          return !found.isEmpty() && status.equals(found.get(0).getAttribute("data-status"));
        });
  }

  private static By day(LocalDate date) {
    return By.cssSelector(dayCss(date));
  }

  private static By legend(LocalDate date) {
    return By.cssSelector(dayCss(date) + " [data-role=plan-legend]");
  }
}
