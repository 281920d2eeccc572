package org.panthorverify.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.panthorverify.trace.Itf;
import org.panthorverify.trace.ItfTrace;

/**
 * One run's output folder: {@code <root>/<model>/<yyyy-MM-dd'T'HH-mm-ss>_<random>/}. The random
 * suffix keeps parallel runs from colliding (TLC's issue #787). Files are written whole, so a file
 * that exists is complete.
 */
public final class RunDirectory {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final ObjectWriter JSON = jsonWriter();

  private final Path path;

  private RunDirectory(Path path) {
    this.path = path;
  }

  /** Creates a fresh run directory for {@code model} under {@code root}. */
  public static RunDirectory create(Path root, String model) {
    SecureRandom random = new SecureRandom();
    for (int attempt = 0; ; attempt++) {
      StringBuilder id = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      Path dir = root.resolve(model).resolve(LocalDateTime.now().format(STAMP) + "_" + id);
      try {
        Files.createDirectories(dir.getParent());
        Files.createDirectory(dir);
        return new RunDirectory(dir);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw new UncheckedIOException(e);
        }
      } catch (IOException e) {
        throw new org.panthorverify.core.UserInputException(
            "cannot create run directory under " + root + ": " + e.getMessage());
      }
    }
  }

  /** An existing directory used as a run directory (tests). */
  public static RunDirectory at(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RunDirectory(dir);
  }

  public Path path() {
    return path;
  }

  /** Writes {@code value} (maps, lists, records, strings, numbers) as pretty JSON. */
  public Path writeJson(String name, Object value) {
    try {
      return writeText(name, JSON.writeValueAsString(value) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a text file (UTF-8). */
  public Path writeText(String name, String text) {
    Path file = path.resolve(name);
    try {
      writeAtomically(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code text} (UTF-8) to {@code file} through a temporary file beside it, so that a
   * reader never sees half a file and an interrupted write leaves the old one.
   */
  public static void writeAtomically(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes an ITF trace. */
  public Path writeTrace(String name, ItfTrace trace) {
    return writeText(name, Itf.write(trace));
  }

  private static ObjectWriter jsonWriter() {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    pp.indentObjectsWith(indenter);
    pp.indentArraysWith(indenter);
    ObjectMapper mapper = new ObjectMapper();
    mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    return mapper.writer(pp);
  }
}
