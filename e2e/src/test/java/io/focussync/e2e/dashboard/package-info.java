/**
 * Browser tests of the web dashboard (api-gateway/src/main/resources/static: vanilla ES modules,
 * served by the gateway at {@code /}, talking only to {@code /api/v1} on the same origin).
 *
 * <p>They drive Debian's {@code /usr/bin/chromium} through {@code /usr/bin/chromedriver} (override
 * with FOCUSSYNC_CHROMIUM / FOCUSSYNC_CHROMEDRIVER); where those are missing the tests are skipped
 * with a message, except in CI ({@code CI=true}) where they fail. Screenshots of every page at 1280
 * and 390 px land in {@code e2e/target/screenshots/}.
 *
 * <p>Run: {@code ./mvnw -B -pl e2e verify -Dit.test=DashboardIT} (the service jars must be
 * packaged).
 */
package io.focussync.e2e.dashboard;
