package org.partnerprogram.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.Reattribution;
import org.partnerprogram.core.port.in.AdjustCommand;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.ReattributeCommand;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.RefundResult;
import org.partnerprogram.core.port.in.SignupAttribution;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * A stateful model check of the whole programme: a generated sequence of {@link Action}s (enrol,
 * click, sign up, order, pay, refund, redeliver (unchanged or changed), close the month, mark a
 * payout paid or failed) is run against a {@link ProgramFixture} on fresh storage <em>and</em>
 * against a small reference model, comparing the two and checking {@link Invariants} after every
 * action.
 *
 * <p>Generation is seeded; a failing sequence is shrunk (chunks of actions removed, orders cut to
 * one line, amounts simplified) to the shortest one that still fails, and the {@link
 * AssertionError} shows it with the seed that replays it. The engine needs nothing but the SDK and
 * JUnit, so an adapter module need not depend on QuickTheories. Integrators normally extend {@link
 * ProgrammeModelCheck}; tests may call {@link #check(Supplier, Settings)} or {@link #run(Supplier,
 * List)} directly.
 *
 * <p>Each sequence starts from {@link ProgramFixture} (partner 0 with code {@code jan-hosting}) and
 * one customer (customer 0) that partner referred; the programme clock starts on 2 November 2026
 * and moves seven minutes per action, and a close moves it into the next month.
 *
 * <p>The reference model: a signup is attributed to the partner of the visitor's last click within
 * 90 days; an order of an attributed customer earns, per line, 25 % of the net on shared hosting,
 * 12.5 % on VPS and nothing on domains (rounded half up); once the order is paid the partner's net
 * commission is, per line, the commission minus the refunded share ({@code commission ×
 * refunded/net}, rounded half up, at most the commission). A close pays each partner their net
 * commission minus what live payouts already paid, when that is positive; a failed payout's
 * commission is payable again.
 *
 * <p>Longer than 500 lines on purpose: it is the whole programme restated independently of the
 * SDK's code, so that the model check compares two implementations; split into parts it would start
 * to share structure with what it checks.
 */
public final class ProgrammeModel {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final Duration WINDOW = Duration.ofDays(90);
  private static final String[] GROUPS = {"shared-hosting", "vps", "domain"};
  private static final int ANY_ORDER = Pay.ANY_ORDER;
  private static final int WALK_IN = PlaceOrder.WALK_IN;
  private static final String[] RATES = {"0.25", "0.125", "0"};

  private ProgrammeModel() {}

  // ------------------------------------------------------------------------------------ actions

  /** One step of a programme's life. Indexes pick among what exists (modulo its size). */
  public sealed interface Action {}

  /** Enrols a new partner with a payout account and a vanity code {@code partner-N}. */
  public record Enrol() implements Action {
    @Override
    public String toString() {
      return "Enrol";
    }
  }

  /**
   * A visitor clicks a partner's link.
   *
   * @param partner which partner (0 is the fixture's)
   * @param visitor which visitor
   */
  public record Click(int partner, int visitor) implements Action {
    @Override
    public String toString() {
      return "Click(partner " + partner + ", visitor v" + visitor + ")";
    }
  }

  /**
   * A visitor signs up as a new customer (or an existing one, which is never attributed).
   *
   * @param visitor which visitor
   * @param newCustomer whether the host says the customer is new
   */
  public record Signup(int visitor, boolean newCustomer) implements Action {
    @Override
    public String toString() {
      return "Signup(visitor v" + visitor + (newCustomer ? ", new" : ", existing") + ")";
    }
  }

  /**
   * A visitor clicks a partner's link and then signs up: {@link Click} then {@link Signup}.
   *
   * @param partner which partner (0 is the fixture's)
   * @param visitor which visitor
   * @param newCustomer whether the host says the customer is new
   */
  public record ReferredSignup(int partner, int visitor, boolean newCustomer) implements Action {
    @Override
    public String toString() {
      return "ReferredSignup(partner "
          + partner
          + ", visitor v"
          + visitor
          + (newCustomer ? ", new" : ", existing")
          + ")";
    }
  }

  /**
   * One line of a generated order.
   *
   * @param group 0 shared hosting, 1 VPS, 2 domain
   * @param cents the net amount in cents, at least 1
   */
  public record Line(int group, long cents) {
    @Override
    public String toString() {
      return GROUPS[group] + " " + BigDecimal.valueOf(cents, 2).toPlainString();
    }
  }

  /**
   * A customer places an order.
   *
   * @param customer which customer; {@value #WALK_IN} (or no customer yet) is a walk-in who never
   *     signed up
   * @param lines the lines, at least one
   */
  public record PlaceOrder(int customer, List<Line> lines) implements Action {
    /** The customer index of a walk-in. */
    public static final int WALK_IN = 4;

    /** Copies the lines. */
    public PlaceOrder {
      lines = List.copyOf(lines);
    }

    @Override
    public String toString() {
      return "Order(customer " + customer + ", " + lines + ")";
    }
  }

