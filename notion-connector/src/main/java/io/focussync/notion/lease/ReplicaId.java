package io.focussync.notion.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Names one start of one replica: its host name (the pod's name) plus a random part. */
public final class ReplicaId {

  private ReplicaId() {}

  /** A new id, different for every call and so for every process start. */
  public static String generate() {
    return hostName() + "/" + UUID.randomUUID();
  }

  private static String hostName() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
