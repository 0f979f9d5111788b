package org.partnerprogram.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PseudonymKeyTest {
  private static final byte[] SECRET =
      "a secret of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8);

  @Test
  void theSameIdentifierUnderTheSameKeyAlwaysGetsTheSamePseudonym() {
    PseudonymKey key = PseudonymKey.of(SECRET);
    CustomerAccountId customer = CustomerAccountId.of("cust-1042");

    CustomerAccountId pseudonym = key.pseudonymOf(customer);

    assertThat(PseudonymKey.of(SECRET.clone()).pseudonymOf(customer)).isEqualTo(pseudonym);
    assertThat(pseudonym.value()).startsWith("ps:").hasSize(35).doesNotContain("1042");
    assertThat(PseudonymKey.isPseudonym(pseudonym.value())).isTrue();
    assertThat(key.pseudonymOf(CustomerAccountId.of("cust-1043"))).isNotEqualTo(pseudonym);
  }

  @Test
  void anotherKeyOrAnotherKindOfIdentifierGivesAnotherPseudonym() {
    PseudonymKey key = PseudonymKey.of(SECRET);
    byte[] other = SECRET.clone();
    other[0] ^= 1;

    assertThat(PseudonymKey.of(other).pseudonymOf(CustomerAccountId.of("x-1")))
        .isNotEqualTo(key.pseudonymOf(CustomerAccountId.of("x-1")));
    assertThat(key.pseudonymOf(VisitorId.of("x-1")).value())
        .isNotEqualTo(key.pseudonymOf(CustomerAccountId.of("x-1")).value());
  }

  @Test
  void aPartnersAccountAndAVanityCodeHaveTheirOwnPseudonyms() {
    PseudonymKey key = PseudonymKey.of(SECRET);
    CustomerAccountId account = CustomerAccountId.of("cust-1042");
    assertThat(key.partnerPseudonymOf(account))
        .isEqualTo(key.partnerPseudonymOf(account))
        .isNotEqualTo(key.pseudonymOf(account));
    assertThat(PseudonymKey.isPseudonym(key.partnerPseudonymOf(account).value())).isTrue();

    ReferralCode code = ReferralCode.parse("jan-hosting");
    ReferralCode pseudonym = key.pseudonymOf(code);
    assertThat(pseudonym.value())
        .startsWith(ReferralCode.ERASED_PREFIX)
        .hasSize(ReferralCode.MAX_LENGTH)
        .matches("ERASED-[A-Z2-7]{25}");
    assertThat(key.pseudonymOf(ReferralCode.parse("JAN-HOSTING"))).isEqualTo(pseudonym);
    assertThat(key.pseudonymOf(ReferralCode.parse("jan-hostinh"))).isNotEqualTo(pseudonym);
    assertThatThrownBy(() -> ReferralCode.vanity(pseudonym.value()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(ReferralCode.ERASED_PREFIX);
  }

  @Test
  void theKeyIsCopiedSoTheHostChangingItsArrayChangesNothing() {
    byte[] secret = SECRET.clone();
    PseudonymKey key = PseudonymKey.of(secret);
    CustomerAccountId before = key.pseudonymOf(CustomerAccountId.of("c"));
    secret[3] ^= 7;

    assertThat(key.pseudonymOf(CustomerAccountId.of("c"))).isEqualTo(before);
    assertThat(key.toString()).doesNotContain("secret").isEqualTo("PseudonymKey[36 bytes]");
  }

  @Test
  void aShortMissingOrUnreadableSecretIsRefused() {
    assertThatThrownBy(() -> PseudonymKey.of(new byte[31]))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageContaining("was 31 bytes");
    assertThatThrownBy(() -> PseudonymKey.of(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PseudonymKey.fromBase64("not base64!"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("not base64!");
    assertThatThrownBy(
            () -> PseudonymKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("was 16 bytes");
    assertThat(PseudonymKey.fromBase64(Base64.getEncoder().encodeToString(SECRET)).toString())
        .isEqualTo("PseudonymKey[36 bytes]");
  }

  @Test
  void onlyThePseudonymShapeIsRecognised() {
    assertThat(PseudonymKey.isPseudonym(null)).isFalse();
    assertThat(PseudonymKey.isPseudonym("ps:short")).isFalse();
    assertThat(PseudonymKey.isPseudonym("ps:" + "A".repeat(32))).isFalse();
    assertThat(PseudonymKey.isPseudonym("xx:" + "a".repeat(32))).isFalse();
    assertThat(PseudonymKey.isPseudonym("ps:" + "a2".repeat(16))).isTrue();
  }
}
