package io.focussync.gateway.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.focussync.gateway.user.UserService.IssuedToken;
import io.focussync.gateway.user.core.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The administrator's API: creates users and issues tokens for them. */
@RestController
@RequestMapping(value = "/api/v1/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin", description = "Users and their tokens (admin token)")
class AdminController {

  private final UserService users;

  AdminController(UserService users) {
    this.users = users;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Create a user; the answer shows their first token, once")
  @ApiResponse(responseCode = "201", description = "Created; the token is shown only here")
  ResponseEntity<CreatedUser> create(
      @Parameter(hidden = true) Caller caller, @RequestBody NewUser body) {
    requireAdmin(caller);
    IssuedToken issued = users.createUser(body == null ? null : body.name());
    return ResponseEntity.created(URI.create("/api/v1/admin/users/" + issued.user().id()))
        .body(
            new CreatedUser(
                issued.user().id(),
                issued.user().name(),
                issued.token(),
                issued.stored().tokenId()));
  }

  @PostMapping("/{id}/tokens")
  @Operation(summary = "Issue another token for a user; shown once")
  @ApiResponse(responseCode = "201", description = "Issued; the token is shown only here")
  ResponseEntity<NewToken> issueToken(
      @Parameter(hidden = true) Caller caller, @PathVariable("id") String id) {
    requireAdmin(caller);
    IssuedToken issued = users.issueToken(id);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new NewToken(issued.token(), issued.stored().tokenId(), issued.user().id()));
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.admin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This needs the admin token.");
    }
  }

  /** The body of a user creation. */
  record NewUser(String name) {}

  /** A created user with their first token. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CreatedUser(String id, String name, String token, String tokenId) {}

  /** A newly issued token. */
  record NewToken(String token, String tokenId, String userId) {}
}
