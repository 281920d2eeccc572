package org.panthorverify.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test resources under src/test/resources/tlc/: recorded TLC transcripts and small specs. */
final class Transcripts {
  private Transcripts() {}

  /** A classpath resource under /tlc/ as a path. */
  static Path resource(String relative) {
    URL url = Transcripts.class.getResource("/tlc/" + relative);
    if (url == null) {
      throw new IllegalStateException("missing test resource /tlc/" + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The directory of small test specs. */
  static Path specs() {
    return resource("specs");
  }

  /** The recorded transcript with the given name (without ".log"). */
  static Path transcript(String name) {
    return resource("transcripts/" + name + ".log");
  }

  static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a recorded transcript as if TLC had exited with the given code. */
  static TlcResult parse(String name, int exitCode) {
    Path p = transcript(name);
    return TlcOutputParser.of(lines(p)).result(exitCode, 0, p);
  }
}
