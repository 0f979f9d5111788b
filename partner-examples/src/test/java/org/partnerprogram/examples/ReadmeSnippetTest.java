package org.partnerprogram.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's wiring snippet must be the code QuickStart runs, so it cannot rot. */
class ReadmeSnippetTest {
  @Test
  void theReadmeSnippetIsTheQuickStartWiring() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    String source =
        Files.readString(
            Path.of("src/main/java/org/partnerprogram/examples/QuickStart.java"),
            StandardCharsets.UTF_8);

    String snippet = readme.substring(readme.indexOf("```java\n") + 8);
    snippet = snippet.substring(0, snippet.indexOf("```"));
    String tagged = source.substring(source.indexOf("// tag::wiring[]") + 17);
    tagged = tagged.substring(0, tagged.indexOf("// end::wiring[]"));

    assertThat(normalise(snippet)).isNotBlank().isEqualTo(normalise(tagged));
  }

  private static String normalise(String code) {
    return Arrays.stream(code.split("\n"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
