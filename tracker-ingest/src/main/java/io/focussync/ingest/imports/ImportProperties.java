package io.focussync.ingest.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * File import settings.
 *
 * @param chunkSize sessions published per Kafka transaction
 * @param maxErrors rejected rows described in a response at most (all are counted)
 */
@ConfigurationProperties("focussync.ingest.imports")
record ImportProperties(int chunkSize, Integer maxErrors) {

  ImportProperties {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException(
          "focussync.ingest.imports.chunk-size must be set and positive");
    }
    if (maxErrors == null || maxErrors < 0) {
      throw new IllegalArgumentException(
          "focussync.ingest.imports.max-errors must be set and not negative");
    }
  }
}
