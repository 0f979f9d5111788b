package org.partnerprogram.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.StorageException;
import org.partnerprogram.core.domain.event.ProgramEvent;

/**
 * The JSON form of an event in the outbox: {@code schemaVersion}, {@code type} (the event's {@link
 * ProgramEvent#type()}), then the record's components by name. Ids (also order ids) and codes are
 * plain strings, months {@code "2026-11"}, money is {@code {"amount":"12.50","currency":"EUR"}}
 * with the amount a plain string, instants ISO-8601 strings in UTC (microseconds), UUIDs strings,
 * and an empty {@code Optional} is {@code null}.
 */
final class EventJson {
  /** The version of the payload layout; raised when a field changes meaning or disappears. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .addModule(
              new SimpleModule("partner-ids")
                  .addSerializer(PartnerId.class, ToStringSerializer.instance)
                  .addSerializer(CustomerAccountId.class, ToStringSerializer.instance)
                  .addSerializer(ReferralCode.class, ToStringSerializer.instance)
                  .addSerializer(OrderId.class, ToStringSerializer.instance)
                  .addSerializer(PayoutId.class, ToStringSerializer.instance)
                  .addSerializer(Money.class, new MoneySerializer()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private EventJson() {}

  /**
   * Money as {@code {"amount":"12.50","currency":"EUR"}}: the amount a plain decimal string at the
   * currency's scale (never a JSON number, so no consumer rounds it through a double).
   */
  private static final class MoneySerializer extends StdSerializer<Money> {
    private static final long serialVersionUID = 1L;

    MoneySerializer() {
      super(Money.class);
    }

    @Override
    public void serialize(Money value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeStringField("amount", value.amount().toPlainString());
      gen.writeStringField("currency", value.currency().getCurrencyCode());
      gen.writeEndObject();
    }
  }

  /**
   * Serialises an event.
   *
   * @param event the event; never null
   * @return the JSON text
   * @throws StorageException if the event cannot be serialised
   */
  public static String toJson(ProgramEvent event) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("type", event.type());
    try {
      root.setAll((ObjectNode) MAPPER.valueToTree(event));
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new StorageException("could not write event " + event.type() + " as JSON", e);
    }
  }
}
