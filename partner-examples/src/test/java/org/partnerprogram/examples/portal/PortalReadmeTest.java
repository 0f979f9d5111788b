package org.partnerprogram.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command that starts the portal, as both READMEs give it: one code block to copy. */
class PortalReadmeTest {
  private static final Pattern FENCE = Pattern.compile("(?ms)^```bash\\n(.*?)^```$");
  private static final String COMMAND =
      "./mvnw -q -pl partner-examples -am -DskipTests package exec:java -Dexec.mainClass="
          + HostPortal.class.getName();

  @Test
  void bothReadmesGiveThePortalCommandInACodeBlockThatRunsThePortal() throws IOException {
    for (Path readme : List.of(Path.of("..", "README.md"), Path.of("README.md"))) {
      String text = Files.readString(readme, StandardCharsets.UTF_8);
      List<String> commands = new ArrayList<>();
      Matcher block = FENCE.matcher(text);
      while (block.find()) {
        // A shell command continued with "\" at the ends of lines, as the shell reads it.
        String command = block.group(1).replaceAll("\\\\\\n\\s*", "");
        command.lines().filter(line -> line.contains("portal.HostPortal")).forEach(commands::add);
      }
      assertThat(commands).as(readme.toString()).isNotEmpty().allMatch(c -> c.startsWith(COMMAND));
      String prose = FENCE.matcher(text).replaceAll("");
      assertThat(prose).as(readme + " outside code blocks").doesNotContain("-Dexec.mainClass");
    }
  }
}
