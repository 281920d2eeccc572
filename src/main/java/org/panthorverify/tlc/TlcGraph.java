package org.panthorverify.tlc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.TlaValues;
import org.panthorverify.core.UserInputException;
import org.panthorverify.core.Value;

/**
 * The state graph TLC wrote with {@code -dump dot,actionlabels}: every reachable state (as the
 * 64-bit hash of its canonical TLA+ value, {@link TlaValues#hash}) and every labelled edge.
 *
 * <p>The file is read in one streaming pass and no state's text is kept: a node's value is parsed,
 * hashed and dropped, so the graph of a few million states fits in a few hundred megabytes. {@link
 * #state} reads one node's value again when a difference must be shown. Edges are kept once per
 * (source, label, target): TLC writes an edge for every successor it computes, so the same edge
 * can stand in the file more than once. Self-loops are left out: a step that changes nothing is a
 * stuttering step, which TLA+ allows in every state, so graphs are compared up to stuttering.
 */
public final class TlcGraph {

  private final Path file;
  private final List<String> variables;
  private final long[] tlcIds;
  private final long[] hashes;
  private final boolean[] initial;
  private final Map<Long, Integer> byHash;
  private final List<String> labels;
  private final int[] edgeStart;
  private final int[] edgeLabel;
  private final int[] edgeTarget;
  private final int selfLoops;

  private TlcGraph(Path file, List<String> variables, long[] tlcIds, long[] hashes,
      boolean[] initial, Map<Long, Integer> byHash, List<String> labels, int[] edgeStart,
      int[] edgeLabel, int[] edgeTarget, int selfLoops) {
    this.selfLoops = selfLoops;
    this.file = file;
    this.variables = variables;
    this.tlcIds = tlcIds;
    this.hashes = hashes;
    this.initial = initial;
    this.byHash = byHash;
    this.labels = labels;
    this.edgeStart = edgeStart;
    this.edgeLabel = edgeLabel;
    this.edgeTarget = edgeTarget;
  }

