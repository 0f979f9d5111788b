package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.domain.Text;

/**
 * A change of the rate card. <b>The next version is the one in force with the rates set here
 * changed or added and the targets removed here taken out; every other rate carries over.</b> A
 * product stops participating only when a change removes it.
 *
 * <pre>{@code
 * RateChange.programmeWide(Act.by("alice@host.example", "winter campaign"))
 *     .set(RateTarget.group("vps"), Rate.percent("15"))   // changed; the rest stays
 *     .label(RateTarget.group("vps"), "Virtual servers")  // shown on the public rate card
 *     .remove(RateTarget.product("ssl-basic"))            // explicitly no longer participating
 *     .from(Instant.parse("2027-01-01T00:00:00Z"))        // default: now
 * }</pre>
 *
 * A partner's override is changed the same way, starting from the partner's override in force
 * ({@link #forPartner}).
 */
public final class RateChange {
  private final Act act;
  private final PartnerId overrideFor; // null: the programme's card
  private final Instant from; // null: now
  private final Map<RateTarget, Rate> set;
  private final Set<RateTarget> removed;
  private final Map<RateTarget, String> labels;

  /** The longest label. */
  public static final int MAX_LABEL_LENGTH = 100;

  private RateChange(
      Act act,
      PartnerId overrideFor,
      Instant from,
      Map<RateTarget, Rate> set,
      Set<RateTarget> removed) {
    this(act, overrideFor, from, set, removed, new TreeMap<>());
  }

  private RateChange(
      Act act,
      PartnerId overrideFor,
      Instant from,
      Map<RateTarget, Rate> set,
      Set<RateTarget> removed,
      Map<RateTarget, String> labels) {
    this.act = act;
    this.overrideFor = overrideFor;
    this.from = from;
    this.set = Collections.unmodifiableMap(set);
    this.removed = Collections.unmodifiableSet(removed);
    this.labels = Collections.unmodifiableMap(labels);
  }

  /**
   * A change of the programme's card, which applies to every partner without an override for the
   * product.
   *
   * @param act who changes the card and why, recorded in the audit trail; never null
   * @return an empty change
   * @throws InvalidInputException if the act is null
   */
  public static RateChange programmeWide(Act act) {
    return new RateChange(checkAct(act), null, null, new TreeMap<>(), new TreeSet<>());
  }

  /**
   * A change of one partner's overrides, which beat the programme's card for that partner.
   *
   * @param partnerId the partner; never null
   * @param act who changes the overrides and why, recorded in the audit trail; never null
   * @return an empty change
   * @throws InvalidInputException if an argument is null
   */
  public static RateChange forPartner(PartnerId partnerId, Act act) {
    if (partnerId == null) {
      throw new InvalidInputException("overrideFor", "must not be null");
    }
    return new RateChange(checkAct(act), partnerId, null, new TreeMap<>(), new TreeSet<>());
  }

  private static Act checkAct(Act act) {
    if (act == null) {
      throw new InvalidInputException("act", "must not be null");
    }
    return act;
  }

  /**
   * Who changes the rates and why.
   *
   * @return never null
   */
  public Act act() {
    return act;
  }

  /**
   * Sets a product's or group's rate (changed, or added to the card).
   *
   * @param target the product or group; never null
   * @param rate the rate; never null
   * @return a new change
   * @throws InvalidInputException if an argument is null, the target is removed by this change, or
   *     the change would hold more than {@value RateVersion#MAX_TARGETS} targets
   */
  public RateChange set(RateTarget target, Rate rate) {
    if (target == null || rate == null) {
      throw new InvalidInputException("rates", "target and rate must not be null");
    }
    if (removed.contains(target)) {
      throw new InvalidInputException("rates", target + " is removed by this change already");
    }
    Map<RateTarget, Rate> next = new TreeMap<>(set);
    next.put(target, rate);
    if (next.size() > RateVersion.MAX_TARGETS) {
      throw new InvalidInputException(
          "rates", "a change may set at most " + RateVersion.MAX_TARGETS + " products and groups");
    }
    return new RateChange(
        act, overrideFor, from, next, new TreeSet<>(removed), new TreeMap<>(labels));
  }

  /**
   * Sets several rates at once, as {@link #set(RateTarget, Rate)} would one by one.
   *
   * @param rates the rates; never null, no null key or value
   * @return a new change
   * @throws InvalidInputException as {@link #set(RateTarget, Rate)}
   */
  public RateChange setAll(Map<RateTarget, Rate> rates) {
    if (rates == null) {
      throw new InvalidInputException("rates", "must not be null");
    }
    RateChange change = this;
    for (Map.Entry<RateTarget, Rate> e : new TreeMap<>(rates).entrySet()) {
      change = change.set(e.getKey(), e.getValue());
    }
    return change;
  }

  /**
   * Takes a product or group off the card: from this change on it does not participate (or, in a
   * partner's override, falls back to the programme's card).
   *
   * @param target the product or group; never null; in force when the change is made
   * @return a new change
   * @throws InvalidInputException if the target is null or set by this change already
   */
  public RateChange remove(RateTarget target) {
    if (target == null) {
      throw new InvalidInputException("rates", "target must not be null");
    }
    if (set.containsKey(target) || labels.containsKey(target)) {
      throw new InvalidInputException(
          "rates", target + " is set or labelled by this change already");
    }
    Set<RateTarget> next = new TreeSet<>(removed);
    next.add(target);
    return new RateChange(act, overrideFor, from, new TreeMap<>(set), next, new TreeMap<>(labels));
  }

