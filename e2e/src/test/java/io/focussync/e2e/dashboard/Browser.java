package io.focussync.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (never a downloaded browser), one
 * fresh profile per instance. Missing binaries skip the tests locally and fail them in CI.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

  private static final Duration WAIT = Duration.ofSeconds(90);

  private final ChromeDriver driver;
  private final Path profile;
  private final String baseUrl;

  private Browser(ChromeDriver driver, Path profile, String baseUrl) {
    this.driver = driver;
    this.profile = profile;
    this.baseUrl = baseUrl;
  }

  /** Skips (locally) or fails (CI=true) when Chromium or chromedriver is not installed. */
  static void requireInstalled() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(chromium())) {
      missing.add(chromium().toString());
    }
    if (!Files.isExecutable(chromedriver())) {
      missing.add(chromedriver().toString());
    }
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "The dashboard's browser tests need Debian's chromium and chromium-driver ("
            + String.join(", ", missing)
            + " missing): apt-get install -y chromium chromium-driver,"
            + " or set FOCUSSYNC_CHROMIUM / FOCUSSYNC_CHROMEDRIVER.";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message + " In CI they must run, not be skipped.");
    }
    Assumptions.abort(message + " Skipped outside CI.");
  }

  /** A new browser with a fresh profile and the given window size. */
  static Browser open(String baseUrl, int width, int height) {
    try {
      Path profile = Files.createTempDirectory("focussync-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chromium().toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--user-data-dir=" + profile,
          "--window-size=" + width + "," + height);
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(chromedriver().toFile())
              .usingAnyFreePort()
              .build();
      Browser browser = new Browser(new ChromeDriver(service, options), profile, baseUrl);
      browser.resize(width, height);
      return browser;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path chromium() {
    return Path.of(envOr("FOCUSSYNC_CHROMIUM", "/usr/bin/chromium"));
  }

  private static Path chromedriver() {
    return Path.of(envOr("FOCUSSYNC_CHROMEDRIVER", "/usr/bin/chromedriver"));
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * Sets the viewport's CSS width exactly: headless windows have a minimum outer width, so the
   * window is adjusted until {@code window.innerWidth} is what a phone of that width shows.
   */
  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    long inner = ((Number) script("return window.innerWidth;")).longValue();
    if (inner != width) {
      driver.manage().window().setSize(new Dimension((int) (2 * width - inner), height));
    }
    assertThat(((Number) script("return window.innerWidth;")).longValue())
        .as("viewport width")
        .isEqualTo(width);
  }

  WebDriver driver() {
    return driver;
  }

  /** Opens a path of the gateway, e.g. {@code /#/week}. */
  void open(String path) {
    driver.get(baseUrl + path);
  }

  Object script(String javascript, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(javascript, args);
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  /** Waits until the condition holds (elements re-rendered under it are looked up again). */
  <T> T await(String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(what)
        .until(condition);
  }

  WebElement awaitVisible(By by) {
    return await(
        "visible: " + by,
        d -> {
          List<WebElement> found = d.findElements(by);
          return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
        });
  }

  /** Waits until the element's text contains every fragment. */
  String awaitText(By by, String... fragments) {
    return await(
        "text of " + by + " to contain " + List.of(fragments),
        d -> {
          List<WebElement> found = d.findElements(by);
          if (found.isEmpty()) {
            return null;
          }
          String text = found.get(0).getText();
          for (String fragment : fragments) {
            if (!text.contains(fragment)) {
              return null;
            }
          }
          return text;
        });
  }

  /** Replaces an input's value as a user would (select all, type). */
  void type(By by, String text) {
    WebElement input = awaitVisible(by);
    input.clear();
    input.sendKeys(text);
  }

  /** Clicks the element, looked up again if the page re-rendered it between finding and click. */
  void click(By by) {
    await(
        "clickable: " + by,
        d -> {
          List<WebElement> found = d.findElements(by);
          if (found.isEmpty() || !found.get(0).isDisplayed()) {
            return false;
          }
          found.get(0).click();
          return true;
        });
  }

  /** Saves a PNG of the whole page under target/screenshots/{name}.png. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Dimension window = driver.manage().window().getSize();
      long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
      driver
          .manage()
          .window()
          .setSize(new Dimension(window.getWidth(), (int) Math.min(height + 160, 8000)));
      File file = driver.getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(file.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      driver.manage().window().setSize(window);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page is not wider than the viewport (no horizontal scrolling). */
  void assertNoHorizontalScroll(String page) {
    @SuppressWarnings("unchecked")
    Map<String, Object> sizes =
        (Map<String, Object>)
            script(
                "return {scroll: document.documentElement.scrollWidth,"
                    + " viewport: document.documentElement.clientWidth};");
    assertThat(((Number) sizes.get("scroll")).longValue())
        .as("%s: page width %s must fit the viewport", page, sizes)
        .isLessThanOrEqualTo(((Number) sizes.get("viewport")).longValue());
  }

  /** Every resource the page loaded came from the gateway (or is inline data). */
  void assertOnlyGatewayRequests() {
    @SuppressWarnings("unchecked")
    List<String> urls =
        (List<String>)
            script(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".concat([...document.querySelectorAll('[src],[href]')]"
                    + ".map(e => e.src || e.href).filter(u => u && !u.startsWith('javascript:')));");
    String origin = (String) script("return location.origin;");
    assertThat(urls)
        .as("requests of the page")
        .allSatisfy(
            url ->
                assertThat(url)
                    .matches(u -> u.startsWith(origin) || u.startsWith("data:"), "same origin"));
  }

  /** JavaScript errors the console logged since the last call (uncaught exceptions). */
  List<String> javascriptErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      String message = entry.getMessage();
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
          && (message.contains("Uncaught") || message.contains("SyntaxError"))) {
        errors.add(message);
      }
    }
    return errors;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a leftover temp profile is harmless
    }
  }
}
