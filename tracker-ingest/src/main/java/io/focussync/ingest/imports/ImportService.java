package io.focussync.ingest.imports;

import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.ingest.messaging.SessionPublisher;
import io.focussync.ingest.session.PreparedSession;
import io.focussync.ingest.session.SessionIdentity;
import io.focussync.ingest.session.SessionInput;
import io.focussync.ingest.session.api.SessionIngest;
import io.focussync.ingest.session.api.SessionJson;
import io.focussync.platform.web.ServiceUnavailableException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Streams the rows of a file through validation and publishes the valid ones in chunks, each chunk
 * one Kafka transaction. Session ids are the file's own ids or, without one, derived from the row's
 * content, so importing a file again (e.g. after a 503 part-way) adds no duplicate.
 */
@Service
class ImportService {

  private final SessionIngest ingest;
  private final SessionPublisher publisher;
  private final ImportProperties properties;

  ImportService(SessionIngest ingest, SessionPublisher publisher, ImportProperties properties) {
    this.ingest = ingest;
    this.publisher = publisher;
    this.properties = properties;
  }

  /** Imports every row of the reader for the user. */
  Map<String, Object> run(String userId, RowReader reader) {
    List<SessionRecorded> chunk = new ArrayList<>(properties.chunkSize());
    List<Map<String, Object>> errors = new ArrayList<>();
    long accepted = 0;
    long rejected = 0;
    try {
      ImportRow row;
      while ((row = next(reader)) != null) {
        PreparedSession prepared = null;
        if (row.violations().isEmpty()) {
          SessionInput input = row.input();
          prepared = ingest.prepare(userId, SessionIdentity.IMPORT, input, () -> contentId(input));
        }
        if (prepared != null && prepared.accepted()) {
          chunk.add(prepared.event());
          if (chunk.size() >= properties.chunkSize()) {
            publish(chunk);
            accepted += chunk.size();
            chunk.clear();
          }
        } else {
          rejected++;
          if (errors.size() < properties.maxErrors()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("row", row.row());
            error.put(
                "errors",
                SessionJson.toJson(prepared == null ? row.violations() : prepared.violations()));
            errors.add(error);
          }
        }
      }
      publish(chunk);
      accepted += chunk.size();
    } catch (ImportStoppedException e) {
      throw e.withCounts(accepted, rejected);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("accepted", accepted);
    answer.put("rejected", rejected);
    answer.put("errors", errors);
    answer.put("errorsTruncated", rejected > errors.size());
    return answer;
  }

  private void publish(List<SessionRecorded> chunk) {
    try {
      publisher.publish(chunk);
    } catch (ServiceUnavailableException e) {
      throw new ImportStoppedException(
          503, "file", e.getMessage(), 0, 0, e.retryAfter(), e.getCause());
    }
  }

  private static ImportRow next(RowReader reader) {
    try {
      return reader.next();
    } catch (CharacterCodingException e) {
      throw new ImportStoppedException(400, "file", "the file is not valid UTF-8");
    } catch (IOException e) {
      throw new ImportStoppedException(400, "file", "the file could not be read", 0, 0, null, e);
    }
  }

  private static String contentId(SessionInput input) {
    return SessionIdentity.derived(
        String.join(
            "\n",
            String.valueOf(input.projectKey()),
            String.valueOf(input.start()),
            String.valueOf(input.end()),
            String.valueOf(input.title())));
  }
}
