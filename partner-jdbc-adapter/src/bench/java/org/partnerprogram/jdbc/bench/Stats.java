package org.partnerprogram.jdbc.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one operation in one run: median, 90th percentile and mean, in microseconds. */
record Stats(int count, double medianMicros, double p90Micros, double meanMicros) {
  static Stats of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0);
    return new Stats(
        sorted.length,
        sorted[(sorted.length - 1) / 2] / 1e3,
        sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1e3,
        mean / 1e3);
  }

  String json() {
    return String.format(
        Locale.ROOT,
        "{\"count\": %d, \"median_us\": %.1f, \"p90_us\": %.1f, \"mean_us\": %.1f}",
        count,
        medianMicros,
        p90Micros,
        meanMicros);
  }
}
