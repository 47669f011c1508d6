package io.focussync.allocator.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Hamilton's largest-remainder method: splits whole units by weights so the parts sum to exactly
 * the units and each part is the floor or the ceiling of its exact share.
 */
public final class LargestRemainder {

  private LargestRemainder() {}

  /**
   * The units per weight. Leftover units go to the largest remainders; ties go to the larger
   * weight, then to the lower index (callers order weights deterministically).
   */
  public static long[] allocate(long units, long[] weights) {
    long total = 0;
    for (long w : weights) {
      if (w < 0) {
        throw new IllegalArgumentException("negative weight");
      }
      total = Math.addExact(total, w);
    }
    long[] parts = new long[weights.length];
    if (total == 0 || units == 0) {
      return parts;
    }
    long[] remainders = new long[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      // units * w / total without overflow for any realistic day (units <= 86,400).
      java.math.BigInteger product =
          java.math.BigInteger.valueOf(units).multiply(java.math.BigInteger.valueOf(weights[i]));
      java.math.BigInteger[] qr = product.divideAndRemainder(java.math.BigInteger.valueOf(total));
      parts[i] = qr[0].longValueExact();
      remainders[i] = qr[1].longValueExact();
      given += parts[i];
    }
    List<Integer> order = new ArrayList<>(weights.length);
    for (int i = 0; i < weights.length; i++) {
      order.add(i);
    }
    order.sort(
        (a, b) -> {
          int byRemainder = Long.compare(remainders[b], remainders[a]);
          if (byRemainder != 0) {
            return byRemainder;
          }
          int byWeight = Long.compare(weights[b], weights[a]);
          return byWeight != 0 ? byWeight : Integer.compare(a, b);
        });
    long leftover = units - given;
    for (int k = 0; k < leftover; k++) {
      parts[order.get(k)]++;
    }
    return parts;
  }
}
