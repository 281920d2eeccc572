package org.panthorverify.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Step;
import org.panthorverify.core.Trace;
import org.panthorverify.core.Value;

/**
 * The entry point for the Informal Trace Format (Apalache ADR-015): writes {@link ItfTrace}s as
 * deterministic JSON text, reads and validates that text, and converts model {@link Trace}s.
 *
 * <p>Written text depends only on the trace: equal traces give byte-identical text on every
 * platform (2-space indentation, {@code "\n"} line ends, keys in a fixed order). Reading accepts
 * what is written and a little more: plain JSON integers, an initial state without {@code #meta},
 * unknown keys at the top level and in {@code #meta}, JSON null for absent metadata fields, and
 * metadata that names no model (such as Apalache's), read as null {@link ItfTrace#meta()}.
 * Anything else is a {@link TraceFormatException} with a one-line message naming the source and
 * the JSON path of the problem.
 */
public final class Itf {
  private Itf() {}

  /**
   * The trace as ITF text, ending with a newline.
   *
   * @throws IllegalArgumentException if a value cannot be written: a record field whose name
   *     starts with '#', JSON nesting deeper than 500 levels or an integer of more than 100000
   *     digits
   */
  public static String write(ItfTrace t) {
    return ItfWriter.write(t);
  }

  /**
   * Writes the trace as ITF text (UTF-8) to {@code file}, creating its parent directories.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(ItfTrace t, Path file) {
    String text = write(t);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses and validates ITF text.
   *
   * @param source the file name (or other origin) that messages name
   * @throws TraceFormatException for any text that is not a valid ITF trace; nothing else
   */
  public static ItfTrace read(String json, String source) {
    return ItfReader.read(json, source);
  }

  /**
   * Reads and validates an ITF file (UTF-8, with or without a byte-order mark).
   *
   * @throws TraceFormatException if the file is missing, unreadable or not a valid ITF trace
   */
  public static ItfTrace read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new TraceFormatException(JsonPaths.oneLine(file + ": no such file"), e);
    } catch (IOException | RuntimeException e) {
      throw new TraceFormatException(
          JsonPaths.oneLine(file + ": cannot read the file (" + e.getMessage() + ")"), e);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new TraceFormatException(
          JsonPaths.oneLine(
              file + ": not UTF-8 text at the top level; expected a JSON file in UTF-8"),
          e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return read(text, file.toString());
  }

  /**
   * Converts a model trace: {@code vars} are the model's variables, each state's variables its
   * {@link Model#describe} and each step's action name and parameters those of its action.
   *
   * @param meta the trace metadata; null for metadata naming only the model
   * @throws IllegalArgumentException if {@code describe} does not give exactly the model's
   *     variables in order, or a step after the first has no action
   */
  public static <S, A extends Action> ItfTrace fromTrace(
      Model<S, A> model, Trace<S, A> trace, TraceMeta meta) {
    List<String> vars = List.copyOf(model.variables());
    List<ItfState> states = new ArrayList<>(trace.length());
    for (int i = 0; i < trace.length(); i++) {
      Step<S, A> step = trace.steps().get(i);
      Map<String, Value> described = model.describe(step.state());
      if (!List.copyOf(described.keySet()).equals(vars)) {
        throw new IllegalArgumentException(
            "model " + model.name() + " describes state " + i + " with variables "
                + described.keySet() + " but its variables() are " + vars);
      }
      A action = step.action();
      if (i > 0 && action == null) {
        throw new IllegalArgumentException("step " + i + " of the trace has no action");
      }
      states.add(
          i == 0
              ? new ItfState(0, null, Map.of(), described)
              : new ItfState(i, action.name(), action.params(), described));
    }
    return new ItfTrace(
        meta == null ? TraceMeta.of(model.name()) : meta, vars, states, trace.loopStart());
  }
}
