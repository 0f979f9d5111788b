package org.partnerprogram.core;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerProgramException;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.StorageException;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.core.port.in.OrderEventResult;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.SignupAttribution;
import org.partnerprogram.core.port.out.ProgramObserver;
import org.partnerprogram.core.port.out.ProgramObserver.UseCaseScope;
import org.partnerprogram.core.port.out.UseCaseOutcome;
import org.partnerprogram.core.port.out.UseCaseOutcome.Kind;
import org.partnerprogram.core.port.out.WorkProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one place use cases are observed: each facade group is wrapped in a proxy that, around every
 * call, sets the MDC keys ({@value #PROGRAMME}, {@value #USE_CASE}, {@value #MONTH}, {@value
 * #PARTNER}) and restores them after, times the call with the monotonic ticker, counts the attempts
 * {@link RetryingTransactions} makes, and tells the {@link ProgramObserver} how it ended. An
 * observer that throws is logged once at WARN and otherwise ignored: observing never changes what a
 * use case does.
 */
final class Observations {
  private static final Logger LOG = LoggerFactory.getLogger(Observations.class);

  /** MDC key: the programme's name, when the host gave one. */
  static final String PROGRAMME = "programme";

  /** MDC key: the use case, {@code group.method}. */
  static final String USE_CASE = "useCase";

  /** MDC key: the month a use case is about. */
  static final String MONTH = "month";

  /** MDC key: the partner id a use case is about (an opaque id, never personal data). */
  static final String PARTNER = "partner";

  /** Per record type, the accessors of its partner id and month parts; none for other types. */
  private static final ClassValue<List<Method>> ABOUT =
      new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
          if (!type.isRecord()) {
            return List.of();
          }
          List<Method> parts = new ArrayList<>();
          for (RecordComponent part : type.getRecordComponents()) {
            if (part.getType() == PartnerId.class || part.getType() == YearMonth.class) {
              parts.add(part.getAccessor());
            }
          }
          return List.copyOf(parts);
        }
      };

  private final ProgramObserver observer;
  private final LongSupplier ticker;
  private final Optional<String> programme;
  private final AtomicBoolean warned = new AtomicBoolean();

  // The attempts of the use case running on this thread, if one is.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<int[]> attempts = new ThreadLocal<>();

  Observations(ProgramObserver observer, LongSupplier ticker, Optional<String> programme) {
    this.observer = observer;
    this.ticker = ticker;
    this.programme = programme;
  }

  /** The monotonic ticker's reading, in nanoseconds. */
  long ticks() {
    return ticker.getAsLong();
  }

  /** The time since a {@link #ticks()} reading. */
  Duration since(long start) {
    return Duration.ofNanos(Math.max(0, ticker.getAsLong() - start));
  }

  /** A unit of work of the running use case is being repeated after a transient failure. */
  void retrying() {
    int[] count = attempts.get();
    if (count != null) {
      count[0]++;
    }
  }

  /** Tells the observer of some progress; never throws. */
  void progressed(WorkProgress progress) {
    try {
      observer.progressed(progress);
    } catch (RuntimeException e) {
      observerFailed("progressed", e);
    }
  }

  /**
   * Wraps a facade group so that every call on it is observed.
   *
   * @param type the group's interface
   * @param group the group's name, the first part of each use case's name
   * @param target the group
   * @return the observed group
   */
  <T> T observe(Class<T> type, String group, T target) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return invoke(method, target, args);
          }
          return observed(group + "." + method.getName(), method, target, args);
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private Object observed(String useCase, Method method, Object target, Object[] args)
      throws Throwable {
    List<Runnable> restore = new ArrayList<>(4);
    programme.ifPresent(name -> put(PROGRAMME, name, restore));
    put(USE_CASE, useCase, restore);
    aboutWhat(args, restore);
    int[] outer = attempts.get();
    int[] count = {1};
    attempts.set(count);
    UseCaseScope scope = started(useCase);
    long start = ticks(); // after the observer's own start, which is not the use case's time
    Object result = null;
    Throwable error = null;
    try {
      result = invoke(method, target, args);
      return result;
    } catch (Throwable e) {
      error = e;
      throw e;
    } finally {
      Duration took = since(start);
      if (outer == null) {
        attempts.remove();
      } else {
        attempts.set(outer);
      }
      finished(scope, outcome(useCase, result, error, took, count[0]));
      for (int i = restore.size() - 1; i >= 0; i--) {
        restore.get(i).run();
      }
    }
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Puts the month and partner a call is about into the MDC: arguments, or a command's parts. */
  private static void aboutWhat(Object[] args, List<Runnable> restore) {
    if (args == null) {
      return;
    }
    for (Object arg : args) {
      if (arg instanceof PartnerId id) {
        put(PARTNER, id.value(), restore);
      } else if (arg instanceof YearMonth month) {
        put(MONTH, month.toString(), restore);
      } else if (arg != null) {
        for (Method part : ABOUT.get(arg.getClass())) {
          Object value = read(part, arg);
          if (value instanceof PartnerId id) {
            put(PARTNER, id.value(), restore);
          } else if (value instanceof YearMonth month) {
            put(MONTH, month.toString(), restore);
          }
        }
      }
    }
  }

  private static Object read(Method accessor, Object record) {
    try {
      return accessor.invoke(record);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static void put(String key, String value, List<Runnable> restore) {
    String before = MDC.get(key);
    MDC.put(key, value);
    restore.add(
        () -> {
          if (before == null) {
            MDC.remove(key);
          } else {
            MDC.put(key, before);
          }
        });
  }

  private static UseCaseOutcome outcome(
      String useCase, Object result, Throwable error, Duration took, int attempts) {
    if (error != null) {
      Kind kind =
          error instanceof PartnerProgramException
                  && !(error instanceof RetryableException)
                  && !(error instanceof StorageException)
              ? Kind.REFUSED
              : Kind.FAILED;
      return new UseCaseOutcome(
          useCase,
          kind,
          Optional.of(error.getClass().getSimpleName()),
          Optional.of(error),
          took,
          attempts);
    }
    return new UseCaseOutcome(
        useCase,
        redelivered(result) ? Kind.REDELIVERED : Kind.SUCCEEDED,
        Optional.empty(),
        Optional.empty(),
        took,
        attempts);
  }

  /** Whether a result says the call repeated something done before, so it wrote nothing. */
  private static boolean redelivered(Object result) {
    return (result instanceof OrderEventResult r && r.redelivery())
        || (result instanceof PeriodCloseResult c && c.alreadyClosed())
        || (result instanceof SignupAttribution s && s.alreadyDecided())
        || (result instanceof EnrollmentResult e
            && e.outcome() == EnrollmentResult.Outcome.ALREADY_MEMBER);
  }

  private UseCaseScope started(String useCase) {
    try {
      UseCaseScope scope = observer.started(useCase);
      return scope == null ? UseCaseScope.NOTHING : scope;
    } catch (RuntimeException e) {
      observerFailed("started", e);
      return UseCaseScope.NOTHING;
    }
  }

  private void finished(UseCaseScope scope, UseCaseOutcome outcome) {
    try {
      scope.finished(outcome);
    } catch (RuntimeException e) {
      observerFailed("finished", e);
    }
  }

  private void observerFailed(String call, RuntimeException e) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn(
          "the programme observer {} threw from {}; ignored (logged once, then at DEBUG)",
          observer.getClass().getName(),
          call,
          e);
    } else {
      LOG.debug("the programme observer threw from {}; ignored: {}", call, e.toString());
    }
  }
}
