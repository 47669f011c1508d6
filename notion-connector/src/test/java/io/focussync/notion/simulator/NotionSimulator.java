package io.focussync.notion.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful Notion API (Notion-Version 2025-09-03) on WireMock, shaped after the real recorded
 * payloads in {@code shared/reference/notion/}: workspaces with an integration token and a bot
 * user, databases with one data source and its property schema, pages whose {@code
 * last_edited_time} is rounded down to the minute, data source queries with a {@code
 * last_edited_time} filter and cursor paging (max 100 per page), trash and restore, PATCH that
 * updates properties and the edit time, injected 429/529/5xx answers with {@code Retry-After}, and
 * signed webhook deliveries. The clock can be frozen to make same-minute edits.
 */
public final class NotionSimulator implements AutoCloseable {

  /** The version the simulator speaks; requests without a Notion-Version header are refused. */
  public static final String VERSION = "2025-09-03";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_PAGE_SIZE = 100;
  private static final DateTimeFormatter ZULU_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter OFFSET_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  private final Map<String, Workspace> workspacesByToken = new ConcurrentHashMap<>();
  private final Map<String, Database> databases = new ConcurrentHashMap<>();
  private final Map<String, Database> databasesBySource = new ConcurrentHashMap<>();
  private final Map<String, SimPage> pages = new ConcurrentHashMap<>();
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private volatile Instant frozenNow;
  private final WireMockServer server;

  private NotionSimulator() {
    server =
        new WireMockServer(
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(16)
                .stubRequestLoggingDisabled(true)
                .extensions(new Handler()));
  }

  /** A started simulator on a free port. */
  public static NotionSimulator start() {
    NotionSimulator simulator = new NotionSimulator();
    simulator.server.start();
    simulator.server.stubFor(
        any(urlMatching("/v1/.*")).willReturn(aResponse().withTransformers(Handler.NAME)));
    return simulator;
  }

  /** The base URL a connection uses, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The underlying WireMock server, for request verification. */
  public WireMockServer wireMock() {
    return server;
  }

  @Override
  public void close() {
    server.stop();
  }

  // ---- time ---------------------------------------------------------------------------------

  /** Freezes the simulator's clock at an instant (null unfreezes it). */
  public void freezeAt(Instant now) {
    this.frozenNow = now;
  }

  private Instant now() {
    Instant frozen = frozenNow;
    return frozen == null ? Instant.now() : frozen;
  }

  private Instant editTime() {
    return now().truncatedTo(ChronoUnit.MINUTES);
  }

  // ---- setup --------------------------------------------------------------------------------

  /** A new workspace with an internal integration; returns its token ({@code ntn_…}). */
  public String newIntegration() {
    String token = "ntn_" + UUID.randomUUID().toString().replace("-", "");
    workspacesByToken.put(
        token,
        new Workspace(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString()));
    return token;
  }

  /** The bot user of the integration behind a token (the author of its API edits). */
  public String botUserId(String token) {
    return workspace(token).botId;
  }

  /** The person who edits pages in the app in the token's workspace. */
  public String personUserId(String token) {
    return workspace(token).personId;
  }

  /** The schema of a typical Focus Sessions database. */
  public static Map<String, String> focusSessionsSchema() {
    Map<String, String> schema = new LinkedHashMap<>();
    schema.put("Name", "title");
    schema.put("Date", "date");
    schema.put("Project", "select");
    schema.put("Flow score", "number");
    schema.put("Phone away", "checkbox");
    schema.put("Goal written", "checkbox");
    schema.put("Synced", "checkbox");
    schema.put("Clockify entry", "url");
    schema.put("Synced at", "date");
    return schema;
  }

  /** Creates a database with one data source of the schema (name → type) shared with a token. */
  public Db createDatabase(String token, Map<String, String> schema) {
    Workspace workspace = workspace(token);
    Database database =
        new Database(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            workspace,
            new LinkedHashMap<>(schema),
            editTime());
    databases.put(database.id, database);
    databasesBySource.put(database.dataSourceId, database);
    return new Db(database.id, database.dataSourceId);
  }

