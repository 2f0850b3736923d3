package org.datenraum.ingest.dicom;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PixelMed (Debian's {@code libpixelmed-java}), loaded at test time from {@code /usr/share/java}
 * when installed, as an independent reader to check ours against. Reflection only: the build does
 * not depend on it.
 */
final class PixelMed {

  static final Path JAR = Path.of("/usr/share/java/pixelmed.jar");
  private final Class<?> listClass;
  private final Class<?> tagClass;
  private final ClassLoader loader;

  private PixelMed(ClassLoader loader) throws ReflectiveOperationException {
    this.loader = loader;
    this.listClass = loader.loadClass("com.pixelmed.dicom.AttributeList");
    this.tagClass = loader.loadClass("com.pixelmed.dicom.AttributeTag");
  }

  /** PixelMed if its jar is installed, else empty. */
  static Optional<PixelMed> load() {
    if (!Files.isRegularFile(JAR)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PixelMed(new URLClassLoader(new URL[] {JAR.toUri().toURL()},
          PixelMed.class.getClassLoader())));
    } catch (ReflectiveOperationException | java.net.MalformedURLException e) {
      throw new IllegalStateException("PixelMed at " + JAR + " cannot be loaded", e);
    }
  }

  /** A file's data set as PixelMed reads it. */
  Object read(Path file) throws Exception {
    Object list = listClass.getConstructor().newInstance();
    listClass.getMethod("read", String.class).invoke(list, file.toString());
    return list;
  }

  /** The single string value of a tag in a list (or item), or null. */
  String text(Object list, int tag) throws Exception {
    Object attr = attribute(list, tag);
    if (attr == null) {
      return null;
    }
    Object v = attr.getClass().getMethod("getSingleStringValueOrNull").invoke(attr);
    return v == null ? null : v.toString().trim();
  }

  /** The items (attribute lists) of a sequence in a list, empty when absent. */
  List<Object> items(Object list, int tag) throws Exception {
    Object attr = attribute(list, tag);
    List<Object> out = new ArrayList<>();
    if (attr == null) {
      return out;
    }
    int n = (Integer) attr.getClass().getMethod("getNumberOfItems").invoke(attr);
    Method getItem = attr.getClass().getMethod("getItem", int.class);
    for (int i = 0; i < n; i++) {
      Object item = getItem.invoke(attr, i);
      out.add(item.getClass().getMethod("getAttributeList").invoke(item));
    }
    return out;
  }

  /** Whether the list holds the tag, with or without a value. */
  boolean has(Object list, int tag) throws Exception {
    return attribute(list, tag) != null;
  }

  private Object attribute(Object list, int tag) throws Exception {
    Object t = tagClass.getConstructor(int.class, int.class).newInstance(tag >>> 16, tag & 0xFFFF);
    return listClass.getMethod("get", tagClass).invoke(list, t);
  }

  ClassLoader loader() {
    return loader;
  }
}
