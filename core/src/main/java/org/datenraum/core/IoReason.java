package org.datenraum.core;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * The reason of an I/O failure in words a user can act on ("no such file or directory", "is a
 * directory", "the file is not UTF-8 text"), never a Java class name or a bare path.
 */
public final class IoReason {

  private IoReason() {}

  public static String of(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    } else if (e instanceof DirectoryNotEmptyException) {
      return "the directory is not empty";
    } else if (e instanceof NotDirectoryException) {
      return "not a directory";
    } else if (e instanceof CharacterCodingException) {
      return "the file is not UTF-8 text";
    } else if (e instanceof EOFException) {
      return "the file ends too early";
    } else if (e instanceof ZipException) {
      return "not valid compressed data";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      return lower(f.getReason());
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "the operating system gave no reason" : lower(message);
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
