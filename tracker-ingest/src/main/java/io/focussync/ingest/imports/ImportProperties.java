package io.focussync.ingest.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * File import settings.
 *
 * @param chunkSize sessions published per Kafka transaction
 * @param maxErrors rejected rows described in a response at most (all are counted)
 */
@ConfigurationProperties("focussync.ingest.imports")
record ImportProperties(int chunkSize, int maxErrors) {

  ImportProperties {
    chunkSize = chunkSize <= 0 ? 500 : chunkSize;
    maxErrors = maxErrors < 0 ? 100 : maxErrors;
  }
}
