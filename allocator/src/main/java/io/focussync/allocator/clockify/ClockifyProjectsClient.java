package io.focussync.allocator.clockify;

import io.focussync.allocator.allocation.ClockifyProject;
import io.focussync.platform.auth.InternalIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists the user's Clockify projects through the clockify-connector's {@code GET
 * /api/v1/clockify/projects}, with the user's identity signed as the gateway signs it. When the
 * connector cannot tell (no connection: 404; a dry run without a key: 409; Clockify or the
 * connector unreachable, or any other answer) the lookup says why instead.
 */
@Component
public class ClockifyProjectsClient {

  static final String PATH = "/api/v1/clockify/projects";
  private static final Logger log = LoggerFactory.getLogger(ClockifyProjectsClient.class);

  private final ClockifyConnectorProperties properties;
  private final InternalIdentity identity;
  private final JsonMapper json;
  private final HttpClient http;

  public ClockifyProjectsClient(
      ClockifyConnectorProperties properties, InternalIdentity identity, JsonMapper json) {
    this.properties = properties;
    this.identity = identity;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(properties.connectTimeout())
            .build();
  }

  /** The user's projects, or why the connector could not list them. */
  public ProjectLookup projects(String userId) {
    InternalIdentity.SignedIdentity signed = identity.sign(userId);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(properties.url().toString() + PATH))
            .timeout(properties.readTimeout())
            .header(InternalIdentity.USER_HEADER, signed.userId())
            .header(InternalIdentity.TIMESTAMP_HEADER, signed.timestamp())
            .header(InternalIdentity.SIGNATURE_HEADER, signed.signature())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.warn("the clockify-connector cannot be reached: {}", e.toString());
      return ProjectLookup.unknown("the clockify-connector cannot be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProjectLookup.unknown("interrupted while asking the clockify-connector");
    }
    return switch (response.statusCode()) {
      case 200 -> read(response.body());
      case 404 -> ProjectLookup.unknown("there is no Clockify connection");
      case 409 -> ProjectLookup.unknown("the Clockify connection is a dry run without an API key");
      case 503 -> ProjectLookup.unknown("Clockify cannot be reached");
      default -> {
        log.warn("the clockify-connector answered {} to {}", response.statusCode(), PATH);
        yield ProjectLookup.unknown("the clockify-connector answered " + response.statusCode());
      }
    };
  }

  private ProjectLookup read(String body) {
    try {
      JsonNode projects = json.readTree(body).get("projects");
      if (projects == null || !projects.isArray()) {
        return notAList();
      }
      List<ClockifyProject> list = new ArrayList<>(projects.size());
      for (JsonNode p : projects) {
        JsonNode id = p.get("id");
        if (id == null || !id.isString()) {
          return notAList();
        }
        JsonNode name = p.get("name");
        JsonNode archived = p.get("archived");
        list.add(
            new ClockifyProject(
                id.stringValue(),
                name == null || !name.isString() ? null : name.stringValue(),
                archived != null && archived.asBoolean(false)));
      }
      return ProjectLookup.known(list);
    } catch (JacksonException e) {
      return notAList();
    }
  }

  private static ProjectLookup notAList() {
    log.warn("the clockify-connector's answer to {} is not a project list", PATH);
    return ProjectLookup.unknown("the clockify-connector's answer is not a project list");
  }
}
