package io.focussync.clockify.projects;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a user's Clockify projects and workspaces are read.
 *
 * @param cacheFor how long a read list is answered from memory ({@code ?refresh=true} reads again)
 */
@ConfigurationProperties("focussync.clockify.projects")
public record ProjectsProperties(Duration cacheFor) {

  public ProjectsProperties {
    Objects.requireNonNull(cacheFor, "focussync.clockify.projects.cache-for is required");
  }
}
