package org.partnerprogram.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import org.partnerprogram.core.domain.Money;

/**
 * A small streaming JSON writer for the partner export: objects and arrays nested to any depth,
 * commas placed by the writer, strings escaped as RFC 8259 requires (quote, backslash and every
 * control character; U+2028 and U+2029 too, for readers that embed the JSON in JavaScript). Amounts
 * are JSON numbers in plain notation from their {@code BigDecimal}, instants RFC 3339 in UTC. It
 * holds nothing but the open containers; a failure of the underlying writer is an {@link
 * UncheckedIOException}.
 */
final class ExportJson {
  private final Writer out;

  /** Per open container: whether it has a member yet (so the next one needs a comma). */
  private final Deque<boolean[]> open = new ArrayDeque<>();

  /** Whether a name was written and its value is next. */
  private boolean afterName;

  ExportJson(Writer out) {
    this.out = out;
  }

  ExportJson beginObject() {
    return begin('{');
  }

  ExportJson endObject() {
    return end('}');
  }

  ExportJson beginArray() {
    return begin('[');
  }

  ExportJson endArray() {
    return end(']');
  }

  /** A member's name; its value is the next thing written. */
  ExportJson name(String name) {
    separate();
    write(quote(name));
    write(":");
    afterName = true;
    return this;
  }

  ExportJson value(String value) {
    return raw(value == null ? "null" : quote(value));
  }

  ExportJson value(long value) {
    return raw(Long.toString(value));
  }

  ExportJson value(boolean value) {
    return raw(Boolean.toString(value));
  }

  ExportJson value(Instant value) {
    return raw(value == null ? "null" : quote(value.toString()));
  }

  ExportJson value(Money value) {
    return raw(value.amount().toPlainString());
  }

  ExportJson valueOrNull(Optional<?> value) {
    if (value.isEmpty()) {
      return raw("null");
    }
    Object v = value.get();
    return v instanceof Instant i ? value(i) : value(v.toString());
  }

  /** A whole JSON value written as given (a statement's own JSON): the caller vouches for it. */
  ExportJson raw(String json) {
    separate();
    write(json);
    return this;
  }

  void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the partner export", e);
    }
  }

  private ExportJson begin(char c) {
    separate();
    write(String.valueOf(c));
    open.push(new boolean[] {false});
    return this;
  }

  private ExportJson end(char c) {
    open.pop();
    write(String.valueOf(c));
    return this;
  }

  /** A comma before every member but the first, unless a name was just written. */
  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    boolean[] container = open.peek();
    if (container != null) {
      if (container[0]) {
        write(",");
      }
      container[0] = true;
    }
  }

  private void write(String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the partner export", e);
    }
  }

  /** A JSON string literal. */
  static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
