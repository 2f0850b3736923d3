package org.datenraum.node.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.datenraum.privacy.NoisyAnswers;

/**
 * Released noisy answers kept in the site directory (one tab-separated line per answer, forced to
 * disk before the answer leaves), so a repeated question gets the same answer after a restart.
 * Thread-safe.
 */
public final class FileNoisyAnswers implements NoisyAnswers, AutoCloseable {

  private final Map<String, Long> answers;
  private final FileChannel out;

  private FileNoisyAnswers(Map<String, Long> answers, FileChannel out) {
    this.answers = answers;
    this.out = out;
  }

  public static FileNoisyAnswers open(Path file) {
    Map<String, Long> answers = new ConcurrentHashMap<>();
    try {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t");
          if (f.length == 3) {
            answers.put(f[0] + '\t' + f[1], Long.parseLong(f[2]));
          }
        }
      }
      return new FileNoisyAnswers(answers, FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot read the disclosure cache " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public OptionalLong find(String key, long trueCount) {
    Long v = answers.get(key + '\t' + trueCount);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public synchronized void remember(String key, long trueCount, long released) {
    if (key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a cache key must not contain tabs or newlines");
    }
    try {
      out.write(ByteBuffer.wrap((key + '\t' + trueCount + '\t' + released + '\n').getBytes(StandardCharsets.UTF_8)));
      out.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the disclosure cache", e);
    }
    answers.put(key + '\t' + trueCount, released);
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
