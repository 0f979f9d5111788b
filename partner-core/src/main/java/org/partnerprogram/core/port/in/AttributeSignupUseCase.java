package org.partnerprogram.core.port.in;

/**
 * Decides whether a partner brought a new customer, deterministically and once: a second call, even
 * a concurrent one from another host instance, returns the first decision unchanged. Publishes
 * CustomerAttributed when a partner gets the customer.
 */
@FunctionalInterface
public interface AttributeSignupUseCase {

  /**
   * Decides whether a partner brought a new customer, deterministically and once: a second call,
   * even a concurrent one from another host instance, returns the first decision unchanged.
   * Publishes CustomerAttributed when a partner gets the customer.
   *
   * @param command the command; never null
   * @return the decision; never null
   * @throws org.partnerprogram.core.domain.InvalidInputException if the signup time is outside the
   *     accepted range or more than five minutes ahead of the programme's clock
   */
  SignupAttribution attribute(AttributeSignupCommand command);
}
