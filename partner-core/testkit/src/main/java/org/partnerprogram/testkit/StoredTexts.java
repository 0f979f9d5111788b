package org.partnerprogram.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every text an in-memory adapter holds, found by walking its object graph: the fields of the
 * adapter's own classes (and of records, such as ids and events), the elements of collections and
 * maps (keys too), optionals and atomic references. Each value's {@code toString()} is taken as
 * well, so an id kept in a non-String type is seen. For a scan that must not depend on knowing
 * where an adapter keeps things: a new field is covered without a change here.
 */
public final class StoredTexts {
  private StoredTexts() {}

  /**
   * The texts reachable from the root.
   *
   * @param root the adapter; never null
   * @return every String and every {@code toString()} of a value reached, in no particular order
   */
  public static List<String> of(Object root) {
    List<String> texts = new ArrayList<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Object value = todo.pop();
      if (value == null || !seen.add(value)) {
        continue;
      }
      if (value instanceof CharSequence text) {
        texts.add(text.toString());
      } else if (value instanceof Map<?, ?> map) {
        map.forEach(
            (k, v) -> {
              todo.push(k == null ? "" : k);
              todo.push(v == null ? "" : v);
            });
      } else if (value instanceof Collection<?> collection) {
        collection.forEach(e -> todo.push(e == null ? "" : e));
      } else if (value instanceof Optional<?> optional) {
        optional.ifPresent(todo::push);
      } else if (value instanceof AtomicReference<?> reference) {
        Object held = reference.get();
        if (held != null) {
          todo.push(held);
        }
      } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
        for (Object e : (Object[]) value) {
          if (e != null) {
            todo.push(e);
          }
        }
      } else if (ours(value.getClass())) {
        texts.add(String.valueOf(value));
        for (Class<?> type = value.getClass();
            type != null && ours(type);
            type = type.getSuperclass()) {
          for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
              continue;
            }
            try {
              field.setAccessible(true);
              Object held = field.get(value);
              if (held != null) {
                todo.push(held);
              }
            } catch (IllegalAccessException | InaccessibleObjectException e) {
              throw new IllegalStateException("cannot read " + field, e);
            }
          }
        }
      } else {
        texts.add(String.valueOf(value)); // instants, amounts, enums, UUIDs: their text form
      }
    }
    return texts;
  }

  /** The project's own classes and records anywhere: their fields hold what is stored. */
  private static boolean ours(Class<?> type) {
    return !type.isHidden()
        && (type.getName().startsWith("org.partnerprogram.") || type.isRecord());
  }

  /**
   * The texts reachable from the root that contain one of the needles.
   *
   * @param root the adapter; never null
   * @param needles the texts to look for; never null
   * @return the texts found, each once; empty if none
   */
  public static List<String> containing(Object root, List<String> needles) {
    return of(root).stream()
        .filter(text -> needles.stream().anyMatch(text::contains))
        .distinct()
        .toList();
  }
}
