package io.focussync.clockify.store;

import io.focussync.clockify.reconcile.LedgerSlot;
import io.focussync.clockify.reconcile.SlotState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * A day's entry ledgers as stored inside its day document: one top-level array of slots per scope
 * ({@code ledger:<scope>}). Top-level, so that a write replaces the field's value and never changes
 * a sub-document the previous version of the document shares.
 */
final class LedgerDocuments {

  private static final String PREFIX = "ledger:";

  private LedgerDocuments() {}

  /** The field of a scope's ledger: no dots, which MongoDB field names refuse. */
  static String field(String scope) {
    return PREFIX + scope.replace(".", "\uff0e");
  }

  private static String scopeOf(String field) {
    return field.substring(PREFIX.length()).replace("\uff0e", ".");
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

  /** The ledgers of every scope in a day document. */
  static Map<String, List<LedgerSlot>> ledgers(Document day) {
    Map<String, List<LedgerSlot>> byScope = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : day.entrySet()) {
      if (field.getKey().startsWith(PREFIX) && field.getValue() instanceof List<?> docs) {
        List<LedgerSlot> slots = new ArrayList<>();
        for (Object doc : docs) {
          slots.add(toSlot((Document) doc));
        }
        byScope.put(scopeOf(field.getKey()), List.copyOf(slots));
      }
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
