package io.focussync.clockify.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stateful Clockify on WireMock, following ../shared/reference/clockify-api-notes.md: entries are
 * kept in memory with generated 24-hex ids, PUT replaces the whole entry, DELETE of a missing id
 * and PUT of one answer 400 (not 404), locked entries answer 403, unknown keys 401. Every request
 * is recorded with its arrival time; faults (statuses with or without Retry-After, connection
 * reset, empty answers, delays) can be queued for matching requests, either instead of the
 * request's effect or after it.
 *
 * <p>A {@linkplain #setListingLag(Duration) listing lag} makes the listing of a user's entries an
 * eventually consistent read index, as Clockify's search index can be: it shows the entries as they
 * were {@code lag} ago. An entry created or changed more recently is missing from the listing or
 * shown as it was before; one deleted more recently is still listed. Reads of one entry by id, and
 * the writes themselves, are always current (the primary store). A key can be {@linkplain
 * #revokeKey(String) revoked}: every later call with it answers 401.
 *
 * <p>Workspaces have names and a {@linkplain #lockEntriesBefore lock date} ({@code
 * workspaceSettings.lockTimeEntries}): creating, changing or deleting an entry that starts before
 * it answers 403, and listings show such entries {@code isLocked}. Projects, archived or not, with
 * or without a client, are {@linkplain #addProject added} by tests and listed page by page.
 */
public final class ClockifySimulator implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
  private static final Pattern ENTRIES = Pattern.compile("/v1/workspaces/([^/]+)/time-entries");
  private static final Pattern ENTRY =
      Pattern.compile("/v1/workspaces/([^/]+)/time-entries/([^/]+)");
  private static final Pattern USER_ENTRIES =
      Pattern.compile("/v1/workspaces/([^/]+)/user/([^/]+)/time-entries");
  private static final Pattern TAGS = Pattern.compile("/v1/workspaces/([^/]+)/tags");
  private static final Pattern PROJECT = Pattern.compile("/v1/workspaces/([^/]+)/projects/([^/]+)");
  private static final Pattern PROJECTS = Pattern.compile("/v1/workspaces/([^/]+)/projects");
  private static final Pattern WORKSPACE = Pattern.compile("/v1/workspaces/([^/]+)");

  private final WireMockServer server;
  private final Object lock = new Object();
  private final Map<String, SimUser> keys = new LinkedHashMap<>();
  private final Map<String, SimEntry> entries = new LinkedHashMap<>();
  // every entry's versions, oldest first (null: deleted), for listings that lag
  private final Map<String, List<Version>> history = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  private final Map<String, String> workspaceNames = new LinkedHashMap<>();
  private final Map<String, Lock> locks = new LinkedHashMap<>();
  private final Map<String, List<SimProject>> projects = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> clients = new LinkedHashMap<>();
  private final List<FaultRule> faults = new ArrayList<>();
  private final List<SimRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private final String idPrefix =
      String.format("%08x", ThreadLocalRandom.current().nextInt() & 0x7fffffff);
  private volatile long latencyMillis;
  private volatile long listingLagNanos;

  private ClockifySimulator() {
    server =
        new WireMockServer(
            options()
                .dynamicPort()
                .containerThreads(40)
                .jettyStopTimeout(500L)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .extensions(new Transformer()));
  }

  /** A started simulator on a free port. */
  public static ClockifySimulator start() {
    ClockifySimulator simulator = new ClockifySimulator();
    simulator.server.start();
    simulator.server.stubFor(
        any(anyUrl()).willReturn(aResponse().withTransformers(Transformer.NAME)));
    return simulator;
  }

  /** The base URL a connection uses, like {@code https://api.clockify.me/api}. */
  public String baseUrl() {
    return "http://localhost:" + server.port() + "/api";
  }

  /** The server's root URL (allow-list prefix). */
  public String rootUrl() {
    return "http://localhost:" + server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  // ---- state set-up and inspection ----

  /** Makes an API key valid for a Clockify user with access to the workspaces. */
  public void addKey(String apiKey, String userId, String timeZone, String... workspaceIds) {
    synchronized (lock) {
      keys.put(apiKey, new SimUser(userId, timeZone, List.of(workspaceIds)));
    }
  }

  /**
   * Revokes an API key (the user deleted or regenerated it in Clockify): every later call with it
   * answers 401 "Api key does not exist", as Clockify does.
   */
  public void revokeKey(String apiKey) {
    synchronized (lock) {
      keys.remove(apiKey);
    }
  }

  /** Every entry of a workspace, oldest first (the current state, never lagging). */
  public List<SimEntry> entries(String workspaceId) {
    synchronized (lock) {
      return entries.values().stream().filter(e -> e.workspaceId().equals(workspaceId)).toList();
    }
  }

  /** One entry by id. */
  public Optional<SimEntry> entry(String id) {
    synchronized (lock) {
      return Optional.ofNullable(entries.get(id));
    }
  }

  /** Puts an entry in as if a person (or another tool) had created it. */
  public SimEntry putEntry(SimEntry entry) {
    synchronized (lock) {
      store(entry);
      return entry;
    }
  }

  /** A new entry id like Clockify's. */
  public String newId() {
    return idPrefix + String.format("%016x", ids.incrementAndGet());
  }

  /** The user deletes an entry in Clockify's app. */
  public void deleteAsUser(String entryId) {
    synchronized (lock) {
      remove(entryId);
    }
  }

  /** An approval locks an entry: changes answer 403. */
  public void lock(String entryId) {
    synchronized (lock) {
      SimEntry entry = entries.get(entryId);
      if (entry != null) {
        store(entry.withLocked(true));
      }
    }
  }

  /**
   * {@link System#nanoTime()} of the entry's last create or update (by the API or the set-up
   * methods), empty for an id never written.
   */
  public Optional<Long> lastWriteNanos(String entryId) {
    synchronized (lock) {
      List<Version> versions = history.get(entryId);
      if (versions == null) {
        return Optional.empty();
      }
      for (int i = versions.size() - 1; i >= 0; i--) {
        if (versions.get(i).entry() != null) {
          return Optional.of(versions.get(i).atNanos());
        }
      }
      return Optional.empty();
    }
  }

  /** Names a workspace (the default name is "Workspace <id>"). */
  public void nameWorkspace(String workspaceId, String name) {
    synchronized (lock) {
      workspaceNames.put(workspaceId, name);
    }
  }

  /**
   * Locks the workspace's entries that start before {@code before}, as an admin's "lock entries"
   * setting does; {@code timeZone} is the lock's zone ({@code lockTimeZone}).
   */
  public void lockEntriesBefore(String workspaceId, Instant before, String timeZone) {
    synchronized (lock) {
      locks.put(workspaceId, new Lock(before, timeZone));
    }
  }

  /** Removes the workspace's lock. */
  public void unlock(String workspaceId) {
    synchronized (lock) {
      locks.remove(workspaceId);
    }
  }

  /**
   * Adds a project to a workspace; a client name makes (or reuses) that client of the workspace,
   * null for none.
   */
  public SimProject addProject(
      String workspaceId, String name, String clientName, String color, boolean archived) {
    synchronized (lock) {
      String clientId =
          clientName == null
              ? ""
              : clients
                  .computeIfAbsent(workspaceId, ws -> new LinkedHashMap<>())
                  .computeIfAbsent(clientName, n -> newId());
      SimProject project =
          new SimProject(
              newId(),
              workspaceId,
              name,
              clientId,
              clientName == null ? "" : clientName,
              color,
              archived);
      projects.computeIfAbsent(workspaceId, ws -> new ArrayList<>()).add(project);
      return project;
    }
  }

  /** The tag id of a name in a workspace, if it exists. */
  public Optional<String> tagId(String workspaceId, String name) {
    synchronized (lock) {
      return Optional.ofNullable(tags.getOrDefault(workspaceId, Map.of()).get(name));
    }
  }

  // ---- faults ----

  /** Answers the next {@code times} requests that match with the fault (method null: any). */
  public void fail(String method, String pathPattern, int times, SimFault fault) {
    synchronized (lock) {
      faults.add(new FaultRule(method, Pattern.compile(pathPattern), times, fault));
    }
  }

  /** Answers every request that matches with the fault until {@link #clearFaults()}. */
  public void failAlways(String method, String pathPattern, SimFault fault) {
    fail(method, pathPattern, Integer.MAX_VALUE, fault);
  }

  /** Removes every queued fault. */
  public void clearFaults() {
    synchronized (lock) {
      faults.clear();
    }
  }

  /** Delays every normal answer (a slow Clockify). */
  public void setLatency(long millis) {
    latencyMillis = millis;
  }

  /**
   * Makes the listing of a user's entries ({@code GET .../user/{id}/time-entries}) lag: it shows
   * the state as of {@code lag} ago. An entry created less than {@code lag} ago is not listed yet;
   * one updated less than {@code lag} ago is listed with its content from before the update; one
   * deleted less than {@code lag} ago is still listed, as it was. Zero (the default) makes listings
   * current again. Only the listing lags: reads by id and every write see the current state.
   */
  public void setListingLag(Duration lag) {
    if (lag.isNegative()) {
      throw new IllegalArgumentException("a listing lag cannot be negative: " + lag);
    }
    listingLagNanos = lag.toNanos();
  }

  // ---- recording ----

  /** Every request received so far, in order of arrival. */
  public List<SimRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests received so far that match. */
  public List<SimRequest> requests(Predicate<SimRequest> filter) {
    return requests.stream().filter(filter).toList();
  }

  /** The most requests that arrived within any window of the given length. */
  public static int maxInWindow(List<SimRequest> requests, long windowNanos) {
    List<Long> times = requests.stream().map(SimRequest::atNanos).sorted().toList();
    int max = 0;
    int start = 0;
    for (int end = 0; end < times.size(); end++) {
      while (times.get(end) - times.get(start) >= windowNanos) {
        start++;
      }
      max = Math.max(max, end - start + 1);
    }
    return max;
  }

  // ---- serving ----

  private ResponseDefinition serve(Request request) {
    long at = System.nanoTime();
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q + 1);
    if (path.startsWith("/api")) {
      path = path.substring(4);
    }
    String method = request.getMethod().getName();
    String body = request.getBodyAsString();
    String apiKey = request.getHeader("X-Api-Key");

    SimFault fault;
    synchronized (lock) {
      fault = takeFault(method, path);
    }
    if (fault != null && !fault.afterApply()) {
      requests.add(new SimRequest(at, method, path, query, body, apiKey, fault.type().name()));
      return faultAnswer(fault, null);
    }
    Answer answer;
    synchronized (lock) {
      answer = handle(method, path, parseQuery(query), body, apiKey);
    }
    String outcome = fault == null ? String.valueOf(answer.status) : fault.type().name();
    requests.add(new SimRequest(at, method, path, query, body, apiKey, outcome));
    if (fault != null) {
      return faultAnswer(fault, answer);
    }
    return answer.toResponse(latencyMillis);
  }

  private SimFault takeFault(String method, String path) {
    for (FaultRule rule : faults) {
      if (rule.remaining > 0
          && (rule.method == null || rule.method.equals(method))
          && rule.path.matcher(path).find()) {
        rule.remaining--;
        return rule.fault;
      }
    }
    return null;
  }

  private ResponseDefinition faultAnswer(SimFault fault, Answer answer) {
    switch (fault.type()) {
      case CONNECTION_RESET:
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case EMPTY_RESPONSE:
        return aResponse().withFault(Fault.EMPTY_RESPONSE).build();
      case EMPTY_BODY:
        return aResponse().withStatus(answer == null ? 200 : answer.status).build();
      case DELAY:
        return answer.toResponse(fault.delayMillis());
      default:
        var response =
            aResponse()
                .withStatus(fault.status())
                .withHeader("Content-Type", "application/json")
                .withBody(
                    fault.status() == 429
                        ? "{\"message\":\"Too many requests\",\"code\":429}"
                        : "{\"message\":\"Internal error\",\"code\":" + fault.status() + "}");
        if (fault.retryAfter() != null) {
          response.withHeader("Retry-After", fault.retryAfter());
        }
        return response.build();
    }
  }

  private Answer handle(
      String method, String path, Map<String, List<String>> query, String body, String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      return Answer.error(401, "Multiple or none auth tokens present", 1000);
    }
    SimUser user = keys.get(apiKey);
    if (user == null) {
      return Answer.error(401, "Api key does not exist", 4003);
    }
    if (method.equals("GET") && path.equals("/v1/user")) {
      return Answer.json(200, userJson(user));
    }
    if (method.equals("GET") && path.equals("/v1/workspaces")) {
      // Not paged: Clockify ignores page parameters here.
      List<Object> mine = new ArrayList<>();
      user.workspaces().forEach(ws -> mine.add(workspaceJson(ws)));
      return Answer.json(200, mine);
    }
    String workspace = workspaceOf(path);
    if (workspace == null) {
      return Answer.error(404, "No static resource " + path, 404);
    }
    if (!user.workspaces().contains(workspace)) {
      return Answer.error(403, "Access Denied", 403);
    }
    Matcher m;
    if (WORKSPACE.matcher(path).matches() && method.equals("GET")) {
      return Answer.json(200, workspaceJson(workspace));
    }
    if (PROJECTS.matcher(path).matches() && method.equals("GET")) {
      return listProjects(workspace, query);
    }
    if ((m = USER_ENTRIES.matcher(path)).matches() && method.equals("GET")) {
      return listEntries(workspace, m.group(2), query);
    }
    if ((m = ENTRY.matcher(path)).matches()) {
      String id = m.group(2);
      switch (method) {
        case "GET":
          return entries.containsKey(id) && entries.get(id).workspaceId().equals(workspace)
              ? Answer.json(200, entryJson(entries.get(id), lockedPeriod(entries.get(id))))
              : Answer.error(400, "Time entry doesn't belong to Workspace", 501);
        case "PUT":
          return updateEntry(workspace, id, body);
        case "DELETE":
          return deleteEntry(workspace, id);
        default:
          return Answer.error(405, "Request method '" + method + "' is not supported", 405);
      }
    }
    if (ENTRIES.matcher(path).matches() && method.equals("POST")) {
      return createEntry(workspace, user, body);
    }
    if (TAGS.matcher(path).matches()) {
      return method.equals("POST") ? createTag(workspace, body) : findTags(workspace, query);
    }
    if ((m = PROJECT.matcher(path)).matches() && method.equals("GET")) {
      String projectId = m.group(2);
      Optional<SimProject> stored =
          projects.getOrDefault(workspace, List.of()).stream()
              .filter(p -> p.id().equals(projectId))
              .findFirst();
      if (stored.isPresent()) {
        return Answer.json(200, projectJson(stored.get()));
      }
      return Answer.json(
          200,
          Map.of(
              "id",
              m.group(2),
              "name",
              "Project " + m.group(2),
              "archived",
              false,
              "workspaceId",
              workspace));
    }
    return Answer.error(404, "No static resource " + path, 404);
  }

  private Answer createEntry(String workspace, SimUser user, String body) {
    JsonNode json = readBody(body);
    if (json == null) {
      return Answer.error(400, "Required request body is missing: CreateTimeEntryRequest", 501);
    }
    Answer invalid = validateInterval(json);
    if (invalid != null) {
      return invalid;
    }
    if (lockedPeriod(workspace, text(json, "start"))) {
      return lockedAnswer();
    }
    SimEntry entry =
        new SimEntry(
            newId(),
            workspace,
            user.id(),
            text(json, "projectId"),
            text(json, "start"),
            text(json, "end"),
            text(json, "description"),
            texts(json.get("tagIds")),
            false);
    store(entry);
    return Answer.json(201, entryJson(entry, false));
  }

  private Answer updateEntry(String workspace, String id, String body) {
    SimEntry existing = entries.get(id);
    if (existing == null || !existing.workspaceId().equals(workspace)) {
      return Answer.error(400, "Time entry doesn't belong to Workspace", 501);
    }
    if (existing.locked()) {
      return Answer.error(403, "Access Denied: entry is locked", 403);
    }
    if (lockedPeriod(existing)) {
      return lockedAnswer();
    }
    JsonNode json = readBody(body);
    if (json == null) {
      return Answer.error(400, "Required request body is missing: UpdateTimeEntryRequest", 501);
    }
    Answer invalid = validateInterval(json);
    if (invalid != null) {
      return invalid;
    }
    if (lockedPeriod(workspace, text(json, "start"))) {
      return lockedAnswer();
    }
    // PUT replaces: whatever the body leaves out is gone.
    SimEntry replaced =
        new SimEntry(
            id,
            workspace,
            existing.userId(),
            text(json, "projectId"),
            text(json, "start"),
            text(json, "end"),
            text(json, "description"),
            texts(json.get("tagIds")),
            false);
    store(replaced);
    return Answer.json(200, entryJson(replaced, false));
  }

  private Answer deleteEntry(String workspace, String id) {
    SimEntry existing = entries.get(id);
    if (existing == null || !existing.workspaceId().equals(workspace)) {
      return Answer.error(400, "Time entry doesn't belong to Workspace", 501);
    }
    if (existing.locked() || lockedPeriod(existing)) {
      return lockedAnswer();
    }
    remove(id);
    return new Answer(204, null, Map.of());
  }

  private Answer listEntries(String workspace, String userId, Map<String, List<String>> query) {
    int pageSize = Integer.parseInt(first(query, "page-size", "50"));
    int page = Integer.parseInt(first(query, "page", "1"));
    if (pageSize < 1) {
      return Answer.error(400, "Page size must be a positive value", 501);
    }
    if (pageSize > 5000) {
      return Answer.error(400, "Page size cannot be larger than 5,000.", 501);
    }
    Instant from = instant(first(query, "start", null));
    Instant to = instant(first(query, "end", null));
    List<String> tagFilter = query.getOrDefault("tags", List.of());
    List<SimEntry> matching =
        listed().stream()
            .filter(e -> e.workspaceId().equals(workspace) && e.userId().equals(userId))
            .filter(e -> from == null || !Instant.parse(e.start()).isBefore(from))
            .filter(e -> to == null || Instant.parse(e.start()).isBefore(to))
            .filter(e -> tagFilter.isEmpty() || e.tagIds().stream().anyMatch(tagFilter::contains))
            .sorted(Comparator.comparing(SimEntry::start).reversed())
            .toList();
    int fromIndex = Math.min((page - 1) * pageSize, matching.size());
    int toIndex = Math.min(fromIndex + pageSize, matching.size());
    List<Object> pageItems = new ArrayList<>();
    matching.subList(fromIndex, toIndex).forEach(e -> pageItems.add(entryJson(e, lockedPeriod(e))));
    return new Answer(
        200, pageItems, Map.of("Last-Page", String.valueOf(toIndex >= matching.size())));
  }

  /** The entries a listing shows: the current ones, or those of {@code lag} ago. */
  private List<SimEntry> listed() {
    long lag = listingLagNanos;
    if (lag == 0) {
      return List.copyOf(entries.values());
    }
    long asOf = System.nanoTime() - lag;
    List<SimEntry> listed = new ArrayList<>();
    for (List<Version> versions : history.values()) {
      SimEntry shown = null;
      for (Version version : versions) {
        if (version.atNanos() - asOf > 0) {
          break;
        }
        shown = version.entry();
      }
      if (shown != null) {
        listed.add(shown);
      }
    }
    return listed;
  }

  /** Creates or replaces an entry (caller holds the lock). */
  private void store(SimEntry entry) {
    entries.put(entry.id(), entry);
    history
        .computeIfAbsent(entry.id(), id -> new ArrayList<>())
        .add(new Version(entry, System.nanoTime()));
  }

  /** Deletes an entry (caller holds the lock). */
  private void remove(String id) {
    if (entries.remove(id) != null) {
      history.computeIfAbsent(id, i -> new ArrayList<>()).add(new Version(null, System.nanoTime()));
    }
  }

  private Answer createTag(String workspace, String body) {
    JsonNode json = readBody(body);
    String name = json == null ? null : text(json, "name");
    if (name == null || name.isBlank() || name.length() > 100) {
      return Answer.error(400, "Tag name is invalid", 501);
    }
    Map<String, String> byName = tags.computeIfAbsent(workspace, ws -> new LinkedHashMap<>());
    if (byName.containsKey(name)) {
      return Answer.error(400, "Tag with name '" + name + "' already exists", 501);
    }
    String id = newId();
    byName.put(name, id);
    return Answer.json(201, tagJson(workspace, name, id));
  }

  private Answer findTags(String workspace, Map<String, List<String>> query) {
    String name = first(query, "name", null);
    boolean strict = Boolean.parseBoolean(first(query, "strict-name-search", "false"));
    List<Object> found = new ArrayList<>();
    tags.getOrDefault(workspace, Map.of())
        .forEach(
            (tagName, id) -> {
              if (name == null
                  || (strict
                      ? tagName.equals(name)
                      : tagName.toLowerCase().contains(name.toLowerCase()))) {
                found.add(tagJson(workspace, tagName, id));
              }
            });
    return new Answer(200, found, Map.of());
  }

  private static Answer validateInterval(JsonNode json) {
    String start = text(json, "start");
    String end = text(json, "end");
    if (start == null) {
      return Answer.error(400, "Cannot create a time entry with only an end time", 501);
    }
    for (String value : new String[] {start, end}) {
      if (value != null && !TIMESTAMP.matcher(value).matches()) {
        return Answer.error(
            400, "Make sure the date has the following format \"yyyy-MM-ddThh:mm:ssZ\"", 501);
      }
    }
    if (end != null && Instant.parse(start).isAfter(Instant.parse(end))) {
      return Answer.error(400, "Start datetime is greater than end datetime", 501);
    }
    String description = text(json, "description");
    if (description != null && description.length() > 3000) {
      return Answer.error(400, "Description is too long", 501);
    }
    return null;
  }

  private static Map<String, Object> entryJson(SimEntry entry, boolean inLockedPeriod) {
    Map<String, Object> interval = new LinkedHashMap<>();
    interval.put("start", entry.start());
    interval.put("end", entry.end());
    interval.put(
        "duration",
        entry.end() == null
            ? null
            : Duration.between(Instant.parse(entry.start()), Instant.parse(entry.end()))
                .toString());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", entry.id());
    json.put("description", entry.description());
    json.put("tagIds", entry.tagIds().isEmpty() ? null : entry.tagIds());
    json.put("userId", entry.userId());
    json.put("billable", false);
    json.put("taskId", null);
    json.put("projectId", entry.projectId());
    json.put("workspaceId", entry.workspaceId());
    json.put("timeInterval", interval);
    json.put("customFieldValues", List.of());
    json.put("type", "REGULAR");
    json.put("kioskId", null);
    json.put("isLocked", entry.locked() || inLockedPeriod);
    return json;
  }

  private Answer listProjects(String workspace, Map<String, List<String>> query) {
    int pageSize = Integer.parseInt(first(query, "page-size", "50"));
    int page = Integer.parseInt(first(query, "page", "1"));
    if (pageSize < 1) {
      return Answer.error(400, "Page size must be a positive value", 501);
    }
    if (pageSize > 5000) {
      return Answer.error(400, "Page size cannot be larger than 5,000.", 501);
    }
    // "archived": true gives only archived projects, false only active ones, none both.
    String archived = first(query, "archived", null);
    List<SimProject> matching =
        projects.getOrDefault(workspace, List.of()).stream()
            .filter(p -> archived == null || p.archived() == Boolean.parseBoolean(archived))
            .sorted(Comparator.comparing(SimProject::name))
            .toList();
    int fromIndex = Math.min((page - 1) * pageSize, matching.size());
    int toIndex = Math.min(fromIndex + pageSize, matching.size());
    List<Object> pageItems = new ArrayList<>();
    matching.subList(fromIndex, toIndex).forEach(p -> pageItems.add(projectJson(p)));
    return new Answer(
        200, pageItems, Map.of("Last-Page", String.valueOf(toIndex >= matching.size())));
  }

  /** Whether the entry starts in its workspace's locked period (caller holds the lock). */
  private boolean lockedPeriod(SimEntry entry) {
    return lockedPeriod(entry.workspaceId(), entry.start());
  }

  private boolean lockedPeriod(String workspace, String start) {
    Lock held = locks.get(workspace);
    return held != null && start != null && Instant.parse(start).isBefore(held.before());
  }

  private static Answer lockedAnswer() {
    return Answer.error(403, "Access Denied: the time entry is in a locked period", 403);
  }

  private Map<String, Object> workspaceJson(String workspace) {
    Lock held = locks.get(workspace);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("timeRoundingInReports", false);
    settings.put("onlyAdminsSeeBillableRates", true);
    settings.put("forceProjects", false);
    settings.put("lockTimeEntries", held == null ? null : held.before().toString());
    settings.put("lockTimeZone", held == null ? null : held.timeZone());
    settings.put("automaticLock", null);
    settings.put("timeTrackingMode", "DEFAULT");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", workspace);
    json.put("name", workspaceNames.getOrDefault(workspace, "Workspace " + workspace));
    json.put("hourlyRate", Map.of("amount", 0, "currency", "USD"));
    json.put("memberships", List.of());
    json.put("workspaceSettings", settings);
    json.put("imageUrl", "");
    json.put("featureSubscriptionType", null);
    return json;
  }

  private static Map<String, Object> projectJson(SimProject project) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", project.id());
    json.put("name", project.name());
    json.put("hourlyRate", null);
    json.put("clientId", project.clientId());
    json.put("clientName", project.clientName());
    json.put("workspaceId", project.workspaceId());
    json.put("billable", false);
    json.put("memberships", List.of());
    json.put("color", project.color());
    json.put("estimate", Map.of("estimate", "PT0S", "type", "AUTO"));
    json.put("archived", project.archived());
    json.put("duration", "PT0S");
    json.put("note", "");
    json.put("template", false);
    json.put("public", true);
    return json;
  }

  private static Map<String, Object> tagJson(String workspace, String name, String id) {
    return Map.of("id", id, "name", name, "workspaceId", workspace, "archived", false);
  }

  private static Map<String, Object> userJson(SimUser user) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", user.id());
    json.put("email", user.id() + "@example.com");
    json.put("name", "User " + user.id());
    json.put("activeWorkspace", user.workspaces().isEmpty() ? null : user.workspaces().get(0));
    json.put("defaultWorkspace", user.workspaces().isEmpty() ? null : user.workspaces().get(0));
    json.put("status", "ACTIVE");
    json.put("settings", Map.of("timeZone", user.timeZone(), "weekStart", "MONDAY"));
    return json;
  }

  private static String workspaceOf(String path) {
    if (!path.startsWith("/v1/workspaces/")) {
      return null;
    }
    String rest = path.substring("/v1/workspaces/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static JsonNode readBody(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(v -> values.add(v.asString()));
    }
    return values;
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  private static String first(Map<String, List<String>> query, String name, String fallback) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }

  private static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private record SimUser(String id, String timeZone, List<String> workspaces) {}

  /** A workspace's lock: entries that start before {@code before} are locked. */
  private record Lock(Instant before, String timeZone) {}

  /** An entry as it was from {@code atNanos} on; a null entry: deleted then. */
  private record Version(SimEntry entry, long atNanos) {}

  private static final class FaultRule {
    private final String method;
    private final Pattern path;
    private final SimFault fault;
    private int remaining;

    FaultRule(String method, Pattern path, int times, SimFault fault) {
      this.method = method;
      this.path = path;
      this.remaining = times;
      this.fault = fault;
    }
  }

  private record Answer(int status, Object body, Map<String, String> headers) {

    static Answer json(int status, Object body) {
      return new Answer(status, body, Map.of());
    }

    static Answer error(int status, String message, int code) {
      return new Answer(status, Map.of("message", message, "code", code), Map.of());
    }

    ResponseDefinition toResponse(long delayMillis) {
      List<HttpHeader> headerList = new ArrayList<>();
      headers.forEach((name, value) -> headerList.add(new HttpHeader(name, value)));
      var response = aResponse().withStatus(status).withHeaders(new HttpHeaders(headerList));
      if (body != null) {
        response
            .withHeader("Content-Type", "application/json")
            .withBody(JSON.writeValueAsString(body));
      }
      if (delayMillis > 0) {
        response.withFixedDelay((int) delayMillis);
      }
      return response.build();
    }
  }

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    static final String NAME = "clockify-simulator";

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      return serve(serveEvent.getRequest());
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }
}
