package io.focussync.allocator.clockify;

import io.focussync.allocator.allocation.ClockifyProject;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.platform.auth.SignedCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
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
  private final JsonMapper json;
  private final SignedCalls calls;

  public ClockifyProjectsClient(
      ClockifyConnectorProperties properties, InternalIdentity identity, JsonMapper json) {
    this.properties = properties;
    this.json = json;
    this.calls = new SignedCalls(identity, properties.connectTimeout());
  }

  /** The user's projects, or why the connector could not list them. */
  public ProjectLookup projects(String userId) {
    HttpResponse<String> response;
    try {
      response =
          calls.get(
              URI.create(properties.url().toString() + PATH), userId, properties.readTimeout());
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
