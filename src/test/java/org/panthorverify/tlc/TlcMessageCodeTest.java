package org.panthorverify.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TlcMessageCodeTest {

  private static final Pattern START = Pattern.compile("@!@!@STARTMSG (\\d+):\\d+ @!@!@");

  private static Set<Integer> startCodes(Stream<Path> logs) {
    Set<Integer> codes = new TreeSet<>();
    logs.forEach(
        p -> {
          for (String line : Transcripts.lines(p)) {
            Matcher m = START.matcher(line);
            while (m.find()) {
              codes.add(Integer.parseInt(m.group(1)));
            }
          }
        });
    return codes;
  }

  @Test
  void everyCodeWasSeenInARecordedTlcRun() throws IOException {
    Set<Integer> seen;
    try (Stream<Path> logs = Files.list(Transcripts.resource("transcripts"))) {
      seen = startCodes(logs.filter(p -> p.toString().endsWith(".log")));
    }
    for (TlcMessageCode c : TlcMessageCode.values()) {
      assertTrue(seen.contains(c.code()), c + " (" + c.code() + ") is in no recorded transcript");
    }
  }

  @Test
  void everyCodeOfASuccessfulRunIsKnown() {
    Set<Integer> codes = startCodes(Stream.of(Transcripts.transcript("twophase-rm3")));
    Set<Integer> unknown =
        codes.stream()
            .filter(c -> TlcMessageCode.of(c).isEmpty())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), unknown);
    assertEquals(
        Set.of(2262, 2187, 2220, 2219, 2185, 2189, 2190, 2193, 2200, 2199, 2194, 2268, 2186),
        codes);
  }

  @Test
  void codesAreUniqueAndRoundTrip() {
    assertEquals(
        TlcMessageCode.values().length,
        Arrays.stream(TlcMessageCode.values()).mapToInt(TlcMessageCode::code).distinct().count());
    for (TlcMessageCode c : TlcMessageCode.values()) {
      assertEquals(c, TlcMessageCode.of(c.code()).orElseThrow());
    }
    assertFalse(TlcMessageCode.of(4711).isPresent());
    assertEquals(2110, TlcMessageCode.INVARIANT_VIOLATED.code());
    assertEquals(2217, TlcMessageCode.STATE.code());
    assertEquals(2186, TlcMessageCode.FINISHED.code());
  }
}
