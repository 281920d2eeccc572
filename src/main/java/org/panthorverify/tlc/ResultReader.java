package org.panthorverify.tlc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns parsed TLC messages into a {@link TlcResult}; the rules behind {@link TlcOutputParser}. */
final class ResultReader {

  private static final Pattern COUNTS =
      Pattern.compile(
          "([\\d,]+) states generated(?: \\([^)]*\\))?, ([\\d,]+) distinct states found"
              + "(?: \\([^)]*\\))?, ([\\d,]+) states left on queue");
  private static final Pattern DEPTH = Pattern.compile("search is (\\d+)\\.");
  private static final Pattern FINISHED = Pattern.compile("Finished in (.+?) at ");
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|min|h|d|s)");
  private static final Pattern INVARIANT = Pattern.compile("^Invariant (\\S+) is violated");
  private static final Pattern ACTION_PROPERTY =
      Pattern.compile("^Action property (\\S+) is violated");
  private static final Pattern STEP = Pattern.compile("^(\\d+): (.*)$");
  private static final Pattern LOCATED =
      Pattern.compile("^(.+?) line \\d+, col \\d+ to line \\d+, col \\d+ of module \\S+$");
  private static final Pattern PARSING_FILE = Pattern.compile("^Parsing file (.+)$");
  private static final Pattern FATAL_IN_FILE =
      Pattern.compile("^Fatal errors while parsing TLA\\+ spec in file (\\S+)");
  private static final String BACK_TO_STATE = "Back to state: ";
  private static final int MAX_ERROR_CHARS = 400;

  /** Error-class messages that belong to a violation report rather than describe an error. */
  private static final Set<TlcMessageCode> NOT_ERRORS =
      Set.of(
          TlcMessageCode.INVARIANT_VIOLATED,
          TlcMessageCode.INVARIANT_VIOLATED_INITIAL,
          TlcMessageCode.ACTION_PROPERTY_VIOLATED,
          TlcMessageCode.DEADLOCK,
          TlcMessageCode.TEMPORAL_VIOLATED,
          TlcMessageCode.BEHAVIOR_UP_TO_THIS_POINT,
          TlcMessageCode.COUNTER_EXAMPLE,
          TlcMessageCode.NESTED_EXPRESSIONS);

  private ResultReader() {}

  static TlcResult read(
      List<TlcMessage> messages,
      List<String> unframed,
      int exitCode,
      long wallMillis,
      Path log,
      String abortReason) {
    long[] counts = {-1, -1, -1};
    boolean finalCounts = false;
    int depth = -1;
    long tlcMillis = -1;
    String kind = null;
    String property = null;
    String error = null;
    List<TlcState> trace = new ArrayList<>();
    boolean traceClosed = false;
    for (TlcMessage m : messages) {
      Optional<TlcMessageCode> known = m.known();
      if (known.isEmpty()) {
        if (m.messageClass() == TlcMessage.CLASS_ERROR && error == null) {
          error = clip(m.oneLine());
        }
        continue;
      }
      switch (known.get()) {
        case STATS:
          finalCounts |= counts(m.body(), counts);
          break;
        case PROGRESS:
          if (!finalCounts) {
            counts(m.body(), counts);
          }
          break;
        case DEPTH:
          depth = (int) firstNumber(DEPTH, m.body());
          break;
        case FINISHED:
          Matcher f = FINISHED.matcher(m.body());
          tlcMillis = f.find() ? parseDuration(f.group(1)) : -1;
          break;
        case INVARIANT_VIOLATED:
        case INVARIANT_VIOLATED_INITIAL:
        case ACTION_PROPERTY_VIOLATED:
        case DEADLOCK:
        case TEMPORAL_VIOLATED:
          if (kind == null) {
            kind = kindOf(known.get());
            property = propertyOf(m.body());
            if (known.get() == TlcMessageCode.INVARIANT_VIOLATED_INITIAL && trace.isEmpty()) {
              List<String> lines = List.of(m.body().split("\n"));
              trace.add(new TlcState(1, "Init", vars(lines.subList(1, lines.size()))));
              traceClosed = true;
            }
          }
          break;
        case BEHAVIOR_UP_TO_THIS_POINT:
        case COUNTER_EXAMPLE:
          traceClosed = !trace.isEmpty(); // only the first trace is kept
          break;
        case STATE:
        case STUTTERING:
        case BACK_TO_STATE:
          if (!traceClosed) {
            trace.add(state(m.body(), trace));
          }
          break;
        case PARSING_FAILED:
          if (error == null) {
            error = clip(parseError(unframed));
          }
          break;
        default:
          if (m.messageClass() == TlcMessage.CLASS_ERROR
              && !NOT_ERRORS.contains(known.get())
              && error == null) {
            error = clip(errorLine(m));
          }
      }
    }
    if (abortReason != null) {
      error = abortReason;
    }
    if (kind == null && error == null && exitCode != 0) {
      error = "TLC exited with code " + exitCode + " without saying why; see " + log;
    }
    if (kind == null && error != null) {
      kind = "error";
    }
    return new TlcResult(
        exitCode,
        counts[0],
        counts[1],
        counts[2],
        depth,
        tlcMillis,
        wallMillis,
        kind,
        property,
        trace,
        error,
        log);
  }

  private static String kindOf(TlcMessageCode code) {
    switch (code) {
      case DEADLOCK:
        return "deadlock";
      case TEMPORAL_VIOLATED:
      case ACTION_PROPERTY_VIOLATED:
        return "temporal";
      default:
        return "invariant";
    }
  }

  private static String propertyOf(String body) {
    for (Pattern p : List.of(INVARIANT, ACTION_PROPERTY)) {
      Matcher m = p.matcher(body);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  private static boolean counts(String body, long[] into) {
    Matcher m = COUNTS.matcher(body);
    if (!m.find()) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      into[i] = Long.parseLong(m.group(i + 1).replace(",", ""));
    }
    return true;
  }

  private static long firstNumber(Pattern p, String body) {
    Matcher m = p.matcher(body);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /**
   * Milliseconds in a TLC duration: "534ms" (what -tool prints), "06s", "03min 06s", "01h 02min",
   * "1h 02min 03s", "1d 02h"; -1 if there is no number with a unit in it.
   */
  static long parseDuration(String text) {
    Matcher m = DURATION_PART.matcher(text);
    long total = 0;
    boolean any = false;
    while (m.find()) {
      any = true;
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms":
          total += n;
          break;
        case "s":
          total += n * 1_000L;
          break;
        case "min":
          total += n * 60_000L;
          break;
        case "h":
          total += n * 3_600_000L;
          break;
        default:
          total += n * 86_400_000L;
      }
    }
    return any ? total : -1;
  }

  /** One trace entry from a 2217, 2218 or 2122 message. */
  private static TlcState state(String body, List<TlcState> before) {
    List<String> lines = List.of(body.split("\n"));
    Matcher h = STEP.matcher(lines.get(0));
    if (!h.matches()) {
      return new TlcState(before.size() + 1, lines.get(0).strip(), vars(lines));
    }
    int index = Integer.parseInt(h.group(1));
    String rest = h.group(2).strip();
    if (rest.startsWith(BACK_TO_STATE)) {
      Map<String, String> loopVars =
          before.stream()
              .filter(s -> s.index() == index)
              .findFirst()
              .map(TlcState::vars)
              .orElse(Map.of());
      return new TlcState(index, actionName(rest.substring(BACK_TO_STATE.length())), loopVars);
    }
    if (rest.equals("Stuttering")) {
      Map<String, String> same = before.isEmpty() ? Map.of() : before.get(before.size() - 1).vars();
      return new TlcState(index, rest, same);
    }
    return new TlcState(index, actionName(rest), vars(lines.subList(1, lines.size())));
  }

  /** "Inc" from "&lt;Inc line 5, col 8 to line 5, col 35 of module Counter&gt;". */
  private static String actionName(String header) {
    String inner = header;
    if (inner.startsWith("<") && inner.endsWith(">")) {
      inner = inner.substring(1, inner.length() - 1);
    }
    if (inner.equals("Initial predicate")) {
      return "Init";
    }
    Matcher m = LOCATED.matcher(inner);
    return m.matches() ? m.group(1) : inner;
  }

  /**
   * Variables from TLC's state dump: "/\ x = 1" lines, or "x = 1" when the spec has one
   * variable. Indented continuation lines are joined to the value with single spaces.
   */
  static Map<String, String> vars(List<String> lines) {
    Map<String, String> vars = new LinkedHashMap<>();
    boolean conjunctions = lines.stream().filter(l -> !l.isBlank()).findFirst()
        .map(l -> l.startsWith("/\\ ")).orElse(false);
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      boolean startsVar = conjunctions ? line.startsWith("/\\ ") : name == null;
      if (startsVar) {
        if (name != null) {
          vars.put(name, value.toString());
        }
        String text = conjunctions ? line.substring(3) : line;
        int eq = text.indexOf(" = ");
        name = eq < 0 ? text.strip() : text.substring(0, eq).strip();
        value.setLength(0);
        value.append(eq < 0 ? "" : text.substring(eq + 3).strip());
      } else if (name != null) {
        value.append(' ').append(line.strip());
      }
    }
    if (name != null) {
      vars.put(name, value.toString());
    }
    return vars;
  }

  /** One line for an error message; code 1000 is unwrapped to the exception's own text. */
  private static String errorLine(TlcMessage m) {
    if (!m.nested().isEmpty()) {
      return m.nested().get(0).oneLine();
    }
    if (m.is(TlcMessageCode.GENERAL_ERROR)) {
      String[] lines = m.body().split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].startsWith("The exception was a ")) {
          String detail =
              new TlcMessage(0, 0, String.join("\n", List.of(lines).subList(i + 1, lines.length)),
                      List.of())
                  .oneLine();
          detail = detail.startsWith(":") ? detail.substring(1).strip() : detail;
          return detail.isEmpty() ? lines[i].strip() : detail;
        }
      }
    }
    return m.oneLine();
  }

  /** "TLC could not parse X.tla: first error line", from SANY's unframed output. */
  static String parseError(List<String> unframed) {
    String file = null;
    String detail = null;
    for (int i = 0; i < unframed.size(); i++) {
      String line = unframed.get(i).strip();
      Matcher pf = PARSING_FILE.matcher(line);
      Matcher ff = FATAL_IN_FILE.matcher(line);
      if (file == null && pf.matches()) {
        file = Path.of(pf.group(1)).getFileName().toString();
      } else if (file == null && ff.find()) {
        file = ff.group(1) + ".tla";
      }
      if (detail != null) {
        continue;
      }
      if (line.startsWith("***Parse Error***")) {
        detail = lineAt(unframed, nextNonBlank(unframed, i + 1));
      } else if (line.startsWith("Lexical error")) {
        detail = line;
      } else if (line.startsWith("*** Errors:")) {
        int where = nextNonBlank(unframed, i + 1);
        int what = where < 0 ? -1 : nextNonBlank(unframed, where + 1);
        detail =
            what < 0
                ? lineAt(unframed, where)
                : lineAt(unframed, what) + " (" + lineAt(unframed, where) + ")";
      } else if (line.startsWith("*** Abort messages:")) {
        detail = lineAt(unframed, nextNonBlank(unframed, i + 1));
      }
    }
    if (detail == null) {
      detail = "Parsing or semantic analysis failed.";
    }
    return "TLC could not parse " + (file == null ? "the specification" : file) + ": " + detail;
  }

  /** The index of the next line with text, skipping SANY's location-less headers; -1 if none. */
  private static int nextNonBlank(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      String s = lines.get(i).strip();
      if (!s.isEmpty() && !s.equals("Unknown location") && !s.startsWith("In module ")) {
        return i;
      }
    }
    return -1;
  }

  private static String lineAt(List<String> lines, int index) {
    return index < 0 ? null : lines.get(index).strip();
  }

  private static String clip(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= MAX_ERROR_CHARS ? one : one.substring(0, MAX_ERROR_CHARS - 1) + "…";
  }
}
