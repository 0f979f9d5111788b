package org.partnerprogram.testkit.hostile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PartnerProgramException;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.testkit.Acts;

/**
 * Every text parameter of every command, each as a function from a string to the value read back
 * from storage where the SDK stores and reports it (empty where it does not report it). The
 * property: for any string, the call either succeeds (and the read-back equals the input, or its
 * documented normal form) or is refused with an {@link InvalidInputException}; for a few parameters
 * a second typed refusal is legitimate (a taken code, an unknown id) and listed.
 */
public final class TextParameters {
  private TextParameters() {}

  /** One text parameter. */
  public record Param(
      String name,
      Function<String, Optional<String>> call,
      UnaryOperator<String> normalForm,
      Set<Class<? extends PartnerProgramException>> alsoAllowed) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Checks one string against one parameter.
   *
   * @param p the parameter
   * @param s the string
   * @return empty if fine, else what went wrong
   */
  public static Optional<String> problem(Param p, String s) {
    Optional<String> readBack;
    try {
      readBack = p.call().apply(s);
    } catch (InvalidInputException e) {
      return Optional.empty();
    } catch (PartnerProgramException e) {
      if (p.alsoAllowed().stream().anyMatch(t -> t.isInstance(e))) {
        return Optional.empty();
      }
      return Optional.of(p + " " + HostileCorpus.show(s) + " threw " + e);
    } catch (RuntimeException e) {
      return Optional.of(p + " " + HostileCorpus.show(s) + " threw untyped " + e);
    }
    if (readBack.isPresent() && !readBack.get().equals(p.normalForm().apply(s))) {
      return Optional.of(
          p + " " + HostileCorpus.show(s) + " was stored as " + HostileCorpus.show(readBack.get()));
    }
    return Optional.empty();
  }

