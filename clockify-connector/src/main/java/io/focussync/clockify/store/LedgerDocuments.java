package io.focussync.clockify.store;

import io.focussync.clockify.reconcile.LedgerSlot;
import io.focussync.clockify.reconcile.SlotState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** A day's entry ledgers as stored inside its day document: one array of slots per scope. */
final class LedgerDocuments {

  private LedgerDocuments() {}

  /** The field name of a scope: no dots or leading dollar, which MongoDB field names refuse. */
  static String scopeKey(String scope) {
    return scope.replace(".", "\uff0e").replace("$", "\uff04");
  }

  static String scopeOf(String key) {
    return key.replace("\uff0e", ".").replace("\uff04", "$");
  }

  static Document toDocument(LedgerSlot slot) {
    return new Document("slot", slot.slot())
        .append("entryId", slot.entryId())
        .append("hash", slot.hash())
        .append("state", slot.state().name())
        .append("projectId", slot.projectId())
        .append("start", text(slot.start()))
        .append("end", text(slot.end()))
        .append("blockedRevision", slot.blockedRevision())
        .append("sentAt", text(slot.sentAt()));
  }

  static LedgerSlot toSlot(Document doc) {
    return new LedgerSlot(
        doc.getString("slot"),
        doc.getString("entryId"),
        doc.getString("hash"),
        SlotState.valueOf(doc.getString("state")),
        doc.getString("projectId"),
        instant(doc.getString("start")),
        instant(doc.getString("end")),
        MongoDayStore.number(doc, "blockedRevision"),
        instant(doc.getString("sentAt")));
  }

  static Map<String, List<LedgerSlot>> ledgers(Document ledgers) {
    Map<String, List<LedgerSlot>> byScope = new LinkedHashMap<>();
    if (ledgers == null) {
      return byScope;
    }
    for (Map.Entry<String, Object> scope : ledgers.entrySet()) {
      List<LedgerSlot> slots = new ArrayList<>();
      if (scope.getValue() instanceof List<?> docs) {
        for (Object doc : docs) {
          slots.add(toSlot((Document) doc));
        }
      }
      byScope.put(scopeOf(scope.getKey()), List.copyOf(slots));
    }
    return byScope;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
