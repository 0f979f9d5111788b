package org.partnerprogram.testkit;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;

/**
 * One thing that happens in a {@link ProgrammeMonth}, as the host reports it to the programme: a
 * click, a signup, or one of the billing system's webhooks (order, payment, refund). Each holds the
 * command the host sends, delivers itself with {@link #deliverTo(PartnerProgram)}, and prints on
 * one line.
 */
public sealed interface MonthEvent {

  /**
   * When it happened.
   *
   * @return never null
   */
  Instant at();

  /**
   * Sends the event's command to the programme.
   *
   * @param program the programme; never null
   * @throws org.partnerprogram.core.domain.PartnerProgramException what the use case throws (a
   *     payment or refund before its order is a retryable refusal)
   */
  void deliverTo(PartnerProgram program);

  /**
   * Whether the event is a billing webhook, which the host's billing system may deliver late, twice
   * or out of order. Clicks and signups happen in the host's own request and are neither.
   *
   * @return true for orders, payments and refunds
   */
  default boolean isWebhook() {
    return true;
  }

  /**
   * A visitor clicked a partner's referral link.
   *
   * @param command the touch, with its time; never null
   */
  record Click(RecordTouchCommand command) implements MonthEvent {
    /**
     * A click at an instant.
     *
     * @param code the partner's code; never null
     * @param visitor the visitor's cookie id; never null
     * @param at when; never null
     * @return the event
     */
    public static Click of(ReferralCode code, String visitor, Instant at) {
      return new Click(RecordTouchCommand.of(code.value(), visitor).at(at));
    }

    @Override
    public Instant at() {
      return command.at().orElseThrow();
    }

    @Override
    public void deliverTo(PartnerProgram program) {
      program.referrals().recordTouch(command);
    }

    @Override
    public boolean isWebhook() {
      return false;
    }

    @Override
    public String toString() {
      return at() + " click " + command.code().value() + " by " + command.visitorId();
    }
  }

  /**
   * A new customer signed up (with the visitor id of their cookie, if they clicked).
   *
   * @param command the signup; never null
   */
  record Signup(AttributeSignupCommand command) implements MonthEvent {
    @Override
    public Instant at() {
      return command.signupAt().orElseThrow();
    }

    @Override
    public void deliverTo(PartnerProgram program) {
      program.referrals().attributeSignup(command);
    }

    @Override
    public boolean isWebhook() {
      return false;
    }

    @Override
    public String toString() {
      return at()
          + " signup "
          + command.customer()
          + command.visitorId().map(v -> " as " + v).orElse(" (no cookie)");
    }
  }

  /**
   * The billing system reported an order.
   *
   * @param command the order with its event id; never null
   */
  record OrderPlaced(RecordOrderCommand command) implements MonthEvent {
    @Override
    public Instant at() {
      return command.order().placedAt();
    }

    @Override
    public void deliverTo(PartnerProgram program) {
      program.commissions().recordOrder(command);
    }

    @Override
    public String toString() {
      return at()
          + " order "
          + command.order().orderId()
          + " by "
          + command.order().customer()
          + ": "
          + command.order().lines().stream()
              .map(OrderGen::describe)
              .collect(Collectors.joining("; "));
    }
  }

  /**
   * The billing system reported that an order is paid in full.
   *
   * @param command the payment; never null
   */
  record Payment(RecordPaymentCommand command) implements MonthEvent {
    @Override
    public Instant at() {
      return command.paidAt();
    }

    @Override
    public void deliverTo(PartnerProgram program) {
      program.commissions().recordPayment(command);
    }

    @Override
    public String toString() {
      return at() + " payment " + command.eventId() + " of " + command.orderId();
    }
  }

  /**
   * The billing system reported a refund on some lines of an order.
   *
   * @param command the refund; never null
   */
  record Refund(RecordRefundCommand command) implements MonthEvent {
    @Override
    public Instant at() {
      return command.refundedAt();
    }

    @Override
    public void deliverTo(PartnerProgram program) {
      program.commissions().recordRefund(command);
    }

    @Override
    public String toString() {
      StringBuilder lines = new StringBuilder();
      for (Map.Entry<Integer, Money> e : command.perLine().entrySet()) {
        lines.append(lines.length() == 0 ? "" : ", ").append('#').append(e.getKey());
        lines.append(' ').append(e.getValue());
      }
      return at()
          + " refund "
          + command.eventId()
          + " of "
          + command.orderId()
          + " "
          + command.wholeOrder().map(m -> "whole order " + m).orElse(lines.toString());
    }
  }
}
