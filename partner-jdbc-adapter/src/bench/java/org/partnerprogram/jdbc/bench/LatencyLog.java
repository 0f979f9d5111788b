package org.partnerprogram.jdbc.bench;

import java.util.Arrays;

/** A growable array of per-operation times, safe to append from one thread at a time. */
final class LatencyLog {
  private long[] nanos = new long[1024];
  private int size;

  synchronized void add(long value) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = value;
  }

  synchronized void addAll(LatencyLog other) {
    long[] values = other.values();
    for (long v : values) {
      add(v);
    }
  }

  synchronized long[] values() {
    return Arrays.copyOf(nanos, size);
  }
}