  /**
   * Labels a product or group for the public rate card (for example "Shared hosting"). A label is
   * carried over to the next versions like a rate, replaced by a later label, and goes when the
   * target is removed. The target must be on the card this change makes.
   *
   * @param target the product or group; never null
   * @param label plain text (whatever renders it escapes it), 1 to {@value #MAX_LABEL_LENGTH}
   *     characters, no control characters, no leading or trailing white space
   * @return a new change
   * @throws InvalidInputException if the target is null or removed by this change, or the label is
   *     not valid
   */
  public RateChange label(RateTarget target, String label) {
    if (target == null) {
      throw new InvalidInputException("label", "target must not be null");
    }
    if (removed.contains(target)) {
      throw new InvalidInputException("label", target + " is removed by this change already");
    }
    Text.freeText("label", label, MAX_LABEL_LENGTH);
    Map<RateTarget, String> next = new TreeMap<>(labels);
    next.put(target, label);
    if (next.size() > RateVersion.MAX_TARGETS) {
      throw new InvalidInputException(
          "label", "a change may label at most " + RateVersion.MAX_TARGETS + " targets");
    }
    return new RateChange(act, overrideFor, from, new TreeMap<>(set), new TreeSet<>(removed), next);
  }

  /**
   * When the new version takes effect: after the latest version and not before now (a rate change
   * is never backdated, so commissions already priced are never re-priced).
   *
   * @param effectiveFrom the instant; never null, in [1970, 3000)
   * @return a new change
   * @throws InvalidInputException if the instant is null or out of range
   */
  public RateChange from(Instant effectiveFrom) {
    if (effectiveFrom == null) {
      throw new InvalidInputException("effectiveFrom", "must not be null");
    }
    return new RateChange(
        act,
        overrideFor,
        Instants.check("effectiveFrom", effectiveFrom),
        new TreeMap<>(set),
        new TreeSet<>(removed),
        new TreeMap<>(labels));
  }

  /**
   * The next version's rates: the base's with this change applied.
   *
   * @param base the rates in force before, empty if none
   * @return the rates of the next version
   * @throws InvalidInputException if this change changes nothing, or removes a target the base does
   *     not hold
   */
  public Map<RateTarget, Rate> applyTo(Map<RateTarget, Rate> base) {
    if (set.isEmpty() && removed.isEmpty() && labels.isEmpty()) {
      throw new InvalidInputException(
          "rates", "a rate change sets, removes or labels at least one product or group");
    }
    Map<RateTarget, Rate> next = new TreeMap<>(base);
    for (RateTarget target : removed) {
      if (next.remove(target) == null) {
        throw new InvalidInputException(
            "rates", target + " is not on the card in force, so it cannot be removed");
      }
    }
    next.putAll(set);
    if (next.size() > RateVersion.MAX_TARGETS) {
      throw new InvalidInputException(
          "rates",
          "a version may hold at most " + RateVersion.MAX_TARGETS + " products and groups");
    }
    return next;
  }

  /**
   * The next version's labels: the base's, less those of targets not on the next card, with this
   * change's labels put over them.
   *
   * @param base the labels of the version in force before, empty if none
   * @param nextTargets the targets of the next version ({@link #applyTo})
   * @return the labels of the next version
   * @throws InvalidInputException if this change labels a target that is not on the next card
   */
  public Map<RateTarget, String> labelsAfter(
      Map<RateTarget, String> base, Set<RateTarget> nextTargets) {
    Map<RateTarget, String> next = new TreeMap<>(base);
    next.keySet().retainAll(nextTargets);
    for (Map.Entry<RateTarget, String> e : labels.entrySet()) {
      if (!nextTargets.contains(e.getKey())) {
        throw new InvalidInputException(
            "label", e.getKey() + " is not on the card, so it cannot be labelled");
      }
      next.put(e.getKey(), e.getValue());
    }
    return next;
  }

  /**
   * The labels this change sets.
   *
   * @return by target; never null
   */
  public Map<RateTarget, String> labels() {
    return labels;
  }

  /**
   * The partner whose overrides change.
   *
   * @return the partner, or empty for the programme's card
   */
  public Optional<PartnerId> overrideFor() {
    return Optional.ofNullable(overrideFor);
  }

  /**
   * When the new version takes effect.
   *
   * @return the instant, or empty for now
   */
  public Optional<Instant> effectiveFrom() {
    return Optional.ofNullable(from);
  }

  /**
   * The rates this change sets.
   *
   * @return by target; never null
   */
  public Map<RateTarget, Rate> set() {
    return set;
  }

  /**
   * The targets this change removes.
   *
   * @return never null
   */
  public Set<RateTarget> removed() {
    return removed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateChange c
        && act.equals(c.act)
        && Objects.equals(overrideFor, c.overrideFor)
        && Objects.equals(from, c.from)
        && set.equals(c.set)
        && removed.equals(c.removed)
        && labels.equals(c.labels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(act, overrideFor, from, set, removed, labels);
  }

  @Override
  public String toString() {
    return "RateChange["
        + (overrideFor == null ? "programme" : "partner " + overrideFor)
        + (from == null ? "" : ", from " + from)
        + ", set "
        + set
        + (removed.isEmpty() ? "" : ", removed " + removed)
        + (labels.isEmpty() ? "" : ", labels " + labels)
        + ", by "
        + act.actor()
        + "]";
  }
}
