package org.partnerprogram.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of the README is a tagged region of code that compiles (and, through the
 * examples' tests, runs): the line before the block names it, {@code <!-- code: path#tag -->}.
 */
class ReadmeSnippetTest {
  private static final Pattern BLOCK =
      Pattern.compile("(?m)^<!-- code: (\\S+)#(\\S+) -->\\n```java\\n(.*?)^```$", Pattern.DOTALL);

  @Test
  void everyJavaBlockOfTheReadmeIsTheTaggedCodeItNames() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int javaBlocks = readme.split("```java\n", -1).length - 1;
    List<String> checked = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      String source = Files.readString(Path.of("..", m.group(1)), StandardCharsets.UTF_8);
      String start = "// tag::" + m.group(2) + "[]";
      String end = "// end::" + m.group(2) + "[]";
      assertThat(source).as("%s has %s", m.group(1), start).contains(start, end);
      String tagged = source.substring(source.indexOf(start) + start.length());
      tagged = tagged.substring(0, tagged.indexOf(end));
      assertThat(normalise(m.group(3)))
          .as("the README's block of %s#%s", m.group(1), m.group(2))
          .isNotBlank()
          .isEqualTo(normalise(tagged));
      checked.add(m.group(2));
    }
    assertThat(checked).as("every java block names its code").hasSize(javaBlocks);
    assertThat(checked).contains("wiring", "billing", "close", "statement", "property");
  }

  @Test
  void theReadmeIsForANewcomerAndStaysShort() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    assertThat(readme.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(25 * 1024);
    assertThat(readme)
        .contains(
            "./mvnw -q -pl partner-examples -am -DskipTests package exec:java", "./mvnw -B verify");
    // No call repeats its verb (x().x(...)).
    assertThat(Pattern.compile("\\.([a-zA-Z]+)\\(\\)\\.\\1\\(").matcher(readme).find()).isFalse();
  }

  private static String normalise(String code) {
    return Arrays.stream(code.split("\n"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
