package org.partnerprogram.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.partnerprogram.core.domain.Money;

/**
 * A small streaming JSON writer for the partner export: objects and arrays nested to any depth,
 * commas placed by the writer, strings escaped as RFC 8259 requires (quote, backslash and every
 * control character; U+2028 and U+2029 too, for readers that embed the JSON in JavaScript). Amounts
 * are JSON numbers in plain notation from their {@code BigDecimal}, instants RFC 3339 in UTC. It
 * holds the open containers and up to {@link #CHUNK} characters, which it hands to the underlying
 * writer in one call (a million ledger lines are some 10^8 small writes, each a synchronised call
 * into a {@link java.io.BufferedWriter} otherwise); a failure of the underlying writer is an {@link
 * UncheckedIOException}, at the latest on {@link #flush()}.
 */
final class ExportJson {
  /** Characters gathered before they are handed on. */
  static final int CHUNK = 1 << 13;

  private final Writer out;

  /** What is written and not yet handed on; reused. */
  private final StringBuilder pending = new StringBuilder(CHUNK + 256);

  /** {@link #pending} copied out for the writer; reused. */
  private char[] chunk = new char[CHUNK + 256];

  /**
   * Per open container, innermost last: whether it has a member yet (so the next needs a comma).
   */
  private boolean[] open = new boolean[8];

  /** How many containers are open. */
  private int depth;

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
    quote(pending, name).append(':');
    afterName = true;
    return written();
  }

  ExportJson value(String value) {
    if (value == null) {
      return raw("null");
    }
    separate();
    quote(pending, value);
    return written();
  }

  ExportJson value(long value) {
    separate();
    pending.append(value);
    return written();
  }

  ExportJson value(boolean value) {
    return raw(Boolean.toString(value));
  }

  ExportJson value(Instant value) {
    return value == null ? raw("null") : value(value.toString());
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
    pending.append(json);
    return written();
  }

  void flush() {
    handOn();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the partner export", e);
    }
  }

  private ExportJson begin(char c) {
    separate();
    pending.append(c);
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
    }
    open[depth++] = false;
    return written();
  }

  private ExportJson end(char c) {
    if (depth == 0) {
      throw new IllegalStateException("no open container to end with " + c);
    }
    depth--;
    pending.append(c);
    return written();
  }

  /** A comma before every member but the first, unless a name was just written. */
  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (open[depth - 1]) {
        pending.append(',');
      }
      open[depth - 1] = true;
    }
  }

  /** Hands what is pending on once it fills a chunk. */
  private ExportJson written() {
    if (pending.length() >= CHUNK) {
      handOn();
    }
    return this;
  }

  private void handOn() {
    int length = pending.length();
    if (length == 0) {
      return;
    }
    if (chunk.length < length) {
      chunk = new char[length];
    }
    pending.getChars(0, length, chunk, 0);
    pending.setLength(0);
    try {
      out.write(chunk, 0, length);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the partner export", e);
    }
  }

  /** Appends {@code s} as a JSON string literal to {@code q}, which it returns. */
  private static StringBuilder quote(StringBuilder q, String s) {
    q.append('"');
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
    return q.append('"');
  }
}
