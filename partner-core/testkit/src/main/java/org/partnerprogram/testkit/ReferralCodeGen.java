package org.partnerprogram.testkit;

import static org.quicktheories.generators.SourceDSL.integers;

import org.partnerprogram.core.domain.ReferralCode;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generates well-formed {@link ReferralCode}s: by default codes as the SDK issues them ({@value
 * ReferralCode#GENERATED_LENGTH} characters of {@link ReferralCode#ALPHABET}), or, through {@link
 * #vanity()}, codes a partner might choose (letters, digits and single inner hyphens, never a
 * reserved word). Obtain it from {@link Gens#referralCodes()}. Shrinks towards the first symbol of
 * the alphabet and, for vanity codes, the shortest length.
 */
public final class ReferralCodeGen implements Gen<ReferralCode> {
  private static final String VANITY_SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final boolean vanity;

  ReferralCodeGen(boolean vanity) {
    this.vanity = vanity;
  }

  /**
   * Codes as the SDK generates them (the default).
   *
   * @return a new generator
   */
  public ReferralCodeGen generated() {
    return new ReferralCodeGen(false);
  }

  /**
   * Vanity codes of {@value ReferralCode#MIN_LENGTH} to 16 characters.
   *
   * @return a new generator
   */
  public ReferralCodeGen vanity() {
    return new ReferralCodeGen(true);
  }

  @Override
  public ReferralCode generate(RandomnessSource in) {
    if (!vanity) {
      int[] symbols =
          Generate.intArrays(
                  Generate.constant(ReferralCode.GENERATED_LENGTH),
                  integers().between(0, ReferralCode.ALPHABET.length() - 1))
              .generate(in);
      StringBuilder b = new StringBuilder();
      for (int s : symbols) {
        b.append(ReferralCode.ALPHABET.charAt(s));
      }
      return new ReferralCode(b.toString());
    }
    int[] symbols =
        Generate.intArrays(
                integers().between(ReferralCode.MIN_LENGTH, 16),
                integers().between(0, VANITY_SYMBOLS.length() - 1))
            .generate(in);
    // a hyphen at one inner position, or none (position 0 shrinks to "no hyphen")
    int hyphen = integers().between(0, symbols.length - 2).generate(in);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < symbols.length; i++) {
      b.append(i == hyphen && i > 0 ? '-' : VANITY_SYMBOLS.charAt(symbols[i]));
    }
    String text = b.toString();
    if (ReferralCode.isReserved(new ReferralCode(text))) {
      text = text + "-1";
    }
    return ReferralCode.vanity(text);
  }

  @Override
  public String asString(ReferralCode code) {
    return code.value();
  }

  @Override
  public String toString() {
    return vanity ? "vanity referral codes" : "generated referral codes";
  }
}
