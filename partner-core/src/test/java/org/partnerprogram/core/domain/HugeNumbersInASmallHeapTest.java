package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The huge numbers of {@link HugeNumbersTest} in a JVM of 32 MiB, where a number that is rescaled
 * or printed in full runs out of memory: every entry point must refuse every one of them as invalid
 * input without coming near the heap's limit.
 */
class HugeNumbersInASmallHeapTest {
  @Test
  void everyEntryPointRefusesHugeNumbersInA32MiBHeap() throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx32m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                HugeNumbersInASmallHeap.class.getName())
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try (InputStream in = child.getInputStream()) {
                in.transferTo(output);
              } catch (java.io.IOException e) {
                // the child died; what it wrote so far is in output
              }
            });
    reader.start();
    boolean exited = child.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    reader.join(10_000);
    String lines = output.toString(StandardCharsets.UTF_8);
    assertThat(exited).as("child finished within 120 s; its output:%n%s", lines).isTrue();
    assertThat(lines).as("child output").doesNotContain("WRONG").contains("DONE 0 wrong");
    assertThat(child.exitValue()).as("child output:%n%s", lines).isZero();
    long refusals = lines.lines().filter(l -> l.startsWith("REFUSED")).count();
    assertThat(refusals)
        .isEqualTo((long) HugeNumbersTest.entryPoints().size() * HugeNumbersTest.HUGE.length);
  }
}