  /**
   * An order is paid (a new payment event; paying a paid order again changes nothing).
   *
   * @param order which unpaid order; from {@value #ANY_ORDER} on, which order of all
   */
  public record Pay(int order) implements Action {
    /** From this index on, the order is picked among all orders, paid or not. */
    public static final int ANY_ORDER = 6;

    @Override
    public String toString() {
      return order < ANY_ORDER ? "Pay(unpaid order " + order + ")" : "Pay(order " + order + ")";
    }
  }

  /**
   * Part of one line of an order is refunded.
   *
   * @param order which order
   * @param line which line
   * @param permille how much of what is left on the line, 1 to 1000 (at least one cent)
   */
  public record Refund(int order, int line, int permille) implements Action {
    @Override
    public String toString() {
      return "Refund(order " + order + ", line " + line + ", " + permille + "‰ of what is left)";
    }
  }

  /**
   * A host event delivered before is delivered again, same id and payload.
   *
   * @param event which earlier order, payment or refund event
   */
  public record Redeliver(int event) implements Action {
    @Override
    public String toString() {
      return "Redeliver(event " + event + ")";
    }
  }

  /**
   * A host event delivered before is delivered again under the same id with a changed payload (its
   * instant one second later): the programme must refuse it with an {@link
   * IdempotencyConflictException} and change nothing.
   *
   * @param event which earlier order, payment or refund event
   */
  public record RedeliverChanged(int event) implements Action {
    @Override
    public String toString() {
      return "RedeliverChanged(event " + event + ")";
    }
  }

  /**
   * The clock moves into the next month and the month that ended is closed; {@code again} closes
   * the latest closed month a second time instead (which must change nothing).
   *
   * @param again whether to re-close instead
   */
  public record Close(boolean again) implements Action {
    @Override
    public String toString() {
      return again ? "CloseAgain" : "Close";
    }
  }

  /**
   * A created payout is marked paid or failed.
   *
   * @param payout which open payout
   * @param failed failed rather than paid
   */
  public record Settle(int payout, boolean failed) implements Action {
    @Override
    public String toString() {
      return (failed ? "MarkFailed(payout " : "MarkPaid(payout ") + payout + ")";
    }
  }

  /**
   * An operator adjusts a partner's balance ({@code corrections().adjust}): a bonus or a
   * correction, payable at once.
   *
   * @param partner which partner
   * @param cents the signed amount in cents, not zero
   */
  public record Adjust(int partner, long cents) implements Action {
    @Override
    public String toString() {
      return "Adjust(partner "
          + partner
          + ", "
          + BigDecimal.valueOf(cents, 2).toPlainString()
          + ")";
    }
  }

  /**
   * Support moves a customer's attribution ({@code referrals().reattribute}) from now on: to a
   * partner, or to nobody.
   *
   * @param customer which customer who signed up
   * @param partner which partner; {@value #NOBODY} for nobody
   */
  public record Reattribute(int customer, int partner) implements Action {
    /** The partner index that means nobody. */
    public static final int NOBODY = 3;

    @Override
    public String toString() {
      return "Reattribute(customer "
          + customer
          + (partner == NOBODY ? " to nobody)" : " to partner " + partner + ")");
    }
  }

  // ------------------------------------------------------------------------------------ settings

  /**
   * How many sequences, how long, from which seed.
   *
   * @param examples how many sequences
   * @param maxActions the longest sequence
   * @param seed the seed of the first sequence; sequence {@code i} uses {@code seed + i}
   */
  public record Settings(int examples, int maxActions, long seed) {
    /** The system property for the number of sequences (e.g. 5000 for a soak). */
    public static final String EXAMPLES = "partner.modelcheck.examples";

    /** The system property for the longest sequence. */
    public static final String ACTIONS = "partner.modelcheck.actions";

    /** The system property for the seed: a number, or {@code random}. */
    public static final String SEED = "partner.modelcheck.seed";

    /** The default seed (CI is reproducible; use {@code -Dpartner.modelcheck.seed=random}). */
    public static final long DEFAULT_SEED = 20261102L;

    /**
     * These defaults, overridden by the system properties when set.
     *
     * @param examples default number of sequences
     * @param maxActions default longest sequence
     * @return the settings
     */
    public static Settings fromSystemProperties(int examples, int maxActions) {
      String seed = System.getProperty(SEED, Long.toString(DEFAULT_SEED));
      return new Settings(
          Integer.getInteger(EXAMPLES, examples),
          Integer.getInteger(ACTIONS, maxActions),
          "random".equals(seed) ? new SplittableRandom().nextLong() : Long.parseLong(seed));
    }
  }

  // ------------------------------------------------------------------------------------ check

  /** No invariants of the storage's own. */
  private static final Function<ProgramStorage, List<String>> NO_STORAGE_CHECK = s -> List.of();

  /**
   * Runs {@code settings.examples()} generated sequences, each on fresh storage; on the first
   * failure, shrinks it and throws.
   *
   * @param storage makes fresh, empty storage
   * @param settings how many, how long, which seed
   * @throws AssertionError naming the seed, the original and the shrunk sequence and the failure
   */
  public static void check(Supplier<ProgramStorage> storage, Settings settings) {
    check(storage, settings, NO_STORAGE_CHECK);
  }

