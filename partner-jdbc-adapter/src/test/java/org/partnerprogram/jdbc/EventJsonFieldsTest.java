package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.event.ProgramEvent;

/**
 * The outbox JSON of every event holds the envelope ({@code schemaVersion}, {@code type}) and the
 * event record's components, nothing else, so the personal data inventory (PRIVACY.md), which
 * {@code PrivacyInventoryTest} checks against the components, covers every field the adapter
 * writes. Every event type is built here with sample values, also one added later.
 */
class EventJsonFieldsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theJsonOfEveryEventHoldsTheEnvelopeAndTheRecordComponentsOnly() throws Exception {
    Class<?>[] types = ProgramEvent.class.getPermittedSubclasses();
    assertThat(types).hasSizeGreaterThan(10);
    for (Class<?> type : types) {
      ProgramEvent event = sample(type);
      JsonNode json = JSON.readTree(EventJson.toJson(event));

      List<String> expected = new ArrayList<>(List.of("schemaVersion", "type"));
      Arrays.stream(type.getRecordComponents())
          .map(RecordComponent::getName)
          .forEach(expected::add);
      List<String> fields = new ArrayList<>();
      json.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .as("the JSON fields of %s (update PRIVACY.md with any new one)", type.getSimpleName())
          .containsExactlyElementsOf(expected);
    }
  }

  /** An event of the type, every component a sample value (an Optional present). */
  private static ProgramEvent sample(Class<?> type) throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameterTypes =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = value(type, components[i].getGenericType());
    }
    Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
    return (ProgramEvent) canonical.newInstance(values);
  }

  private static Object value(Class<?> event, Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      return Optional.of(value(event, p.getActualTypeArguments()[0]));
    }
    if (type instanceof Class<?> c) {
      if (c.isEnum()) {
        return c.getEnumConstants()[0];
      }
      if (c == UUID.class) {
        return UUID.fromString("8d0f3a52-3c1e-4f7a-9a7e-2f1c5b6d7e80");
      }
      if (c == Instant.class) {
        return Instant.parse("2026-03-15T10:15:30Z");
      }
      if (c == YearMonth.class) {
        return YearMonth.of(2026, 3);
      }
      if (c == String.class) {
        return "text";
      }
      if (c == boolean.class) {
        return true;
      }
      if (c == int.class) {
        return 1;
      }
      if (c == PartnerId.class) {
        return PartnerId.of("p-1");
      }
      if (c == CustomerAccountId.class) {
        return CustomerAccountId.of("cust-1");
      }
      if (c == ReferralCode.class) {
        return ReferralCode.parse("jan-hosting");
      }
      if (c == OrderId.class) {
        return OrderId.of("o-1");
      }
      if (c == PayoutId.class) {
        return PayoutId.of("PO7K2M9QX4RT8VW3YZ5A6B1C0D");
      }
      if (c == Money.class) {
        return Money.of("12.50", "EUR");
      }
      if (c == EventId.class) {
        return EventId.of("adj-1");
      }
    }
    return fail(
        "no sample value for a %s in %s: add one to EventJsonFieldsTest.value",
        type.getTypeName(), event.getSimpleName());
  }
}
