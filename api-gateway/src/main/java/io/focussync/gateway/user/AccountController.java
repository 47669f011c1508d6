package io.focussync.gateway.user;

import io.focussync.gateway.user.core.Caller;
import io.focussync.gateway.user.core.StoredToken;
import io.focussync.gateway.user.core.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A user's view of their own account: who they are, their tokens, revoking them. */
@RestController
@Tag(name = "Account", description = "The caller's own user and tokens")
class AccountController {

  private final UserService users;

  AccountController(UserService users) {
    this.users = users;
  }

  @GetMapping(value = "/api/v1/users/me", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The calling user")
  Me me(@Parameter(hidden = true) Caller caller) {
    User user = users.findUser(requireUser(caller));
    return new Me(user.id(), user.name(), user.createdAt());
  }

  @GetMapping(value = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The caller's tokens (ids only, never their text)")
  Tokens tokens(@Parameter(hidden = true) Caller caller) {
    List<TokenView> tokens =
        users.tokensOf(requireUser(caller)).stream()
            .map(token -> TokenView.of(token, caller))
            .toList();
    return new Tokens(tokens);
  }

  @DeleteMapping("/api/v1/tokens/current")
  @Operation(summary = "Revoke the token this request was sent with, at once")
  @ApiResponse(responseCode = "204", description = "Revoked")
  ResponseEntity<Void> revokeCurrent(@Parameter(hidden = true) Caller caller) {
    requireUser(caller);
    users.revokeByHash(caller.tokenHash());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/api/v1/tokens/{tokenId}")
  @Operation(summary = "Revoke one of the caller's tokens by its id")
  @ApiResponse(responseCode = "204", description = "Revoked")
  @ApiResponse(responseCode = "404", description = "No such token of the caller's")
  ResponseEntity<Void> revoke(
      @Parameter(hidden = true) Caller caller, @PathVariable("tokenId") String tokenId) {
    users.revoke(requireUser(caller), tokenId);
    return ResponseEntity.noContent().build();
  }

  private static String requireUser(Caller caller) {
    if (caller.admin()) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "The admin token belongs to no user; use a user's token.");
    }
    return caller.userId();
  }

  /** The calling user. */
  record Me(String id, String name, Instant createdAt) {}

  /** The caller's tokens. */
  record Tokens(List<TokenView> tokens) {}

  /** One token, without its text. */
  record TokenView(String id, Instant createdAt, boolean current) {
    static TokenView of(StoredToken token, Caller caller) {
      return new TokenView(
          token.tokenId(), token.createdAt(), token.tokenId().equals(caller.tokenId()));
    }
  }
}