  /**
   * Like {@link #check(Supplier, Settings)}, and after every action also the storage's own
   * invariants: what an adapter keeps beside the ports' data (running totals, open-item tables,
   * denormalised columns) against that data.
   *
   * @param storage makes fresh, empty storage
   * @param settings how many, how long, which seed
   * @param storageCheck the storage's disagreements with itself, one line each; empty when none
   * @throws AssertionError naming the seed, the original and the shrunk sequence and the failure
   */
  public static void check(
      Supplier<ProgramStorage> storage,
      Settings settings,
      Function<ProgramStorage, List<String>> storageCheck) {
    for (int i = 0; i < settings.examples(); i++) {
      long seed = settings.seed() + i;
      List<Action> actions = generate(new SplittableRandom(seed), settings.maxActions());
      Optional<Throwable> failure = failure(storage, actions, storageCheck);
      if (failure.isPresent()) {
        Shrunk shrunk = shrink(storage, actions, failure.get(), storageCheck);
        AssertionError error =
            new AssertionError(
                String.format(
                    Locale.ROOT,
                    "Model check failed on sequence %d (replay with -D%s=%d -D%s=1 -D%s=%d).%n"
                        + "Shrunk to %d of %d actions (%d shrink runs):%n%s%nFailure: %s%n"
                        + "Original sequence:%n%s",
                    i,
                    Settings.SEED,
                    seed,
                    Settings.EXAMPLES,
                    Settings.ACTIONS,
                    settings.maxActions(),
                    shrunk.actions.size(),
                    actions.size(),
                    shrunk.runs,
                    numbered(shrunk.actions),
                    shrunk.failure,
                    numbered(actions)),
                shrunk.failure);
        throw error;
      }
    }
  }

  /**
   * Runs one sequence on fresh storage, comparing with the model and checking the invariants after
   * every action.
   *
   * @param storage makes fresh, empty storage
   * @param actions the sequence
   * @throws AssertionError (or the system's exception) at the first disagreement
   */
  public static void run(Supplier<ProgramStorage> storage, List<Action> actions) {
    run(storage, actions, NO_STORAGE_CHECK);
  }

  /**
   * Like {@link #run(Supplier, List)}, with the storage's own invariants after every action (see
   * {@link #check(Supplier, Settings, Function)}).
   *
   * @param storage makes fresh, empty storage
   * @param actions the sequence
   * @param storageCheck the storage's disagreements with itself, one line each; empty when none
   * @throws AssertionError (or the system's exception) at the first disagreement
   */
  public static void run(
      Supplier<ProgramStorage> storage,
      List<Action> actions,
      Function<ProgramStorage, List<String>> storageCheck) {
    Run run = new Run(storage.get());
    StringBuilder trace = new StringBuilder();
    int step = 0;
    for (Action action : actions) {
      step++;
      try {
        run.apply(action);
        trace.append(String.format(Locale.ROOT, "  %2d. %s: %s%n", step, action, run.did));
        run.verify();
        List<String> disagreements = storageCheck.apply(run.storage);
        if (!disagreements.isEmpty()) {
          throw new AssertionError("the storage disagrees with itself: " + disagreements);
        }
      } catch (AssertionError | RuntimeException e) {
        if (trace.indexOf(String.format(Locale.ROOT, "  %2d. ", step)) < 0) {
          trace.append(String.format(Locale.ROOT, "  %2d. %s: %s%n", step, action, run.did));
        }
        AssertionError error =
            new AssertionError(
                "after action "
                    + step
                    + " "
                    + action
                    + ": "
                    + e
                    + "\nWhat the actions did:\n"
                    + trace,
                e);
        throw error;
      }
    }
  }

