package org.panthorverify.regs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a C header as {@code regs check} needs it: every {@code #define} (object-like and
 * function-like, backslash continuations joined, comments removed) and every struct whose
 * members are fixed-size integers ({@code u32}, {@code u64}, arrays of them), with offsets by
 * natural alignment. Lines are those of the file.
 */
final class CReader {
  private static final Set<String> BUILTINS = Set.of("BIT", "BIT_ULL", "GENMASK", "GENMASK_ULL",
      "BIT_U32", "BIT_U64", "GENMASK_U32", "GENMASK_U64");
  private static final Pattern DEFINE = Pattern.compile(
      "^\\s*#\\s*define\\s+([A-Za-z_][A-Za-z0-9_]*)(\\(([^)]*)\\))?(.*)$");
  private static final Pattern STRUCT = Pattern.compile(
      "struct\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\{([^{}]*)\\}", Pattern.DOTALL);
  private static final Pattern MEMBER = Pattern.compile(
      "^\\s*((?:const\\s+)?[A-Za-z_][A-Za-z0-9_]*)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\[\\s*([^\\]]+)\\s*\\])?\\s*$");
  private static final Map<String, Integer> SIZES = Map.ofEntries(Map.entry("u8", 1),
      Map.entry("u16", 2), Map.entry("u32", 4), Map.entry("u64", 8), Map.entry("__u8", 1),
      Map.entry("__u16", 2), Map.entry("__u32", 4), Map.entry("__u64", 8),
      Map.entry("__le32", 4), Map.entry("__le64", 8), Map.entry("uint8_t", 1),
      Map.entry("uint16_t", 2), Map.entry("uint32_t", 4), Map.entry("uint64_t", 8),
      Map.entry("s32", 4), Map.entry("s64", 8), Map.entry("int32_t", 4),
      Map.entry("int64_t", 8));

  private CReader() {}

  static CheckedFile read(String path, String text) {
    String clean = stripComments(text.replace("\r\n", "\n"));
    Expr env = new Expr();
    List<CheckedFile.Def> defs = new ArrayList<>();
    String[] lines = clean.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int first = i;
      StringBuilder sb = new StringBuilder(lines[i]);
      while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\\' && i + 1 < lines.length) {
        sb.setLength(sb.length() - 1);
        sb.append(' ').append(lines[++i]);
      }
      Matcher m = DEFINE.matcher(sb.toString());
      if (!m.matches()) {
        continue;
      }
      String name = m.group(1);
      if (BUILTINS.contains(name)) {
        continue;
      }
      List<String> params = null;
      if (m.group(2) != null) {
        params = new ArrayList<>();
        for (String p : m.group(3).split(",")) {
          if (!p.isBlank()) {
            params.add(p.strip());
          }
        }
      }
      List<String> body = Expr.tokenize(m.group(4));
      if (body.isEmpty()) {
        continue; // an include guard or a flag: no value to compare
      }
      env.define(new Expr.Macro(name, params, body, first + 1));
      defs.add(new CheckedFile.Def(name, name, params == null ? 0 : params.size(), first + 1));
    }
    List<CheckedFile.Struct> structs = new ArrayList<>();
    Matcher sm = STRUCT.matcher(clean);
    while (sm.find()) {
      structs.add(struct(sm.group(1), sm.group(2), lineOf(clean, sm.start()),
          lineOf(clean, sm.start(2)), env));
    }
    return new CheckedFile(path, defs, List.of(), structs, List.of(), env,
        CheckedFile.usedByOthers(defs, env));
  }

  /** Blanks preprocessor lines (with their continuations), keeping the newlines. */
  private static String withoutDirectives(String body) {
    StringBuilder sb = new StringBuilder();
    boolean inDirective = false;
    boolean first = true;
    for (String l : body.split("\n", -1)) {
      if (!first) {
        sb.append('\n');
      }
      first = false;
      boolean starts = l.strip().startsWith("#");
      if (starts || inDirective) {
        inDirective = l.endsWith("\\");
        continue;
      }
      sb.append(l);
    }
    return sb.toString();
  }

  private static CheckedFile.Struct struct(String name, String rawBody, int line, int bodyLine,
      Expr env) {
    String body = withoutDirectives(rawBody);
    List<CheckedFile.Member> members = new ArrayList<>();
    long at = 0;
    int ln = bodyLine;
    for (String decl : body.split(";", -1)) {
      int startLine = ln + countLeadingNewlines(decl);
      ln += count(decl, '\n');
      if (decl.isBlank()) {
        continue;
      }
      Matcher m = MEMBER.matcher(decl.replace('\n', ' '));
      if (!m.matches()) {
        return new CheckedFile.Struct(name, members, "member '"
            + decl.strip().replaceAll("\\s+", " ") + "' is not a fixed-size integer", line);
      }
      String type = m.group(1).replace("const ", "").strip();
      Integer size = SIZES.get(type);
      if (size == null) {
        return new CheckedFile.Struct(name, members, "member type '" + type
            + "' is not a fixed-size integer", line);
      }
      long n = 1;
      if (m.group(3) != null) {
        try {
          n = env.eval(Expr.tokenize(m.group(3)), 0);
        } catch (Expr.Unreadable e) {
          return new CheckedFile.Struct(name, members, "array size '" + m.group(3)
              + "' cannot be evaluated: " + e.getMessage(), line);
        }
      }
      at = (at + size - 1) / size * size;
      members.add(new CheckedFile.Member(m.group(2), at, size, startLine));
      at += size * n;
    }
    return new CheckedFile.Struct(name, members, null, line);
  }

  private static int countLeadingNewlines(String s) {
    int n = 0;
    for (int i = 0; i < s.length() && Character.isWhitespace(s.charAt(i)); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  static int lineOf(String text, int index) {
    int n = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Replaces comments (and string contents) by blanks, keeping every newline. */
  static String stripComments(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        for (int k = i; k < end; k++) {
          sb.append(text.charAt(k) == '\n' ? '\n' : ' ');
        }
        i = end;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n') {
          sb.append(' ');
          i++;
        }
      } else if (c == '"') {
        sb.append('"');
        i++;
        while (i < n && text.charAt(i) != '"' && text.charAt(i) != '\n') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            sb.append(' ');
            i++;
          }
          sb.append(' ');
          i++;
        }
        if (i < n && text.charAt(i) == '"') {
          sb.append('"');
          i++;
        }
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }
}
