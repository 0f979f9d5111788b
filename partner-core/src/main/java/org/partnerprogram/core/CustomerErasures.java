package org.partnerprogram.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;
import org.partnerprogram.core.domain.CustomerIsPartnerException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * Erasure of a referred customer (GDPR art. 17): their account id and the visitor id they signed up
 * with are replaced by their keyed pseudonyms in every row and every held event, in one unit of
 * work, and the erasure is recorded under the pseudonym. Amounts, order ids and the ledger are not
 * touched, so totals, overviews and statements stay exactly as they were.
 */
final class CustomerErasures {
  private final ServiceContext ctx;
  private final ProgramStorage storage;

  CustomerErasures(ServiceContext ctx) {
    this.ctx = ctx;
    this.storage = ctx.storage;
  }

  /**
   * Erases a customer, or returns the erasure recorded before.
   *
   * @param customer the customer's account id
   * @return what was changed, the first time and every time after
   */
  CustomerErasure erase(CustomerAccountId customer) {
    ServiceContext.required("customer", customer);
    if (PseudonymKey.isPseudonym(customer.value())) {
      throw new InvalidInputException(
          "customer", "is a pseudonym already; pass the customer's account id");
    }
    CustomerAccountId pseudonym = ctx.pseudonyms.pseudonymOf(customer);
    // Idempotent whole: a retry after a transient failure runs the same unit again, and a unit
    // that committed is found by its record.
    return ctx.idempotentTx.execute(
        () -> {
          Optional<CustomerErasure> before = storage.erasures().findCustomerErasure(pseudonym);
          if (before.isPresent()) {
            return before.get();
          }
          storage
              .partners()
              .findByCustomerAccount(customer)
              .ifPresent(
                  partner -> {
                    throw new CustomerIsPartnerException(partner.id());
                  });
          Optional<VisitorId> visitor =
              storage
                  .attributions()
                  .findByCustomer(customer)
                  .flatMap(AttributionRecord::visitorId)
                  .filter(v -> !PseudonymKey.isPseudonym(v.value()));
          int attributions = storage.attributions().replaceCustomer(customer, pseudonym);
          int orders = storage.orders().replaceCustomer(customer, pseudonym);
          int clicks = 0;
          Map<String, String> replacements = new LinkedHashMap<>();
          replacements.put(customer.value(), pseudonym.value());
          if (visitor.isPresent()) {
            VisitorId visitorPseudonym = ctx.pseudonyms.pseudonymOf(visitor.get());
            // counts the customer's own decision (it holds the visitor id) and any other's
            attributions = storage.attributions().replaceVisitor(visitor.get(), visitorPseudonym);
            clicks = storage.touches().replaceVisitor(visitor.get(), visitorPseudonym);
            replacements.put(visitor.get().value(), visitorPseudonym.value());
          }
          int events = ctx.events.replaceValues(replacements);
          if (attributions + orders + clicks + events == 0) {
            throw new NotFoundException(
                "no customer with that account id: no attribution, order or event holds it, and"
                    + " no erasure of it is recorded");
          }
          CustomerErasure erasure =
              new CustomerErasure(pseudonym, ctx.now(), attributions, orders, clicks, events);
          if (!storage.erasures().insertCustomerErasure(erasure)) {
            throw new RetryableException("the customer was erased concurrently; erase again", null);
          }
          return erasure;
        });
  }
}
