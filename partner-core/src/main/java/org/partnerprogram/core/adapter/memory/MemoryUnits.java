package org.partnerprogram.core.adapter.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.domain.event.ProgramEvents;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.TransactionBoundary;

/**
 * The in-memory stores' units of work: one at a time under one lock (so they are serializable),
 * each recording how to undo its writes, which run in reverse if it throws. Every store writes
 * through {@link #put}, {@link #remove}, {@link #removeAt} and {@link #append}, so a refused call
 * leaves nothing behind. Events published in a unit are kept only when it completes.
 */
final class MemoryUnits implements TransactionBoundary, EventPublisher {
  private final ReentrantLock lock = new ReentrantLock();

  // Per instance on purpose: each storage has its own units of work, and a thread may use two.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Unit> current = new ThreadLocal<>();

  private final List<ProgramEvent> published = new CopyOnWriteArrayList<>();

  /** One unit of work: what to undo if it fails, and the events it published. */
  private static final class Unit {
    final Deque<Runnable> undo = new ArrayDeque<>();
    final List<ProgramEvent> events = new ArrayList<>();
  }

  /** The events of every completed unit, in publication order, as a snapshot. */
  List<ProgramEvent> published() {
    return List.copyOf(published);
  }

  /**
   * Checks that a unit of work is running on this thread.
   *
   * @throws IllegalStateException if none is
   */
  void unit() {
    current();
  }

  private Unit current() {
    Unit unit = current.get();
    if (unit == null) {
      throw new IllegalStateException(
          "in-memory stores must be called inside TransactionBoundary.execute(...)");
    }
    return unit;
  }

  <K, V> void put(Map<K, V> map, K key, V value) {
    Unit unit = current();
    boolean had = map.containsKey(key);
    V previous = map.put(key, value);
    unit.undo.push(
        () -> {
          if (had) {
            map.put(key, previous);
          } else {
            map.remove(key);
          }
        });
  }

  <K, V> void remove(Map<K, V> map, K key) {
    Unit unit = current();
    if (!map.containsKey(key)) {
      return;
    }
    V previous = map.remove(key);
    unit.undo.push(() -> map.put(key, previous));
  }

  /** Removes the elements at the given positions, restoring the list whole if the unit fails. */
  <E> void removeAt(List<E> list, BitSet positions) {
    Unit unit = current();
    if (positions.isEmpty()) {
      return;
    }
    List<E> before = new ArrayList<>(list);
    list.clear();
    for (int i = 0; i < before.size(); i++) {
      if (!positions.get(i)) {
        list.add(before.get(i));
      }
    }
    unit.undo.push(
        () -> {
          list.clear();
          list.addAll(before);
        });
  }

  /** Replaces the element at a position, restoring it if the unit fails. */
  <E> void set(List<E> list, int index, E element) {
    Unit unit = current();
    E previous = list.set(index, element);
    unit.undo.push(() -> list.set(index, previous));
  }

  <E> void append(List<E> list, E element) {
    Unit unit = current();
    list.add(element);
    unit.undo.push(() -> list.remove(list.size() - 1));
  }

  @Override
  public <T> T execute(Supplier<T> work) {
    if (current.get() != null) {
      return work.get(); // joins the unit already running on this thread
    }
    lock.lock();
    Unit unit = new Unit();
    current.set(unit);
    try {
      T result = work.get();
      published.addAll(unit.events);
      return result;
    } catch (RuntimeException | Error e) {
      while (!unit.undo.isEmpty()) {
        unit.undo.pop().run();
      }
      throw e;
    } finally {
      current.remove();
      lock.unlock();
    }
  }

  @Override
  public void publish(ProgramEvent event) {
    current().events.add(event);
  }

  /**
   * Rewrites the events published so far, those of completed units and those of the running one,
   * restoring them if the unit fails.
   */
  @Override
  public int replaceValues(Map<String, String> replacements) {
    return replaceValues(Optional.empty(), replacements);
  }

  /** As {@link #replaceValues(Map)}, in the events of one partner only. */
  @Override
  public int replaceValuesOfPartner(PartnerId partnerId, Map<String, String> replacements) {
    return replaceValues(Optional.of(partnerId), replacements);
  }

  private int replaceValues(Optional<PartnerId> of, Map<String, String> replacements) {
    Unit unit = current();
    int changed = 0;
    for (List<ProgramEvent> events : List.of(published, unit.events)) {
      for (int i = 0; i < events.size(); i++) {
        ProgramEvent event = events.get(i);
        if (of.isPresent() && !event.partner().equals(of)) {
          continue;
        }
        ProgramEvent rewritten = ProgramEvents.withValuesReplaced(event, replacements);
        if (rewritten != event) {
          set(events, i, rewritten);
          changed++;
        }
      }
    }
    return changed;
  }
}
