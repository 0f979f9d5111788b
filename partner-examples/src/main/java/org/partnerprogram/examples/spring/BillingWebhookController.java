package org.partnerprogram.examples.spring;

import java.util.Map;
import java.util.Objects;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.PartnerProgramException;
import org.partnerprogram.examples.ReadmeExamples.InvoiceEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The billing system's webhook, {@code POST /webhooks/billing} with an {@link InvoiceEvent} as
 * JSON: 200 once recorded (also for a redelivery, which has no second effect), 503 when the billing
 * system should deliver again later, 422 when it never can be recorded. In the last two cases the
 * host's transaction rolled back: neither the host's row nor the SDK's were written.
 */
@RestController
public class BillingWebhookController {
  private final Billing billing;

  /**
   * The webhook.
   *
   * @param billing the host's billing service
   */
  public BillingWebhookController(Billing billing) {
    this.billing = Objects.requireNonNull(billing, "billing");
  }

  /**
   * Takes one event.
   *
   * @param event the event
   * @return the outcome, with {@code status} {@code recorded}, {@code retry} or {@code refused}
   */
  @PostMapping("/webhooks/billing")
  public ResponseEntity<Map<String, String>> onInvoiceEvent(@RequestBody InvoiceEvent event) {
    try {
      billing.record(event);
      return ResponseEntity.ok(Map.of("status", "recorded"));
    } catch (InvalidInputException | IdempotencyConflictException e) {
      return ResponseEntity.status(422).body(Map.of("status", "refused", "reason", e.getMessage()));
    } catch (PartnerProgramException e) {
      if (!e.isRetryable()) {
        throw e; // a bug or a broken database: 500
      }
      // A deadlock, a dropped connection, or a payment that overtook its order.
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(Map.of("status", "retry", "reason", e.getMessage()));
    }
  }
}
