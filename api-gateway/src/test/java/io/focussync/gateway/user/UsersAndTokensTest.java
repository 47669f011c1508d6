package io.focussync.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.focussync.gateway.support.GatewayTestBase;
import io.focussync.gateway.user.core.AccessTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class UsersAndTokensTest extends GatewayTestBase {

  @Autowired MongoClient mongo;

  @Test
  void adminCreatesUserWhoseTokenWorksAndIsStoredOnlyAsHash() {
    Response created =
        call("POST", "/api/v1/admin/users", "{\"name\":\"ada\"}", GatewayTestBase.ADMIN_TOKEN);

    assertThat(created.status()).isEqualTo(201);
    JsonNode json = created.json();
    String id = json.get("id").asString();
    String token = json.get("token").asString();
    assertThat(json.get("name").asString()).isEqualTo("ada");
    assertThat(token).startsWith("fs_").hasSizeGreaterThanOrEqualTo(3 + 43);
    assertThat(created.header("Location")).endsWith("/api/v1/admin/users/" + id);

    Response me = call("GET", "/api/v1/users/me", null, token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("id").asString()).isEqualTo(id);

    List<Document> stored = new ArrayList<>();
    tokens().find(Filters.eq("userId", id)).into(stored);
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).getString("_id")).isEqualTo(AccessTokens.hash(token));
    assertThat(stored.get(0).toJson()).doesNotContain(token);
  }

  @Test
  void adminIssuesFurtherTokensAndUnknownUserIs404() {
    TestUser ada = createUser("ada");

    Response issued =
        call("POST", "/api/v1/admin/users/" + ada.id() + "/tokens", null, ADMIN_TOKEN);
    Response unknown = call("POST", "/api/v1/admin/users/nobody/tokens", null, ADMIN_TOKEN);

    assertThat(issued.status()).isEqualTo(201);
    String second = issued.json().get("token").asString();
    assertThat(second).isNotEqualTo(ada.token());
    assertThat(call("GET", "/api/v1/users/me", null, second).status()).isEqualTo(200);
    assertThat(unknown.isProblem(404)).as(unknown.body()).isTrue();
  }

  @Test
  void everyCallWithoutAValidTokenIs401Problem() {
    assertThat(call("GET", "/api/v1/users/me", null, null).isProblem(401)).isTrue();
    assertThat(call("GET", "/api/v1/days/2026-11-20", null, "fs_forged").isProblem(401)).isTrue();
    assertThat(call("GET", "/api/v1/days/2026-11-20", null, "nonsense").isProblem(401)).isTrue();
    Response basic =
        send("GET", "/api/v1/users/me", null, Map.of("Authorization", "Basic YWRhOmFkYQ=="));
    assertThat(basic.isProblem(401)).isTrue();
    assertThat(basic.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(
            call("POST", "/api/v1/admin/users", "{\"name\":\"x\"}", "wrong-admin").isProblem(401))
        .isTrue();
  }

  @Test
  void adminApiNeedsTheAdminTokenAndAdminTokenIsNoUser() {
    TestUser ada = createUser("ada");

    Response asUser = call("POST", "/api/v1/admin/users", "{\"name\":\"eve\"}", ada.token());
    Response adminAsUser =
        call("GET", "/api/v1/sessions?from=2026-11-01&to=2026-11-02", null, ADMIN_TOKEN);

    assertThat(asUser.isProblem(403)).as(asUser.body()).isTrue();
    assertThat(adminAsUser.isProblem(403)).as(adminAsUser.body()).isTrue();
  }

  @Test
  void badUserInputIs4xxProblem() {
    Response blank = call("POST", "/api/v1/admin/users", "{\"name\":\"  \"}", ADMIN_TOKEN);
    Response malformed = call("POST", "/api/v1/admin/users", "{\"name\":", ADMIN_TOKEN);
    Response tooLong =
        call("POST", "/api/v1/admin/users", "{\"name\":\"" + "x".repeat(101) + "\"}", ADMIN_TOKEN);
    Response wrongType =
        send(
            "POST",
            "/api/v1/admin/users",
            "name=ada",
            Map.of("Authorization", "Bearer " + ADMIN_TOKEN, "Content-Type", "text/plain"));
    Response wrongMethod = call("PUT", "/api/v1/users/me", "{}", createUser("ada").token());

    assertThat(blank.isProblem(400)).isTrue();
    assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    assertThat(malformed.isProblem(400)).isTrue();
    assertThat(tooLong.isProblem(400)).isTrue();
    assertThat(wrongType.isProblem(415)).as(wrongType.body()).isTrue();
    assertThat(wrongMethod.isProblem(405)).as(wrongMethod.body()).isTrue();
  }

  @Test
  void revokingTheCurrentTokenWorksAtOnce() {
    TestUser ada = createUser("ada");
    String other =
        call("POST", "/api/v1/admin/users/" + ada.id() + "/tokens", null, ADMIN_TOKEN)
            .json()
            .get("token")
            .asString();

    Response revoked = call("DELETE", "/api/v1/tokens/current", null, ada.token());

    assertThat(revoked.status()).isEqualTo(204);
    assertThat(call("GET", "/api/v1/users/me", null, ada.token()).isProblem(401)).isTrue();
    assertThat(call("GET", "/api/v1/days/2026-11-20", null, ada.token()).isProblem(401)).isTrue();
    assertThat(call("GET", "/api/v1/users/me", null, other).status()).isEqualTo(200);
  }

  @Test
  void userListsOwnTokensAndRevokesOneById() {
    TestUser ada = createUser("ada");
    String second =
        call("POST", "/api/v1/admin/users/" + ada.id() + "/tokens", null, ADMIN_TOKEN)
            .json()
            .get("token")
            .asString();

    JsonNode listed = call("GET", "/api/v1/tokens", null, ada.token()).json().get("tokens");
    assertThat(listed).hasSize(2);
    assertThat(listed.toString()).doesNotContain(ada.token()).doesNotContain(second);
    String secondId = null;
    for (JsonNode token : listed) {
      if (!token.get("current").asBoolean()) {
        secondId = token.get("id").asString();
      }
    }

    assertThat(call("DELETE", "/api/v1/tokens/" + secondId, null, ada.token()).status())
        .isEqualTo(204);
    assertThat(call("GET", "/api/v1/users/me", null, second).isProblem(401)).isTrue();
    assertThat(call("GET", "/api/v1/users/me", null, ada.token()).status()).isEqualTo(200);
  }

  @Test
  void userBCannotSeeOrRevokeUserAsTokensAndAsDataIsUnchanged() {
    TestUser ada = createUser("ada");
    TestUser bob = createUser("bob");
    JsonNode adaTokens = call("GET", "/api/v1/tokens", null, ada.token()).json().get("tokens");
    String adaTokenId = adaTokens.get(0).get("id").asString();

    Response bobReadsOwn = call("GET", "/api/v1/tokens", null, bob.token());
    Response bobRevokesAdas = call("DELETE", "/api/v1/tokens/" + adaTokenId, null, bob.token());
    Response bobIssuesForAda =
        call("POST", "/api/v1/admin/users/" + ada.id() + "/tokens", null, bob.token());
    Response bobMe = call("GET", "/api/v1/users/me", null, bob.token());

    assertThat(bobReadsOwn.json().get("tokens")).hasSize(1);
    assertThat(bobReadsOwn.body()).doesNotContain(adaTokenId);
    assertThat(bobRevokesAdas.isProblem(404)).as(bobRevokesAdas.body()).isTrue();
    assertThat(bobIssuesForAda.isProblem(403)).isTrue();
    assertThat(bobMe.json().get("id").asString()).isEqualTo(bob.id());
    assertThat(call("GET", "/api/v1/users/me", null, ada.token()).status()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/tokens", null, ada.token()).json().get("tokens").toString())
        .isEqualTo(adaTokens.toString());
    assertThat(tokens().countDocuments(Filters.eq("userId", ada.id()))).isEqualTo(1);
  }

  private com.mongodb.client.MongoCollection<Document> tokens() {
    return mongo.getDatabase("focussync-api-gateway").getCollection("tokens");
  }
}
