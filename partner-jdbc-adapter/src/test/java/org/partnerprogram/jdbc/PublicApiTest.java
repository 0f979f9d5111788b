package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The adapter's boundary: a host sees only the types it wires and reads; the stores, the statements
 * of each database and the JDBC helpers are package-private, so no host can reach them by accident
 * (the core does the same with its services).
 */
class PublicApiTest {
  private static final List<String> API =
      List.of(
          "Dialect",
          "FlywayMissingException",
          "HostTransactionRequiredException",
          "HostTransactions",
          "JdbcMigrations",
          "JdbcOutbox",
          "JdbcProgramStorage",
          "OutboxEntry");

  @Test
  void onlyTheApiIsPublic() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes =
        Path.of(
                JdbcProgramStorage.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
            .resolve("org/partnerprogram/jdbc");
    List<String> topLevel;
    try (Stream<Path> files = Files.list(classes)) {
      topLevel =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".class") && !n.contains("$"))
              .filter(n -> !n.equals("package-info.class"))
              .map(n -> n.substring(0, n.length() - ".class".length()))
              .toList();
    }
    assertThat(topLevel).as("the scan saw the implementation too").hasSizeGreaterThan(20);
    List<String> publicTypes = new java.util.ArrayList<>();
    for (String name : topLevel) {
      Class<?> type = Class.forName("org.partnerprogram.jdbc." + name);
      if (Modifier.isPublic(type.getModifiers())) {
        publicTypes.add(name);
      }
    }
    assertThat(publicTypes).containsExactlyInAnyOrderElementsOf(API);
  }
}