  /** A created database: its id and its data source's id. */
  public record Db(String databaseId, String dataSourceId) {}

  /** Adds a second data source to a database (as a user adding one in the app would). */
  public String addDataSource(String databaseId) {
    Database database = databases.get(databaseId);
    String id = UUID.randomUUID().toString();
    database.extraSources.add(id);
    return id;
  }

  /** Removes a property from a data source's schema (as a user deleting a column would). */
  public synchronized void dropProperty(String dataSourceId, String name) {
    databasesBySource.get(dataSourceId).schema.remove(name);
  }

  /** Creates a page in a data source, edited now by the workspace's person. */
  public synchronized String createPage(String dataSourceId, Map<String, JsonNode> properties) {
    Database database = databasesBySource.get(dataSourceId);
    SimPage page = new SimPage(UUID.randomUUID().toString(), database, editTime());
    for (Map.Entry<String, String> property : database.schema.entrySet()) {
      page.properties.put(property.getKey(), emptyValue(property.getValue()));
    }
    properties.forEach((name, value) -> page.properties.put(name, value.deepCopy()));
    page.lastEditedBy = database.workspace.personId;
    pages.put(page.id, page);
    return page.id;
  }

  /** Creates a page with the property values of a real page object (e.g. a sample payload). */
  public synchronized String importPage(String dataSourceId, JsonNode samplePage) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : samplePage.path("properties").properties()) {
      values.put(property.getKey(), property.getValue());
    }
    return createPage(dataSourceId, values);
  }

  /** Changes property values of a page as its person would in the app. */
  public synchronized void editPage(String pageId, Map<String, JsonNode> properties) {
    SimPage page = page(pageId);
    properties.forEach((name, value) -> page.properties.put(name, value.deepCopy()));
    touch(page, page.database.workspace.personId);
  }

  /** Moves a page to the trash (in the app). */
  public synchronized void trash(String pageId) {
    SimPage page = page(pageId);
    page.inTrash = true;
    touch(page, page.database.workspace.personId);
  }

  /** Restores a page from the trash (in the app). */
  public synchronized void restore(String pageId) {
    SimPage page = page(pageId);
    page.inTrash = false;
    touch(page, page.database.workspace.personId);
  }

  /** The page as the API returns it now. */
  public synchronized JsonNode pageJson(String pageId) {
    return render(page(pageId));
  }

  /** The last_edited_time of a page. */
  public synchronized Instant lastEditedTime(String pageId) {
    return page(pageId).lastEdited;
  }

  /** Who edited the page last (a person or the integration's bot). */
  public synchronized String lastEditedBy(String pageId) {
    return page(pageId).lastEditedBy;
  }

  /** Answers the next {@code times} requests with this token with an error status. */
  public void failNext(String token, int status, Integer retryAfterSeconds, int times) {
    Deque<Fault> queue = faults.computeIfAbsent(token, t -> new ArrayDeque<>());
    synchronized (queue) {
      for (int i = 0; i < times; i++) {
        queue.add(new Fault(status, retryAfterSeconds));
      }
    }
  }

  /** The requests this simulator served whose method and URL match. */
  public List<Request> requests(String method, String urlRegex) {
    Pattern pattern = Pattern.compile(urlRegex);
    List<Request> matching = new ArrayList<>();
    for (ServeEvent event : server.getAllServeEvents()) {
      Request request = event.getRequest();
      if (request.getMethod().getName().equals(method)
          && pattern.matcher(request.getUrl()).matches()) {
        matching.add(request);
      }
    }
    return matching;
  }

  /** Every request made with a token, oldest first, with the status it was answered with. */
  public List<Served> served(String token) {
    List<Served> served = new ArrayList<>();
    for (ServeEvent event : server.getAllServeEvents()) {
      Request request = event.getRequest();
      if (request.containsHeader("Authorization")
          && request.getHeader("Authorization").equals("Bearer " + token)) {
        served.add(
            new Served(
                event.getRequest().getLoggedDate().toInstant(),
                request.getMethod().getName(),
                request.getUrl(),
                event.getResponse().getStatus()));
      }
    }
    served.sort(Comparator.comparing(Served::at));
    return served;
  }

  /** One served request. */
  public record Served(Instant at, String method, String url, int status) {}

  // ---- property values (response shape) -----------------------------------------------------

  /** A title value. */
  public static JsonNode title(String text) {
    return value("title", richTextArray(text));
  }

  /** A rich text value (split into runs of at most 2,000 characters, as Notion does). */
  public static JsonNode richText(String text) {
    return value("rich_text", richTextArray(text));
  }

  /** A select value. */
  public static JsonNode select(String name) {
    ObjectNode option = NODES.objectNode();
    option.put("id", UUID.randomUUID().toString().substring(0, 4));
    option.put("name", name);
    option.put("color", "default");
    return value("select", option);
  }

  /** A relation value. */
  public static JsonNode relation(String... pageIds) {
    ArrayNode ids = NODES.arrayNode();
    for (String id : pageIds) {
      ids.addObject().put("id", id);
    }
    ObjectNode node = value("relation", ids);
    node.put("has_more", false);
    return node;
  }

  /** A date value with a start and an optional end (ISO date or date-time). */
  public static JsonNode date(String start, String end) {
    ObjectNode date = NODES.objectNode();
    date.put("start", start);
    date.put("end", end);
    date.putNull("time_zone");
    return value("date", date);
  }

  /** A date value of two instants, rendered as Notion does ({@code .000+00:00}). */
  public static JsonNode date(Instant start, Instant end) {
    return date(render(start), end == null ? null : render(end));
  }

  /** An empty date value. */
  public static JsonNode noDate() {
    return value("date", NODES.nullNode());
  }

  /** A number value. */
  public static JsonNode number(double number) {
    ObjectNode node = NODES.objectNode();
    node.put("id", "n");
    node.put("type", "number");
    node.put("number", number);
    return node;
  }

  /** A checkbox value. */
  public static JsonNode checkbox(boolean checked) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "checkbox");
    node.put("checkbox", checked);
    return node;
  }

  private static String render(Instant instant) {
    return OFFSET_TIME.format(instant);
  }

  private static ObjectNode value(String type, JsonNode inner) {
    ObjectNode node = NODES.objectNode();
    node.put("id", type.substring(0, Math.min(4, type.length())));
    node.put("type", type);
    node.set(type, inner);
    return node;
  }

  private static ArrayNode richTextArray(String text) {
    ArrayNode runs = NODES.arrayNode();
    for (int from = 0; from < text.length(); from += 2000) {
      String chunk = text.substring(from, Math.min(text.length(), from + 2000));
      ObjectNode run = runs.addObject();
      run.put("type", "text");
      ObjectNode content = run.putObject("text");
      content.put("content", chunk);
      content.putNull("link");
      ObjectNode annotations = run.putObject("annotations");
      annotations.put("bold", false);
      annotations.put("italic", false);
      annotations.put("strikethrough", false);
      annotations.put("underline", false);
      annotations.put("code", false);
      annotations.put("color", "default");
      run.put("plain_text", chunk);
      run.putNull("href");
    }
    return runs;
  }

  private static JsonNode emptyValue(String type) {
    return switch (type) {
      case "title", "rich_text" -> value(type, NODES.arrayNode());
      case "checkbox" -> checkbox(false);
      case "relation", "multi_select", "people" -> value(type, NODES.arrayNode());
      default -> value(type, NODES.nullNode());
    };
  }

  // ---- webhooks -----------------------------------------------------------------------------

  /** The body of the verification handshake Notion posts once per new subscription. */
  public static String handshakeBody(String verificationToken) {
    return JSON.writeValueAsString(NODES.objectNode().put("verification_token", verificationToken));
  }

  /**
   * A webhook event body about a page, in the envelope of the real {@code page.properties_updated}
   * sample, authored by the given users ({@code bot:<id>} for bots).
   */
  public synchronized String pageEvent(String type, String pageId, String... authors) {
    SimPage page = page(pageId);
    ObjectNode event = NODES.objectNode();
    event.put("id", UUID.randomUUID().toString());
    event.put("timestamp", now().toString());
    event.put("workspace_id", page.database.workspace.id);
    event.put("workspace_name", "Simulated workspace");
    event.put("subscription_id", UUID.randomUUID().toString());
    event.put("integration_id", UUID.randomUUID().toString());
    event.put("type", type);
    ArrayNode authorNodes = event.putArray("authors");
    for (String author : authors) {
      boolean bot = author.startsWith("bot:");
      authorNodes
          .addObject()
          .put("id", bot ? author.substring(4) : author)
          .put("type", bot ? "bot" : "person");
    }
    event.put("attempt_number", 1);
    event.put("api_version", VERSION);
    event.putObject("entity").put("id", pageId).put("type", "page");
    ObjectNode data = event.putObject("data");
    data.putObject("parent")
        .put("id", page.database.id)
        .put("type", "database")
        .put("data_source_id", page.database.dataSourceId);
    if ("page.properties_updated".equals(type)) {
      data.putArray("updated_properties").add("title");
    }
    return JSON.writeValueAsString(event);
  }

  /** The {@code X-Notion-Signature} Notion sends with a body. */
  public static String sign(String verificationToken, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(verificationToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- the API ------------------------------------------------------------------------------

  private static final Pattern DATABASE = Pattern.compile("/v1/databases/([^/?]+)");
  private static final Pattern DATA_SOURCE = Pattern.compile("/v1/data_sources/([^/?]+)");
  private static final Pattern QUERY = Pattern.compile("/v1/data_sources/([^/?]+)/query(\\?.*)?");
  private static final Pattern PAGE = Pattern.compile("/v1/pages/([^/?]+)");

  private final class Handler implements ResponseDefinitionTransformerV2 {

    static final String NAME = "notion-simulator";

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      try {
        return handle(serveEvent.getRequest());
      } catch (RuntimeException e) {
        return error(500, "internal_server_error", "simulator: " + e);
      }
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

  private ResponseDefinition handle(Request request) {
    if (request.getHeader("Notion-Version") == null || !request.containsHeader("Notion-Version")) {
      return error(400, "missing_version", "Notion-Version header failed validation.");
    }
    String authorization =
        request.containsHeader("Authorization") ? request.getHeader("Authorization") : "";
    String token = authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
    Workspace workspace = workspacesByToken.get(token);
    if (workspace == null) {
      return error(401, "unauthorized", "API token is invalid.");
    }
    Fault fault = nextFault(token);
    if (fault != null) {
      return fault.response();
    }
    String method = request.getMethod().getName();
    String url = request.getUrl();
    Matcher matcher;
    synchronized (this) {
      if (method.equals("GET") && url.equals("/v1/users/me")) {
        return ok(botUser(workspace));
      }
      if (method.equals("POST") && (matcher = QUERY.matcher(url)).matches()) {
        return query(workspace, matcher.group(1), body(request));
      }
      if (method.equals("GET") && (matcher = DATABASE.matcher(url)).matches()) {
        Database database = databases.get(matcher.group(1));
        return visible(database, workspace) ? ok(renderDatabase(database)) : notFound("database");
      }
      if (method.equals("GET") && (matcher = DATA_SOURCE.matcher(url)).matches()) {
        Database database = databasesBySource.get(matcher.group(1));
        return visible(database, workspace)
            ? ok(renderDataSource(database))
            : notFound("data source");
      }
      if ((matcher = PAGE.matcher(url)).matches()) {
        SimPage page = pages.get(matcher.group(1));
        if (page == null || page.database.workspace != workspace) {
          return notFound("page");
        }
        if (method.equals("GET")) {
          return ok(render(page));
        }
        if (method.equals("PATCH")) {
          return patch(workspace, page, body(request));
        }
      }
    }
    return error(400, "invalid_request_url", "Invalid request URL.");
  }

  private ResponseDefinition query(Workspace workspace, String dataSourceId, JsonNode body) {
    Database database = databasesBySource.get(dataSourceId);
    if (!visible(database, workspace)) {
      return notFound("data source");
    }
    int pageSize = body.path("page_size").asInt(MAX_PAGE_SIZE);
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      return error(400, "validation_error", "body.page_size should be ≤ `100`.");
    }
    Predicate<SimPage> filter = filter(body.path("filter"));
    List<SimPage> matching =
        pages.values().stream()
            .filter(page -> page.database == database && !page.inTrash)
            .filter(filter)
            .sorted(
                Comparator.comparing((SimPage page) -> page.lastEdited).thenComparing(p -> p.id))
            .toList();
    int from = 0;
    if (body.path("start_cursor").isString()) {
      from =
          Integer.parseInt(
              new String(
                  Base64.getUrlDecoder().decode(body.path("start_cursor").asString()),
                  StandardCharsets.UTF_8));
    }
    int to = Math.min(matching.size(), from + pageSize);
    ObjectNode answer = NODES.objectNode();
    answer.put("object", "list");
    ArrayNode results = answer.putArray("results");
    for (SimPage page : matching.subList(Math.min(from, to), to)) {
      results.add(render(page));
    }
    boolean hasMore = to < matching.size();
    if (hasMore) {
      answer.put(
          "next_cursor",
          Base64.getUrlEncoder()
              .encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8)));
    } else {
      answer.putNull("next_cursor");
    }
    answer.put("has_more", hasMore);
    answer.put("type", "page_or_data_source");
    answer.putObject("page_or_data_source");
    answer.put("request_id", UUID.randomUUID().toString());
    return ok(answer);
  }

  private static Predicate<SimPage> filter(JsonNode filter) {
    if (filter.isMissingNode() || filter.isNull()) {
      return page -> true;
    }
    if (filter.has("and")) {
      Predicate<SimPage> all = page -> true;
      for (JsonNode part : filter.path("and")) {
        all = all.and(filter(part));
      }
      return all;
    }
    if ("last_edited_time".equals(filter.path("timestamp").asString(""))) {
      JsonNode condition = filter.path("last_edited_time");
      if (condition.has("on_or_after")) {
        Instant bound = Instant.parse(condition.path("on_or_after").asString());
        return page -> !page.lastEdited.isBefore(bound);
      }
      if (condition.has("after")) {
        Instant bound = Instant.parse(condition.path("after").asString());
        return page -> page.lastEdited.isAfter(bound);
      }
    }
    return page -> true;
  }

  private ResponseDefinition patch(Workspace workspace, SimPage page, JsonNode body) {
    Map<String, JsonNode> updates = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : body.path("properties").properties()) {
      String type = page.database.schema.get(property.getKey());
      if (type == null) {
        return error(
            400, "validation_error", property.getKey() + " is not a property that exists.");
      }
      JsonNode given = property.getValue().path(type);
      if (given.isMissingNode()) {
        return error(
            400, "validation_error", property.getKey() + " is expected to be " + type + ".");
      }
      updates.put(property.getKey(), fromRequest(type, given));
    }
    updates.forEach(page.properties::put);
    if (body.has("in_trash")) {
      page.inTrash = body.path("in_trash").asBoolean();
    }
    touch(page, workspace.botId);
    return ok(render(page));
  }

  private static JsonNode fromRequest(String type, JsonNode given) {
    return switch (type) {
      case "title", "rich_text" -> {
        StringBuilder text = new StringBuilder();
        for (JsonNode run : given) {
          text.append(run.path("text").path("content").asString(""));
        }
        yield value(type, richTextArray(text.toString()));
      }
      case "date" ->
          given.isNull()
              ? noDate()
              : date(given.path("start").asString(), given.path("end").asString(null));
      default -> value(type, given.deepCopy());
    };
  }

  // ---- rendering (shapes of the recorded 2025-09-03 payloads) ----------------------------------

  private ObjectNode render(SimPage page) {
    ObjectNode node = NODES.objectNode();
    node.put("object", "page");
    node.put("id", page.id);
    node.put("created_time", notionTime(page.created));
    node.put("last_edited_time", notionTime(page.lastEdited));
    node.putObject("created_by").put("object", "user").put("id", page.database.workspace.personId);
    node.putObject("last_edited_by").put("object", "user").put("id", page.lastEditedBy);
    node.putNull("cover");
    node.putNull("icon");
    node.putObject("parent")
        .put("type", "data_source_id")
        .put("data_source_id", page.database.dataSourceId)
        .put("database_id", page.database.id);
    node.put("in_trash", page.inTrash);
    node.put("is_archived", false);
    node.put("is_locked", false);
    ObjectNode properties = node.putObject("properties");
    for (Map.Entry<String, JsonNode> property : page.properties.entrySet()) {
      if (page.database.schema.containsKey(property.getKey())) {
        properties.set(property.getKey(), property.getValue().deepCopy());
      }
    }
    node.put("url", "https://app.notion.com/p/" + page.id.replace("-", ""));
    node.putNull("public_url");
    node.put("archived", page.inTrash);
    node.put("request_id", UUID.randomUUID().toString());
    return node;
  }

  private ObjectNode renderDatabase(Database database) {
    ObjectNode node = NODES.objectNode();
    node.put("object", "database");
    node.put("id", database.id);
    node.set("title", richTextArray("Focus Sessions"));
    node.putArray("description");
    node.putObject("parent").put("type", "page_id").put("page_id", database.workspace.id);
    node.put("is_inline", false);
    node.put("in_trash", false);
    node.put("is_locked", false);
    node.put("created_time", database.created.toString());
    node.put("last_edited_time", database.created.toString());
    ArrayNode sources = node.putArray("data_sources");
    sources.addObject().put("id", database.dataSourceId).put("name", "Focus Sessions");
    for (String extra : database.extraSources) {
      sources.addObject().put("id", extra).put("name", "Another source");
    }
    node.putNull("icon");
    node.putNull("cover");
    node.put("url", "https://app.notion.com/p/" + database.id.replace("-", ""));
    node.putNull("public_url");
    node.put("archived", false);
    node.put("request_id", UUID.randomUUID().toString());
    return node;
  }

  private ObjectNode renderDataSource(Database database) {
    ObjectNode node = NODES.objectNode();
    node.put("object", "data_source");
    node.put("id", database.dataSourceId);
    node.put("created_time", notionTime(database.created));
    node.put("last_edited_time", notionTime(database.created));
    node.set("title", richTextArray("Focus Sessions"));
    node.putArray("description");
    node.put("is_inline", false);
    ObjectNode properties = node.putObject("properties");
    for (Map.Entry<String, String> property : database.schema.entrySet()) {
      ObjectNode definition = properties.putObject(property.getKey());
      definition.put("id", property.getValue().equals("title") ? "title" : property.getKey());
      definition.put("name", property.getKey());
      definition.putNull("description");
      definition.put("type", property.getValue());
      definition.putObject(property.getValue());
    }
    node.putObject("parent").put("type", "database_id").put("database_id", database.id);
    node.putObject("database_parent").put("type", "page_id").put("page_id", database.workspace.id);
    node.put("in_trash", false);
    node.put("archived", false);
    node.put("request_id", UUID.randomUUID().toString());
    return node;
  }

  private static ObjectNode botUser(Workspace workspace) {
    ObjectNode node = NODES.objectNode();
    node.put("object", "user");
    node.put("id", workspace.botId);
    node.put("name", "Focus Sync");
    node.putNull("avatar_url");
    node.put("type", "bot");
    ObjectNode bot = node.putObject("bot");
    bot.putObject("owner").put("type", "workspace").put("workspace", true);
    bot.put("workspace_name", "Simulated workspace");
    node.put("request_id", UUID.randomUUID().toString());
    return node;
  }

  private static String notionTime(Instant instant) {
    return ZULU_TIME.format(instant);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private void touch(SimPage page, String editor) {
    page.lastEdited = editTime();
    page.lastEditedBy = editor;
  }

  private SimPage page(String pageId) {
    SimPage page = pages.get(pageId);
    if (page == null) {
      throw new IllegalArgumentException("no page " + pageId);
    }
    return page;
  }

  private Workspace workspace(String token) {
    Workspace workspace = workspacesByToken.get(token);
    if (workspace == null) {
      throw new IllegalArgumentException("unknown token");
    }
    return workspace;
  }

  private static boolean visible(Database database, Workspace workspace) {
    return database != null && database.workspace == workspace;
  }

  private Fault nextFault(String token) {
    Deque<Fault> queue = faults.get(token);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.poll();
    }
  }

  private static JsonNode body(Request request) {
    String text = request.getBodyAsString();
    return text == null || text.isBlank() ? NODES.objectNode() : JSON.readTree(text);
  }

  private static ResponseDefinition ok(JsonNode body) {
    return new ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(JSON.writeValueAsString(body))
        .build();
  }

  private static ResponseDefinition notFound(String what) {
    return error(
        404,
        "object_not_found",
        "Could not find "
            + what
            + ". Make sure the relevant pages and databases are shared with your integration.");
  }

  private static ResponseDefinition error(int status, String code, String message) {
    ObjectNode body = NODES.objectNode();
    body.put("object", "error");
    body.put("status", status);
    body.put("code", code);
    body.put("message", message);
    body.put("request_id", UUID.randomUUID().toString());
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(JSON.writeValueAsString(body))
        .build();
  }

  private record Fault(int status, Integer retryAfterSeconds) {
    ResponseDefinition response() {
      String code =
          switch (status) {
            case 429 -> "rate_limited";
            case 529 -> "service_overload";
            case 503 -> "service_unavailable";
            case 409 -> "conflict_error";
            default -> "internal_server_error";
          };
      ObjectNode body = NODES.objectNode();
      body.put("object", "error");
      body.put("status", status);
      body.put("code", code);
      body.put("message", "Simulated " + code + ".");
      ResponseDefinitionBuilder builder =
          new ResponseDefinitionBuilder()
              .withStatus(status)
              .withHeader("Content-Type", "application/json")
              .withBody(JSON.writeValueAsString(body));
      if (retryAfterSeconds != null) {
        builder.withHeader("Retry-After", String.valueOf(retryAfterSeconds));
      }
      return builder.build();
    }
  }

  private static final class Workspace {
    final String id;
    final String botId;
    final String personId;

    Workspace(String id, String botId, String personId) {
      this.id = id;
      this.botId = botId;
      this.personId = personId;
    }
  }

  private static final class Database {
    final String id;
    final String dataSourceId;
    final Workspace workspace;
    final Map<String, String> schema;
    final Instant created;
    final List<String> extraSources = new ArrayList<>();

    Database(
        String id,
        String dataSourceId,
        Workspace workspace,
        Map<String, String> schema,
        Instant created) {
      this.id = id;
      this.dataSourceId = dataSourceId;
      this.workspace = workspace;
      this.schema = schema;
      this.created = created;
    }
  }

  private static final class SimPage {
    final String id;
    final Database database;
    final Instant created;
    final Map<String, JsonNode> properties = new LinkedHashMap<>();
    volatile Instant lastEdited;
    volatile String lastEditedBy;
    volatile boolean inTrash;

    SimPage(String id, Database database, Instant created) {
      this.id = id;
      this.database = database;
      this.created = created;
      this.lastEdited = created;
    }
  }
}
