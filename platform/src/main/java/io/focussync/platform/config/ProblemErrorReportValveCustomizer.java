package io.focussync.platform.config;

import io.focussync.platform.web.ProblemErrorReportValve;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Makes {@link ProblemErrorReportValve} the host's only error report valve: it replaces Tomcat's
 * HTML one and the one Boot adds (runs after Boot's customizer, hence the lowest precedence).
 */
final class ProblemErrorReportValveCustomizer
    implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

  @Override
  public void customize(ConfigurableTomcatWebServerFactory factory) {
    factory.addContextCustomizers(context -> install(context.getParent()));
  }

  static void install(Container host) {
    if (host == null) {
      return;
    }
    if (host instanceof StandardHost standardHost) {
      // so that the host, when it starts, does not add Tomcat's own valve beside ours
      standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
    }
    Pipeline pipeline = host.getPipeline();
    boolean installed = false;
    for (Valve valve : pipeline.getValves()) {
      if (valve instanceof ProblemErrorReportValve) {
        installed = true;
      } else if (valve instanceof ErrorReportValve) {
        pipeline.removeValve(valve);
      }
    }
    if (!installed) {
      pipeline.addValve(new ProblemErrorReportValve());
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
