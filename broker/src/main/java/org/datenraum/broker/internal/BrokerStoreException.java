package org.datenraum.broker.internal;

/** The broker's database failed; becomes a 500 problem document. */
public final class BrokerStoreException extends RuntimeException {
  public BrokerStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
