package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.event.CommissionEarned;
import org.partnerprogram.core.domain.event.CommissionReversed;
import org.partnerprogram.core.domain.event.CustomerAttributed;
import org.partnerprogram.core.domain.event.PartnerRejoined;
import org.partnerprogram.core.domain.event.PayoutCreated;
import org.partnerprogram.core.domain.event.PayoutFailed;
import org.partnerprogram.core.domain.event.PayoutPaid;

/**
 * The outbox JSON of the partner, attribution, commission and payout events is what a consumer
 * expects: ids as strings, instants ISO-8601 UTC with microseconds, money as an object with the
 * amount as a plain string at the currency's scale.
 */
class EventJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final UUID ID = UUID.fromString("8d0f3a52-3c1e-4f7a-9a7e-2f1c5b6d7e80");
  private static final PayoutId PAYOUT = PayoutId.of("PO7K2M9QX4RT8VW3YZ5A6B1C0D");
  private static final Instant T0 = Instant.parse("2026-03-15T10:15:30.123456Z");
  private static final CustomerAccountId PSEUDONYM =
      PseudonymKey.of(new byte[32]).pseudonymOf(CustomerAccountId.of("cust-1"));

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void partnerRejoined() throws Exception {
    String payload =
        EventJson.toJson(
            new PartnerRejoined(
                ID,
                T0,
                PartnerId.of("p-1"),
                PSEUDONYM,
                Optional.of(CustomerAccountId.of("cust-1"))));

    assertThat(json(payload))
        .isEqualTo(
            json(
                "{\"schemaVersion\":2,\"type\":\"partner.rejoined\","
                    + "\"eventId\":\"8d0f3a52-3c1e-4f7a-9a7e-2f1c5b6d7e80\","
                    + "\"occurredAt\":\"2026-03-15T10:15:30.123456Z\",\"partnerId\":\"p-1\","
                    + "\"customerPseudonym\":\""
                    + PSEUDONYM
                    + "\",\"customerAccountId\":\"cust-1\"}"));
  }

  @Test
  void customerAttributed() throws Exception {
    String payload =
        EventJson.toJson(
            new CustomerAttributed(
                ID,
                T0,
                PartnerId.of("p-1"),
                PSEUDONYM,
                Optional.empty(),
                ReferralCode.parse("jan-hosting"),
                AttributionDecision.Rule.TYPED_CODE));

    // by default the account id is not published: the field is null
    assertThat(json(payload))
        .isEqualTo(
            json(
                "{\"schemaVersion\":2,\"type\":\"customer.attributed\","
                    + "\"eventId\":\"8d0f3a52-3c1e-4f7a-9a7e-2f1c5b6d7e80\","
                    + "\"occurredAt\":\"2026-03-15T10:15:30.123456Z\",\"partnerId\":\"p-1\","
                    + "\"customerPseudonym\":\""
                    + PSEUDONYM
                    + "\",\"customerAccountId\":null,\"code\":\"JAN-HOSTING\","
                    + "\"rule\":\"TYPED_CODE\"}"));
  }

  @Test
  void exactStringValuesAreReplacedAtAnyDepthAndNothingElse() throws Exception {
    String payload =
        "{\"schemaVersion\":1,\"type\":\"customer.attributed\",\"customerAccountId\":\"cust-1\","
            + "\"other\":\"cust-10\",\"cust-1\":\"key\",\"nested\":{\"list\":[\"cust-1\",1]},"
            + "\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}";

    String rewritten =
        EventJson.withValuesReplaced(payload, java.util.Map.of("cust-1", PSEUDONYM.value()))
            .orElseThrow();

    assertThat(json(rewritten))
        .isEqualTo(
            json(
                "{\"schemaVersion\":1,\"type\":\"customer.attributed\",\"customerAccountId\":\""
                    + PSEUDONYM
                    + "\",\"other\":\"cust-10\",\"cust-1\":\"key\",\"nested\":{\"list\":[\""
                    + PSEUDONYM
                    + "\",1]},\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}"));
    assertThat(EventJson.withValuesReplaced(payload, java.util.Map.of("cust-2", "x"))).isEmpty();
  }

  @Test
  void commissionEarned() throws Exception {
    String payload =
        EventJson.toJson(
            new CommissionEarned(
                ID,
                T0,
                PartnerId.of("p-1"),
                OrderId.of("order-1"),
                Money.of("12.50", "EUR"),
                Instant.parse("2026-04-14T10:15:30Z")));

    assertThat(json(payload))
        .isEqualTo(
            json(
                "{\"schemaVersion\":2,\"type\":\"commission.earned\","
                    + "\"eventId\":\"8d0f3a52-3c1e-4f7a-9a7e-2f1c5b6d7e80\","
                    + "\"occurredAt\":\"2026-03-15T10:15:30.123456Z\",\"partnerId\":\"p-1\","
                    + "\"orderId\":\"order-1\","
                    + "\"amount\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},"
                    + "\"payableAt\":\"2026-04-14T10:15:30Z\"}"));
  }

  @Test
  void commissionReversed() throws Exception {
    String payload =
        EventJson.toJson(
            new CommissionReversed(
                ID,
                T0,
                PartnerId.of("p-1"),
                OrderId.of("order-1"),
                Money.of("1500", "JPY"),
                true,
                false));

    assertThat(json(payload))
        .isEqualTo(
            json(
                "{\"schemaVersion\":2,\"type\":\"commission.reversed\","
                    + "\"eventId\":\"8d0f3a52-3c1e-4f7a-9a7e-2f1c5b6d7e80\","
                    + "\"occurredAt\":\"2026-03-15T10:15:30.123456Z\",\"partnerId\":\"p-1\","
                    + "\"orderId\":\"order-1\","
                    + "\"amount\":{\"amount\":\"1500\",\"currency\":\"JPY\"},"
                    + "\"chargeback\":true,\"afterPayment\":false}"));
  }

  @Test
  void largeAmountsStayPlainDecimalStrings() throws Exception {
    String payload =
        EventJson.toJson(
            new CommissionEarned(
                ID,
                T0,
                PartnerId.of("p-1"),
                OrderId.of("order-1"),
                Money.of("999999999999999.00", "EUR"),
                T0));
    assertThat(json(payload).get("amount").get("amount").isTextual()).isTrue();
    assertThat(json(payload).get("amount").get("amount").asText()).isEqualTo("999999999999999.00");
  }

  private static final String HEAD =
      "\"eventId\":\"8d0f3a52-3c1e-4f7a-9a7e-2f1c5b6d7e80\","
          + "\"occurredAt\":\"2026-03-15T10:15:30.123456Z\",\"partnerId\":\"p-1\","
          + "\"payoutId\":\"PO7K2M9QX4RT8VW3YZ5A6B1C0D\",";

  @Test
  void payoutCreated() throws Exception {
    String payload =
        EventJson.toJson(
            new PayoutCreated(
                ID,
                T0,
                PartnerId.of("p-1"),
                PAYOUT,
                YearMonth.of(2026, 11),
                Money.of("35.00", "EUR")));

    assertThat(json(payload))
        .isEqualTo(
            json(
                "{\"schemaVersion\":2,\"type\":\"payout.created\","
                    + HEAD
                    + "\"period\":\"2026-11\","
                    + "\"amount\":{\"amount\":\"35.00\",\"currency\":\"EUR\"}}"));
  }

  @Test
  void payoutPaid() throws Exception {
    String payload =
        EventJson.toJson(
            new PayoutPaid(ID, T0, PartnerId.of("p-1"), PAYOUT, Money.of("35.00", "EUR")));

    assertThat(json(payload))
        .isEqualTo(
            json(
                "{\"schemaVersion\":2,\"type\":\"payout.paid\","
                    + HEAD
                    + "\"amount\":{\"amount\":\"35.00\",\"currency\":\"EUR\"}}"));
  }

  @Test
  void payoutFailed() throws Exception {
    String payload =
        EventJson.toJson(
            new PayoutFailed(
                ID, T0, PartnerId.of("p-1"), PAYOUT, Money.of("35.00", "EUR"), "AC04 closed"));

    assertThat(json(payload))
        .isEqualTo(
            json(
                "{\"schemaVersion\":2,\"type\":\"payout.failed\","
                    + HEAD
                    + "\"amount\":{\"amount\":\"35.00\",\"currency\":\"EUR\"},"
                    + "\"reason\":\"AC04 closed\"}"));
  }
}
