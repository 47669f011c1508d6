package io.focussync.notion.webhook;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/** Every log line of the JVM (any thread) while attached, as text with its stack trace. */
final class CapturedLogs extends AppenderBase<ILoggingEvent> {

  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

  static CapturedLogs attach() {
    CapturedLogs logs = new CapturedLogs();
    logs.setName("captured-logs");
    logs.start();
    root().addAppender(logs);
    return logs;
  }

  void detach() {
    root().detachAppender(this);
    stop();
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  protected void append(ILoggingEvent event) {
    String throwable =
        event.getThrowableProxy() == null
            ? ""
            : " " + ThrowableProxyUtil.asString(event.getThrowableProxy());
    lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + throwable);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
