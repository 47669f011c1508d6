package io.focussync.e2e.dashboard;

import static io.focussync.e2e.dashboard.DashboardPeople.dayCss;
import static io.focussync.e2e.dashboard.DashboardPeople.lastWeeksWednesday;
import static io.focussync.e2e.dashboard.DashboardPeople.newUser;
import static io.focussync.e2e.dashboard.DashboardPeople.postSession;
import static io.focussync.e2e.dashboard.DashboardPeople.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.e2e.dashboard.DashboardPeople.Person;
import io.focussync.e2e.support.E2eStack;
import io.focussync.e2e.support.GatewayApi;
import io.focussync.e2e.support.PipelineWorld;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's side of issue 18's Clockify-aware API, which other branches build: projects
 * picked by name ({@code GET /api/v1/clockify/projects}, the simulator's projects) and the user's
 * own Clockify entries in the week ({@code manualEntries} of the day view).
 */
class DashboardClockifyAwareIT {

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
  void projectsAreOfferedByNameAndTheChosenOnesIdIsSaved() {
    Person user = newUser(stack, "dashboard-projects");
    Account account = liveConnection(user);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String acme =
        clockify
            .addProject(account.workspace(), "Acme API " + suffix, "Acme Corp", "#03A9F4", false)
            .id();
    String internal =
        clockify.addProject(account.workspace(), "Internal " + suffix, null, "#8BC34A", false).id();
    clockify.addProject(account.workspace(), "Old project " + suffix, "Legacy", "#9E9E9E", true);
    GatewayApi.Reply listed = user.api().get("/api/v1/clockify/projects");
    assertThat(listed.status()).as("GET /api/v1/clockify/projects: %s", listed).isEqualTo(200);
    LocalDate wednesday = lastWeeksWednesday(LocalDate.now(ZoneOffset.UTC));

    try (Browser browser = Browser.open(stack.gatewayUrl(), 1280, 900)) {
      browser.open("/");
      browser.awaitVisible(By.id("sign-in-form"));
      signIn(browser, user);

      // Settings: the mapping's project is chosen by name (client shown); archived not offered.
      browser.click(By.cssSelector("a[data-nav=settings]"));
      browser.click(By.id("add-mapping"));
      browser.type(By.cssSelector("#mapping-rows .row:last-child [data-role=mapping-key]"), "acme");
      Select mapping =
          new Select(
              browser.find(
                  By.cssSelector("#mapping-rows .row:last-child [data-role=mapping-project]")));
      assertThat(mapping.getOptions())
          .extracting(WebElement::getText)
          .contains("Acme API " + suffix + " · Acme Corp", "Internal " + suffix)
          .noneMatch(text -> text.contains("Old project"));
      mapping.selectByVisibleText("Acme API " + suffix + " · Acme Corp");
      new Select(browser.find(By.cssSelector("[name=otherProjectId]")))
          .selectByVisibleText("Internal " + suffix);
      assertThat(browser.driver().findElements(By.id("projects-unavailable"))).isEmpty();
      browser.type(By.id("preview-key"), "acme");
      browser.awaitText(By.id("preview-result"), "maps to project Acme API " + suffix);
      browser.click(By.cssSelector("#settings-form button[type=submit]"));
      browser.awaitText(By.id("settings-saved"), "Settings saved");
      browser.screenshot("1280-settings-project-picker");

      JsonNode saved = user.api().get("/api/v1/settings/allocation").json();
      assertThat(saved.get("projectMapping").get("acme").asString()).isEqualTo(acme);
      assertThat(saved.get("otherProjectId").asString()).isEqualTo(internal);

      // The week shows the names, not the ids.
      postSession(user, "acme", wednesday + "T10:00:00Z", wednesday + "T11:00:00Z");
      postSession(user, "misc", wednesday + "T11:00:00Z", wednesday + "T12:00:00Z");
      browser.click(By.cssSelector("a[data-nav=week]"));
      browser.awaitVisible(By.cssSelector("section.day"));
      browser.click(By.id("prev-week"));
      String legend =
          browser.awaitText(
              By.cssSelector(dayCss(wednesday) + " [data-role=plan-legend]"),
              "Acme API " + suffix + " · Acme Corp",
              "Other (Internal " + suffix + ")");
      assertThat(legend).doesNotContain(acme).doesNotContain(internal);
      assertThat(browser.javascriptErrors()).isEmpty();
    }
  }

  @Test
  void theUsersOwnClockifyEntriesShowInTheWeek() {
    Person user = newUser(stack, "dashboard-own-entries");
    assertThat(
            user.api()
                .put(
                    "/api/v1/settings/allocation",
                    Map.of("timeZone", "UTC", "mode", "ACTUAL", "pushPolicy", "LIVE"))
                .status())
        .isEqualTo(200);
    Account account = liveConnection(user);
    LocalDate wednesday = lastWeeksWednesday(LocalDate.now(ZoneOffset.UTC));
    // A meeting the user logged in Clockify themselves (no Focus Sync marker tag).
    clockify.putEntry(
        new SimEntry(
            clockify.newId(),
            account.workspace(),
            account.clockifyUser(),
            null,
            wednesday + "T13:00:00Z",
            wednesday + "T14:00:00Z",
            "Meeting",
            List.of(),
            false));
    postSession(user, "acme", wednesday + "T10:00:00Z", wednesday + "T11:00:00Z");
    awaitOwnEntriesInTheDayView(user, wednesday);

    try (Browser browser = Browser.open(stack.gatewayUrl(), 1280, 900)) {
      browser.open("/");
      browser.awaitVisible(By.id("sign-in-form"));
      signIn(browser, user);
      browser.click(By.id("prev-week"));
      browser.awaitText(
          By.cssSelector(dayCss(wednesday) + " [data-role=own-entries]"),
          "13:00–14:00",
          "Your own Clockify entry");
      assertThat(browser.driver().findElements(By.cssSelector(dayCss(wednesday) + " .own-segment")))
          .hasSize(1);
      browser.screenshot("1280-week-own-entries");
      assertThat(browser.javascriptErrors()).isEmpty();
    }
  }

  private static void awaitOwnEntriesInTheDayView(Person user, LocalDate date) {
    Awaitility.await("manualEntries in GET /api/v1/days/" + date)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonNode own = user.api().get("/api/v1/days/" + date).json().get("manualEntries");
              return own != null && own.isArray() && !own.isEmpty();
            });
  }

  // ---- helpers ----

  private record Account(String workspace, String apiKey, String clockifyUser) {}

  /** A live Clockify connection of the user's own to the simulator. */
  private static Account liveConnection(Person user) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Account account = new Account("ws-aware-" + suffix, "key-" + UUID.randomUUID(), "cu-" + suffix);
    clockify.addKey(account.apiKey(), account.clockifyUser(), "UTC", account.workspace());
    GatewayApi.Reply reply =
        user.api()
            .put(
                "/api/v1/connections/clockify",
                Map.of(
                    "apiKey",
                    account.apiKey(),
                    "workspaceId",
                    account.workspace(),
                    "baseUrl",
                    clockify.baseUrl()));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return account;
  }
}
