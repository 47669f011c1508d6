package io.focussync.platform.messaging;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.messaging.DirectWithAttributesChannel;
import org.springframework.messaging.Message;

/**
 * An output binding (Spring Cloud Stream, its binder and the binding's properties) that messages
 * are sent to directly. StreamBridge binds an output the same way, but passes every message through
 * a function invocation under one lock shared by all its senders (a copy of the message, content
 * conversion and CloudEvents post-processing): more CPU than the send itself for our messages,
 * which are already JSON bytes with their headers. Bound at the first send, unbound on close.
 */
public final class BoundOutput implements DisposableBean {

  private final BindingService bindings;
  private final BeanFactory beans;
  private final String bindingName;
  private volatile DirectWithAttributesChannel channel;

  public BoundOutput(BindingService bindings, BeanFactory beans, String bindingName) {
    this.bindings = bindings;
    this.beans = beans;
    this.bindingName = bindingName;
  }

  /** Sends the message; true once the binder took it (a synchronous binding: once acknowledged). */
  public boolean send(Message<?> message) {
    return channel().send(message);
  }

  private DirectWithAttributesChannel channel() {
    DirectWithAttributesChannel bound = channel;
    if (bound != null) {
      return bound;
    }
    synchronized (this) {
      if (channel == null) {
        DirectWithAttributesChannel created = new DirectWithAttributesChannel();
        created.setComponentName(bindingName);
        created.setBeanFactory(beans);
        bindings.bindProducer(created, bindingName);
        channel = created;
      }
      return channel;
    }
  }

  @Override
  public synchronized void destroy() {
    if (channel != null) {
      bindings.unbindProducers(bindingName);
      channel = null;
    }
  }
}
