package org.partnerprogram.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the storage contract suite complete: every method of every outbound port must be called by
 * at least one contract test, so an adapter author who passes the suite has had each method
 * checked. A new port method without a contract test fails this test.
 *
 * <p>The check reads the contract tests' sources (whitespace removed, so calls split over lines
 * count) and looks for {@code accessor().method(} where the accessor is the {@link ProgramStorage}
 * method that hands out the port.
 */
class ContractCompletenessTest {

  private static final Path CONTRACT_SOURCES =
      Path.of("testkit/src/main/java/org/partnerprogram/testkit/contract");

  /** Each port with the accessor the contract tests reach it through. */
  private static final Map<Class<?>, String> PORTS =
      Map.ofEntries(
          Map.entry(PartnerStore.class, "partners"),
          Map.entry(ReferralCodeStore.class, "codes"),
          Map.entry(RateStore.class, "rates"),
          Map.entry(TouchStore.class, "touches"),
          Map.entry(AttributionStore.class, "attributions"),
          Map.entry(OrderStore.class, "orders"),
          Map.entry(LedgerStore.class, "ledger"),
          Map.entry(ProcessedEventStore.class, "processedEvents"),
          Map.entry(PayoutStore.class, "payouts"),
          Map.entry(ErasureStore.class, "erasures"),
          Map.entry(ReportStore.class, "reports"),
          Map.entry(AuditStore.class, "audit"),
          Map.entry(TransactionBoundary.class, "transactions"));

  @Test
  void everyPortIsHandedOutByProgramStorage() {
    List<String> accessors =
        Stream.of(ProgramStorage.class.getDeclaredMethods())
            .filter(m -> PORTS.containsKey(m.getReturnType()))
            .map(Method::getName)
            .collect(Collectors.toList());

    assertThat(accessors).containsExactlyInAnyOrderElementsOf(PORTS.values());
  }

  @Test
  void everyPortMethodIsCalledByAContractTest() throws IOException {
    String contracts = contractSources();
    List<String> uncovered = new ArrayList<>();
    PORTS.forEach(
        (port, accessor) -> {
          for (Method method : port.getDeclaredMethods()) {
            if (!Modifier.isAbstract(method.getModifiers())) {
              continue;
            }
            Pattern call =
                Pattern.compile("\\b" + Pattern.quote(accessor + "()." + method.getName() + "("));
            if (!call.matcher(contracts).find()) {
              uncovered.add(port.getSimpleName() + "#" + method.getName());
            }
          }
        });

    assertThat(uncovered).as("port methods no contract test calls").isEmpty();
  }

  /**
   * ProgramStorage's own methods (the accessors, the outbox, and the default queries across stores
   * such as {@code resolvedTouches}) are called by a contract test too: a default method is what an
   * adapter inherits untested otherwise, and what the JDBC adapter overrides.
   */
  @Test
  void everyProgramStorageMethodIsCalledByAContractTest() throws IOException {
    String contracts = contractSources();
    List<String> uncovered =
        Stream.of(ProgramStorage.class.getDeclaredMethods())
            .filter(m -> !m.isSynthetic() && !Modifier.isStatic(m.getModifiers()))
            .map(Method::getName)
            .filter(name -> !contracts.contains("storage." + name + "("))
            .toList();

    assertThat(uncovered).as("ProgramStorage methods no contract test calls").isEmpty();
  }

  @Test
  void theCheckSeesTheContractSourcesAndCanFail() throws IOException {
    String contracts = contractSources();

    assertThat(contracts)
        .contains("partners().insert(")
        .doesNotContain("partners().neverDeclared(");
    assertThat(PORTS.keySet())
        .allSatisfy(port -> assertThat(port.getDeclaredMethods()).isNotEmpty());
  }

  private static String contractSources() throws IOException {
    assertThat(CONTRACT_SOURCES).as("run from partner-core's directory").isDirectory();
    try (Stream<Path> files = Files.list(CONTRACT_SOURCES)) {
      StringBuilder all = new StringBuilder();
      for (Path file : files.filter(f -> f.toString().endsWith("ContractTest.java")).toList()) {
        all.append(Files.readString(file).replaceAll("\\s+", ""));
      }
      return all.toString();
    }
  }
}
