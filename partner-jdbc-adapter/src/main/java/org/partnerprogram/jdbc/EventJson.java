package org.partnerprogram.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
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
 *
 * <p>Layout versions: <b>2</b> (this one): {@code partner.enrolled}, {@code partner.rejoined} and
 * {@code customer.attributed} name the customer account by {@code customerPseudonym} (its keyed
 * pseudonym, {@code "ps:..."}), and carry {@code customerAccountId} only when the host opted in
 * ({@code PartnerProgram.builder().publishCustomerAccountIds()}), else {@code null}. <b>1</b>:
 * those events carried {@code customerAccountId} always, and no pseudonym. Rows already in the
 * outbox are not rewritten when the adapter is upgraded: they keep {@code schema_version} 1 and
 * their account ids until the host deletes them, or until an erasure of that customer replaces the
 * account id by its pseudonym in place (the row keeps its version).
 *
 * <p>A new event type ({@code month.closed} and {@code payouts.exported} came with layout 2 in
 * place) adds a layout of its own and does not raise the version: the version changes only when a
 * field of an existing type changes meaning or disappears, which is what a consumer's parser of
 * that type depends on.
 */
final class EventJson {
  /** The version of the payload layout; raised when a field changes meaning or disappears. */
  public static final int SCHEMA_VERSION = 2;

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
                  .addSerializer(EventId.class, ToStringSerializer.instance)
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
   * A text as a JSON string literal, quotes included, escaped as this class writes it: what a
   * payload holds where a field has that value.
   *
   * @param value the text; never null
   * @return the literal
   */
  static String literal(String value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StorageException("could not write a string as JSON", e);
    }
  }

  /**
   * A payload with every string value that equals one of the keys exactly replaced by that key's
   * value, at any depth; object keys, numbers and other strings are left alone.
   *
   * @param payload the JSON text; never null
   * @param replacements exact value to the value that takes its place; never null
   * @return the rewritten JSON, or empty if no value matched
   * @throws StorageException if the payload is not JSON
   */
  static Optional<String> withValuesReplaced(String payload, Map<String, String> replacements) {
    JsonNode root;
    try {
      root = MAPPER.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new StorageException("an outbox payload is not JSON", e);
    }
    if (!replaceIn(root, replacements)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new StorageException("could not write an outbox payload", e);
    }
  }

  /** Replaces matching string values inside a container node; true if any changed. */
  private static boolean replaceIn(JsonNode node, Map<String, String> replacements) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = object.get(name);
        String replacement = child.isTextual() ? replacements.get(child.asText()) : null;
        if (replacement != null) {
          object.put(name, replacement);
          changed = true;
        } else {
          changed |= replaceIn(child, replacements);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode child = array.get(i);
        String replacement = child.isTextual() ? replacements.get(child.asText()) : null;
        if (replacement != null) {
          array.set(i, TextNode.valueOf(replacement));
          changed = true;
        } else {
          changed |= replaceIn(child, replacements);
        }
      }
    }
    return changed;
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
