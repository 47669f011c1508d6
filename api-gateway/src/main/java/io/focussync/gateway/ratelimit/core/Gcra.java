package io.focussync.gateway.ratelimit.core;

/**
 * The generic cell rate algorithm: the same limit as a token bucket of {@code burst} permits
 * refilled at {@code ratePerSecond}, kept as one number per key (its theoretical arrival time, in
 * microseconds of the epoch), so replicas share a key's state through a store by comparing and
 * setting that number.
 */
public final class Gcra {

  private static final double MICROS_PER_SECOND = 1_000_000d;

  private final long intervalMicros;
  private final long burstMicros;

  public Gcra(int burst, double ratePerSecond) {
    if (burst < 1 || !(ratePerSecond > 0)) {
      throw new IllegalArgumentException("burst must be >= 1 and the rate > 0");
    }
    this.intervalMicros = Math.max(1, Math.round(MICROS_PER_SECOND / ratePerSecond));
    this.burstMicros = intervalMicros * burst;
  }

  /**
   * One request at {@code nowMicros} against the stored arrival time ({@code null} for a key never
   * seen): the decision, and the arrival time to store if it is allowed.
   */
  public Step step(Long storedMicros, long nowMicros) {
    long tat = storedMicros == null ? nowMicros : Math.max(storedMicros, nowMicros);
    long next = tat + intervalMicros;
    long allowedFrom = next - burstMicros;
    if (nowMicros < allowedFrom) {
      return new Step(
          new TokenBucket.Decision(false, 0, (allowedFrom - nowMicros) * 1_000L), storedMicros);
    }
    int remaining = (int) ((nowMicros - allowedFrom) / intervalMicros);
    return new Step(new TokenBucket.Decision(true, remaining, 0), next);
  }

  /** How long after its last request a key's stored time no longer matters. */
  public long forgetAfterMicros() {
    return burstMicros;
  }

  /**
   * What one request decided, and the arrival time to store (unchanged when refused).
   *
   * @param nextMicros the key's new theoretical arrival time
   */
  public record Step(TokenBucket.Decision decision, Long nextMicros) {}
}
