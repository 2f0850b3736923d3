package org.datenraum.node.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.files.OwnerOnly;

/**
 * The site-local keys of the node's HTTP port, kept in {@code SITE/node/local-keys.json} (owner
 * only) as name, role and the SHA-256 of the key. A key is shown once, when it is created. Checks
 * read the file again whenever it has changed (another identity, modification time or size, looked
 * at on every check) and at least every second, so a key created or revoked by the command, in
 * this process or another, applies to a running node at once. Thread-safe for checks; creation and
 * revocation are for one process at a time.
 */
public final class LocalKeys {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  /** Keys begin with this, so a leaked one is recognisable in a scan. */
  static final String PREFIX = "drl_";

  /** How long a read of an unchanged file is used at most. */
  private static final long FRESH_NANOS = 1_000_000_000L;

  private final Path file;
  private volatile Snapshot cached;

  private LocalKeys(Path file) {
    this.file = file;
  }

  /** The keys as read, with what the file looked like before the read (null: no file). */
  private record Snapshot(Object fileKey, FileTime modified, long size, long readAt, List<LocalKeyEntry> keys) {
    boolean describes(BasicFileAttributes now, long nanos) {
      if (nanos - readAt > FRESH_NANOS) {
        return false;
      }
      if (now == null || modified == null) {
        return now == null && modified == null;
      }
      return Objects.equals(fileKey, now.fileKey()) && modified.equals(now.lastModifiedTime()) && size == now.size();
    }
  }

  /** The keys of the site whose node files live in {@code nodeRoot} ({@code SITE/node}). */
  public static LocalKeys in(Path nodeRoot) {
    return new LocalKeys(nodeRoot.resolve("local-keys.json"));
  }

  /** Where the keys are kept. */
  public Path file() {
    return file;
  }

  /**
   * Creates a key for {@code name} with {@code role} and returns it (the only time it is seen); a
   * name already in use or not of lower-case letters, digits, dots, dashes and underscores is
   * refused.
   */
  public Result<String> create(String name, LocalRole role, Clock clock, RandomGenerator random) {
    requireNonNull(role, "role");
    if (name == null || !NAME.matcher(name).matches()) {
      return Result.fail(Problem.invalid("DR-7110", "key name `" + name + "` is not a valid name: use 1 to 64 lower-case"
          + " letters, digits, dots, dashes or underscores, beginning with a letter or digit."));
    }
    List<LocalKeyEntry> keys = new ArrayList<>(list());
    if (keys.stream().anyMatch(k -> k.name().equals(name))) {
      return Result.fail(new Problem(Problem.Category.CONFLICT, "DR-7111", "key name `" + name + "` is already in use at this site: revoke it"
          + " first or choose another name."));
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    keys.add(new LocalKeyEntry(name, role.wire(), clock.instant(), sha256(key)));
    write(new LocalKeyList(keys));
    return Result.ok(key);
  }

  /** Removes the key of {@code name}; false when there is none. */
  public boolean revoke(String name) {
    List<LocalKeyEntry> keys = new ArrayList<>(list());
    boolean removed = keys.removeIf(k -> k.name().equals(name));
    if (removed) {
      write(new LocalKeyList(keys));
    }
    return removed;
  }

  /** The keys the site has, without the keys themselves. */
  public List<LocalKeyEntry> list() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return WireJson.read(Files.readString(file), LocalKeyList.class).keys();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the site's local keys " + file, e);
    }
  }

  /** Who holds {@code key}, if it is one of the site's keys with a known role. */
  public Optional<LocalPrincipal> authenticate(String key) {
    if (key == null || !key.startsWith(PREFIX) || key.length() > 200) {
      return Optional.empty();
    }
    byte[] presented = sha256(key).getBytes(StandardCharsets.US_ASCII);
    LocalPrincipal found = null;
    for (LocalKeyEntry k : current()) {
      boolean same = MessageDigest.isEqual(presented, k.sha256().getBytes(StandardCharsets.US_ASCII));
      if (same && k.localRole().isPresent()) {
        found = new LocalPrincipal(k.name(), k.localRole().get());
      }
    }
    return Optional.ofNullable(found);
  }

  /** The keys as the file holds them now, read again only when it has changed. */
  private List<LocalKeyEntry> current() {
    long nanos = System.nanoTime();
    BasicFileAttributes before = attributes();
    Snapshot s = cached;
    if (s != null && s.describes(before, nanos)) {
      return s.keys();
    }
    List<LocalKeyEntry> keys = before == null ? List.of() : list();
    cached = before == null ? new Snapshot(null, null, 0, nanos, keys)
        : new Snapshot(before.fileKey(), before.lastModifiedTime(), before.size(), nanos, keys);
    return keys;
  }

  private BasicFileAttributes attributes() {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the site's local keys " + file, e);
    }
  }

  private void write(LocalKeyList keys) {
    try {
      OwnerOnly.createDirectories(file.getParent());
      Path tmp = OwnerOnly.createTempFile(file.getParent(), ".tmp-", ".json");
      Files.writeString(tmp, WireJson.write(keys));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      cached = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the site's local keys " + file, e);
    }
  }

  static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
