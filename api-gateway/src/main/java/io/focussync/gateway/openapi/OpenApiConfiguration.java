package io.focussync.gateway.openapi;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The one OpenAPI document of the public API: springdoc's view of the gateway's own controllers
 * merged with {@code openapi/routed-services.yaml}, the hand-kept description of the endpoints the
 * gateway forwards to the services.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String ROUTED_SPEC = "openapi/routed-services.yaml";
  static final String BEARER = "bearerAuth";

  @Bean
  OpenAPI focusSyncOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Focus Sync API")
                .version("v1")
                .description(
                    "Turns focus sessions into Clockify time entries. Every call needs"
                        + " 'Authorization: Bearer <token>' (the admin token for /api/v1/admin);"
                        + " every error is application/problem+json (RFC 9457)."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A personal access token, or the admin token")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  @Bean
  OpenApiCustomizer routedServices() {
    return openApi -> merge(openApi, load(openApi.getSpecVersion()));
  }

  static OpenAPI load(SpecVersion version) {
    try (InputStream in = new ClassPathResource(ROUTED_SPEC).getInputStream()) {
      return (version == SpecVersion.V31 ? Yaml31.mapper() : Yaml.mapper())
          .readValue(in, OpenAPI.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ROUTED_SPEC, e);
    }
  }

  static void merge(OpenAPI target, OpenAPI routed) {
    if (target.getPaths() == null) {
      target.setPaths(new Paths());
    }
    // Functional routes show up in springdoc only as patterns ("/**"): the spec describes them.
    target.getPaths().keySet().removeIf(path -> path.contains("*"));
    routed.getPaths().forEach(target.getPaths()::addPathItem);
    if (target.getComponents() == null) {
      target.setComponents(new Components());
    }
    Components from = routed.getComponents();
    Components to = target.getComponents();
    if (from.getSchemas() != null) {
      from.getSchemas().forEach(to::addSchemas);
    }
    if (from.getParameters() != null) {
      from.getParameters().forEach(to::addParameters);
    }
    if (from.getResponses() != null) {
      from.getResponses().forEach(to::addResponses);
    }
    List<Tag> tags =
        target.getTags() == null ? new ArrayList<>() : new ArrayList<>(target.getTags());
    if (routed.getTags() != null) {
      for (Tag tag : routed.getTags()) {
        if (tags.stream().noneMatch(t -> t.getName().equals(tag.getName()))) {
          tags.add(tag);
        }
      }
    }
    target.setTags(tags);
  }
}
