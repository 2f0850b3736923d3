package org.datenraum.node.internal;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.Reply;
import org.datenraum.federation.audit.AuditHeadFile;
import org.datenraum.federation.v1.AuditHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the site's audit head to the broker and keeps the broker's head in a file, so that each
 * end holds the other's latest head outside the other's reach. A broker head behind the one held
 * (or another seal at the same entry) is not kept: the broker's log lost or rewrote entries, which
 * is logged as an error. Each kind of trouble is logged once until an exchange succeeds. Run it on
 * one thread.
 */
public final class AuditHeadExchange implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditHeadExchange.class);

  private final BrokerClient broker;
  private final FileAuditLog audit;
  private final Path brokerHeadFile;
  private String reported;

  public AuditHeadExchange(BrokerClient broker, FileAuditLog audit, Path brokerHeadFile) {
    this.broker = broker;
    this.audit = audit;
    this.brokerHeadFile = brokerHeadFile;
  }

  @Override
  public void run() {
    try {
      Reply<AuditHead> r = broker.exchangeAuditHead(audit.head());
      if (r.isOk()) {
        keep(r.value());
      } else if (r.status() == 404) {
        once("the broker does not take audit heads (it predates them): its log is not anchored at this site", false);
      } else if (r.problem() != null) {
        once("the broker refused this site's audit head: " + r.problem().text(), true);
      }
    } catch (UncheckedIOException e) {
      LOG.debug("audit heads not exchanged: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("cannot exchange audit heads with the broker", e);
    }
  }

  private void keep(AuditHead head) {
    Optional<AuditHead> held = AuditHeadFile.read(brokerHeadFile);
    if (held.isPresent() && (head.seq() < held.get().seq()
        || head.seq() == held.get().seq() && !head.mac().equals(held.get().mac()))) {
      once("DR-5907 the broker reports entry " + head.seq() + " as the head of its audit log, but this site holds"
          + " entry " + held.get().seq() + " from earlier exchanges: the broker's log lost or rewrote entries;"
          + " the site keeps the head it holds", true);
      return;
    }
    reported = null;
    if (!held.equals(Optional.of(head))) {
      AuditHeadFile.write(brokerHeadFile, head);
    }
  }

  private void once(String message, boolean error) {
    if (message.equals(reported)) {
      return;
    }
    reported = message;
    if (error) {
      LOG.error(message);
    } else {
      LOG.info(message);
    }
  }
}
