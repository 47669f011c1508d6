package io.focussync.notion.connection;

import io.focussync.platform.auth.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT|GET|DELETE /api/v1/connections/notion}: the caller's own Notion connection. */
@RestController
@RequestMapping("/api/v1/connections/notion")
public class ConnectionController {

  private final ConnectionService service;

  public ConnectionController(ConnectionService service) {
    this.service = service;
  }

  @PutMapping
  ConnectionView put(CurrentUser user, @RequestBody ConnectionRequest request) {
    return service.connect(user.id(), request);
  }

  @GetMapping
  ConnectionView get(CurrentUser user) {
    return service.get(user.id());
  }

  @DeleteMapping
  ResponseEntity<Void> delete(CurrentUser user) {
    service.delete(user.id());
    return ResponseEntity.noContent().build();
  }
}
