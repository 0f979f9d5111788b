package org.partnerprogram.testkit;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Rate;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators for the programme's values, behind one facade: {@link #money()}, {@link
 * #rateTables()}, {@link #orders()}, {@link #ibans()}, {@link #referralCodes()} and {@link
 * #programmeMonths()} (event streams of clicks, signups, orders, payments and refunds, with
 * duplicate deliveries and reorderings). Each returns a generator configured by chaining readable
 * methods, each of which returns a new generator; all are plain {@link Gen}s, so they compose with
 * {@code map}, {@code zip} and QuickTheories' own {@code lists()}.
 *
 * <p>Values are the SDK's domain types ({@link Money}, {@link
 * org.partnerprogram.core.domain.Order}, {@link org.partnerprogram.core.domain.RateVersion} inside
 * a {@link RateTable}, {@link Iban}, {@link org.partnerprogram.core.domain.ReferralCode}) or kit
 * records that print one event or version per line. Every generator shrinks towards small, readable
 * values: amounts towards zero, lists towards fewer elements (an order with one line, a month of a
 * few events), the first country, product or partner.
 */
public final class Gens {
  private Gens() {}

  /**
   * Countries used for generated IBANs: every SEPA country ({@link Iban#sepaCountries()}), lengths
   * from 15 (NO) to 31 (MT), the Netherlands first. A payout account needs one of them.
   */
  public static final List<String> IBAN_COUNTRIES = sepaCountriesNetherlandsFirst();

  private static List<String> sepaCountriesNetherlandsFirst() {
    List<String> countries = new ArrayList<>(List.of("NL"));
    Iban.sepaCountries().stream().filter(cc -> !cc.equals("NL")).forEach(countries::add);
    return List.copyOf(countries);
  }

  /**
   * Money in a currency, with absolute value up to {@code maxMajorUnits}.
   *
   * @param currency the currency
   * @param maxMajorUnits the largest absolute amount in major units
   * @param allowNegative whether negative amounts are generated
   * @return the generator
   */
  public static Gen<Money> money(Currency currency, long maxMajorUnits, boolean allowNegative) {
    long factor = (long) Math.pow(10, currency.getDefaultFractionDigits());
    long max = maxMajorUnits * factor;
    return longs()
        .between(allowNegative ? -max : 0, max)
        .map(
            units ->
                Money.of(BigDecimal.valueOf(units, currency.getDefaultFractionDigits()), currency));
  }

  /**
   * Non-negative euro amounts up to 100,000.00.
   *
   * @return the generator
   */
  public static Gen<Money> euros() {
    return money(Currency.getInstance("EUR"), 100_000, false);
  }

  /**
   * Percentage rates from 0 to 100 % with up to 4 decimals.
   *
   * @return the generator
   */
  public static Gen<Rate.Percentage> percentages() {
    return integers()
        .between(0, 1_000_000)
        .map(basisPoints -> new Rate.Percentage(BigDecimal.valueOf(basisPoints, 4)));
  }

  /**
   * Valid IBANs in electronic form, for the SEPA countries in {@link #IBAN_COUNTRIES}, with random
   * account parts in each country's registry format and correct check digits. The result is itself
   * a {@code Gen<Iban>}; chain {@code .in("NL", "BE")} for other countries, {@code .anyCountry()}
   * for every country that issues IBANs, {@code .outsideSepa()} for those a SEPA transfer does not
   * reach, {@code .valid()} for readability, or {@code .corrupted()} for texts that fail validation
   * in a known way.
   *
   * @return the generator
   */
  public static IbanGen ibans() {
    return new IbanGen(IBAN_COUNTRIES);
  }

  /**
   * Money in euros from 0.00 to 100,000.00; chain {@code .in(currency)}, {@code .between(min, max)}
   * or {@code .upTo(max)} to change it: {@code Gens.money().in("EUR").between("0.01", "999.99")}.
   * Shrinks towards the bound nearest to zero.
   *
   * @return the generator
   */
  public static MoneyGen money() {
    return new MoneyGen(Currency.getInstance("EUR"), BigDecimal.ZERO, new BigDecimal("100000"));
  }

  /**
   * Rate tables of 3 products with 1 to 3 programme-wide versions and no overrides, starting at
   * {@link ProgramFixture#START}; chain {@code .products(n)}, {@code .versions(min, max)}, {@code
   * .overrides(min, max)} or {@code .from(instant)}: {@code
   * Gens.rateTables().products(3).versions(1, 4).overrides(0, 2)}.
   *
   * @return the generator
   */
  public static RateTableGen rateTables() {
    return new RateTableGen(3, 1, 3, 0, 0, ProgramFixture.START);
  }

  /**
   * Orders of 1 to 5 lines over {@link ProgramFixture}'s rate card, placed in the 30 days after
   * {@link ProgramFixture#START}; chain {@code .over(rateTable)}, {@code .lines(min, max)}, {@code
   * .nets(money)}, {@code .by(customer)}, or {@code .several(min, max)} for a list: {@code
   * Gens.orders().over(table).lines(1, 5)}. Shrinks towards one line.
   *
   * @return the generator
   */
  public static OrderGen orders() {
    return OrderGen.defaults();
  }

  /**
   * Referral codes as the SDK generates them; chain {@code .vanity()} for codes a partner chooses.
   *
   * @return the generator
   */
  public static ReferralCodeGen referralCodes() {
    return new ReferralCodeGen(false);
  }

  /**
   * Months of a programme (November 2026) with up to 3 partners and 5 customers, each event
   * delivered once and in order; chain {@code .partners(n)}, {@code .customers(m)}, {@code
   * .duplicates(probability)}, {@code .reorderings(true)} or {@code .in(yearMonth)}: {@code
   * Gens.programmeMonths().partners(3).customers(10).duplicates(0.1).reorderings(true)}.
   *
   * @return the generator
   */
  public static ProgrammeMonthGen programmeMonths() {
    return new ProgrammeMonthGen(YearMonth.of(2026, 11), 3, 5, 0, false);
  }

  /**
   * A list of {@code min} to {@code max} elements that shrinks by dropping any element, not only
   * the last. QuickTheories shrinks the random draws behind a value, not its structure: a list of
   * {@code lists().ofSizeBetween} can only lose its tail, so an interesting last element keeps
   * every element before it alive. Here the list is {@code max} slots, each or absent by a draw
   * that shrinks towards absent, and every slot draws its element either way, so dropping one
   * element leaves the draws of the others where they were. When fewer than {@code min} slots are
   * present, the first absent ones fill up the list.
   */
  static <T> Gen<List<T>> listOf(Gen<T> element, int min, int max) {
    Gen<Integer> present = integers().between(0, 1);
    return in -> {
      List<T> kept = new ArrayList<>();
      List<T> dropped = new ArrayList<>();
      for (int i = 0; i < max; i++) {
        boolean keep = present.generate(in) == 1;
        T value = element.generate(in);
        (keep ? kept : dropped).add(value);
      }
      // too few kept: the first dropped ones make up the minimum
      for (int i = 0; kept.size() < min; i++) {
        kept.add(dropped.get(i));
      }
      return kept;
    };
  }
}
