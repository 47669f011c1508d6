package io.focussync.allocator.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.settings.SettingsRepository;
import io.focussync.allocator.settings.core.SettingsInput;
import io.focussync.allocator.settings.core.SettingsParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/** Settings as one document per user, in the API's own shape (validated again on read). */
@Repository
public class MongoSettingsRepository implements SettingsRepository {

  private final MongoCollection<Document> collection;

  public MongoSettingsRepository(MongoDatabaseFactory factory) {
    this.collection = factory.getMongoDatabase().getCollection("allocation_settings");
  }

  @Override
  public Optional<AllocationSettings> find(String userId) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", userId)).first())
        .map(MongoSettingsRepository::read);
  }

  @Override
  public Map<String, AllocationSettings> findAll(Collection<String> userIds) {
    Map<String, AllocationSettings> found = new HashMap<>();
    collection
        .find(Filters.in("_id", userIds))
        .forEach(doc -> found.put(doc.getString("_id"), read(doc)));
    return found;
  }

  private static AllocationSettings read(Document doc) {
    List<SettingsInput.RuleInput> rules = new ArrayList<>();
    for (Document r : doc.getList("rules", Document.class, List.of())) {
      rules.add(
          new SettingsInput.RuleInput(
              r.getString("match"), r.getString("pattern"), r.getString("projectId")));
    }
    Map<String, Object> mapping = new HashMap<>();
    for (Document pair : doc.getList("projectMapping", Document.class, List.of())) {
      mapping.put(pair.getString("key"), pair.getString("projectId"));
    }
    SettingsInput input =
        new SettingsInput(
            doc.getString("timeZone"),
            doc.getList("workdays", String.class),
            doc.getString("workdayStart"),
            doc.getString("workdayEnd"),
            doc.getString("mode"),
            doc.getInteger("granularityMinutes"),
            doc.getString("description"),
            doc.getString("otherProjectId"),
            mapping,
            rules,
            doc.getString("pushPolicy"),
            doc.getList("holidays", String.class),
            doc.getString("closedBefore"),
            doc.getString("defaultProjectKey"));
    SettingsParser.Result result = SettingsParser.parse(input);
    if (!result.valid()) {
      throw new IllegalStateException("stored settings of a user are invalid: " + result);
    }
    return result.settings();
  }

  @Override
  public void save(String userId, AllocationSettings settings) {
    SettingsInput in = SettingsParser.toInput(settings);
    List<Document> rules = new ArrayList<>();
    for (SettingsInput.RuleInput r : in.rules()) {
      rules.add(
          new Document("match", r.match())
              .append("pattern", r.pattern())
              .append("projectId", r.projectId()));
    }
    // Project keys may contain '.' or start with '$': stored as a list of pairs, not as field
    // names.
    List<Document> mapping = new ArrayList<>();
    in.projectMapping()
        .forEach((k, v) -> mapping.add(new Document("key", k).append("projectId", v)));
    Document doc =
        new Document("_id", userId)
            .append("timeZone", in.timeZone())
            .append("workdays", in.workdays())
            .append("workdayStart", in.workdayStart())
            .append("workdayEnd", in.workdayEnd())
            .append("mode", in.mode())
            .append("granularityMinutes", in.granularityMinutes())
            .append("description", in.description())
            .append("otherProjectId", in.otherProjectId())
            .append("projectMapping", mapping)
            .append("rules", rules)
            .append("pushPolicy", in.pushPolicy())
            .append("holidays", in.holidays())
            .append("closedBefore", in.closedBefore())
            .append("defaultProjectKey", in.defaultProjectKey());
    collection.replaceOne(Filters.eq("_id", userId), doc, new ReplaceOptions().upsert(true));
  }
}
