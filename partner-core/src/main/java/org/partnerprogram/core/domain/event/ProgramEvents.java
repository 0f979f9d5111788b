package org.partnerprogram.core.domain.event;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Helpers over every {@link ProgramEvent}, for adapters that keep published events as objects (an
 * in-memory outbox) rather than as JSON.
 */
public final class ProgramEvents {
  private ProgramEvents() {}

  /**
   * The event with every field whose value is exactly one of the keys replaced by that key's value,
   * as {@link org.partnerprogram.core.port.out.EventPublisher#replaceValues} asks: a field of type
   * String, or an id (a record of one String, such as {@link
   * org.partnerprogram.core.domain.CustomerAccountId}), also inside an {@link Optional}. Works on
   * every event record by its components, so a new event or field is covered without a change here.
   *
   * @param event the event; never null
   * @param replacements exact value to the value that takes its place; never null
   * @return the event itself if no field matched, else a new event of the same type
   * @throws IllegalArgumentException if a replacement is not a valid value of the field's type
   */
  public static ProgramEvent withValuesReplaced(
      ProgramEvent event, Map<String, String> replacements) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(replacements, "replacements");
    RecordComponent[] components = event.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    boolean changed = false;
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      Object value = invoke(components[i], event);
      Object replaced = replaced(value, replacements);
      changed |= replaced != value;
      values[i] = replaced;
    }
    if (!changed) {
      return event;
    }
    return (ProgramEvent) construct(event.getClass(), types, values);
  }

  /** The value replaced, or the same instance when it does not match. */
  private static Object replaced(Object value, Map<String, String> replacements) {
    if (value instanceof String text) {
      String replacement = replacements.get(text);
      return replacement == null ? value : replacement;
    }
    if (value instanceof Optional<?> optional && optional.isPresent()) {
      Object inner = optional.get();
      Object replaced = replaced(inner, replacements);
      return replaced == inner ? value : Optional.of(replaced);
    }
    if (value != null && value.getClass().isRecord()) {
      RecordComponent[] parts = value.getClass().getRecordComponents();
      if (parts.length == 1 && parts[0].getType() == String.class) {
        String replacement = replacements.get((String) invoke(parts[0], value));
        if (replacement != null) {
          return construct(value.getClass(), new Class<?>[] {String.class}, replacement);
        }
      }
    }
    return value;
  }

  private static Object invoke(RecordComponent component, Object target) {
    try {
      return component.getAccessor().invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }

  private static Object construct(Class<?> type, Class<?>[] parameters, Object... arguments) {
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(parameters);
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          "the replacement is no valid " + type.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create a " + type.getSimpleName(), e);
    }
  }
}
