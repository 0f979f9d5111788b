package org.partnerprogram.core.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

/**
 * The child JVM of {@link HugeNumbersInASmallHeapTest}: calls every entry point with every huge
 * number of {@link HugeNumbersTest#HUGE} and prints one line per call, {@code REFUSED} for a typed
 * refusal and {@code WRONG} for anything else (an accepted value, an untyped exception, an error
 * such as {@link OutOfMemoryError}); exits with 0 only if every call was refused.
 */
final class HugeNumbersInASmallHeap {
  private HugeNumbersInASmallHeap() {}

  public static void main(String[] args) {
    int wrong = 0;
    for (Map.Entry<String, Function<BigDecimal, Object>> call :
        HugeNumbersTest.entryPoints().entrySet()) {
      for (String text : HugeNumbersTest.HUGE) {
        String outcome;
        long start = System.nanoTime();
        try {
          Object accepted = call.getValue().apply(new BigDecimal(text));
          outcome = "WRONG accepted " + accepted;
        } catch (InvalidInputException e) {
          outcome = "REFUSED";
        } catch (RuntimeException | Error e) {
          outcome = "WRONG " + e.getClass().getName();
        }
        long micros = (System.nanoTime() - start) / 1000;
        if (outcome.startsWith("WRONG")) {
          wrong++;
        }
        System.out.println(outcome + " " + call.getKey() + " " + text + " in " + micros + " us");
        System.out.flush();
      }
    }
    System.out.println("DONE " + wrong + " wrong");
    System.exit(wrong == 0 ? 0 : 1);
  }
}
