package org.panthorverify.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads the transcripts recorded from TLC 2.18 under src/test/resources/tlc/transcripts/. */
class TlcOutputParserTest {

  private static List<String> actions(TlcResult r) {
    return r.trace().stream().map(TlcState::action).collect(Collectors.toList());
  }

  private static List<String> values(TlcResult r, String var) {
    return r.trace().stream().map(s -> s.vars().get(var)).collect(Collectors.toList());
  }

  @Test
  void successfulRun() {
    TlcResult r = Transcripts.parse("twophase-rm3", 0);
    assertEquals(1146, r.generated());
    assertEquals(288, r.distinct());
    assertEquals(0, r.queueLeft());
    assertEquals(11, r.depth());
    assertEquals(614, r.tlcMillis());
    assertNull(r.violationKind());
    assertNull(r.errorMessage());
    assertTrue(r.trace().isEmpty());
    assertTrue(r.ok());
    assertEquals(Transcripts.transcript("twophase-rm3"), r.log());
  }

  @Test
  void invariantViolation() {
    TlcResult r = Transcripts.parse("counter-invariant", 12);
    assertEquals("invariant", r.violationKind());
    assertEquals("Small", r.violatedProperty());
    assertEquals(List.of("Init", "Inc", "Inc", "Inc"), actions(r));
    assertEquals(List.of(1, 2, 3, 4), r.trace().stream().map(TlcState::index).toList());
    assertEquals(List.of("0", "1", "2", "3"), values(r, "x"));
    assertEquals(List.of("x", "label"), List.copyOf(r.trace().get(0).vars().keySet()));
    assertEquals("\"start\"", r.trace().get(0).vars().get("label"));
    assertEquals(5, r.generated());
    assertEquals(1, r.queueLeft());
    assertEquals(4, r.depth());
    assertNull(r.errorMessage());
    assertFalse(r.ok());
  }

  @Test
  void deadlockWithOneVariableStates() {
    TlcResult r = Transcripts.parse("stuck-deadlock", 11);
    assertEquals("deadlock", r.violationKind());
    assertNull(r.violatedProperty());
    assertEquals(List.of("Init", "Step", "Step"), actions(r));
    assertEquals(List.of("0", "1", "2"), values(r, "n"));
  }

  @Test
  void multiLineAndNonAsciiValues() {
    TlcResult r = Transcripts.parse("wide-multiline", 12);
    assertEquals("ShortMsg", r.violatedProperty());
    assertEquals(List.of("Init", "Grow"), actions(r));
    Map<String, String> first = r.trace().get(0).vars();
    assertEquals(List.of("f", "s", "msg"), List.copyOf(first.keySet()));
    assertEquals(
        "<< [name |-> \"element\", idx |-> 1, flags |-> {\"alpha\", \"beta\", \"gamma\"}],"
            + " [name |-> \"element\", idx |-> 2, flags |-> {\"alpha\", \"beta\", \"gamma\"}],"
            + " [name |-> \"element\", idx |-> 3, flags |-> {\"alpha\", \"beta\", \"gamma\"}] >>",
        first.get("f"));
    assertEquals("\"héllo wörld → ok\"", first.get("s"));
    assertEquals("<<\"a\", \"b\", \"c\">>", r.trace().get(1).vars().get("msg"));
  }

  @Test
  void invariantBrokenByAnInitialState() {
    TlcResult r = Transcripts.parse("initbad-initial", 12);
    assertEquals("invariant", r.violationKind());
    assertEquals("Pos", r.violatedProperty());
    assertEquals(List.of(new TlcState(1, "Init", Map.of("x", "5"))), r.trace());
    assertEquals(-1, r.distinct()); // TLC prints no statistics here
    assertEquals(-1, r.depth());
  }

  @Test
  void temporalLassoEndsWithBackToState() {
    TlcResult r = Transcripts.parse("cycle-lasso", 13);
    assertEquals("temporal", r.violationKind());
    assertNull(r.violatedProperty());
    assertEquals(List.of("Init", "Next", "Next", "Next"), actions(r));
    assertEquals(List.of(1, 2, 3, 1), r.trace().stream().map(TlcState::index).toList());
    assertEquals(r.trace().get(0).vars(), r.trace().get(3).vars());
    assertEquals(3, r.distinct());
  }