  /**
   * Reads a dot dump. States are hashed over {@code variables}, the spec's variables as the Java
   * side's view names them.
   *
   * @throws UserInputException if the file is missing or is not TLC's dot dump, or if a state's
   *     variables are not exactly {@code variables}
   */
  public static TlcGraph read(Path dot, List<String> variables) {
    if (!Files.isRegularFile(dot)) {
      throw new UserInputException("TLC state graph " + dot + " does not exist");
    }
    List<String> vars = List.copyOf(variables);
    Map<Long, Integer> index = new HashMap<>();
    long[] ids;
    long[] hs;
    boolean[] init;
    int n = 0;
    Map<Long, Integer> hashIndex = new HashMap<>();
    List<String> labelNames = new ArrayList<>();
    Map<String, Integer> labelIds = new HashMap<>();
    long[] eSrc = new long[4096];
    long[] eDst = new long[4096];
    int[] eLab = new int[4096];
    int m = 0;
    int lineNo = 0;
    List<NodeLine> pending = new ArrayList<>();
    Nodes nodes = new Nodes();
    try (BufferedReader r = Files.newBufferedReader(dot, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isEmpty() || !(line.charAt(0) == '-' || Character.isDigit(line.charAt(0)))) {
          continue; // header, footer, legend
        }
        int arrow = line.indexOf(" -> ");
        int bracket = line.indexOf(" [");
        if (bracket < 0) {
          continue;
        }
        if (arrow >= 0 && arrow < bracket) {
          if (m == eSrc.length) {
            eSrc = Arrays.copyOf(eSrc, m * 2);
            eDst = Arrays.copyOf(eDst, m * 2);
            eLab = Arrays.copyOf(eLab, m * 2);
          }
          eSrc[m] = parseId(line.substring(0, arrow), dot, lineNo);
          eDst[m] = parseId(line.substring(arrow + 4, bracket), dot, lineNo);
          String label = label(line, bracket, dot, lineNo);
          Integer li = labelIds.get(label);
          if (li == null) {
            li = labelNames.size();
            labelNames.add(label);
            labelIds.put(label, li);
          }
          eLab[m++] = li;
        } else {
          pending.add(new NodeLine(parseId(line.substring(0, bracket), dot, lineNo), line,
              bracket, lineNo));
          if (pending.size() == BATCH) {
            n = addNodes(pending, dot, vars, index, hashIndex, nodes, n);
            pending.clear();
          }
        }
      }
      n = addNodes(pending, dot, vars, index, hashIndex, nodes, n);
      ids = nodes.ids;
      hs = nodes.hashes;
      init = nodes.init;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TLC state graph " + dot, e);
    }
    // CSR by source, each source's edges sorted and made unique
    int[] src = new int[m];
    int[] dst = new int[m];
    for (int k = 0; k < m; k++) {
      Integer s = index.get(eSrc[k]);
      Integer t = index.get(eDst[k]);
      if (s == null || t == null) {
        throw new UserInputException(dot + " has an edge to or from a state it never lists ("
            + (s == null ? eSrc[k] : eDst[k]) + "); not a complete TLC dot dump");
      }
      src[k] = s;
      dst[k] = t;
    }
    // a self-loop is a stuttering step: TLA+ allows one in every state, so it says nothing
    int loops = 0;
    int kept = 0;
    for (int k = 0; k < m; k++) {
      if (src[k] == dst[k]) {
        loops++;
      } else {
        src[kept] = src[k];
        dst[kept] = dst[k];
        eLab[kept] = eLab[k];
        kept++;
      }
    }
    m = kept;
    int[] start = new int[n + 1];
    for (int k = 0; k < m; k++) {
      start[src[k] + 1]++;
    }
    for (int k = 0; k < n; k++) {
      start[k + 1] += start[k];
    }
    long[] packed = new long[m];
    int[] fill = Arrays.copyOf(start, n);
    for (int k = 0; k < m; k++) {
      packed[fill[src[k]]++] = ((long) eLab[k] << 32) | (dst[k] & 0xffffffffL);
    }
    int[] outStart = new int[n + 1];
    int[] outLab = new int[m];
    int[] outDst = new int[m];
    int w = 0;
    for (int s = 0; s < n; s++) {
      outStart[s] = w;
      Arrays.sort(packed, start[s], start[s + 1]);
      for (int k = start[s]; k < start[s + 1]; k++) {
        if (k > start[s] && packed[k] == packed[k - 1]) {
          continue;
        }
        outLab[w] = (int) (packed[k] >>> 32);
        outDst[w] = (int) packed[k];
        w++;
      }
    }
    outStart[n] = w;
    return new TlcGraph(dot, vars, Arrays.copyOf(ids, n), Arrays.copyOf(hs, n),
        Arrays.copyOf(init, n), hashIndex, List.copyOf(labelNames), outStart,
        Arrays.copyOf(outLab, w), Arrays.copyOf(outDst, w), loops);
  }

  private static final int BATCH = 8192;

  private record NodeLine(long id, String line, int bracket, int lineNo) {}

  private static final class Nodes {
    long[] ids = new long[1024];
    long[] hashes = new long[1024];
    boolean[] init = new boolean[1024];
  }

  /** Parses a batch of node lines in parallel and adds them in file order; returns the count. */
  private static int addNodes(List<NodeLine> batch, Path dot, List<String> vars,
      Map<Long, Integer> index, Map<Long, Integer> hashIndex, Nodes nodes, int n) {
    java.util.Set<String> varSet = new java.util.HashSet<>(vars);
    long[] batchHashes = new long[batch.size()];
    java.util.stream.IntStream.range(0, batch.size()).parallel().forEach(k -> {
      NodeLine nl = batch.get(k);
      Map<String, Value> state = parseState(label(nl.line(), nl.bracket(), dot, nl.lineNo()),
          dot, nl.lineNo());
      if (!state.keySet().equals(varSet)) {
        throw new UserInputException("the spec's variables " + new java.util.TreeSet<>(
            state.keySet()) + " (" + dot + " line " + nl.lineNo() + ") are not the model's TLA+"
            + " view's " + new java.util.TreeSet<>(vars));
      }
      batchHashes[k] = TlaValues.hash(vars, state);
    });
    for (int k = 0; k < batch.size(); k++) {
      NodeLine nl = batch.get(k);
      if (index.containsKey(nl.id())) {
        continue;
      }
      if (n == nodes.ids.length) {
        nodes.ids = Arrays.copyOf(nodes.ids, n * 2);
        nodes.hashes = Arrays.copyOf(nodes.hashes, n * 2);
        nodes.init = Arrays.copyOf(nodes.init, n * 2);
      }
      nodes.ids[n] = nl.id();
      nodes.hashes[n] = batchHashes[k];
      nodes.init[n] = nl.line().contains("style = filled");
      Integer before = hashIndex.putIfAbsent(batchHashes[k], n);
      if (before != null) {
        throw new IllegalStateException("two TLC states with one canonical value (or a hash"
            + " collision): nodes " + nodes.ids[before] + " and " + nl.id() + " of " + dot);
      }
      index.put(nl.id(), n);
      n++;
    }
    return n;
  }

  /** The number of states. */
  public int size() {
    return hashes.length;
  }

  /**
   * The self-loop edges left out (with repeats): steps that change no variable, which TLA+ allows
   * in every state anyway (stuttering), such as a spec's {@code Done == UNCHANGED vars}.
   */
  public int selfLoops() {
    return selfLoops;
  }

  /** The number of distinct labelled edges between different states. */
  public int edges() {
    return edgeTarget.length;
  }

  /** The canonical hash of state {@code i}. */
  public long hash(int i) {
    return hashes[i];
  }

  /** Whether state {@code i} is initial. */
  public boolean initial(int i) {
    return initial[i];
  }

  /** The state whose canonical value has this hash, or -1. */
  public int indexOf(long hash) {
    Integer i = byHash.get(hash);
    return i == null ? -1 : i;
  }

  /** The first edge of state {@code i}; its edges are {@code edgeStart(i) .. edgeStart(i+1)-1}. */
  public int edgeStart(int i) {
    return edgeStart[i];
  }

  /** The label of edge {@code e}. */
  public String edgeLabel(int e) {
    return labels.get(edgeLabel[e]);
  }

  /** The target state of edge {@code e}. */
  public int edgeTarget(int e) {
    return edgeTarget[e];
  }

  /** The distinct edge labels, in the order first seen. */
  public List<String> labels() {
    return labels;
  }

  /** State {@code i}'s variables, read again from the file (for showing a difference). */
  public Map<String, Value> state(int i) {
    String prefix = Long.toString(tlcIds[i]) + " [";
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.startsWith(prefix)) {
          Map<String, Value> parsed = parseState(label(line, prefix.length() - 2, file, lineNo),
              file, lineNo);
          Map<String, Value> ordered = new LinkedHashMap<>();
          for (String v : variables) {
            ordered.put(v, parsed.get(v));
          }
          return ordered;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TLC state graph " + file, e);
    }
    throw new IllegalStateException("state " + tlcIds[i] + " vanished from " + file);
  }

  private static long parseId(String s, Path dot, int lineNo) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new UserInputException(dot + " line " + lineNo + ": '" + s.trim()
          + "' is not a TLC state id; not a TLC dot dump");
    }
  }

  /** The unescaped text of {@code label="..."} after {@code from}. */
  private static String label(String line, int from, Path dot, int lineNo) {
    int at = line.indexOf("label=\"", from);
    if (at < 0) {
      throw new UserInputException(dot + " line " + lineNo + " has no label; run TLC with"
          + " -dump dot,actionlabels");
    }
    StringBuilder sb = new StringBuilder();
    for (int k = at + 7; k < line.length(); k++) {
      char c = line.charAt(k);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\' && k + 1 < line.length()) {
        char e = line.charAt(++k);
        sb.append(e == 'n' ? '\n' : e);
      } else {
        sb.append(c);
      }
    }
    throw new UserInputException(dot + " line " + lineNo + ": unterminated label");
  }

  private static Map<String, Value> parseState(String text, Path dot, int lineNo) {
    try {
      return TlaValueParser.state(text);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(dot + " line " + lineNo + ": " + e.getMessage());
    }
  }
}