  /**
   * A random sequence.
   *
   * @param random the source
   * @param maxActions the longest sequence
   * @return a sequence of 1 to {@code maxActions} actions
   */
  public static List<Action> generate(SplittableRandom random, int maxActions) {
    int max = Math.max(1, maxActions);
    int n = random.nextBoolean() ? max - random.nextInt((max + 3) / 4) : 1 + random.nextInt(max);
    List<Action> actions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(100);
      Action a;
      if (kind < 5) {
        a = new Enrol();
      } else if (kind < 15) {
        a = new ReferredSignup(random.nextInt(3), random.nextInt(3), random.nextInt(10) != 0);
      } else if (kind < 20) {
        a = new Click(random.nextInt(3), random.nextInt(3));
      } else if (kind < 24) {
        a = new Signup(random.nextInt(3), random.nextInt(8) != 0);
      } else if (kind < 44) {
        int lines = 1 + random.nextInt(3);
        List<Line> ls = new ArrayList<>();
        for (int l = 0; l < lines; l++) {
          long cents =
              random.nextInt(4) == 0 ? 1 + random.nextInt(10) : 1 + random.nextLong(200_000);
          ls.add(new Line(random.nextInt(3), cents));
        }
        a = new PlaceOrder(random.nextInt(PlaceOrder.WALK_IN + 1), ls);
      } else if (kind < 62) {
        a = new Pay(random.nextInt(ANY_ORDER + 1));
      } else if (kind < 71) {
        a = new Refund(random.nextInt(8), random.nextInt(3), 1 + random.nextInt(1000));
      } else if (kind < 76) {
        a = new Redeliver(random.nextInt(16));
      } else if (kind < 79) {
        a = new RedeliverChanged(random.nextInt(16));
      } else if (kind < 91) {
        a = new Close(random.nextInt(8) == 0);
      } else if (kind < 94) {
        a = new Settle(random.nextInt(4), random.nextInt(3) == 0);
      } else if (kind < 96) {
        a = new Reattribute(random.nextInt(4), random.nextInt(Reattribute.NOBODY + 1));
      } else {
        long cents = 1 + random.nextInt(5_000);
        a = new Adjust(random.nextInt(3), random.nextInt(3) == 0 ? -cents : cents);
      }
      actions.add(a);
    }
    return actions;
  }

  // ------------------------------------------------------------------------------------ shrinking

  private record Shrunk(List<Action> actions, Throwable failure, int runs) {}

  private static Optional<Throwable> failure(
      Supplier<ProgramStorage> storage,
      List<Action> actions,
      Function<ProgramStorage, List<String>> storageCheck) {
    try {
      run(storage, actions, storageCheck);
      return Optional.empty();
    } catch (AssertionError e) {
      return Optional.of(e);
    }
  }

  private static Shrunk shrink(
      Supplier<ProgramStorage> storage,
      List<Action> actions,
      Throwable failure,
      Function<ProgramStorage, List<String>> storageCheck) {
    List<Action> best = actions;
    Throwable bestFailure = failure;
    int runs = 0;
    boolean progress = true;
    while (progress && runs < 2_000) {
      progress = false;
      // remove chunks, largest first
      for (int size = best.size() / 2; size >= 1 && !progress; size /= 2) {
        for (int from = 0; from + size <= best.size(); from++) {
          List<Action> candidate = new ArrayList<>(best.subList(0, from));
          candidate.addAll(best.subList(from + size, best.size()));
          runs++;
          Optional<Throwable> f =
              candidate.isEmpty() ? Optional.empty() : failure(storage, candidate, storageCheck);
          if (f.isPresent()) {
            best = candidate;
            bestFailure = f.get();
            progress = true;
            break;
          }
        }
      }
      // simplify single actions
      for (int i = 0; i < best.size() && !progress; i++) {
        for (Action simpler : simpler(best.get(i))) {
          List<Action> candidate = new ArrayList<>(best);
          candidate.set(i, simpler);
          runs++;
          Optional<Throwable> f = failure(storage, candidate, storageCheck);
          if (f.isPresent()) {
            best = candidate;
            bestFailure = f.get();
            progress = true;
            break;
          }
        }
      }
    }
    return new Shrunk(best, bestFailure, runs);
  }

  private static List<Action> simpler(Action action) {
    List<Action> result = new ArrayList<>();
    if (action instanceof PlaceOrder o) {
      if (o.lines().size() > 1) {
        for (Line line : o.lines()) {
          result.add(new PlaceOrder(o.customer(), List.of(line)));
        }
      }
      List<Line> round = new ArrayList<>();
      for (Line line : o.lines()) {
        round.add(new Line(line.group(), line.cents() > 10_000 ? 10_000 : line.cents()));
      }
      if (!round.equals(o.lines())) {
        result.add(new PlaceOrder(o.customer(), round));
      }
      if (o.customer() > 0) {
        result.add(new PlaceOrder(0, o.lines()));
      }
    } else if (action instanceof Refund r) {
      if (r.permille() != 1000) {
        result.add(new Refund(r.order(), r.line(), 1000));
      }
      for (int o = 0; o < Math.min(r.order(), 4); o++) {
        result.add(new Refund(o, r.line(), r.permille()));
      }
      for (int l = 0; l < r.line(); l++) {
        result.add(new Refund(r.order(), l, r.permille()));
      }
    } else if (action instanceof Pay p) {
      for (int o = 0; o < Math.min(p.order(), 4); o++) {
        result.add(new Pay(o));
      }
    } else if (action instanceof RedeliverChanged r) {
      for (int e = 0; e < Math.min(r.event(), 4); e++) {
        result.add(new RedeliverChanged(e));
      }
    } else if (action instanceof Redeliver r) {
      for (int e = 0; e < Math.min(r.event(), 4); e++) {
        result.add(new Redeliver(e));
      }
    } else if (action instanceof Click c && (c.partner() > 0 || c.visitor() > 0)) {
      result.add(new Click(0, 0));
    } else if (action instanceof ReferredSignup r && (r.partner() > 0 || r.visitor() > 0)) {
      result.add(new ReferredSignup(0, 0, r.newCustomer()));
    } else if (action instanceof Signup s && s.visitor() > 0) {
      result.add(new Signup(0, s.newCustomer()));
    } else if (action instanceof Settle s && s.payout() > 0) {
      result.add(new Settle(0, s.failed()));
    } else if (action instanceof Reattribute r && (r.customer() > 0 || r.partner() > 0)) {
      result.add(new Reattribute(0, 0));
    } else if (action instanceof Adjust a && (a.partner() > 0 || Math.abs(a.cents()) != 100)) {
      result.add(new Adjust(0, a.cents() < 0 ? -100 : 100));
    }
    return result;
  }

  private static String numbered(List<Action> actions) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < actions.size(); i++) {
      b.append(String.format(Locale.ROOT, "  %2d. %s%n", i + 1, actions.get(i)));
    }
    return b.toString();
  }

  // ------------------------------------------------------------------------------------ the run

  private static final class ModelLine {
    final int number;
    final Money net;
    final Money commission;
    Money refunded = Money.zero(EUR);

    ModelLine(int number, Money net, Money commission) {
      this.number = number;
      this.net = net;
      this.commission = commission;
    }

    Money share(Money refundedNet) {
      if (net.isZero()) {
        return Money.zero(EUR);
      }
      BigDecimal ratio = refundedNet.amount().divide(net.amount(), 34, RoundingMode.HALF_EVEN);
      Money share = commission.multipliedBy(ratio, RoundingMode.HALF_UP);
      return share.compareTo(commission) > 0 ? commission : share;
    }

    Money kept() {
      return commission.minus(share(refunded));
    }
  }

  private static final class ModelOrder {
    final OrderId id;
    final Integer partner;
    final List<ModelLine> lines;
    boolean paid;

    ModelOrder(OrderId id, Integer partner, List<ModelLine> lines) {
      this.id = id;
      this.partner = partner;
      this.lines = lines;
    }
  }

  private static final class ModelPayout {
    final Payout payout;
    PayoutStatus status;

    ModelPayout(Payout payout) {
      this.payout = payout;
      this.status = payout.status();
    }
  }

  private static final class Run {
    final ProgramStorage storage;
    final ProgramFixture f;
    final List<PartnerId> partners = new ArrayList<>();
    final List<String> codes = new ArrayList<>();
    final Map<Integer, Integer> lastClickPartner = new HashMap<>();
    final Map<Integer, Instant> lastClickAt = new HashMap<>();
    final List<CustomerAccountId> customers = new ArrayList<>();
    final List<ModelOrder> orders = new ArrayList<>();
    final List<Object> events = new ArrayList<>();
    final List<ModelPayout> payouts = new ArrayList<>();
    final List<YearMonth> closed = new ArrayList<>();
    final Map<YearMonth, Invariants.ClosedPeriod> snapshots = new LinkedHashMap<>();
    final Map<Integer, Integer> earnedEntries = new HashMap<>();
    final Map<Integer, Money> adjusted = new HashMap<>();
    final Map<EventId, Adjustment> adjustments = new HashMap<>();
    final List<Integer> attributed = new ArrayList<>();
    YearMonth open = YearMonth.of(2026, 11);
    String did = "";
    int counter;

    Run(ProgramStorage storage) {
      this.storage = storage;
      this.f = ProgramFixture.on(storage, b -> b);
      partners.add(f.partner.id());
      codes.add("jan-hosting");
      customers.add(f.referredCustomer("customer-referred"));
      attributed.add(0);
    }

    void apply(Action action) {
      f.clock.advance(Duration.ofMinutes(7));
      counter++;
      did = "nothing (nothing to act on)";
      Instant now = f.clock.instant();
      if (action instanceof Enrol) {
        int n = partners.size();
        did = "enrol partner " + n + " with code partner-" + n;
        PartnerId id =
            f.program
                .partners()
                .enroll(
                    EnrollPartnerCommand.of("partner-account-" + n)
                        .withPayoutAccount(PayoutAccount.of("NL91ABNA0417164300", "Partner " + n)))
                .partner()
                .id();
        f.program.referrals().issueVanityCode(id, "partner-" + n);
        partners.add(id);
        codes.add("partner-" + n);
      } else if (action instanceof Click c) {
        int p = c.partner() % partners.size();
        did = "visitor v" + c.visitor() + " clicks " + codes.get(p) + " (partner " + p + ")";
        f.program.referrals().recordTouch(RecordTouchCommand.of(codes.get(p), "v" + c.visitor()));
        lastClickPartner.put(c.visitor(), p);
        lastClickAt.put(c.visitor(), now);
      } else if (action instanceof ReferredSignup r) {
        apply(new Click(r.partner(), r.visitor()));
        String click = did;
        apply(new Signup(r.visitor(), r.newCustomer()));
        did = click + ", then " + did;
      } else if (action instanceof Signup s) {
        String customer = "customer-" + counter;
        did =
            (s.newCustomer() ? "new" : "existing")
                + " customer "
                + customers.size()
                + " ("
                + customer
                + ") signs up as visitor v"
                + s.visitor();
        SignupAttribution result =
            f.program
                .referrals()
                .attributeSignup(
                    (s.newCustomer()
                            ? AttributeSignupCommand.newCustomer(customer)
                            : AttributeSignupCommand.existingCustomer(customer))
                        .visitor("v" + s.visitor())
                        .at(now));
        Integer expected = null;
        Instant clickAt = lastClickAt.get(s.visitor());
        if (s.newCustomer() && clickAt != null && !clickAt.isBefore(now.minus(WINDOW))) {
          expected = lastClickPartner.get(s.visitor());
        }
        Integer actual =
            result.decision() instanceof AttributionDecision.Attributed a
                ? partners.indexOf(a.partnerId())
                : null;
        expect(
            java.util.Objects.equals(expected, actual),
            "signup of %s attributed to partner %s, model expects %s (decision %s)",
            customer,
            actual,
            expected,
            result.decision());
        customers.add(CustomerAccountId.of(customer));
        attributed.add(actual);
      } else if (action instanceof PlaceOrder o) {
        int c =
            o.customer() == WALK_IN || customers.isEmpty()
                ? customers.size()
                : o.customer() % customers.size();
        CustomerAccountId customer =
            c < customers.size() ? customers.get(c) : CustomerAccountId.of("walk-in-" + counter);
        Integer partner = c < customers.size() ? attributed.get(c) : null;
        OrderId id = OrderId.of("order-" + counter);
        did =
            "order "
                + orders.size()
                + " ("
                + id
                + ") by customer "
                + (c < customers.size() ? c + " (partner " + partner + ")" : "walk-in")
                + ": "
                + o.lines();
        List<OrderLine> lines = new ArrayList<>();
        List<ModelLine> model = new ArrayList<>();
        int number = 0;
        for (Line line : o.lines()) {
          number++;
          Money net = Money.of(BigDecimal.valueOf(line.cents(), 2), EUR);
          lines.add(
              new OrderLine(
                  number,
                  ProductId.of(GROUPS[line.group()] + "-product"),
                  Optional.of(ProductGroupId.of(GROUPS[line.group()])),
                  net,
                  Optional.empty()));
          model.add(
              new ModelLine(
                  number,
                  net,
                  net.multipliedBy(new BigDecimal(RATES[line.group()]), RoundingMode.HALF_UP)));
        }
        RecordOrderCommand command =
            new RecordOrderCommand(
                EventId.of("order-event-" + counter), new Order(id, customer, now, lines));
        OrderResult result = f.program.commissions().recordOrder(command);
        expect(!result.redelivery(), "new order %s reported as a duplicate", id);
        expect(
            java.util.Objects.equals(
                result.earningPartner().map(partners::indexOf).orElse(null), partner),
            "order %s earns for partner %s, model expects %s (%s)",
            id,
            result.earningPartner().map(partners::indexOf).orElse(null),
            partner,
            result.notEarning());
        orders.add(new ModelOrder(id, partner, model));
        events.add(command);
      } else if (action instanceof Pay p) {
        if (orders.isEmpty()) {
          return;
        }
        List<ModelOrder> unpaid = orders.stream().filter(o -> !o.paid).toList();
        ModelOrder order =
            p.order() < ANY_ORDER && !unpaid.isEmpty()
                ? unpaid.get(p.order() % unpaid.size())
                : orders.get(p.order() % orders.size());
        RecordPaymentCommand command =
            new RecordPaymentCommand(EventId.of("payment-event-" + counter), order.id, now);
        did =
            "event "
                + events.size()
                + ": payment of order "
                + orders.indexOf(order)
                + (order.paid ? " (paid already)" : "");
        PaymentResult result = f.program.commissions().recordPayment(command);
        expect(!result.redelivery(), "new payment of %s reported as a duplicate", order.id);
        expect(
            (result instanceof PaymentResult.AlreadyPaid) == order.paid,
            "payment of %s: alreadyPaid %s, model expects %s",
            order.id,
            (result instanceof PaymentResult.AlreadyPaid),
            order.paid);
        if (!order.paid && order.partner != null) {
          for (ModelLine line : order.lines) {
            if (line.kept().isPositive()) {
              earnedEntries.merge(order.partner, 1, Integer::sum);
            }
          }
        }
        order.paid = true;
        events.add(command);
      } else if (action instanceof Refund r) {
        if (orders.isEmpty()) {
          return;
        }
        ModelOrder order = orders.get(r.order() % orders.size());
        ModelLine line = order.lines.get(r.line() % order.lines.size());
        Money left = line.net.minus(line.refunded);
        if (!left.isPositive()) {
          return;
        }
        Money amount = left.multipliedBy(BigDecimal.valueOf(r.permille(), 3), RoundingMode.DOWN);
        if (!amount.isPositive()) {
          amount = Money.of(new BigDecimal("0.01"), EUR);
        }
        did =
            "event "
                + events.size()
                + ": refund of "
                + amount
                + " on order "
                + orders.indexOf(order)
                + " line "
                + line.number
                + (order.paid ? " (paid)" : " (unpaid)");
        RecordRefundCommand command =
            RecordRefundCommand.perLine(
                EventId.of("refund-event-" + counter), order.id, now, Map.of(line.number, amount));
        RefundResult result = f.program.commissions().recordRefund(command);
        expect(!result.redelivery(), "new refund of %s reported as a duplicate", order.id);
        line.refunded = line.refunded.plus(amount);
        events.add(command);
      } else if (action instanceof Reattribute r) {
        int c = r.customer() % customers.size();
        Integer to = r.partner() == Reattribute.NOBODY ? null : r.partner() % partners.size();
        did =
            "support moves customer "
                + c
                + " from partner "
                + attributed.get(c)
                + " to "
                + (to == null ? "nobody" : "partner " + to);
        ReattributeCommand command =
            to == null
                ? ReattributeCommand.toNobody(
                    "reattribution-event-" + counter,
                    customers.get(c).value(),
                    now,
                    Act.by("model", "check"))
                : ReattributeCommand.to(
                    "reattribution-event-" + counter,
                    customers.get(c).value(),
                    partners.get(to),
                    now,
                    Act.by("model", "check"));
        Reattribution moved = f.program.referrals().reattribute(command);
        Integer from = moved.fromPartner().map(partners::indexOf).orElse(null);
        expect(
            java.util.Objects.equals(from, attributed.get(c)),
            "re-attribution of customer %d from partner %s, model expects %s",
            c,
            from,
            attributed.get(c));
        attributed.set(c, to);
      } else if (action instanceof Adjust a) {
        int p = a.partner() % partners.size();
        Money amount = Money.of(BigDecimal.valueOf(a.cents(), 2), EUR);
        AdjustCommand command =
            AdjustCommand.of(
                "adjustment-event-" + counter, partners.get(p), amount, Act.by("model", "check"));
        did = "event " + events.size() + ": adjust partner " + p + " by " + amount;
        Adjustment booked = f.program.corrections().adjust(command);
        expect(
            booked.amount().equals(amount) && booked.partnerId().equals(partners.get(p)),
            "adjustment %s booked as %s",
            command,
            booked);
        adjustments.put(command.adjustmentId(), booked);
        adjusted.merge(p, amount, Money::plus);
        events.add(command);
      } else if (action instanceof Redeliver r) {
        if (events.isEmpty()) {
          return;
        }
        Object event = events.get(r.event() % events.size());
        did = "redeliver event " + r.event() % events.size() + " (" + eventId(event) + ")";
        boolean duplicate;
        if (event instanceof RecordOrderCommand c) {
          duplicate = f.program.commissions().recordOrder(c).redelivery();
        } else if (event instanceof AdjustCommand c) {
          duplicate = f.program.corrections().adjust(c).equals(adjustments.get(c.adjustmentId()));
        } else if (event instanceof RecordPaymentCommand c) {
          duplicate = f.program.commissions().recordPayment(c).redelivery();
        } else {
          duplicate =
              f.program.commissions().recordRefund((RecordRefundCommand) event).redelivery();
        }
        expect(duplicate, "redelivered event %s not reported as a duplicate", eventId(event));
      } else if (action instanceof RedeliverChanged r) {
        if (events.isEmpty()) {
          return;
        }
        Object event = events.get(r.event() % events.size());
        did =
            "redeliver event "
                + r.event() % events.size()
                + " ("
                + eventId(event)
                + ") with its instant one second later";
        Duration second = Duration.ofSeconds(1);
        try {
          if (event instanceof RecordOrderCommand c) {
            Order o = c.order();
            f.program
                .commissions()
                .recordOrder(
                    new RecordOrderCommand(
                        c.eventId(),
                        new Order(
                            o.orderId(), o.customer(), o.placedAt().plus(second), o.lines())));
          } else if (event instanceof AdjustCommand c) {
            Money cent = Money.of(new BigDecimal("0.01"), EUR);
            Money other =
                c.amount().plus(cent).isZero()
                    ? c.amount().plus(cent).plus(cent)
                    : c.amount().plus(cent);
            f.program
                .corrections()
                .adjust(AdjustCommand.of(c.adjustmentId().value(), c.partnerId(), other, c.act()));
          } else if (event instanceof RecordPaymentCommand c) {
            f.program
                .commissions()
                .recordPayment(
                    new RecordPaymentCommand(c.eventId(), c.orderId(), c.paidAt().plus(second)));
          } else {
            RecordRefundCommand c = (RecordRefundCommand) event;
            f.program.commissions().recordRefund(changed(c, c.refundedAt().plus(second)));
          }
        } catch (IdempotencyConflictException expected) {
          return;
        }
        throw new AssertionError(
            "event " + eventId(event) + " redelivered with a changed payload was accepted");
      } else if (action instanceof Close c) {
        if (c.again()) {
          if (closed.isEmpty()) {
            return;
          }
          YearMonth last = closed.get(closed.size() - 1);
          did = "close " + last + " again";
          PeriodCloseResult result = f.program.payouts().close(last, Acts.TEST);
          expect(
              result.alreadyClosed(), "closing %s again was not reported as already closed", last);
          return;
        }
        f.clock.set(
            open.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant().plus(Duration.ofHours(1)));
        Map<Integer, Money> expected = new java.util.TreeMap<>();
        for (int p = 0; p < partners.size(); p++) {
          Money due = net(p).minus(live(p));
          if (due.isPositive()) {
            expected.put(p, due);
          }
        }
        did = "close " + open + ", model expects payouts " + expected;
        PeriodCloseResult result = f.program.payouts().close(open, Acts.TEST);
        expect(!result.alreadyClosed(), "first close of %s reported as already closed", open);
        Map<Integer, Money> actual = new java.util.TreeMap<>();
        for (Payout payout : f.payoutsOf(result.month())) {
          actual.merge(partners.indexOf(payout.partnerId()), payout.amount(), Money::plus);
          payouts.add(new ModelPayout(payout));
        }
        expect(
            expected.equals(actual),
            "close of %s paid (by partner) %s, model expects %s",
            open,
            actual,
            expected);
        closed.add(open);
        snapshots.put(open, Invariants.snapshot(storage, open));
        open = open.plusMonths(1);
      } else if (action instanceof Settle s) {
        List<ModelPayout> settleable =
            payouts.stream()
                .filter(p -> p.status == PayoutStatus.CREATED || p.status == PayoutStatus.EXPORTED)
                .collect(Collectors.toList());
        if (settleable.isEmpty()) {
          return;
        }
        ModelPayout payout = settleable.get(s.payout() % settleable.size());
        did =
            (s.failed() ? "mark failed" : "mark paid")
                + " payout of "
                + payout.payout.period()
                + " to partner "
                + partners.indexOf(payout.payout.partnerId())
                + " of "
                + payout.payout.amount();
        Payout after =
            s.failed()
                ? f.program.payouts().markFailed(payout.payout.payoutId(), Acts.because("rejected"))
                : f.program.payouts().markPaid(payout.payout.payoutId(), now, Acts.TEST);
        payout.status = s.failed() ? PayoutStatus.FAILED : PayoutStatus.PAID;
        expect(
            after.status() == payout.status,
            "payout %s is %s, model expects %s",
            after.payoutId(),
            after.status(),
            payout.status);
      }
    }

    Money net(int partner) {
      Money sum = Money.zero(EUR);
      for (ModelOrder o : orders) {
        if (o.paid && o.partner != null && o.partner == partner) {
          for (ModelLine line : o.lines) {
            sum = sum.plus(line.kept());
          }
        }
      }
      return sum.plus(adjusted.getOrDefault(partner, Money.zero(EUR)));
    }

    Money live(int partner) {
      Money sum = Money.zero(EUR);
      for (ModelPayout p : payouts) {
        if (p.status != PayoutStatus.FAILED && p.payout.partnerId().equals(partners.get(partner))) {
          sum = sum.plus(p.payout.amount());
        }
      }
      return sum;
    }

    /** Checks everything in one unit of work (the checkers' own units join it). */
    void verify() {
      storage
          .transactions()
          .execute(
              () -> {
                verifyInUnit();
                return null;
              });
    }

    private void verifyInUnit() {
      Instant now = f.clock.instant();
      List<OrderId> orderIds = orders.stream().map(o -> o.id).toList();
      Invariants.all(storage, EUR, partners, orderIds, closed, now);
      for (Invariants.ClosedPeriod snapshot : snapshots.values()) {
        snapshot.assertUnchangedIn(storage);
      }
      storage
          .transactions()
          .execute(
              () -> {
                Map<Integer, Integer> earned = new HashMap<>();
                for (ModelOrder o : orders) {
                  for (LedgerEntry e : storage.ledger().entriesOfOrder(o.id)) {
                    if (e.kind() == LedgerEntry.Kind.EARNED) {
                      earned.merge(partners.indexOf(e.partnerId()), 1, Integer::sum);
                    }
                  }
                }
                expect(
                    earned.equals(earnedEntries),
                    "EARNED entries per partner %s, model expects %s",
                    earned,
                    earnedEntries);
                for (int p = 0; p < partners.size(); p++) {
                  Balance b = storage.ledger().balance(partners.get(p), EUR, now);
                  Money net = b.earned().minus(b.reversed()).plus(b.adjusted());
                  expect(
                      net.equals(net(p)),
                      "partner %d: earned %s - reversed %s + adjusted %s = %s, model expects %s",
                      p,
                      b.earned(),
                      b.reversed(),
                      b.adjusted(),
                      net,
                      net(p));
                  Money paid = storage.payouts().payoutTotals(partners.get(p), EUR).total();
                  expect(
                      paid.equals(live(p)),
                      "partner %d: paid total %s, model expects %s",
                      p,
                      paid,
                      live(p));
                }
                return null;
              });
    }

    private static Object eventId(Object command) {
      if (command instanceof RecordOrderCommand c) {
        return c.eventId();
      }
      if (command instanceof AdjustCommand c) {
        return c.adjustmentId();
      }
      if (command instanceof RecordPaymentCommand c) {
        return c.eventId();
      }
      return ((RecordRefundCommand) command).eventId();
    }
  }

  private static void expect(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new AssertionError(String.format(Locale.ROOT, format, args));
    }
  }

  /** The same refund at another instant. */
  private static RecordRefundCommand changed(RecordRefundCommand c, Instant refundedAt) {
    RecordRefundCommand moved =
        c.wholeOrder().isPresent()
            ? RecordRefundCommand.wholeOrder(
                c.eventId(), c.orderId(), refundedAt, c.wholeOrder().get())
            : RecordRefundCommand.perLine(c.eventId(), c.orderId(), refundedAt, c.perLine());
    return c.isChargeback() ? moved.asChargeback() : moved;
  }
}