  @Test
  void temporalStuttering() {
    TlcResult r = Transcripts.parse("cycle-stuttering", 13);
    assertEquals("temporal", r.violationKind());
    assertEquals(List.of("Init", "Stuttering"), actions(r));
    assertEquals(r.trace().get(0).vars(), r.trace().get(1).vars());
  }

  @Test
  void actionPropertyIsTemporalAndNamed() {
    TlcResult r = Transcripts.parse("cycle-action-property", 13);
    assertEquals("temporal", r.violationKind());
    assertEquals("AlwaysUp", r.violatedProperty());
    assertEquals(List.of("0", "1", "2", "0"), values(r, "x"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "broken-parse | 150 | TLC could not parse Broken.tla: Encountered \"====\" at line 7,"
            + " column 1 and token \"+\"",
        "undefined-semantic | 150 | TLC could not parse Undefined.tla: Unknown operator: `y'."
            + " (line 6, col 14 to line 6, col 14 of module Undefined)",
        "missing-module | 150 | TLC could not parse NoSuch.tla: Cannot find source file for"
            + " module NoSuch.",
        "missing-cfg | 255 | TLC encountered the following error when trying to read the"
            + " configuration file Nope.cfg: File not found.",
        "missing-invariant | 151 | The invariant Missing specified in the configuration file is"
            + " not defined in the specification.",
        "badchoose-runtime | 75 | Attempted to compute the value of an expression of form CHOOSE"
            + " x \\in S: P, but no element of S satisfied P. line 6, col 14 to line 6, col 35 of"
            + " module BadChoose"
      })
  void errorsBecomeOneLine(String transcript, int exitCode, String message) {
    TlcResult r = Transcripts.parse(transcript, exitCode);
    assertEquals("error", r.violationKind());
    assertEquals(message, r.errorMessage());
    assertEquals(exitCode, r.exitCode());
    assertTrue(r.tlcMillis() >= 0);
  }

  @Test
  void nonZeroExitWithoutAMessageIsAnError() {
    TlcResult r = TlcOutputParser.of(List.of("Error: could not open jar")).result(1, 5, Path.of("x"));
    assertEquals("error", r.violationKind());
    assertTrue(r.errorMessage().contains("code 1"), r.errorMessage());
  }

  @Test
  void nestedMarkersInTheMiddleOfALine() {
    TlcOutputParser p =
        TlcOutputParser.of(
            List.of(
                "before",
                "@!@!@STARTMSG 1000:1 @!@!@",
                "outer text",
                ": @!@!@STARTMSG 5001:0 @!@!@",
                "inner text",
                "@!@!@ENDMSG 5001 @!@!@",
                "@!@!@ENDMSG 1000 @!@!@",
                "@!@!@ENDMSG 42 @!@!@",
                "@!@!@STARTMSG 2185:0 @!@!@",
                "cut off"));
    p.finish();
    assertEquals(List.of("before"), p.unframedLines());
    assertEquals(2, p.messages().size());
    TlcMessage outer = p.messages().get(0);
    assertEquals(1000, outer.code());
    assertEquals(1, outer.messageClass());
    assertEquals("outer text\n:", outer.body());
    assertEquals(List.of(new TlcMessage(5001, 0, "inner text", List.of())), outer.nested());
    assertEquals("outer text : inner text", outer.oneLine());
    assertEquals(new TlcMessage(2185, 0, "cut off", List.of()), p.messages().get(1));
  }

  @Test
  void durations() {
    assertEquals(534, ResultReader.parseDuration("534ms"));
    assertEquals(6_000, ResultReader.parseDuration("06s"));
    assertEquals(186_000, ResultReader.parseDuration("03min 06s"));
    assertEquals(3_723_000, ResultReader.parseDuration("1h 02min 03s"));
    assertEquals(7_320_000, ResultReader.parseDuration("02h 02min"));
    assertEquals(93_600_000, ResultReader.parseDuration("1d 02h"));
    assertEquals(-1, ResultReader.parseDuration("soon"));
  }

  @Test
  void varsOfOneAndManyVariables() {
    assertEquals(Map.of("n", "{1, 2}"), ResultReader.vars(List.of("n = {1,", "  2}", "")));
    Map<String, String> many = ResultReader.vars(List.of("/\\ a = 1", "/\\ b = <<", "   2 >>"));
    assertEquals(List.of("a", "b"), List.copyOf(many.keySet()));
    assertEquals("<< 2 >>", many.get("b"));
  }
}
