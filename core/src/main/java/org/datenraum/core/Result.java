package org.datenraum.core;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * Either a value or the {@link Problem} that prevented it. Immutable.
 *
 * @param <T> type of the value
 */
public sealed interface Result<T> {

  static <T> Result<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Result<T> fail(Problem problem) {
    return new Fail<>(problem);
  }

  boolean isOk();

  /** The value; throws if this is a failure. */
  T value();

  /** The problem; throws if this is a success. */
  Problem problem();

  default <U> Result<U> map(Function<? super T, ? extends U> f) {
    return isOk() ? ok(f.apply(value())) : fail(problem());
  }

  default <U> Result<U> flatMap(Function<? super T, Result<U>> f) {
    return isOk() ? f.apply(value()) : fail(problem());
  }

  /** A success. */
  record Ok<T>(T value) implements Result<T> {
    public Ok {
      requireNonNull(value, "value");
    }

    @Override
    public boolean isOk() {
      return true;
    }

    @Override
    public Problem problem() {
      throw new IllegalStateException("a success has no problem");
    }
  }

  /** A failure. */
  record Fail<T>(Problem problem) implements Result<T> {
    public Fail {
      requireNonNull(problem, "problem");
    }

    @Override
    public boolean isOk() {
      return false;
    }

    @Override
    public T value() {
      throw new IllegalStateException(problem.text());
    }
  }
}
