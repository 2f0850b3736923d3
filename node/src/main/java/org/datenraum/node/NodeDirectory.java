package org.datenraum.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.files.OwnerOnly;

/**
 * The node's files under a site directory ({@code SITE/node/}): one JSON file per request, the
 * decisions a person left for the running node, the audit log with its key and heads, the noise
 * secret and the saved approval rules, all readable by the owner only. Files are replaced
 * atomically. Immutable.
 */
public record NodeDirectory(Path site) {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  public NodeDirectory {
    site = site.toAbsolutePath().normalize();
  }

  public Path root() {
    return site.resolve("node");
  }

  public Path auditLog() {
    return root().resolve("audit.log");
  }

  /** The key that seals the audit log (owner-only, never logged). */
  public Path auditKey() {
    return root().resolve("audit.key");
  }

  /** The audit log's newest head, kept beside it. */
  public Path auditHead() {
    return root().resolve("audit-head.json");
  }

  /** The newest head of the broker's audit log that the broker reported to this site. */
  public Path brokerAuditHead() {
    return root().resolve("broker-audit-head.json");
  }

  /** The secret the disclosure noise is keyed with. */
  public Path noiseSecret() {
    return root().resolve("noise.key");
  }

  /** The exact counts and noisy answers an earlier version kept; removed at start. */
  Path formerDisclosureCache() {
    return root().resolve("disclosure-cache.tsv");
  }

  public Path approvalRules() {
    return root().resolve("approval-rules.json");
  }

  private Path requests() {
    return root().resolve("requests");
  }

  private Path decisions() {
    return root().resolve("decisions");
  }

  /** Creates the directories, readable by their owner only. */
  public NodeDirectory create() {
    try {
      OwnerOnly.createDirectories(requests());
      OwnerOnly.createDirectories(decisions());
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the node directory " + root(), e);
    }
  }

  public Optional<LocalRequest> find(String id) {
    Path f = requests().resolve(checked(id) + ".json");
    return Files.exists(f) ? Optional.of(read(f, LocalRequest.class)) : Optional.empty();
  }

  public void save(LocalRequest r) {
    write(requests().resolve(checked(r.request().id()) + ".json"), WireJson.write(r));
  }

  /** Every request the site has seen, newest first. */
  public List<LocalRequest> all() {
    if (!Files.isDirectory(requests())) {
      return List.of();
    }
    List<LocalRequest> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(requests())) {
      files.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
          .forEach(p -> out.add(read(p, LocalRequest.class)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparing((LocalRequest r) -> r.request().created()).reversed());
    return out;
  }

  /** Leaves a decision for the running node. */
  public void decide(String id, Decision d) {
    write(decisions().resolve(checked(id) + ".json"), WireJson.write(d));
  }

  /** The ids of the requests for which a decision has been left, in no particular order. */
  public List<String> decided() {
    if (!Files.isDirectory(decisions())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(decisions())) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.startsWith("."))
          .map(n -> n.substring(0, n.length() - ".json".length())).filter(id -> SAFE_ID.matcher(id).matches())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Takes (reads and removes) the decision left for a request, if any. */
  public Optional<Decision> takeDecision(String id) {
    Path f = decisions().resolve(checked(id) + ".json");
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    Decision d = read(f, Decision.class);
    try {
      Files.deleteIfExists(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(d);
  }

  static String checked(String id) {
    if (!SAFE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("request id `" + id + "` is not a valid id.");
    }
    return id;
  }

  private static <T> T read(Path f, Class<T> type) {
    try {
      return WireJson.read(Files.readString(f), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  static void write(Path f, String text) {
    try {
      Path tmp = OwnerOnly.createTempFile(f.getParent(), ".tmp-", ".json");
      Files.writeString(tmp, text);
      Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f, e);
    }
  }
}
