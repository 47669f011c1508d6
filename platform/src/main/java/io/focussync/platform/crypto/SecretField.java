package io.focussync.platform.crypto;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * A field of a MongoDB collection that holds one kind of secret, per document of a user ({@code
 * _id} = the user id): what {@link SecretRotation} re-encrypts.
 *
 * @param scope the {@link SecretScope#field()} its values are bound to
 */
public record SecretField(MongoCollection<Document> collection, String field, String scope) {}
