package org.partnerprogram.examples.portal;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The portal's request threads, each with a deadline on network I/O, so that slow or stalled
 * clients cannot hold them.
 *
 * <p>Why: the JDK's HTTP server reads a request's line and headers on the executor's thread, with
 * blocking reads and no timeout, and the handler reads the body the same way; a client that sends
 * half a request (or a body shorter than its Content-Length) holds a thread until it goes away. The
 * server's own limits ({@code sun.net.httpserver.maxReqTime} and {@code maxRspTime}) are system
 * properties read once per JVM, when the first server starts, so a component cannot set them for
 * its own server. Instead each task gets a deadline: when it passes, the thread is interrupted,
 * which closes the blocked socket channel ({@link java.nio.channels.ClosedByInterruptException});
 * the server then drops the connection and the thread is free.
 *
 * <p>The deadline covers reading the request (counted from when the server handed it to the
 * executor, so that waiting in the queue counts too, with a short grace once it runs: a client that
 * is not slow has its whole request buffered by then) and, armed afresh, writing the response. It
 * is paused while the portal does its own work ({@link #pause}), so that an interrupt never reaches
 * the database driver. Network timeouts are real seconds, measured with {@link System#nanoTime()}:
 * the programme's clock may be a demo clock that jumps months.
 */
final class IoDeadlines implements Executor, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(IoDeadlines.class.getName());
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final long timeoutNanos;
  private final ThreadPoolExecutor workers;
  private final ScheduledThreadPoolExecutor timer;
  // The deadline of the task running on a thread (a thread runs one task at a time).
  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  /** The deadline of the task running on one thread. */
  private static final class Deadline {
    private final Thread thread;
    private int generation; // guarded by this; an alarm fires only for its own arming
    private boolean armed; // guarded by this
    private boolean fired; // guarded by this
    private ScheduledFuture<?> alarm; // guarded by this

    Deadline(Thread thread) {
      this.thread = thread;
    }

    synchronized void fire(int armedAs) {
      if (armed && generation == armedAs) {
        fired = true;
        thread.interrupt(); // closes a socket channel the thread is blocked on
      }
    }

    /** Stops the alarm; afterwards no interrupt can come. Returns whether it had fired. */
    synchronized boolean disarm() {
      armed = false;
      generation++;
      if (alarm != null) {
        alarm.cancel(false);
        alarm = null;
      }
      return fired;
    }
  }

  /**
   * Threads with deadlines.
   *
   * @param threads how many requests are served at once; at least 1
   * @param queued how many more may wait for a thread; beyond that a new connection is closed
   * @param timeout the longest a request may take to arrive, and a response to be taken
   */
  IoDeadlines(int threads, int queued, Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    AtomicInteger count = new AtomicInteger();
    ThreadFactory named = r -> new Thread(r, "host-portal-http-" + count.incrementAndGet());
    this.workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queued),
            named,
            (task, pool) -> {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "all threads busy, queue full: closing a connection");
              throw new RejectedExecutionException("the portal is busy"); // the server closes it
            });
    this.timer = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "host-portal-deadlines"));
    this.timer.setRemoveOnCancelPolicy(true);
  }

  /** Runs a task of the server with a deadline counted from now, when the server hands it over. */
  @Override
  public void execute(Runnable task) {
    long handedOver = System.nanoTime();
    workers.execute(() -> run(task, handedOver));
  }

  private void run(Runnable task, long handedOver) {
    Deadline deadline = new Deadline(Thread.currentThread());
    CURRENT.set(deadline);
    try {
      long left = Math.max(handedOver + timeoutNanos - System.nanoTime(), GRACE_NANOS);
      arm(deadline, left);
      task.run();
    } finally {
      if (deadline.disarm()) {
        Thread.interrupted(); // our own interrupt: the thread goes back to the pool clean
        LOG.log(System.Logger.Level.DEBUG, "closed a connection that was too slow");
      }
      CURRENT.remove();
    }
  }

  /**
   * Stops the deadline while the portal works (its database must not see an interrupt).
   *
   * @throws InterruptedIOException if the deadline passed already: the request took too long to
   *     arrive, and the exchange should end without an answer
   */
  void pause() throws InterruptedIOException {
    Deadline deadline = CURRENT.get();
    if (deadline != null && deadline.disarm()) {
      Thread.interrupted();
      throw new InterruptedIOException("the request took too long to arrive");
    }
  }

  /** Arms a fresh deadline for writing the response. */
  void resume() {
    Deadline deadline = CURRENT.get();
    if (deadline != null) {
      arm(deadline, timeoutNanos);
    }
  }

  private void arm(Deadline deadline, long nanos) {
    synchronized (deadline) {
      if (deadline.alarm != null) {
        deadline.alarm.cancel(false);
      }
      deadline.generation++;
      deadline.armed = true;
      int armedAs = deadline.generation;
      deadline.alarm = timer.schedule(() -> deadline.fire(armedAs), nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Stops the threads, interrupting requests in progress. */
  @Override
  public void close() {
    workers.shutdownNow();
    timer.shutdownNow();
  }
}
