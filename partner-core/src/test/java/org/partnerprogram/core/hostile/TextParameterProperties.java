package org.partnerprogram.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.testkit.hostile.HostileWorld;
import org.partnerprogram.testkit.hostile.TextParameters;
import org.quicktheories.core.Gen;

/**
 * Random strings into every text parameter of every command (in memory): accepted and read back
 * equal, or refused with an {@code InvalidInputException} (or a listed typed refusal) — never
 * anything else.
 */
class TextParameterProperties {
  private static final int EXAMPLES = 300;

  private final HostileWorld world = HostileWorld.on(new InMemoryStorage());
  private final List<TextParameters.Param> params = TextParameters.of(world);

  private void check(Gen<String> strings) {
    qt().withExamples(EXAMPLES)
        .withShrinkCycles(50)
        .forAll(strings)
        .checkAssert(
            s -> {
              for (TextParameters.Param p : params) {
                assertThat(TextParameters.problem(p, s)).isEqualTo(Optional.empty());
              }
            });
  }

  @Test
  void anyUtf16String() {
    check(strings().allPossible().ofLengthBetween(0, 80));
  }

  @Test
  void anyPrintableAsciiString() {
    check(strings().basicLatinAlphabet().ofLengthBetween(0, 80));
  }

  @Test
  void stringsBiasedToSqlAndControlCharacters() {
    check(longs().all().map(seed -> TextParameters.biased(new SplittableRandom(seed))));
  }

  @Test
  void aValidCodeDrawnTwiceIsRefusedTypedTheSecondTime() {
    // A repeat draw (or a shrink) of a string that is a valid code: the first pass issues and
    // revokes it, the second finds it taken and already revoked. Both are typed refusals.
    for (int pass = 0; pass < 2; pass++) {
      for (TextParameters.Param p : params) {
        assertThat(TextParameters.problem(p, "NL91ABNA0417164300")).isEqualTo(Optional.empty());
      }
    }
  }

  @Test
  void validValuesAreAcceptedAndReadBackSoThePropertyIsNotVacuous() {
    for (String s : List.of("O'Brien; DROP TABLE pp_partner; --", "Zoë \\ 100%_off")) {
      for (String name :
          List.of("enroll.holderName", "updatePayoutAccount.holderName", "suspend.reason")) {
        TextParameters.Param p =
            params.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        assertThat(p.call().apply(s)).contains(s);
      }
    }
    TextParameters.Param vanity =
        params.stream()
            .filter(x -> x.name().equals("issueReferralCode.vanity"))
            .findFirst()
            .orElseThrow();
    assertThat(vanity.call().apply(" sql-meta-7 ")).contains("SQL-META-7");
    TextParameters.Param event =
        params.stream()
            .filter(x -> x.name().equals("recordOrder.eventId"))
            .findFirst()
            .orElseThrow();
    assertThat(event.call().apply("evt_:@/+.x")).contains("evt_:@/+.x");
  }
}
