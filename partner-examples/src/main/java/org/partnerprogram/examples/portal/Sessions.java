package org.partnerprogram.examples.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's sessions in memory, bounded: a session ends after an idle time measured on the
 * programme's clock, and when the store is full the least recently used session makes room. A
 * session is created only when the portal has something to keep (a sign-in, a message for the next
 * page), never for a visitor who only reads pages. A real host uses its framework's session store.
 */
final class Sessions {
  /** What the portal keeps per browser. */
  static final class Session {
    final String id;
    final String csrfToken;
    volatile String customerId; // null until signed in
    volatile String flash; // a one-time message for the next page
    private Instant lastUsed; // guarded by the store

    private Session(String id, String csrfToken, Instant lastUsed) {
      this.id = id;
      this.csrfToken = csrfToken;
      this.lastUsed = lastUsed;
    }

    /** Takes the one-time message, or null if there is none. */
    String takeFlash() {
      String message = flash;
      flash = null;
      return message;
    }
  }

  private final Clock clock;
  private final Duration idleTimeout;
  private final int capacity;
  // In access order: the least recently used session first.
  private final LinkedHashMap<String, Session> byId = new LinkedHashMap<>(64, 0.75f, true);

  /**
   * A store.
   *
   * @param clock the programme's clock, which measures idleness
   * @param idleTimeout how long a session lives without being used; positive
   * @param capacity the most sessions kept; at least 1
   */
  Sessions(Clock clock, Duration idleTimeout, int capacity) {
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.capacity = capacity;
  }

  /** The live session with this id, marked as used now; empty if unknown or expired. */
  synchronized Optional<Session> find(String id) {
    Session session = byId.get(id);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(session, now)) {
      byId.remove(id);
      return Optional.empty();
    }
    session.lastUsed = now;
    return Optional.of(session);
  }

  /** A new session; expired ones are dropped first, then the least recently used if full. */
  synchronized Session create() {
    Instant now = clock.instant();
    Iterator<Map.Entry<String, Session>> eldest = byId.entrySet().iterator();
    while (eldest.hasNext()) {
      Session next = eldest.next().getValue();
      if (!expired(next, now) && byId.size() < capacity) {
        break;
      }
      eldest.remove();
    }
    Session session = new Session(HostShop.randomHex(16), HostShop.randomHex(16), now);
    byId.put(session.id, session);
    return session;
  }

  /** Marks a session used now (after a request that may have moved a demo clock forward). */
  synchronized void touch(Session session) {
    if (byId.get(session.id) == session) {
      session.lastUsed = clock.instant();
    }
  }

  synchronized void remove(Session session) {
    byId.remove(session.id, session);
  }

  synchronized int size() {
    return byId.size();
  }

  private boolean expired(Session session, Instant now) {
    return !now.isBefore(session.lastUsed.plus(idleTimeout));
  }
}