  /**
   * The parameters against a world.
   *
   * @param w the world
   * @return every text parameter
   */
  public static List<Param> of(HostileWorld w) {
    PartnerProgram p = w.program;
    AtomicInteger n = new AtomicInteger();
    List<Param> params = new ArrayList<>();
    String iban = "NL91ABNA0417164300";
    params.add(
        param(
            "enroll.customerAccountId",
            s -> {
              p.partners().enroll(EnrollPartnerCommand.of(s));
              // Enrolling again reads the stored partner back.
              return Optional.of(
                  p.partners()
                      .enroll(EnrollPartnerCommand.of(s))
                      .partner()
                      .customerAccountId()
                      .value());
            }));
    params.add(
        param(
            "enroll.holderName",
            s -> {
              PartnerId id =
                  p.partners()
                      .enroll(
                          EnrollPartnerCommand.of("cust-h-" + n.incrementAndGet())
                              .withPayoutAccount(PayoutAccount.of(iban, s)))
                      .partner()
                      .id();
              return overview(p, id).payoutHolderName();
            }));
    params.add(
        param(
            "updatePayoutAccount.holderName",
            s -> {
              p.partners().updatePayoutAccount(w.partnerB, PayoutAccount.of(iban, s));
              return overview(p, w.partnerB).payoutHolderName();
            }));
    params.add(
        param(
            "updatePayoutAccount.iban",
            s -> {
              p.partners().updatePayoutAccount(w.partnerB, PayoutAccount.of(s, "Bea"));
              return Optional.empty();
            }));
    params.add(
        param(
            "suspend.reason",
            s -> {
              PartnerId id = enrolFresh(p, n);
              p.partners().suspend(id, Acts.because(s));
              return Optional.of(overview(p, id).status().name().equals("SUSPENDED") ? s : "?");
            }));
    params.add(
        new Param(
            "issueReferralCode.vanity",
            s -> {
              PartnerId id = enrolFresh(p, n);
              String code = p.referrals().issueVanityCode(id, s).code().value();
              return overview(p, id).links().stream()
                  .map(l -> l.code().value())
                  .filter(code::equals)
                  .findFirst();
            },
            s -> ReferralCode.parse(s).value(),
            Set.of(ConflictException.class)));
    params.add(
        new Param(
            "revokeReferralCode.code",
            s -> {
              p.referrals().revokeCode(s);
              return Optional.empty();
            },
            s -> s,
            // The vanity parameter above issues s when s is a valid code and this one revokes it;
            // when the same string comes again (a repeat draw or a shrink), it is already revoked.
            Set.of(NotFoundException.class, IllegalTransitionException.class)));
    params.add(
        param(
            "recordTouch.visitorId",
            s -> {
              p.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", s));
              return Optional.empty();
            }));
    params.add(
        param(
            "recordTouch.landingPath",
            s -> {
              p.referrals()
                  .recordTouch(RecordTouchCommand.of("jan-hosting", "v-path").landingPath(s));
              return Optional.empty();
            }));
    params.add(
        new Param(
            "recordTouch.code",
            s -> {
              p.referrals().recordTouch(RecordTouchCommand.of(s, "v-code"));
              return Optional.empty();
            },
            s -> s,
            Set.of(NotFoundException.class)));
    params.add(
        param(
            "attributeSignup.customer",
            s -> {
              p.referrals()
                  .attributeSignup(
                      AttributeSignupCommand.newCustomer(s).visitor("v-none").at(HostileWorld.NOW));
              return Optional.empty();
            }));
    params.add(
        new Param(
            "recordOrder.eventId",
            s -> {
              order(
                  p,
                  w,
                  s,
                  "o-ev-" + n.incrementAndGet(),
                  "prod",
                  Optional.empty(),
                  Optional.empty());
              return p.commissions().processed(List.of(s)).stream().map(EventId::value).findFirst();
            },
            s -> s,
            // A repeated id with another order is a different event under a used id.
            Set.of(IdempotencyConflictException.class)));
    params.add(
        param(
            "recordOrder.orderId",
            s -> {
              order(
                  p,
                  w,
                  "e-o-" + n.incrementAndGet(),
                  s,
                  "prod",
                  Optional.empty(),
                  Optional.empty());
              return Optional.empty();
            }));
    params.add(
        param(
            "recordOrder.productId",
            s -> {
              int i = n.incrementAndGet();
              order(p, w, "e-p-" + i, "o-p-" + i, s, Optional.empty(), Optional.empty());
              return Optional.empty();
            }));
    params.add(
        param(
            "recordOrder.productGroup",
            s -> {
              int i = n.incrementAndGet();
              order(p, w, "e-g-" + i, "o-g-" + i, "prod", Optional.of(s), Optional.empty());
              return Optional.empty();
            }));
    params.add(
        param(
            "recordOrder.description",
            s -> {
              int i = n.incrementAndGet();
              order(p, w, "e-d-" + i, "o-d-" + i, "prod", Optional.empty(), Optional.of(s));
              return Optional.empty();
            }));
    params.add(
        param(
            "recordOrder.amount",
            s -> {
              int i = n.incrementAndGet();
              recordOrder(
                  p, w, "e-a-" + i, "o-a-" + i, OrderLine.of(1, "prod", Money.of(s, "EUR")));
              return Optional.empty();
            }));
    params.add(
        param(
            "recordOrder.currency",
            s -> {
              int i = n.incrementAndGet();
              recordOrder(p, w, "e-c-" + i, "o-c-" + i, OrderLine.of(1, "prod", Money.of("1", s)));
              return Optional.empty();
            }));
    params.add(
        param(
            "addRateVersion.percent",
            s -> {
              p.rates()
                  .change(
                      RateChange.forPartner(w.partnerB, Acts.TEST)
                          .setAll(Map.of(RateTarget.group("vps"), Rate.percent(s)))
                          .from(HostileWorld.NOW.plusSeconds(n.incrementAndGet())));
              return Optional.empty();
            }));
    params.add(
        param(
            "addRateVersion.targetId",
            s -> {
              p.rates()
                  .change(
                      RateChange.forPartner(w.partnerB, Acts.TEST)
                          .setAll(Map.of(RateTarget.product(s), Rate.percent("5")))
                          .from(HostileWorld.NOW.plusSeconds(n.incrementAndGet())));
              return Optional.empty();
            }));
    params.add(
        new Param(
            "markPayoutFailed.reason",
            s -> {
              p.payouts().markFailed(PayoutId.of("PO" + "0".repeat(24)), Acts.because(s));
              return Optional.empty();
            },
            s -> s,
            Set.of(NotFoundException.class)));
    params.add(
        new Param(
            "markPayoutPaid.payoutId",
            s -> {
              p.payouts().markPaid(PayoutId.of(s), HostileWorld.NOW, Acts.TEST);
              return Optional.empty();
            },
            s -> s,
            Set.of(NotFoundException.class)));
    params.add(
        param(
            "overview.partnerId",
            s -> {
              p.partners().overview(PartnerId.of(s));
              return Optional.empty();
            }));
    params.add(
        param(
            "overview.customerAccountId",
            s -> {
              p.partners().overviewOfCustomer(CustomerAccountId.of(s));
              return Optional.empty();
            }));
    params.add(
        param(
            "export.debtorName",
            s -> {
              p.payouts()
                  .export(
                      new ExportPayoutsCommand(
                          HostileWorld.CLOSED,
                          PainVersion.PAIN_001_001_03,
                          SepaDebtor.of(s, iban),
                          LocalDate.parse("2026-12-02"),
                          Acts.TEST));
              return Optional.empty();
            }));
    return params;
  }

