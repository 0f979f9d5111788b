package org.partnerprogram.core.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a JSON document against the part of JSON Schema draft 2020-12 the statement schema uses:
 * {@code type}, {@code const}, {@code enum}, {@code pattern}, {@code required}, {@code properties},
 * {@code additionalProperties: false}, {@code items}, {@code minimum}, {@code maximum}, {@code
 * format: date-time} (RFC 3339: seconds and an offset required) and local {@code $ref}s into {@code
 * $defs}, and {@code $ref}s to the {@code $id} of another schema it was given (the partner export
 * refers to the statement's schema). A keyword it does not know fails the check, so the schema
 * cannot grow a rule this test silently skips.
 */
final class JsonSchemaSubset {
  private static final Set<String> KNOWN =
      Set.of(
          "$schema",
          "$id",
          "$defs",
          "$ref",
          "title",
          "description",
          "format",
          "type",
          "const",
          "enum",
          "pattern",
          "required",
          "properties",
          "additionalProperties",
          "items",
          "minimum",
          "maximum");

  private static final Pattern RFC_3339 =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})");

  private final JsonNode root;
  private final List<JsonNode> others;

  JsonSchemaSubset(JsonNode root) {
    this(root, List.of());
  }

  /**
   * A checker that also follows {@code $ref}s to the {@code $id}s of other schemas.
   *
   * @param root the schema
   * @param others schemas {@code root} may refer to by their {@code $id}
   */
  JsonSchemaSubset(JsonNode root, List<JsonNode> others) {
    this.root = root;
    this.others = others;
  }

  /**
   * The violations of {@code doc} against the schema.
   *
   * @return one message per violation, with its JSON pointer; empty if the document is valid
   */
  List<String> violations(JsonNode doc) {
    List<String> out = new ArrayList<>();
    check(root, doc, "", out);
    return out;
  }

  private void check(JsonNode schema, JsonNode value, String at, List<String> out) {
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      if (!KNOWN.contains(keyword)) {
        out.add(at + ": schema keyword " + keyword + " is not checked by this test");
      }
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith("#/$defs/")) {
        JsonNode other =
            others.stream()
                .filter(o -> o.path("$id").asText().equals(ref))
                .findFirst()
                .orElse(null);
        if (other == null) {
          out.add(at + ": only local $defs refs and given schemas' $ids are supported, was " + ref);
        } else {
          new JsonSchemaSubset(other, others).check(other, value, at, out);
        }
        return;
      }
      check(root.get("$defs").get(ref.substring("#/$defs/".length())), value, at, out);
    }
    if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
      out.add(at + ": " + value.getNodeType() + " is not of type " + schema.get("type"));
      return;
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      out.add(at + ": " + value + " is not " + schema.get("const"));
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode option : schema.get("enum")) {
        found |= option.equals(value);
      }
      if (!found) {
        out.add(at + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (schema.has("pattern")
        && value.isTextual()
        && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
      out.add(at + ": " + value + " does not match " + schema.get("pattern"));
    }
    if (schema.has("format")) {
      if (!schema.get("format").asText().equals("date-time")) {
        out.add(at + ": format " + schema.get("format") + " is not checked by this test");
      } else if (value.isTextual() && !isDateTime(value.asText())) {
        out.add(at + ": " + value + " is not an RFC 3339 date-time");
      }
    }
    if (value.isNumber()) {
      if (schema.has("minimum")
          && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
        out.add(at + ": " + value + " is below " + schema.get("minimum"));
      }
      if (schema.has("maximum")
          && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
        out.add(at + ": " + value + " is above " + schema.get("maximum"));
      }
    }
    if (value.isObject()) {
      if (schema.has("required")) {
        for (JsonNode name : schema.get("required")) {
          if (!value.has(name.asText())) {
            out.add(at + ": required " + name.asText() + " is missing");
          }
        }
      }
      JsonNode properties = schema.path("properties");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (properties.has(field.getKey())) {
          check(properties.get(field.getKey()), field.getValue(), at + "/" + field.getKey(), out);
        } else if (schema.path("additionalProperties").isBoolean()
            && !schema.get("additionalProperties").asBoolean()) {
          out.add(at + ": " + field.getKey() + " is not in the schema");
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), at + "/" + i, out);
      }
    }
  }

  private static boolean isDateTime(String text) {
    if (!RFC_3339.matcher(text).matches()) {
      return false;
    }
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean typeMatches(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(t, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "number" -> value.isNumber();
      case "integer" -> value.isIntegralNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }
}
