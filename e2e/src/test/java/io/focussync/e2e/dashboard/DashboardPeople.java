package io.focussync.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.e2e.support.E2eStack;
import io.focussync.e2e.support.GatewayApi;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.openqa.selenium.By;

/** The steps the dashboard's browser tests share: a new user, their sign-in and sessions. */
final class DashboardPeople {

  private DashboardPeople() {}

  /** A user of the dashboard: their token and the API as them. */
  record Person(String token, GatewayApi api) {}

  static Person newUser(E2eStack stack, String name) {
    GatewayApi.Reply reply =
        stack.admin().post("/api/v1/admin/users", Map.of("name", name + "-" + System.nanoTime()));
    assertThat(reply.status()).as("creating a user: %s", reply).isEqualTo(201);
    String token = reply.json().get("token").asString();
    return new Person(token, new GatewayApi(stack.gatewayUrl(), token));
  }

  static void signIn(Browser browser, Person user) {
    browser.type(By.name("token"), user.token());
    browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
    browser.awaitVisible(By.id("week-days"));
    browser.awaitVisible(By.cssSelector("section.day"));
  }

  static void postSession(Person user, String key, String start, String end) {
    GatewayApi.Reply reply =
        user.api().post("/api/v1/sessions", Map.of("projectKey", key, "start", start, "end", end));
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
  }

  static LocalDate lastWeeksWednesday(LocalDate today) {
    return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1).plusDays(2);
  }

  static String dayCss(LocalDate date) {
    return "section.day[data-date='" + date + "']";
  }
}