  private static Param param(String name, Function<String, Optional<String>> call) {
    return new Param(name, call, s -> s, Set.of());
  }

  private static PartnerOverview overview(PartnerProgram p, PartnerId id) {
    return p.partners().overview(id).orElseThrow();
  }

  private static PartnerId enrolFresh(PartnerProgram p, AtomicInteger n) {
    return p.partners()
        .enroll(EnrollPartnerCommand.of("cust-f-" + n.incrementAndGet()))
        .partner()
        .id();
  }

  private static void order(
      PartnerProgram p,
      HostileWorld w,
      String event,
      String orderId,
      String product,
      Optional<String> group,
      Optional<String> description) {
    recordOrder(
        p,
        w,
        event,
        orderId,
        new OrderLine(
            1,
            ProductId.of(product),
            group.map(ProductGroupId::of),
            Money.of("10.00", "EUR"),
            description));
  }

  private static void recordOrder(
      PartnerProgram p, HostileWorld w, String event, String orderId, OrderLine line) {
    p.commissions()
        .recordOrder(
            new RecordOrderCommand(
                EventId.of(event),
                new Order(OrderId.of(orderId), w.customerA, HostileWorld.NOW, List.of(line))));
  }

  // ------------------------------------------------------------------ string generators

  private static final String[] FRAGMENTS = {
    "'",
    "\"",
    ";",
    "--",
    "/*",
    "*/",
    "\\",
    "%",
    "_",
    "' OR 1=1 --",
    "; DROP TABLE pp_partner;",
    "\u0000",
    "\u0007",
    "\n",
    "\r",
    "\t",
    " ",
    "  ",
    "\u202E",
    "\u2066",
    "\u2069",
    "\u200B",
    "\uFEFF",
    "\uD800",
    "\uDC00",
    "\uD83D\uDE00",
    "\u00E9",
    "\u0130",
    "\u2028",
    "\u00A0",
    "a",
    "Z",
    "7",
    "-",
    ".",
    "@",
    "/",
    "+",
    ":",
    "jan-hosting",
    "NL91ABNA0417164300",
    "PO",
    "0",
    "EUR",
    "1.00",
    "${x}",
    "<b>",
    "&amp;",
    "\u001B[0m",
    "\u007F"
  };

  /**
   * A string biased to SQL metacharacters, control, bidi and format characters and fragments of
   * valid values.
   *
   * @param r the randomness
   * @return a string of 0 to about 20 fragments
   */
  public static String biased(SplittableRandom r) {
    int parts = r.nextInt(0, 12);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      b.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
    }
    return b.toString();
  }

  /**
   * Any UTF-16 string, lone surrogates included.
   *
   * @param r the randomness
   * @return a string of 0 to 80 chars
   */
  public static String allPossible(SplittableRandom r) {
    int length = r.nextInt(0, 81);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append((char) r.nextInt(0, 0x10000));
    }
    return b.toString();
  }

  /**
   * Printable ASCII.
   *
   * @param r the randomness
   * @return a string of 0 to 80 chars
   */
  public static String basicLatin(SplittableRandom r) {
    int length = r.nextInt(0, 81);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append((char) r.nextInt(0x20, 0x7f));
    }
    return b.toString();
  }
}
