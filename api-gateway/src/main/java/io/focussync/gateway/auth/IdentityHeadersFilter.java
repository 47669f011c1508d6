package io.focussync.gateway.auth;

import io.focussync.gateway.user.core.Caller;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.platform.auth.InternalIdentity.SignedIdentity;
import java.util.Locale;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Rewrites the headers of every proxied request: drops any {@code X-FocusSync-*} header a client
 * sent, and for an authenticated user adds their id signed by the gateway (and drops their bearer
 * token, which the services have no use for). Unauthenticated routes get no identity at all.
 */
public final class IdentityHeadersFilter implements RequestHttpHeadersFilter, Ordered {

  private static final String IDENTITY_PREFIX = "x-focussync-";

  private final InternalIdentity identity;

  public IdentityHeadersFilter(InternalIdentity identity) {
    this.identity = identity;
  }

  @Override
  public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
    Caller caller = (Caller) request.attribute(Caller.ATTRIBUTE).orElse(null);
    boolean signed = caller != null && !caller.admin();
    HttpHeaders output = new HttpHeaders();
    input.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          boolean drop =
              lower.startsWith(IDENTITY_PREFIX)
                  || (signed && lower.equals(HttpHeaders.AUTHORIZATION.toLowerCase(Locale.ROOT)));
          if (!drop) {
            output.addAll(name, values);
          }
        });
    if (signed) {
      SignedIdentity signature = identity.sign(caller.userId());
      output.set(InternalIdentity.USER_HEADER, signature.userId());
      output.set(InternalIdentity.TIMESTAMP_HEADER, signature.timestamp());
      output.set(InternalIdentity.SIGNATURE_HEADER, signature.signature());
    }
    return output;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
