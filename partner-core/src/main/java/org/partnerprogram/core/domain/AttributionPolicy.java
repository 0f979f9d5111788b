package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides who brought a new customer, deterministically: the same facts give the same decision, in
 * whatever order the clicks were recorded.
 *
 * <ol>
 *   <li>A customer the host does not call new is never attributed ({@code EXISTING_CUSTOMER}).
 *   <li>Candidates are the typed code first (a typed code beats a cookie), then the clicks at or
 *       before the signup and inside the window, latest first for {@link
 *       AttributionModel#LAST_TOUCH} or earliest first for {@link AttributionModel#FIRST_TOUCH}
 *       (ties broken by code).
 *   <li>The first candidate whose code was live at signup, whose partner is active, and which is
 *       not a self-referral wins.
 *   <li>If none wins, the reason is that of the first candidate; with no candidate it is {@code
 *       NO_TOUCH}, or {@code OUTSIDE_WINDOW} when clicks exist but all before the window.
 * </ol>
 */
public final class AttributionPolicy {
  private final AttributionModel model;
  private final java.time.Duration window;

  /**
   * A policy with the terms' model and window.
   *
   * @param terms the programme's terms; never null
   */
  public AttributionPolicy(ProgramTerms terms) {
    this.model = terms.attributionModel();
    this.window = terms.attributionWindow();
  }

  /**
   * The facts of a signup.
   *
   * @param customer the new customer's account; never null
   * @param at the signup instant; never null
   * @param newCustomer whether the host considers the customer new
   * @param customerIban the customer's IBAN if the host knows it (to catch self-referral); never
   *     null
   */
  public record Signup(
      CustomerAccountId customer, Instant at, boolean newCustomer, Optional<Iban> customerIban) {
    /** Checks for nulls. */
    public Signup {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(customerIban, "customerIban");
    }
  }

  /**
   * A click (or a typed code) with what storage knows about its code and partner.
   *
   * @param code the code as issued (live or revoked); never null
   * @param partner the code's partner as stored now; never null
   * @param at the click instant (the signup instant for a typed code); never null
   */
  public record Candidate(IssuedCode code, Partner partner, Instant at) {
    /** Checks for nulls and that code and partner belong together. */
    public Candidate {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(partner, "partner");
      Objects.requireNonNull(at, "at");
      if (!code.partnerId().equals(partner.id())) {
        throw new IllegalArgumentException("the code belongs to another partner");
      }
    }
  }

  /**
   * A decision and the partner it concerns: the winner, or the partner of the first refused
   * candidate (so a partner's overview can count "refused because you were suspended"); empty
   * without any candidate.
   *
   * @param decision the decision; never null
   * @param concerning the partner concerned; never null
   */
  public record Outcome(AttributionDecision decision, Optional<PartnerId> concerning) {
    /** Checks for nulls. */
    public Outcome {
      Objects.requireNonNull(decision, "decision");
      Objects.requireNonNull(concerning, "concerning");
    }
  }

  /**
   * Decides; see {@link #outcome} for the partner the decision concerns.
   *
   * @param signup the signup; never null
   * @param typedCode the code the customer typed, resolved, or empty; never null
   * @param typedCodeUnknown true if the customer typed a code that was never issued
   * @param clicks the visitor's clicks, in any order; never null
   * @return the decision; never null
   */
  public AttributionDecision decide(
      Signup signup,
      Optional<Candidate> typedCode,
      boolean typedCodeUnknown,
      List<Candidate> clicks) {
    return outcome(signup, typedCode, typedCodeUnknown, clicks).decision();
  }

  /**
   * Decides, and names the partner concerned.
   *
   * @param signup the signup; never null
   * @param typedCode the code the customer typed, resolved, or empty; never null
   * @param typedCodeUnknown true if the customer typed a code that was never issued
   * @param clicks the visitor's clicks, in any order; never null
   * @return the outcome; never null
   */
  public Outcome outcome(
      Signup signup,
      Optional<Candidate> typedCode,
      boolean typedCodeUnknown,
      List<Candidate> clicks) {
    if (!signup.newCustomer()) {
      return new Outcome(
          new AttributionDecision.NotAttributed(AttributionDecision.Reason.EXISTING_CUSTOMER),
          Optional.empty());
    }
    Instant windowStart = signup.at().minus(window);
    List<Candidate> inWindow = new ArrayList<>();
    Candidate latestBefore = null;
    for (Candidate click : clicks) {
      if (click.at().isAfter(signup.at())) {
        continue; // a click after the signup cannot have brought the customer
      }
      if (click.at().isBefore(windowStart)) {
        if (latestBefore == null || click.at().isAfter(latestBefore.at())) {
          latestBefore = click;
        }
      } else {
        inWindow.add(click);
      }
    }
    Comparator<Candidate> byTime = Comparator.comparing(Candidate::at);
    if (model == AttributionModel.LAST_TOUCH) {
      byTime = byTime.reversed();
    }
    inWindow.sort(byTime.thenComparing(c -> c.code().code().value()));

    List<Candidate> ordered = new ArrayList<>();
    typedCode.ifPresent(ordered::add);
    ordered.addAll(inWindow);

    AttributionDecision.Reason firstReason = null;
    Optional<PartnerId> firstPartner = Optional.empty();
    for (int i = 0; i < ordered.size(); i++) {
      Candidate candidate = ordered.get(i);
      Optional<AttributionDecision.Reason> refusal = refusal(signup, candidate);
      if (refusal.isEmpty()) {
        boolean typed = typedCode.isPresent() && i == 0;
        AttributionDecision.Attributed attributed =
            new AttributionDecision.Attributed(
                candidate.partner().id(),
                candidate.code().code(),
                candidate.at(),
                typed
                    ? AttributionDecision.Rule.TYPED_CODE
                    : model == AttributionModel.LAST_TOUCH
                        ? AttributionDecision.Rule.LAST_TOUCH
                        : AttributionDecision.Rule.FIRST_TOUCH);
        return new Outcome(attributed, Optional.of(candidate.partner().id()));
      }
      if (firstReason == null) {
        firstReason = refusal.get();
        firstPartner = Optional.of(candidate.partner().id());
      }
    }
    AttributionDecision.Reason reason;
    if (firstReason != null) {
      reason = firstReason;
    } else if (typedCodeUnknown) {
      reason = AttributionDecision.Reason.UNKNOWN_CODE;
    } else if (latestBefore != null) {
      reason = AttributionDecision.Reason.OUTSIDE_WINDOW;
      firstPartner = Optional.of(latestBefore.partner().id());
    } else {
      reason = AttributionDecision.Reason.NO_TOUCH;
    }
    return new Outcome(new AttributionDecision.NotAttributed(reason), firstPartner);
  }

  private static Optional<AttributionDecision.Reason> refusal(Signup signup, Candidate candidate) {
    Optional<Instant> revokedAt = candidate.code().revokedAt();
    if (revokedAt.isPresent() && !revokedAt.get().isAfter(signup.at())) {
      return Optional.of(AttributionDecision.Reason.CODE_REVOKED);
    }
    Partner partner = candidate.partner();
    boolean ownAccount = partner.customerAccountId().equals(signup.customer());
    boolean sameIban =
        signup.customerIban().isPresent()
            && partner
                .payoutAccount()
                .map(a -> a.iban().equals(signup.customerIban().get()))
                .orElse(false);
    if (ownAccount || sameIban) {
      return Optional.of(AttributionDecision.Reason.SELF_REFERRAL);
    }
    if (!partner.isActive()) {
      return Optional.of(AttributionDecision.Reason.PARTNER_NOT_ACTIVE);
    }
    return Optional.empty();
  }
}
