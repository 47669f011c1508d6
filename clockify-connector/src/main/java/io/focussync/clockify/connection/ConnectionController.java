package io.focussync.clockify.connection;

import io.focussync.platform.auth.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT|GET|DELETE /api/v1/connections/clockify}. */
@RestController
@RequestMapping("/api/v1/connections/clockify")
public class ConnectionController {

  private final ConnectionService connections;

  public ConnectionController(ConnectionService connections) {
    this.connections = connections;
  }

  @PutMapping
  public ConnectionView put(CurrentUser user, @RequestBody ConnectionRequest request) {
    return connections.put(user.id(), request);
  }

  @GetMapping
  public ConnectionView get(CurrentUser user) {
    return connections.get(user.id());
  }

  @DeleteMapping
  public ResponseEntity<Void> delete(CurrentUser user) {
    connections.delete(user.id());
    return ResponseEntity.noContent().build();
  }
}
