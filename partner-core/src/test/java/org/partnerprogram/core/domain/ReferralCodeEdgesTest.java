package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Referral codes at their length, character and hyphen edges, and generation from a source. */
class ReferralCodeEdgesTest {
  @Test
  void fourToThirtyTwoCharactersAreAccepted() {
    assertThat(ReferralCode.parse("AB2K").value()).isEqualTo("AB2K");
    assertThat(ReferralCode.parse("Z".repeat(32)).value()).hasSize(32);
    assertThatThrownBy(() -> new ReferralCode("ABC"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("code: must be 4 to 32 characters, was 3");
    assertThatThrownBy(() -> new ReferralCode("Z".repeat(33)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new ReferralCode(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void everyLetterAndDigitAndInnerHyphensAreAllowed() {
    assertThat(new ReferralCode("ABCDEFGHIJKLMNOPQRSTUVWXYZ").value()).hasSize(26);
    assertThat(new ReferralCode("0123456789").value()).hasSize(10);
    assertThat(new ReferralCode("A-B-C").value()).isEqualTo("A-B-C");
    String[][] badAt = {
      {"ABC@", "4"},
      {"ABC[", "4"},
      {"ABC/", "4"},
      {"ABC:", "4"},
      {"abcd", "1"},
      {"AB`D", "3"},
      {"AB{D", "3"}
    };
    for (String[] bad : badAt) {
      assertThatThrownBy(() -> new ReferralCode(bad[0]))
          .as(bad[0])
          .isInstanceOf(InvalidInputException.class)
          .hasMessageEndingWith("(position " + bad[1] + ")");
    }
    for (String bad : new String[] {"-ABC", "ABC-", "AB--C"}) {
      assertThatThrownBy(() -> new ReferralCode(bad))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("hyphen");
    }
  }

  @Test
  void parsingStripsWhiteSpaceButRefusesAbsurdlyLongInput() {
    String padded = "  " + "K".repeat(32) + " ".repeat(14);
    assertThat(padded).hasSize(48);
    assertThat(ReferralCode.parse(padded).value()).isEqualTo("K".repeat(32));
    assertThatThrownBy(() -> ReferralCode.parse(padded + " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("code: must be at most 32 characters");
    assertThat(ReferralCode.parse("abcd").toString()).isEqualTo("ABCD");
  }

  @Test
  void reservedWordsAreRefusedInAnyCaseButOnlyAsVanityCodes() {
    assertThatThrownBy(() -> ReferralCode.vanity("Support"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("code: 'SUPPORT' is reserved");
    assertThat(ReferralCode.parse("support").value()).isEqualTo("SUPPORT");
  }

  @Test
  void generatedCodesTakeEachCharacterFromTheAlphabetByTheSourcesDraw() {
    assertThat(ReferralCode.generate(fixed(0)).value()).isEqualTo("222222222222");
    assertThat(ReferralCode.generate(fixed(29)).value()).isEqualTo("ZZZZZZZZZZZZ");
    int[] next = {0};
    RandomGenerator counting = fixedSequence(next);
    assertThat(ReferralCode.generate(counting).value()).isEqualTo("23456789ABCD");
  }

  private static RandomGenerator fixed(int draw) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int nextInt(int bound) {
        assertThat(bound).isEqualTo(30);
        return draw;
      }
    };
  }

  private static RandomGenerator fixedSequence(int[] next) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int nextInt(int bound) {
        return next[0]++;
      }
    };
  }
}
